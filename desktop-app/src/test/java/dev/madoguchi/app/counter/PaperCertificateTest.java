package dev.madoguchi.app.counter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.counter.match.PaperCertificateProblem;
import dev.madoguchi.app.counter.match.PaperCertificateViewModel;
import dev.madoguchi.app.counter.plan.MoversViewModel;
import dev.madoguchi.forms.validation.ResidentCode;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * A paper 転出証明書 typed at the counter when no electronic record came: checked item by item with the item named,
 * then the same movers and household as a pulled record, the rows' source "typed from a paper certificate", and a
 * draft that reads back as the visit.
 */
class PaperCertificateTest extends StepTestBase {

    static String code(long first10) {
        String c = String.format("%010d", first10);
        return c + ResidentCode.checkDigit(c + "0");
    }

    private PaperCertificateViewModel paper() {
        return vm.steps().match().paper();
    }

    /** The identity typed by hand, then the paper certificate opened: the person at the counter is row 1. */
    private PaperCertificateViewModel.Row startPaper(String name, String born) {
        vm.enterManually();
        vm.manualNameProperty().set(name);
        vm.manualBirthDateProperty().set(born);
        vm.submitManualEntry();
        assertThat(vm.stepProperty().get()).isEqualTo(VisitStep.CANDIDATES);
        paper().start();
        return paper().rows().get(0);
    }

    /** Types a person's items into a row as the certificate lists them; null leaves an item as it is. */
    private static PaperCertificateViewModel.Row type(PaperCertificateViewModel.Row row, String name, String kana,
            String born, String sex, String relationship, String residentCode) {
        String[] values = {name, kana, born, sex, relationship, residentCode};
        javafx.beans.property.StringProperty[] items = {row.name, row.nameKana, row.birthDate, row.sex,
                row.relationship, row.residentCode};
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                items[i].set(values[i]);
            }
        }
        return row;
    }

    /** A new row at the end, typed. */
    private PaperCertificateViewModel.Row addRow(String name, String kana, String born, String sex, String relationship,
            String residentCode) {
        paper().addRow();
        return type(paper().rows().get(paper().rows().size() - 1), name, kana, born, sex, relationship, residentCode);
    }

    /** The certificate's own items: 従前の住所, 世帯主, 転出予定日. */
    private void header(String previousAddress, String previousHead, String plannedMoveDate) {
        paper().previousAddressProperty().set(previousAddress);
        paper().previousHeadProperty().set(previousHead);
        paper().plannedMoveDateProperty().set(plannedMoveDate);
    }

    @Test
    void typedItemsAreCheckedWithTheItemNamedThenTheCertificateFillsTheMoversAndTheForm() {
        PaperCertificateViewModel.Row first = startPaper("紙野\u3000一子", "1980-05-06");
        assertThat(paper().enteringProperty().get()).isTrue();
        assertThat(paper().rows()).hasSize(1);
        assertThat(paper().rows().get(0).name.get()).isEqualTo("紙野\u3000一子");
        assertThat(paper().rows().get(0).birthDate.get()).isEqualTo("1980-05-06");
        assertThat(vm.holdsPersonalData()).isTrue();

        String good = code(3141592653L);
        String bad = good.substring(0, 10) + ((good.charAt(10) - '0' + 1) % 10);
        type(first, null, "かみの", null, "女", "世帯主", bad);
        header("", "", "2026-13-01");
        assertThat(paper().submit()).isFalse();
        String kana = "異動者1のフリガナはカタカナで入力してください";
        String checkDigit = "異動者1の住民票コードの最後の桁（検査数字）が合いません。証明書の番号を見直してください";
        assertThat(first.problemProperty().get()).isEqualTo(kana + "\n" + checkDigit);
        assertThat(paper().problems()).as("each problem once: the row's in the row, the summary counts the rows")
                .containsExactly(vm.messages().get("counter.paper.rowsNeedAttention", 1, 1),
                        "従前の住所（転出前の住所）を入力してください", "世帯主の氏名を入力してください",
                        "転出予定日は 年-月-日 で入力してください（例 2026-11-20）");
        assertThat(paper().firstProblem().item()).as("the focus goes to the certificate's first item to fix")
                .isEqualTo("previousAddress");
        assertThat(vm.stepProperty().get()).as("nothing taken").isEqualTo(VisitStep.CANDIDATES);

        type(first, null, "カミノ\u3000カズコ", null, null, null, good);
        header("別県紙市本町一丁目１番", "紙野\u3000一子", "2026-11-15");
        PaperCertificateViewModel.Row child = addRow("紙野\u3000二郎", "カミノ\u3000ジロウ", "2015-02-03", "男", "子",
                good);
        assertThat(paper().submit()).isFalse();
        assertThat(child.problemProperty().get()).isEqualTo("異動者2の住民票コードが別の行と同じです");
        assertThat(first.problemProperty().get()).isEmpty();
        assertThat(paper().problems()).containsExactly(vm.messages().get("counter.paper.rowsNeedAttention", 1, 2));
        assertThat(paper().firstProblem()).extracting(p -> p.row(), p -> p.item())
                .containsExactly(2, "residentCode");
        child.residentCode.set(code(2718281828L));
        assertThat(child.problemProperty().get()).as("fixed in the row").isEmpty();
        assertThat(paper().problems()).as("and the summary no longer counts it").isEmpty();
        paper().addRow(); // a blank row is left out
        assertThat(paper().submit()).as("%s", paper().problems()).isTrue();

        assertThat(vm.stepProperty().get()).isEqualTo(VisitStep.LIFE_EVENT);
        assertThat(vm.eventProperty().get()).isEqualTo("tennyu");
        MoveInOrigin origin = vm.visit().moving().origin();
        assertThat(origin.typed()).isTrue();
        assertThat(origin.recordId()).isNull();
        assertThat(origin.plannedMoveDate()).isEqualTo(LocalDate.of(2026, 11, 15));
        assertThat(vm.interview()).containsEntry("previousAddress", "別県紙市本町一丁目１番");
        MoversViewModel movers = vm.steps().plan().movers();
        assertThat(movers.members()).extracting(MoversViewModel.Member::relationship).containsExactly("世帯主", "子");
        movers.setMoving(code(2718281828L), true);
        vm.questions().forEach(q -> vm.answer(q.id(), "no"));
        vm.proposeProcedures();
        VisitServiceTest.interview().forEach(vm::setInterviewValue);
        vm.prepareForms();
        VisitForm ido = vm.forms().get(0);
        assertThat(ido.filled().text("previousAddress")).isEqualTo("別県紙市本町一丁目１番");
        assertThat(ido.filled().rows("movers")).extracting(r -> r.get("name"))
                .containsExactly("紙野\u3000一子", "紙野\u3000二郎");
        assertThat(ido.filled().text("movers.1.residentCode")).isEqualTo(good);
        assertThat(ido.filled().value("movers.2.name").orElseThrow().source()).isEqualTo("typed.moveOutCertificate");
        assertThat(vm.steps().formsStep().sourceText("typed.moveOutCertificate")).isEqualTo("転出証明書（紙）から入力");

        var draft = store().drafts().latest().orElseThrow();
        assertThat(VisitJson.read(draft.draftId(), draft.data())).isEqualTo(vm.visit());
    }

    @Test
    void thePersonAtTheCounterMustBeOnTheCertificateAndEscapeForgetsWhatWasTyped() {
        PaperCertificateViewModel.Row first = type(startPaper("紙野\u3000一子", "1980-05-06"), "別人\u3000三郎",
                "ベツジン\u3000サブロウ", null, "男", "世帯主", code(1234567890L));
        header("別県紙市本町一丁目１番", "別人\u3000三郎", "2026-11-15");
        assertThat(paper().submit()).isFalse();
        assertThat(first.problemProperty().get()).contains("紙野\u3000一子", "1980-05-06");
        assertThat(paper().problems()).containsExactly(vm.messages().get("counter.paper.rowsNeedAttention", 1, 1));
        paper().cancel();
        assertThat(paper().rows()).isEmpty();
        assertThat(paper().previousAddressProperty().get()).isEmpty();
        vm.cancelVisit();
        assertThat(vm.holdsPersonalData()).isFalse();
    }

    @Test
    void aForeignNationalsItemsAreCheckedInTheirRowAsTypedAndFillTheMoversForeignResidentItems() {
        PaperCertificateViewModel.Row first = startPaper("紙野\u3000一子", "1980-05-06");
        assertThat(first.foreign.get()).as("a My Number Card or typed identity: not marked").isFalse();
        type(first, null, "カミノ\u3000カズコ", null, "女", "世帯主", code(3141592653L));
        header("別県紙市本町一丁目１番", "紙野\u3000一子", "2026-11-15");
        PaperCertificateViewModel.Row hoa = addRow("LE THI HOA", "レ\u3000ティ\u3000ホア", "1995-07-01", "女", "同居人",
                code(2718281828L));
        hoa.foreign.set(true);
        hoa.nationality.set("ベトナム");
        hoa.foreignCategory.set("中長期在留者");

        hoa.residenceCardNumber.set("ab1234567");
        assertThat(hoa.problemProperty().get()).as("checked as typed")
                .isEqualTo("異動者2の在留カード等番号は 英字2文字・数字8桁・英字2文字 です（例 AB12345678CD）。証明書の番号を見直してください");
        hoa.residenceCardNumber.set("ab12345678cd");
        assertThat(hoa.problemProperty().get()).isEmpty();

        assertThat(paper().submit()).isFalse();
        assertThat(paper().typedProblems()).extracting(p -> p.kind(), p -> p.row(), p -> p.item())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(PaperCertificateProblem.REQUIRED, 2,
                        "residenceStatus"), org.assertj.core.groups.Tuple.tuple(PaperCertificateProblem.REQUIRED, 2,
                        "periodOfStay"), org.assertj.core.groups.Tuple.tuple(PaperCertificateProblem.REQUIRED, 2,
                        "stayExpiry"));
        assertThat(hoa.problemProperty().get()).isEqualTo("異動者2の在留資格を入力してください\n"
                + "異動者2の在留期間を入力してください\n異動者2の在留期間の満了日を入力してください");
        assertThat(first.problemProperty().get()).as("shown in the row it belongs to").isEmpty();
        assertThat(paper().problems()).as("and not again under the certificate")
                .containsExactly(vm.messages().get("counter.paper.rowsNeedAttention", 1, 2));

        hoa.foreign.set(false);
        hoa.foreign.set(true);
        assertThat(hoa.nationality.get()).as("nothing typed is lost").isEqualTo("ベトナム");
        assertThat(hoa.residenceCardNumber.get()).isEqualTo("ab12345678cd");
        hoa.foreignCategory.set("留学生");
        hoa.residenceStatus.set("技術・人文知識・国際業務");
        hoa.periodOfStay.set("3年");
        hoa.stayExpiry.set("2029-3-31");
        assertThat(paper().submit()).isFalse();
        assertThat(paper().typedProblems()).extracting(p -> p.kind())
                .containsExactly(PaperCertificateProblem.CATEGORY, PaperCertificateProblem.DATE);
        hoa.foreignCategory.set("中長期在留者");
        hoa.stayExpiry.set("2029-03-31");
        assertThat(paper().submit()).as("%s", paper().problems()).isTrue();
        assertThat(hoa.problemProperty().get()).isEmpty();

        MoversViewModel movers = vm.steps().plan().movers();
        movers.setMoving(code(2718281828L), true);
        vm.questions().forEach(q -> vm.answer(q.id(), "no"));
        vm.proposeProcedures();
        VisitServiceTest.interview().forEach(vm::setInterviewValue);
        vm.prepareForms();
        VisitForm ido = vm.forms().get(0);
        assertThat(ido.filled().rows("movers").get(1)).containsEntry("nationality", "ベトナム")
                .containsEntry("residenceStatus", "技術・人文知識・国際業務").containsEntry("periodOfStay", "3年")
                .containsEntry("stayExpiry", "2029-03-31").containsEntry("residenceCardNumber", "AB12345678CD")
                .containsEntry("foreignCategory", "中長期在留者");
        assertThat(ido.filled().value("movers.2.residenceCardNumber").orElseThrow().source())
                .isEqualTo("typed.moveOutCertificate");
        assertThat(ido.filled().rows("movers").get(0)).doesNotContainKeys("nationality", "residenceCardNumber");
        assertThat(ido.issues()).filteredOn(i -> i.fieldId().startsWith("movers.2."))
                .filteredOn(i -> i.severity() == dev.madoguchi.forms.validation.Severity.ERROR).isEmpty();

        var draft = store().drafts().latest().orElseThrow();
        assertThat(VisitJson.read(draft.draftId(), draft.data())).isEqualTo(vm.visit());
    }

    @Test
    void theCategoriesOfferedAreTheFormsAndASpecialPermanentResidentNeedsTheCertificateNumber() {
        assertThat(paper().foreignCategories()).isEqualTo(dev.madoguchi.forms.definition.FormCatalog.builtIn()
                .get("jumin-ido").group("movers").orElseThrow().field("foreignCategory").orElseThrow().options());
        PaperCertificateViewModel.Row first = type(startPaper("金\u3000英子", "1950-01-02"), null,
                "キム\u3000ヨンジャ", null, "女", "世帯主", code(1414213562L));
        first.foreign.set(true);
        first.nationality.set("韓国");
        first.foreignCategory.set("特別永住者");
        header("別県紙市本町一丁目１番", "金\u3000英子", "2026-11-15");
        assertThat(paper().submit()).isFalse();
        assertThat(paper().typedProblems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(PaperCertificateProblem.REQUIRED);
            assertThat(p.item()).isEqualTo("residenceCardNumber");
            assertThat(p.row()).isEqualTo(1);
            assertThat(p.toString()).doesNotContain("金");
        });
        first.residenceCardNumber.set("ＡＢ１２３４５６７８ＣＤ");
        assertThat(first.problemProperty().get()).as("full-width is the same number").isEmpty();
        assertThat(paper().submit()).as("%s", paper().problems()).isTrue();
        assertThat(vm.visit().moving().origin().members().get(0).residenceCardNumber()).isEqualTo("AB12345678CD");
        assertThat(vm.visit().moving().origin().members().get(0).residenceStatus()).isNull();
    }
}
