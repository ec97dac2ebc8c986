package dev.madoguchi.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
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
import dev.madoguchi.architecture.offender.UiCallOutsideTheRunner;
import dev.madoguchi.architecture.offender.a.CycleStart;
import dev.madoguchi.architecture.offender.b.CycleEnd;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Package rules over the production classes of every module (desktop-app's test class path holds them all): no
 * package depends on itself through others — a module's root package counts as a package like any other, so a root
 * that imports its sub-packages while they import the root is a cycle — and only the task runner switches to the UI
 * thread. {@link JdepsPackageCyclesTest} checks the cycles a second time with the JDK's own {@code jdeps}.
 */
class PackageRulesTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.madoguchi");
    }

    /** Every package is its own slice, whatever its depth. */
    static final SliceAssignment EACH_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            return javaClass.getPackageName().startsWith("dev.madoguchi")
                    ? SliceIdentifier.of(javaClass.getPackageName())
                    : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "each package of dev.madoguchi";
        }
    };

    static ArchRule noPackageCycles() {
        return SlicesRuleDefinition.slices().assignedFrom(EACH_PACKAGE)
                .should().beFreeOfCycles()
                .as("no package of any module (its root package included) depends on itself through other packages");
    }

    static ArchRule uiThreadOnlyThroughTheTaskRunner() {
        return noClasses().that().resideOutsideOfPackage("dev.madoguchi.app.task..")
                .should().callMethodWhere(target(owner(type(Platform.class))).and(target(name("runLater"))))
                .as("only the task runner (app.task) switches to the JavaFX thread");
    }

    @Test
    void noModuleHasAPackageCycle() {
        noPackageCycles().check(production);
    }

    @Test
    void onlyTheTaskRunnerCallsPlatformRunLater() {
        uiThreadOnlyThroughTheTaskRunner().check(production);
    }

    @Test
    void theCycleRuleFailsOnTwoPackagesThatUseEachOther() {
        JavaClasses offender = new ClassFileImporter().importClasses(CycleStart.class, CycleEnd.class);
        assertThat(noPackageCycles().evaluate(offender).hasViolation()).isTrue();
        JavaClasses oneWay = new ClassFileImporter().importClasses(CycleStart.class);
        assertThat(noPackageCycles().evaluate(oneWay).hasViolation()).isFalse();
    }

    @Test
    void theRunLaterRuleFailsOnAClassOutsideTheTaskRunner() {
        JavaClasses offender = new ClassFileImporter().importClasses(UiCallOutsideTheRunner.class);
        assertThat(uiThreadOnlyThroughTheTaskRunner().evaluate(offender).hasViolation()).isTrue();
    }
}
