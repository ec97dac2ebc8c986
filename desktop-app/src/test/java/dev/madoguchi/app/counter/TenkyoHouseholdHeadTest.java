package dev.madoguchi.app.counter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.counter.plan.MoversViewModel;
import dev.madoguchi.app.pdf.PdfProbe;
import dev.madoguchi.demo.Resident;
import dev.madoguchi.forms.definition.Box;
import dev.madoguchi.forms.definition.GroupDefinition;
import dev.madoguchi.forms.validation.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A 転居 of part of a register household (世帯分離 within the city): the movers' household gets its own 世帯主 — the
 * former head when they move along, otherwise the mover the clerk chooses — and the movers' 続柄 to that head, derived
 * where the register decides it and asked of the clerk where it does not; the 住民異動届 prints both (read back with
 * pdftotext), and the 国保 form takes the same head and the person at the counter's 続柄.
 */
class TenkyoHouseholdHeadTest extends StepTestBase {

    private List<Resident> household(Resident r) {
        return fixture.demo.municipality().residents().stream().filter(m -> m.householdId().equals(r.householdId()))
                .toList();
    }

    private static Resident member(List<Resident> household, String relationship) {
        return household.stream().filter(m -> m.relationship().equals(relationship)).findFirst().orElseThrow();
    }

    /** A card holder (all PIN tries left) of a household that passes {@code test}, identified and confirmed. */
    private Resident atTheCounter(Predicate<Resident> who, Predicate<List<Resident>> test) {
        Resident r = fixture.demo.municipality().cardHolders().stream()
                .filter(c -> c.card().textPinTriesLeft() == 3 && !c.isForeign() && who.test(c))
                .filter(c -> test.test(household(c))).findFirst().orElseThrow();
        putCard(r);
        typePin(r.card().textPin());
        vm.submitPin();
        vm.confirmCandidate(vm.candidates().stream().filter(c -> c.resident().residentId().equals(r.id()))
                .findFirst().orElseThrow());
        assertThat(vm.stepProperty().get()).isEqualTo(VisitStep.LIFE_EVENT);
        vm.chooseEvent("tenkyo");
        return r;
    }

    private static long count(List<Resident> household, String relationship) {
        return household.stream().filter(m -> m.relationship().equals(relationship)).count();
    }

    private void toForms(boolean nationalHealthInsurance) {
        vm.questions().forEach(q -> vm.answer(q.id(),
                nationalHealthInsurance && q.id().equals("nationalHealthInsurance") ? "yes" : "no"));
        vm.proposeProcedures();
        assertThat(vm.stepProperty().get()).as(vm.errorProperty().get()).isEqualTo(VisitStep.PROCEDURES);
        VisitServiceTest.interview().forEach(vm::setInterviewValue);
        vm.setInterviewValue("kokuhoReason", "転居");
        vm.prepareForms();
        assertThat(vm.stepProperty().get()).as(vm.errorProperty().get()).isEqualTo(VisitStep.FORMS);
    }

    private VisitForm form(String id) {
        return vm.forms().stream().filter(f -> f.formId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theClerkChoosesTheSonAsHeadAndTypesTheRelationshipsTheRegisterDoesNotDecide() throws Exception {
        // a son's family leaves his parents' household: 子, 子の妻 and 孫 move, the 世帯主 and 妻 stay
        Resident counter = atTheCounter(r -> List.of("子", "子の妻", "孫").contains(r.relationship()),
                h -> count(h, "子") == 1 && count(h, "子の妻") == 1 && count(h, "孫") >= 1);
        List<Resident> household = household(counter);
        Resident son = member(household, "子");
        Resident wife = member(household, "子の妻");
        List<Resident> grandchildren = household.stream().filter(m -> m.relationship().equals("孫")).toList();
        MoversViewModel movers = vm.steps().plan().movers();
        List<Resident> moving = new ArrayList<>(List.of(son, wife));
        moving.addAll(grandchildren);
        moving.forEach(m -> movers.setMoving(m.residentCode(), true));
        Resident head = member(household, "世帯主");

        assertThat(movers.needsRemainingHead()).as("the 世帯主 stays").isFalse();
        assertThat(movers.needsNewHead()).isTrue();
        assertThat(movers.consequences()).contains(vm.messages().get("counter.movers.split", moving.size()),
                vm.messages().get("counter.movers.remainingHeadStays", head.fullName()),
                vm.messages().get("counter.movers.chooseMovedHead"));
        vm.proposeProcedures();
        assertThat(vm.stepProperty().get()).isEqualTo(VisitStep.LIFE_EVENT);
        assertThat(vm.errorProperty().get()).isEqualTo(vm.messages().get("counter.movers.movedHeadMissing"));

        movers.chooseNewHead(head.residentCode());
        assertThat(movers.newHeadProperty().get()).as("the 世帯主 does not move").isNull();
        movers.chooseNewHead(son.residentCode());
        assertThat(movers.newHeadProperty().get()).isEqualTo(son.residentCode());
        assertThat(movers.consequences()).contains(
                vm.messages().get("counter.movers.movedHouseholdHead", son.fullName()),
                vm.messages().get("counter.movers.checkRelationship", wife.fullName(), "子の妻"));
        assertThat(movers.toAsk()).extracting(MoversViewModel.Ask::code).containsExactlyInAnyOrderElementsOf(
                moving.stream().filter(m -> m != son).map(Resident::residentCode).toList());
        vm.proposeProcedures();
        assertThat(vm.stepProperty().get()).as("the 続柄 to the son are not in the register")
                .isEqualTo(VisitStep.LIFE_EVENT);
        assertThat(vm.errorProperty().get()).contains("続柄", wife.fullName());

        movers.setRelationship(wife.residentCode(), " 妻 ");
        grandchildren.forEach(g -> movers.setRelationship(g.residentCode(), "子"));
        assertThat(movers.typedRelationship(wife.residentCode())).isEqualTo("妻");
        assertThat(movers.complete()).isTrue();
        toForms(false);

        VisitForm ido = form("jumin-ido");
        assertThat(ido.filled().text("householdHead")).isEqualTo(son.fullName());
        assertThat(ido.filled().value("householdHead").orElseThrow().source()).isEqualTo("household.newHead");
        List<String> expected = new ArrayList<>();
        for (var row : ido.filled().rows("movers")) {
            String name = row.get("name");
            expected.add(name.equals(son.fullName()) ? "世帯主" : name.equals(wife.fullName()) ? "妻" : "子");
            assertThat(row.get("relationship")).as(name).isEqualTo(expected.get(expected.size() - 1));
        }
        assertThat(headIssues(ido)).isEmpty();
        var draft = store().drafts().latest().orElseThrow();
        Visit read = VisitJson.read(draft.draftId(), draft.data());
        assertThat(read.moving().relationships()).containsEntry(wife.residentCode(), "妻");
        assertThat(read).isEqualTo(vm.visit());

        CounterFixture.requireFonts();
        assertThat(textIn(ido, fieldBox(ido, "householdHead"))).isEqualTo(son.fullName().replace("\u3000", ""));
        for (int i = 0; i < expected.size() && i < 4; i++) {
            assertThat(textIn(ido, rowBox(ido, "relationship", i))).as("row " + (i + 1)).isEqualTo(expected.get(i));
        }
    }

    @Test
    void theClerkChoosesAChildAndTheMothersAndSiblingsRelationshipsAreDerivedForBothForms() throws Exception {
        // the 妻 moves with two children of different birth days; the 世帯主 stays; a child heads the new household
        Resident counter = atTheCounter(r -> r.relationship().equals("妻"), h -> count(h, "子") >= 2
                && h.stream().filter(m -> m.relationship().equals("子")).map(Resident::birthDate).distinct().count()
                        == count(h, "子"));
        List<Resident> household = household(counter);
        List<Resident> children = household.stream().filter(m -> m.relationship().equals("子")).toList();
        Resident newHead = children.get(0);
        Resident other = children.get(1);
        MoversViewModel movers = vm.steps().plan().movers();
        movers.setMoving(newHead.residentCode(), true);
        movers.setMoving(other.residentCode(), true);
        movers.chooseNewHead(newHead.residentCode());
        String sibling = other.birthDate().isBefore(newHead.birthDate())
                ? (other.sex() == dev.madoguchi.domain.Sex.MALE ? "兄" : "姉")
                : (other.sex() == dev.madoguchi.domain.Sex.MALE ? "弟" : "妹");
        assertThat(movers.toAsk()).isEmpty();
        assertThat(movers.consequences()).contains(
                vm.messages().get("counter.movers.relationshipChanges", counter.fullName(), "妻", "母"),
                vm.messages().get("counter.movers.relationshipChanges", other.fullName(), "子", sibling));
        toForms(true);

        VisitForm ido = form("jumin-ido");
        VisitForm kokuho = form("kokuho-ido");
        for (VisitForm f : List.of(ido, kokuho)) {
            assertThat(f.filled().text("householdHead")).as(f.formId()).isEqualTo(newHead.fullName());
        }
        assertThat(ido.filled().rows("movers")).extracting(r -> r.get("name"), r -> r.get("relationship"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(counter.fullName(), "母"),
                        org.assertj.core.groups.Tuple.tuple(newHead.fullName(), "世帯主"),
                        org.assertj.core.groups.Tuple.tuple(other.fullName(), sibling));
        assertThat(ido.filled().value("movers.1.relationship").orElseThrow().source()).isEqualTo("household.newHead");
        assertThat(kokuho.filled().text("memberRelationship")).as("the person at the counter on the 国保 form")
                .isEqualTo("母");
        assertThat(headIssues(ido)).isEmpty();

        CounterFixture.requireFonts();
        assertThat(textIn(ido, fieldBox(ido, "householdHead"))).isEqualTo(newHead.fullName().replace("\u3000", ""));
        List<String> printed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            printed.add(textIn(ido, rowBox(ido, "relationship", i)));
        }
        assertThat(printed).containsExactly("母", "世帯主", sibling);
    }

    @Test
    void theHeadMovingAlongStaysHeadAndBothHeadsAreNamedAndPrinted() throws Exception {
        Resident head = atTheCounter(r -> r.relationship().equals("世帯主"), h -> h.size() >= 3);
        List<Resident> household = household(head);
        List<Resident> others = household.stream().filter(m -> !m.residentCode().equals(head.residentCode())).toList();
        Resident moves = others.get(0);
        Resident stays = others.get(1);
        MoversViewModel movers = vm.steps().plan().movers();
        movers.setMoving(moves.residentCode(), true);
        assertThat(movers.needsNewHead()).isFalse();
        assertThat(movers.newHeadProperty().get()).isEqualTo(head.residentCode());
        movers.chooseRemainingHead(stays.residentCode());
        assertThat(movers.consequences()).contains(
                vm.messages().get("counter.movers.movedHouseholdHead", head.fullName()),
                vm.messages().get("counter.movers.newHead", stays.fullName()));
        assertThat(movers.toAsk()).isEmpty();
        toForms(false);

        VisitForm ido = form("jumin-ido");
        assertThat(ido.filled().text("householdHead")).isEqualTo(head.fullName());
        assertThat(ido.filled().text("remainingHead")).isEqualTo(stays.fullName());
        assertThat(ido.filled().rows("movers")).extracting(r -> r.get("relationship"))
                .containsExactly("世帯主", moves.relationship());

        CounterFixture.requireFonts();
        assertThat(textIn(ido, fieldBox(ido, "householdHead"))).isEqualTo(head.fullName().replace("\u3000", ""));
        assertThat(textIn(ido, rowBox(ido, "relationship", 0))).isEqualTo("世帯主");
        assertThat(textIn(ido, rowBox(ido, "relationship", 1))).isEqualTo(moves.relationship());
    }

    @Test
    void oneMoverHeadsTheirOwnHouseholdAndIsPrintedAsHead() {
        Resident counter = atTheCounter(r -> !r.relationship().equals("世帯主"), h -> h.size() >= 2);
        MoversViewModel movers = vm.steps().plan().movers();
        assertThat(movers.needsNewHead()).isFalse();
        assertThat(movers.newHeadProperty().get()).isEqualTo(counter.residentCode());
        toForms(false);
        VisitForm ido = form("jumin-ido");
        assertThat(ido.filled().text("householdHead")).isEqualTo(counter.fullName());
        assertThat(ido.filled().text("movers.1.relationship")).isEqualTo("世帯主");
        assertThat(headIssues(ido)).isEmpty();
    }

    private static List<String> headIssues(VisitForm form) {
        return form.issues().stream().filter(i -> i.severity() == Severity.ERROR && i.fieldId() != null)
                .filter(i -> i.fieldId().equals("householdHead") || i.fieldId().endsWith("relationship"))
                .map(i -> i.fieldId() + ":" + i.code()).toList();
    }

    private static Box fieldBox(VisitForm form, String fieldId) {
        return form.filled().definition().field(fieldId).orElseThrow().box();
    }

    private static Box rowBox(VisitForm form, String fieldId, int row) {
        GroupDefinition group = form.filled().definition().group("movers").orElseThrow();
        return group.placed(group.field(fieldId).orElseThrow(), row);
    }

    /** What pdftotext reads inside a box of the rendered form, spaces and marks left out. */
    private String textIn(VisitForm form, Box box) throws Exception {
        RenderedForm rendered = fixture.visits.render(form);
        Path pdf = dir.resolve(form.formId() + ".pdf");
        Files.write(pdf, rendered.pdf());
        return PdfProbe.textIn(pdf, box).replace("※", "").replace("世帯主の氏名", "")
                .replace("続柄", "");
    }
}
