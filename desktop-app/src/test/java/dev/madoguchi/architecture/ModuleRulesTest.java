package dev.madoguchi.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import dev.madoguchi.card.fixture.JavaFxInLibrary;
import dev.madoguchi.sync.RootOfACycle;
import dev.madoguchi.sync.fixture.BackToTheRoot;
import dev.madoguchi.sync.fixture.SyncUsingTheApp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries of docs/architecture.md, checked on the compiled production classes of every module on this
 * test class path (desktop-app depends on all of them).
 */
class ModuleRulesTest {

    /** Root package of each module. */
    static final Map<String, String> MODULES = Map.of(
            "domain", "dev.madoguchi.domain",
            "demo-municipality", "dev.madoguchi.demo",
            "card-io", "dev.madoguchi.card",
            "forms", "dev.madoguchi.forms",
            "offline-store", "dev.madoguchi.store",
            "sync", "dev.madoguchi.sync",
            "reference-backend", "dev.madoguchi.backend",
            "desktop-app", "dev.madoguchi.app");

    /** Which other modules each module may use. */
    static final Map<String, Set<String>> PERMITTED = Map.of(
            "domain", Set.of(),
            "demo-municipality", Set.of("domain"),
            "card-io", Set.of("domain"),
            "forms", Set.of("domain"),
            "offline-store", Set.of("domain"),
            "sync", Set.of("domain", "offline-store"),
            // the server: not on the desktop's run-time class path (./madoguchi backend starts it from its own jar)
            "reference-backend", Set.of("domain", "demo-municipality"),
            "desktop-app", Set.of("domain", "demo-municipality", "card-io", "forms", "offline-store", "sync"));

    static final List<String> LIBRARIES = List.of("domain", "demo-municipality", "card-io", "forms", "offline-store",
            "sync", "reference-backend");

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        // production classes of every module: desktop-app's target/classes and the library modules' jars
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar")) // card-io's test card
                .importPackages("dev.madoguchi");
    }

    static ArchRule libraryWithoutJavaFx(String module) {
        return noClasses().that().resideInAPackage(MODULES.get(module) + "..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .as(module + " is a library module and must not use JavaFX")
                .allowEmptyShould(true);
    }

    static ArchRule onlyPermittedModules(String module) {
        List<String> forbidden = new ArrayList<>();
        MODULES.forEach((other, pkg) -> {
            if (!other.equals(module) && !PERMITTED.get(module).contains(other)) {
                forbidden.add(pkg + "..");
            }
        });
        return noClasses().that().resideInAPackage(MODULES.get(module) + "..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                .as(module + " may use only " + PERMITTED.get(module))
                .allowEmptyShould(true);
    }

    @Test
    void everyModuleIsImported() {
        for (String module : List.of("domain", "card-io", "offline-store", "sync", "reference-backend", "desktop-app",
                "demo-municipality")) {
            assertThat(production.stream().anyMatch(c -> c.getPackageName().startsWith(MODULES.get(module))))
                    .as(module + " classes found").isTrue();
        }
    }

    @Test
    void libraryModulesDoNotUseJavaFx() {
        LIBRARIES.forEach(module -> libraryWithoutJavaFx(module).check(production));
    }

    @Test
    void modulesUseOnlyTheModulesTheyArePermitted() {
        MODULES.keySet().forEach(module -> onlyPermittedModules(module).check(production));
    }

    /**
     * The module's packages form no cycle: its root package (the module's facade, e.g. {@code LocalStore}) counts as a
     * package of its own beside each top-level sub-package (with its sub-packages), so a sub-package that uses the root
     * while the root uses it is a cycle too.
     */
    static ArchRule packagesWithoutCycles(String module) {
        String root = MODULES.get(module);
        return SlicesRuleDefinition.slices()
                .assignedFrom(new SliceAssignment() {
                    @Override
                    public SliceIdentifier getIdentifierOf(JavaClass c) {
                        String p = c.getPackageName();
                        if (p.equals(root)) {
                            return SliceIdentifier.of(root);
                        }
                        if (!p.startsWith(root + ".")) {
                            return SliceIdentifier.ignore();
                        }
                        String rest = p.substring(root.length() + 1);
                        int dot = rest.indexOf('.');
                        return SliceIdentifier.of(root + "." + (dot < 0 ? rest : rest.substring(0, dot)));
                    }

                    @Override
                    public String getDescription() {
                        return "the root package and the top-level sub-packages of " + module;
                    }
                })
                .should().beFreeOfCycles()
                .as("the packages of " + module + ", its root package included, form no cycle")
                .allowEmptyShould(true);
    }

    @Test
    void thePackagesOfEachLibraryModuleDependOnEachOtherWithoutCycles() {
        for (String module : LIBRARIES) {
            packagesWithoutCycles(module).check(production);
        }
    }

    @Test
    void theCycleRuleFailsForASubPackageThatUsesTheRootPackageWhileTheRootUsesIt() {
        JavaClasses offender = new ClassFileImporter().importClasses(RootOfACycle.class, BackToTheRoot.class);
        assertThat(packagesWithoutCycles("sync").evaluate(offender).hasViolation()).isTrue();
        JavaClasses oneWay = new ClassFileImporter().importClasses(SyncUsingTheApp.class);
        assertThat(packagesWithoutCycles("sync").evaluate(oneWay).hasViolation()).isFalse();
    }

    @Test
    void viewModelsUseJavaFxBeansButNoScene() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.fxml..")
                .as("view models are tested without a stage (docs/conventions.md)")
                .check(production);
    }

    @Test
    void threadsAreStartedOnlyByTheTaskRunner() {
        // the reference backend is a server: its threads (Jetty's pool, HikariCP) are documented in ReferenceBackend
        noClasses().that().resideOutsideOfPackages("dev.madoguchi.app.task..", "dev.madoguchi.backend..")
                .should().callConstructorWhere(target(owner(assignableTo(Thread.class))))
                .orShould().callMethodWhere(target(owner(type(java.util.concurrent.Executors.class))))
                .orShould().callMethodWhere(target(owner(type(java.util.concurrent.CompletableFuture.class)))
                        .and(target(nameMatching("(run|supply)Async"))))
                .as("threads are started only by the task runner (docs/conventions.md)")
                .check(production);
    }

    @Test
    void theRulesFailForASyncClassThatUsesJavaFxOrTheApp() {
        JavaClasses offender = new ClassFileImporter().importClasses(SyncUsingTheApp.class);
        assertThat(libraryWithoutJavaFx("sync").evaluate(offender).hasViolation()).isTrue();
        assertThat(onlyPermittedModules("sync").evaluate(offender).hasViolation()).isTrue();
    }

    @Test
    void theJavaFxRuleFailsForALibraryClassThatUsesJavaFx() {
        JavaClasses offender = new ClassFileImporter().importClasses(JavaFxInLibrary.class);
        assertThat(libraryWithoutJavaFx("card-io").evaluate(offender).hasViolation()).isTrue();
        assertThat(libraryWithoutJavaFx("offline-store").evaluate(offender).hasViolation()).isFalse();
    }

    @Test
    void theModuleRuleFailsForALibraryClassThatUsesTheApp() {
        JavaClasses offender = new ClassFileImporter().importClasses(JavaFxInLibrary.class);
        assertThat(onlyPermittedModules("card-io").evaluate(offender).hasViolation()).isTrue();
    }
}
