package dev.madoguchi.app.counter;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.madoguchi.app.AppConfig;
import dev.madoguchi.app.AppPaths;
import dev.madoguchi.app.CompositionRoot;
import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.resident.ResidentLanguage;
import dev.madoguchi.app.task.ExecutorTaskRunner;
import dev.madoguchi.card.simulated.SimulatedCardReaders;
import dev.madoguchi.demo.Resident;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Not a test: the screenshot script (CONTRIBUTING.md, "Screenshots") runs it under Xvfb with the real GTK window
 * system and {@code -Dmadoguchi.screenshots=DIR}. It starts the application as the launcher does (composition root,
 * demo store, simulated reader), runs a 転入 visit with a child through every step and saves the clerk's and the
 * resident's window at each. Skipped when the property is not set.
 */
@ExtendWith(ApplicationExtension.class)
class CounterScreenshots {

    private static final String OUT = System.getProperty("madoguchi.screenshots");

    @TempDir
    static Path dataDir;

    private ExecutorTaskRunner tasks;
    private CompositionRoot root;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        if (OUT == null) {
            return;
        }
        tasks = new ExecutorTaskRunner(Platform::runLater);
        root = new CompositionRoot(new AppConfig(new AppPaths(dataDir), Language.JAPANESE, 100, true), tasks);
        root.showMainWindow(stage);
    }

    @AfterEach
    void stop() {
        if (root != null) {
            tasks.close();
            root.close();
        }
    }

    @Test
    void everyStepOfATennyuVisit(FxRobot robot) throws Exception {
        assumeTrue(OUT != null, "screenshots only with -Dmadoguchi.screenshots=DIR (CONTRIBUTING.md)");
        Path out = Files.createDirectories(Path.of(OUT));
        CounterVisit vm = new CounterVisit(root.visit());
        // wait for the demo store (the status bar opens it) before the visit needs the register
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> root.mainWindow().statusBar().storeTextProperty().get()
                .contains("人"));
        shoot(robot, out, "01-waiting-for-card");

        SimulatedCardReaders reader = simulated();
        Resident resident = CounterFixture.demo().municipality().cardHolders().stream()
                .filter(r -> r.familyName().startsWith("𠮷") && r.card().textPinTriesLeft() == 3).findFirst()
                .orElseThrow();
        reader.place(resident.id());
        waitUntil(() -> vm.stepProperty().get() == VisitStep.PIN_ENTRY);
        shoot(robot, out, "02-pin-tries-left-before-entry");

        String wrong = resident.card().textPin().equals("0000") ? "1111" : "0000";
        robot.interact(() -> {
            wrong.chars().forEach(c -> vm.pressPinDigit(c - '0'));
            vm.submitPin();
        });
        waitUntil(() -> vm.pinWrongProperty().get());
        shoot(robot, out, "03-wrong-pin-remaining-tries");

        robot.interact(() -> {
            vm.readMyNumberProperty().set(true);
            resident.card().textPin().chars().forEach(c -> vm.pressPinDigit(c - '0'));
            vm.submitPin();
        });
        waitUntil(() -> vm.stepProperty().get() == VisitStep.CANDIDATES);
        shoot(robot, out, "04-candidates-substitute-character-flagged");

        robot.interact(() -> vm.confirmCandidate(vm.candidates().get(0)));
        waitUntil(() -> vm.stepProperty().get() == VisitStep.LIFE_EVENT);
        robot.interact(() -> {
            vm.chooseEvent("tenshutsu");
            vm.questions().forEach(q -> vm.answer(q.id(), "no"));
            vm.answer("withChildren", "yes");
            var movers = vm.steps().plan().movers();
            if (movers.needsRemainingHead()) { // the head moves out alone: the clerk names who heads those who stay
                movers.chooseRemainingHead(movers.staying().get(0).code());
            }
        });
        shoot(robot, out, "05-life-event-interview");

        robot.interact(vm::proposeProcedures);
        waitUntil(() -> vm.stepProperty().get() == VisitStep.PROCEDURES);
        robot.interact(() -> VisitServiceTest.interview().forEach(vm::setInterviewValue));
        shoot(robot, out, "06-procedures-reasons-documents");

        robot.interact(vm::prepareForms);
        waitUntil(() -> vm.stepProperty().get() == VisitStep.FORMS);
        shoot(robot, out, "07-forms-sources-validation");
        robot.interact(() -> root.resident().languageProperty().set(ResidentLanguage.EASY_JAPANESE));
        shootResident(robot, out, "07-forms-easy-japanese");
        robot.interact(() -> root.resident().languageProperty().set(ResidentLanguage.JAPANESE));

        robot.interact(vm::preview);
        waitUntil(() -> vm.stepProperty().get() == VisitStep.PREVIEW);
        shoot(robot, out, "08-preview");

        robot.interact(vm::print);
        waitUntil(() -> vm.stepProperty().get() == VisitStep.DONE);
        shoot(robot, out, "09-printed-and-stored");

        robot.interact(() -> root.resident().languageProperty().set(ResidentLanguage.ENGLISH));
        shootResident(robot, out, "09-done-english");
        robot.interact(() -> root.resident().languageProperty().set(ResidentLanguage.KOREAN));
        shootResident(robot, out, "09-done-korean");
        robot.interact(() -> root.resident().languageProperty().set(ResidentLanguage.VIETNAMESE));
        shootResident(robot, out, "09-done-vietnamese");
        robot.interact(() -> root.resident().languageProperty().set(ResidentLanguage.JAPANESE));

        robot.interact(() -> root.mainWindow().fontScalePercentProperty().set(200));
        robot.interact(() -> new CounterVisit(root.visit()).nextResident());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> new CounterVisit(root.visit()).enterManually());
        WaitForAsyncUtils.waitForFxEvents();
        shootClerk(robot, out, "10-manual-entry-200-percent");
        robot.interact(() -> {
            new CounterVisit(root.visit()).cancelVisit();
            root.mainWindow().fontScalePercentProperty().set(100);
        });

        // two visits of this clerk interrupted (a crash, a power cut): one at the forms, one printed but not stored
        CounterVisit app = new CounterVisit(root.visit());
        Path elsewhere = Files.createTempDirectory(dataDir, "interrupted");
        CounterVisit atForms = new CounterVisit(app.messages(), new dev.madoguchi.app.task.InlineTaskRunner(),
                app.service(), () -> new PrintDestination.Folder(elsewhere));
        VisitDraftTest.manualVisitToForms(atForms);
        atForms.discard();
        PowerCutTaskRunner cut = new PowerCutTaskRunner("counter store case");
        CounterVisit printedOnly = new CounterVisit(app.messages(), cut, app.service(),
                () -> new PrintDestination.Folder(elsewhere));
        VisitDraftTest.manualVisitToForms(printedOnly);
        printedOnly.preview();
        printedOnly.print();
        if (!cut.off()) {
            throw new AssertionError("the printed visit was not interrupted: " + printedOnly.errorProperty().get());
        }
        robot.interact(() -> app.offerDrafts());
        waitUntil(() -> app.offeredDrafts().size() == 2);
        shootClerk(robot, out, "11-resume-or-discard-interrupted-visits");

        robot.interact(() -> app.resumeDraft(app.offeredDrafts().get(0)));
        waitUntil(() -> app.stepProperty().get() == VisitStep.PRINTED);
        shootClerk(robot, out, "12-printed-before-interruption-record-or-print-again");
    }

    /**
     * The 転入 from move-out data: the record found, the movers chosen (the head moves along: the new household's
     * 世帯主 said); then a paper 転出証明書 being typed, a foreign national in row 2 with a card number half typed.
     */
    @Test
    void theMoveOutPath(FxRobot robot) throws Exception {
        assumeTrue(OUT != null, "screenshots only with -Dmadoguchi.screenshots=DIR (CONTRIBUTING.md)");
        Path out = Files.createDirectories(Path.of(OUT));
        CounterVisit vm = new CounterVisit(root.visit());
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> root.mainWindow().statusBar().storeTextProperty().get()
                .contains("人"));
        simulated().place(dev.madoguchi.app.demo.DemoMoveOuts.CARD_ID);
        waitUntil(() -> vm.stepProperty().get() == VisitStep.PIN_ENTRY);
        robot.interact(() -> {
            "4321".chars().forEach(c -> vm.pressPinDigit(c - '0'));
            vm.submitPin();
        });
        waitUntil(() -> vm.stepProperty().get() == VisitStep.CANDIDATES && !vm.steps().match().moveOuts().isEmpty());
        shootClerk(robot, out, "13-move-out-record-found");

        robot.interact(() -> vm.steps().match().confirmMoveOut(vm.steps().match().moveOuts().get(0)));
        waitUntil(() -> vm.stepProperty().get() == VisitStep.LIFE_EVENT);
        robot.interact(() -> vm.steps().plan().movers().setMoving("91000000030", true));
        shootClerk(robot, out, "14-choose-movers-from-move-out-record");
        robot.interact(vm::cancelVisit);
        WaitForAsyncUtils.waitForFxEvents();

        robot.interact(() -> {
            vm.enterManually();
            vm.manualNameProperty().set("紙野\u3000一子");
            vm.manualBirthDateProperty().set("1980-05-06");
            vm.submitManualEntry();
        });
        waitUntil(() -> vm.stepProperty().get() == VisitStep.CANDIDATES);
        robot.interact(() -> {
            var paper = vm.steps().match().paper();
            paper.start();
            paper.fromMunicipalityProperty().set("別県紙市");
            paper.previousAddressProperty().set("別県紙市本町一丁目１番");
            paper.previousHeadProperty().set("紙野\u3000一子");
            paper.plannedMoveDateProperty().set("2026-11-15");
            paper.rows().get(0).nameKana.set("カミノ\u3000カズコ");
            paper.rows().get(0).relationship.set("世帯主");
            paper.rows().get(0).residentCode.set("31415926530");
            paper.addRow();
            var hoa = paper.rows().get(1);
            hoa.name.set("LE THI HOA");
            hoa.nameKana.set("レ\u3000ティ\u3000ホア");
            hoa.birthDate.set("1995-07-01");
            hoa.sex.set("女");
            hoa.relationship.set("同居人");
            hoa.residentCode.set("27182818289");
            hoa.foreign.set(true);
            hoa.nationality.set("ベトナム");
            hoa.residenceStatus.set("技術・人文知識・国際業務");
            hoa.periodOfStay.set("3年");
            hoa.stayExpiry.set("2029-03-31");
            hoa.foreignCategory.set("中長期在留者");
            paper.submit();
            hoa.residenceCardNumber.set("AB1234567"); // checked as typed: said in the row
        });
        shootClerk(robot, out, "15-paper-certificate-of-moving-out");
    }

    private SimulatedCardReaders simulated() throws Exception {
        SimulatedCardReaders[] found = new SimulatedCardReaders[1];
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        tasks.submit(dev.madoguchi.app.task.Lane.CARD_IO, "screenshots: reader", () -> root.readers().simulatedReader()
                .orElseThrow(), r -> {
                    found[0] = r;
                    done.countDown();
                }, e -> done.countDown());
        done.await(30, TimeUnit.SECONDS);
        return found[0];
    }

    private void shoot(FxRobot robot, Path out, String name) throws IOException {
        shootClerk(robot, out, name);
        shootResident(robot, out, name);
    }

    private void shootClerk(FxRobot robot, Path out, String name) throws IOException {
        write(robot, stage.getScene(), out.resolve("clerk-" + name + ".png"));
    }

    private void shootResident(FxRobot robot, Path out, String name) throws IOException {
        write(robot, root.residentWindow().getScene(), out.resolve("resident-" + name + ".png"));
    }

    private static void write(FxRobot robot, Scene scene, Path file) throws IOException {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = scene.snapshot(null));
        PixelReader pixels = shot[0].getPixelReader();
        int w = (int) shot[0].getWidth();
        int h = (int) shot[0].getHeight();
        BufferedImage png = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                png.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        ImageIO.write(png, "png", file.toFile());
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
