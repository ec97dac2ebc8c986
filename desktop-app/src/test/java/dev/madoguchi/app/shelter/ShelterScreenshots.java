package dev.madoguchi.app.shelter;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.shelter.screen.ShelterTabsView;
import dev.madoguchi.app.wiring.ViewLoader;
import dev.madoguchi.demo.Resident;
import dev.madoguchi.domain.Sex;
import dev.madoguchi.domain.shelter.CareFlag;
import dev.madoguchi.domain.shelter.CareKind;
import dev.madoguchi.domain.shelter.Consent;
import dev.madoguchi.domain.shelter.Shelter;
import dev.madoguchi.forms.qr.PreRegistration;
import dev.madoguchi.forms.qr.PreRegistrationCodec;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import javafx.scene.Parent;
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
 * Not a test: with {@code -Dmadoguchi.screenshots=DIR} (scripts/screenshots.sh, under Xvfb with GTK) it walks the
 * shelter screens on the real store and the simulated reader — shelter choice, a card with its PIN tries, the register
 * candidate, a person's details, a QR error, typing in with 和暦, the household, stored, the paper-card grid with
 * flagged rows and consent, the present list, day/night presence and leaving a household, a correction with the
 * person's history, the daily report, the 安否情報 answer list written, an exchange file written and one from an
 * unknown laptop with its fingerprint question, then imported, and the check-in, correction, present list, exchange and roster at 200 % on 1366×768 — and saves
 * each as {@code shelter-NN-….png}. Skipped when the property is not set.
 */
@ExtendWith(ApplicationExtension.class)
class ShelterScreenshots {

    private static final String OUT = System.getProperty("madoguchi.screenshots");

    @TempDir
    Path dir;

    private Stage stage;
    private ShelterFixture fixture;
    private ShelterTabsView tabs;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop(FxRobot robot) {
        if (fixture != null) {
            robot.interact(fixture.steps::stop);
            fixture.close();
        }
    }

    private void show(FxRobot robot, int fontPx, int width, int height) {
        Messages messages = new Messages(Language.JAPANESE);
        robot.interact(() -> {
            Parent root = new ViewLoader(messages.bundle()).withAll(fixture.steps.controllers())
                    .with(ShelterTabsView.class, () -> tabs = new ShelterTabsView()).loadStyled(ShelterTabsView.class);
            root.setStyle("-fx-font-size: " + fontPx + ".0px;");
            stage.setScene(new Scene(root, width, height));
            stage.show();
            fixture.steps.start();
        });
    }

    @Test
    void everyShelterScreen(FxRobot robot) throws Exception {
        assumeTrue(OUT != null, "screenshots only with -Dmadoguchi.screenshots=DIR (CONTRIBUTING.md)");
        Path out = Files.createDirectories(Path.of(OUT));
        fixture = new ShelterFixture(dir);
        fixture.records.saveShelter(new Shelter("S-01", "第一小学校体育館", "架空市中央1-1", 300, 200,
                List.of("体育館", "教室2"), Set.of()));
        fixture.records.saveShelter(new Shelter("S-02", "福祉避難所 ひまわり", "", 40, 40, List.of(), Set.of()));
        fixture.steps.printingWith(new dev.madoguchi.app.shelter.report.ReportPrinting(
                dev.madoguchi.forms.pdf.FontFiles.debian(), new dev.madoguchi.forms.print.FormPrinter(),
                () -> new dev.madoguchi.app.counter.PrintDestination.Folder(dir.resolve("printed")), fixture.clock));
        show(robot, 16, 1100, 860);
        var steps = fixture.steps;
        shoot(robot, out, "01-choose-shelter");
        robot.interact(() -> steps.choice().choose(0));
        shoot(robot, out, "02-waiting-for-card-or-qr");
        Resident r = fixture.cardHolder(x -> x.card().textPinTriesLeft() == 3 && x.foreignResidency() == null);
        robot.interact(() -> fixture.putCard(r));
        shoot(robot, out, "03-pin-tries-left-first");
        robot.interact(() -> {
            fixture.typePin(r.card().textPin());
            steps.identify().submitPin();
        });
        shoot(robot, out, "04-register-candidate-offered");
        robot.interact(() -> {
            steps.match().confirm(0);
            steps.person().detail(CareKind.ALLERGY).set("卵");
            steps.person().consentFamilyProperty().set(true);
        });
        shoot(robot, out, "05-person-care-flags-consent");
        robot.interact(() -> {
            steps.person().done();
            fixture.takeCard();
            steps.household().addPerson();
            steps.identify().scannedProperty().set("もげ1ＳＡＡＡ");
            steps.identify().submitScan();
        });
        shoot(robot, out, "06-qr-typed-with-the-ime-on");
        robot.interact(() -> {
            PreRegistration pre = new PreRegistration("髙﨑　𠮷子", "タカサキ　ヨシコ", LocalDate.of(1938, 4, 1),
                    Sex.FEMALE, "他県架空町1-2", "", List.of(CareFlag.of(CareKind.ELDERLY)),
                    new Consent(true, false, false), "", fixture.clock.instant());
            steps.identify().scannedProperty().set(new PreRegistrationCodec().encodeSigned(pre,
                    fixture.municipalityKey));
            steps.identify().submitScan();
            steps.person().done();
            steps.household().addPerson();
            steps.identify().enterManually();
            steps.identify().nameProperty().set("髙﨑　太郎");
            steps.identify().birthDateProperty().set("H30.5.1");
        });
        shoot(robot, out, "07-manual-entry-japanese-calendar");
        robot.interact(() -> {
            steps.identify().submitManual();
            if (steps.desk().step() == CheckInStep.MATCH) {
                steps.match().noneOfThem();
            }
            steps.person().flag(CareKind.INFANT).set(true);
            steps.person().done();
            steps.household().petSpeciesProperty().set("犬");
            steps.household().petWhereProperty().set("屋外ケージ");
            steps.household().addPet();
            steps.household().vehicleProperty().set("品川500あ1234");
        });
        shoot(robot, out, "08-household-stay-pets-vehicle");
        robot.interact(() -> steps.household().confirm());
        shoot(robot, out, "09-household-stored");
        robot.interact(() -> {
            tabs.open(1);
            var rows = steps.backlog().rows();
            fill(rows.get(0), "K-1", "佐藤　一", "サトウ　ハジメ", "S20.1.1", "男", "架空町1", "", "高齢", "yyn");
            fill(steps.backlog().addRow(), "K-1", "佐藤　二", "", "19500230", "女", "", "", "", "ynn");
            fill(steps.backlog().addRow(), "K-2", "髙﨑　𠮷子", "", "1938-04-01", "女", "", "", "", "");
            fill(steps.backlog().addRow(), "K-3", "鈴木　三", "", "H2.3.4", "F", "", "", "アレルギー:そば", "yy");
            steps.backlog().addRow();
        });
        shoot(robot, out, "10-paper-card-backlog-flagged-rows");
        robot.interact(() -> tabs.open(2));
        shoot(robot, out, "11-present-list-counts");
        robot.interact(() -> {
            choose(1);
            steps.present().toggleDay(1); // 日中不在（夜間のみ）
            steps.present().joinProperty().set("");
            steps.present().leaveHousehold(1);
            choose(1);
        });
        shoot(robot, out, "14-present-day-night-and-leaving-a-household");
        robot.interact(() -> {
            steps.correction().open(steps.present().person(1));
            steps.correction().phoneProperty().set("090-0000-1234");
            steps.correction().flagsProperty().set("服薬・持病:血圧 アレルギー:卵");
            steps.correction().injuryProperty().set("右手首の打撲");
            steps.correction().consentAcquaintancesProperty().set(true);
            steps.correction().save();
        });
        shoot(robot, out, "15-correction-and-history");
        robot.interact(() -> {
            steps.correction().close();
            tabs.open(3);
        });
        shoot(robot, out, "12-daily-report");
        robot.interact(() -> {
            tabs.open(4);
            fire("#safetyRadio");
            fire("#rosterWriteButton");
        });
        shoot(robot, out, "18-roster-safety-answers-written");
        Path other = unknownLaptopsFile();
        robot.interact(() -> {
            tabs.open(5);
            type("#exportPassphraseField", PASS);
            type("#exportRepeatField", PASS);
            fire("#exchangeExportButton");
            type("#importFileField", other.toString());
            type("#importPassphraseField", PASS);
            fire("#exchangeImportButton");
        });
        shoot(robot, out, "19-exchange-written-and-an-unknown-laptop");
        robot.interact(() -> fire("#trustButton"));
        shoot(robot, out, "20-exchange-imported");
        show(robot, 28, 1366, 768);
        robot.interact(() -> tabs.open(5));
        shoot(robot, out, "21-exchange-200-percent-1366x768");
        robot.interact(() -> tabs.open(4));
        shoot(robot, out, "22-roster-200-percent-1366x768");
        robot.interact(() -> tabs.open(0));
        shoot(robot, out, "13-check-in-200-percent-1366x768");
        robot.interact(() -> {
            tabs.open(2);
            steps.correction().open(steps.present().person(0));
        });
        shoot(robot, out, "16-correction-200-percent-1366x768");
        robot.interact(() -> {
            steps.correction().close();
            choose(0);
        });
        shoot(robot, out, "17-present-200-percent-1366x768");
    }

    private static final String PASS = "gym-2026 pass";

    /** A second laptop (another store, another key) with a household of its own writes an exchange file. */
    private Path unknownLaptopsFile() throws IOException {
        Path file = dir.resolve("from-the-second-laptop.mdgsx");
        try (ShelterFixture second = new ShelterFixture(Files.createDirectories(dir.resolve("second")))) {
            second.records.saveShelter(new Shelter("S-01", "第一小学校体育館", "架空市中央1-1", 300, 200,
                    List.of("体育館", "教室2"), Set.of()));
            second.records.checkIn("S-01", new dev.madoguchi.domain.shelter.Arrival("H-2",
                    dev.madoguchi.domain.shelter.Stay.CAR, "", List.of(), "品川300さ5678", List.of(
                    new dev.madoguchi.domain.shelter.Evacuee("P-second", "佐藤　健", "サトウ　ケン",
                            LocalDate.of(1980, 6, 1), Sex.MALE, "架空市中央2-2", "", "",
                            dev.madoguchi.domain.shelter.IdentifiedBy.MANUAL, List.of(), "",
                            new Consent(true, true, false)))));
            second.steps.exchange().export(file, PASS.toCharArray(), PASS.toCharArray());
        }
        return file;
    }

    private void fire(String id) {
        ((javafx.scene.control.ButtonBase) stage.getScene().lookup(id)).fire();
    }

    private void type(String id, String text) {
        ((javafx.scene.control.TextInputControl) stage.getScene().lookup(id)).setText(text);
    }

    /** Chooses a line of the present list as the arrow keys would. */
    private void choose(int index) {
        ((javafx.scene.control.ListView<?>) stage.getScene().lookup("#peopleList")).getSelectionModel().select(index);
    }

    private static void fill(dev.madoguchi.app.shelter.backlog.BacklogRow row, String... values) {
        for (int i = 0; i < values.length; i++) {
            row.fields()[i].set(values[i]);
        }
    }

    private void shoot(FxRobot robot, Path out, String name) throws IOException {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = stage.getScene().snapshot(null));
        PixelReader pixels = shot[0].getPixelReader();
        int w = (int) shot[0].getWidth();
        int h = (int) shot[0].getHeight();
        BufferedImage png = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                png.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        ImageIO.write(png, "png", out.resolve("shelter-" + name + ".png").toFile());
    }
}
