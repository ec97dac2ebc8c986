package dev.madoguchi.app.counter;

import dev.madoguchi.forms.definition.FieldDefinition;
import dev.madoguchi.forms.definition.FormCatalog;
import dev.madoguchi.forms.definition.FormDefinition;
import dev.madoguchi.forms.prefill.CardRead;
import dev.madoguchi.forms.prefill.Discrepancy;
import dev.madoguchi.forms.prefill.FilledForm;
import dev.madoguchi.forms.prefill.FilledValue;
import dev.madoguchi.forms.prefill.ForeignResidentItems;
import dev.madoguchi.forms.prefill.Household;
import dev.madoguchi.forms.prefill.HouseholdMember;
import dev.madoguchi.forms.prefill.PrefillInput;
import dev.madoguchi.forms.prefill.Prefiller;
import dev.madoguchi.forms.prefill.RegisterRecord;
import dev.madoguchi.forms.rules.LifeEventPlan;
import dev.madoguchi.forms.rules.LifeEventRules;
import dev.madoguchi.forms.rules.LifeEventService;
import dev.madoguchi.forms.rules.ProposedProcedure;
import dev.madoguchi.forms.validation.FormValidator;
import dev.madoguchi.store.register.RegisterResident;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The visit's paperwork: life-event rules → proposed procedures → the interview items their forms need → forms
 * pre-filled from card, register, household and interview, validated; the clerk's edits re-validate. Synchronous and
 * pure CPU work (the {@code background} lane).
 */
public final class VisitFormsService {

    private static final String INTERVIEW = "interview.";
    /** The 住民異動届's group of people who move together. */
    static final String MOVERS = "movers";
    /** The source of the new 世帯主 of the members who stay when the head leaves. */
    static final String REMAINING_HEAD = "household.remainingHead";
    /** The source of the 世帯主 of the household the movers of a 転入 form here. */
    static final String NEW_HEAD = "household.newHead";

    private final java.util.function.Supplier<FormCatalog> catalog;
    private final java.util.function.Supplier<LifeEventRules> rules;
    private final Prefiller prefiller = new Prefiller();
    private final FormValidator validator = new FormValidator();
    private final Map<String, String> office;
    private final Clock clock;

    /** @param office the office's values ({@code office.KEY} in definitions), e.g. {@code mayor} */
    public VisitFormsService(FormCatalog catalog, LifeEventRules rules, Map<String, String> office, Clock clock) {
        this(() -> catalog, rules, office, clock);
    }

    /**
     * @param catalog the definitions in use, asked each time (the desktop's follow the forms folder the setup
     *     recorded, docs/adr/0031)
     */
    public VisitFormsService(java.util.function.Supplier<FormCatalog> catalog, LifeEventRules rules,
            Map<String, String> office, Clock clock) {
        this(catalog, () -> rules, office, clock);
    }

    /**
     * @param rules the life-event rules, asked at each use (the desktop's are parsed at their first use, after the
     *     sign-in: {@link dev.madoguchi.app.task.Lazy})
     */
    public VisitFormsService(java.util.function.Supplier<FormCatalog> catalog,
            java.util.function.Supplier<LifeEventRules> rules, Map<String, String> office, Clock clock) {
        this.catalog = catalog;
        this.rules = rules;
        this.office = Map.copyOf(office);
        this.clock = clock;
    }

    /** The built-in forms and rules, with the demo municipality's office values. */
    public static VisitFormsService builtIn(Map<String, String> office, Clock clock) {
        return new VisitFormsService(FormCatalog.builtIn(), LifeEventRules.builtIn(), office, clock);
    }

    /** The rules as given: asked at each use (not made here when they are made lazily). */
    java.util.function.Supplier<LifeEventRules> rulesSupplier() {
        return rules;
    }

    FormCatalog catalog() {
        return catalog.get();
    }

    Clock clock() {
        return clock;
    }

    public List<LifeEventRules.Event> events() {
        return rules.get().events();
    }

    /** The questions whose answers decide this event's procedures, in the rules' order. */
    public List<LifeEventRules.Question> questions(String eventId) {
        LifeEventRules.Event event = rules.get().event(eventId).orElseThrow(
                () -> new IllegalArgumentException("unknown life event '" + eventId + "'"));
        Set<String> asked = new LinkedHashSet<>();
        event.procedures().forEach(p -> p.when().forEach(c -> asked.add(c.question())));
        return rules.get().questions().stream().filter(q -> asked.contains(q.id())).toList();
    }

    /** @param answers question id → yes / no / unknown; a missing answer counts as unknown (safe superset) */
    public LifeEventPlan plan(String eventId, Map<String, String> answers) {
        return new LifeEventService(rules.get()).plan(eventId, answers);
    }

    /** What the clerk asks for: every interview key the plan's forms take, once, in form and field order. */
    public List<InterviewItem> interviewItems(LifeEventPlan plan) {
        Map<String, InterviewItem> items = new LinkedHashMap<>();
        for (ProposedProcedure p : plan.procedures()) {
            if (p.form() == null) {
                continue;
            }
            FormDefinition form = catalog().get(p.form());
            for (FieldDefinition field : form.fieldsOf(p.variant())) {
                for (String source : field.sources()) {
                    if (source.startsWith(INTERVIEW)) {
                        String key = source.substring(INTERVIEW.length());
                        boolean onlySource = field.sources().stream().noneMatch(s -> !s.startsWith(INTERVIEW));
                        InterviewItem known = items.get(key);
                        boolean required = (field.required() && onlySource) || (known != null && known.required());
                        if (known == null || (required && !known.required())) {
                            items.put(key, new InterviewItem(key, field.label(), field.type(), field.options(),
                                    required));
                        }
                    }
                }
            }
        }
        return List.copyOf(items.values());
    }

    /**
     * Every form of the plan, pre-filled and validated.
     *
     * @param resident the register entry the clerk confirmed, or null (no match: a first registration)
     * @param household the members of the resident's household from the register, empty without a resident
     * @param interview interview key → the clerk's text
     */
    public List<VisitForm> prepare(LifeEventPlan plan, ResidentIdentity identity, RegisterResident resident,
            List<RegisterResident> household, Map<String, String> interview) {
        return prepare(plan, identity, resident, household, interview, List.of(), null);
    }

    /**
     * Every form of the plan, pre-filled and validated, with one row per mover in each form's {@code movers} group.
     *
     * @param movers everyone who moves, the person at the counter first; empty: the person at the counter alone
     * @param moverSource the rows' source ({@code register.household} or {@code data.moveOut})
     */
    public List<VisitForm> prepare(LifeEventPlan plan, ResidentIdentity identity, RegisterResident resident,
            List<RegisterResident> household, Map<String, String> interview, List<Mover> movers,
            String moverSource) {
        return prepare(plan, identity, resident, household, interview, movers, moverSource, null);
    }

    /**
     * As {@link #prepare(LifeEventPlan, ResidentIdentity, RegisterResident, List, Map, List, String)}, with the name
     * of the new 世帯主 of the members who stay when the head leaves ({@value #REMAINING_HEAD}), or null.
     */
    public List<VisitForm> prepare(LifeEventPlan plan, ResidentIdentity identity, RegisterResident resident,
            List<RegisterResident> household, Map<String, String> interview, List<Mover> movers,
            String moverSource, String remainingHead) {
        return prepare(plan, identity, resident, household, interview, movers, moverSource, remainingHead, null);
    }

    /** As below, without 続柄 typed by the clerk. */
    public List<VisitForm> prepare(LifeEventPlan plan, ResidentIdentity identity, RegisterResident resident,
            List<RegisterResident> household, Map<String, String> interview, List<Mover> movers,
            String moverSource, String remainingHead, String newHead) {
        return prepare(plan, identity, resident, household, interview, movers, moverSource, remainingHead, newHead,
                Map.of());
    }

    /**
     * As {@link #prepare(LifeEventPlan, ResidentIdentity, RegisterResident, List, Map, List, String, String)}, with
     * the 世帯主 of the household the movers form ({@value #NEW_HEAD}): a 転入 from a 転出証明書 or a 転居 of part of a
     * register household, so the forms' 世帯主の氏名 (住民異動届, 国保) is pre-filled with that mover's name, their row's
     * 続柄 becomes 世帯主 and the other movers' 続柄 are those to the new head ({@link RelationshipToNewHead}: derived,
     * or typed by the clerk, or left empty) — in the rows and in the fields that take the person at the counter's 続柄
     * (the 国保 form's), unless the interview gave it.
     *
     * @param newHead the 住民票コード of the mover who heads the new household ({@link HouseholdMove#newHouseholdHead}),
     *        or null
     * @param relationships the clerk's 続柄 to the new head by 住民票コード ({@link HouseholdMove#relationships})
     */
    public List<VisitForm> prepare(LifeEventPlan plan, ResidentIdentity identity, RegisterResident resident,
            List<RegisterResident> household, Map<String, String> interview, List<Mover> movers,
            String moverSource, String remainingHead, String newHead, Map<String, String> relationships) {
        return prepare(plan, identity, resident, household, interview, movers, moverSource, remainingHead, newHead,
                relationships, null);
    }

    /**
     * As above; when the movers join a household that exists here (世帯合併, {@code joinHead} not null) its 世帯主 is
     * none of them: the forms' 世帯主の氏名 take {@code joinHead} ({@value #NEW_HEAD}) and every mover's 続柄 is the one
     * the clerk typed for that head ({@link RelationshipToNewHead#joined}; {@code newHead} is then not used).
     *
     * @param joinHead the name of the 世帯主 of the household the movers join, or null
     */
    public List<VisitForm> prepare(LifeEventPlan plan, ResidentIdentity identity, RegisterResident resident,
            List<RegisterResident> household, Map<String, String> interview, List<Mover> movers,
            String moverSource, String remainingHead, String newHead, Map<String, String> relationships,
            String joinHead) {
        List<Mover> rows = joinHead != null ? RelationshipToNewHead.joined(movers, relationships).rows()
                : newHead == null ? movers : RelationshipToNewHead.rows(movers, newHead, relationships).rows();
        String headName = joinHead != null ? (joinHead.isBlank() ? null : joinHead.strip())
                : rows.stream().filter(m -> m.residentCode().equals(newHead)).map(Mover::name).findFirst()
                        .orElse(null);
        PrefillInput input = input(identity, resident, household, interview, headName);
        List<VisitForm> forms = new ArrayList<>();
        for (ProposedProcedure p : plan.procedures()) {
            if (p.form() == null) {
                continue;
            }
            FilledForm filled = interviewWins(prefiller.fill(catalog().get(p.form()), p.variant(), input), interview);
            filled = withRemainingHead(withMovers(filled, rows, moverSource), remainingHead);
            filled = RelationshipToNewHead.onForm(filled, movers, rows, moverSource);
            forms.add(new VisitForm(p, filled, validator.validate(filled, today())));
        }
        return List.copyOf(forms);
    }

    /**
     * The movers as the rows of the form's {@code movers} group: the first row (the person at the counter, filled
     * from card and register) only gains what it lacks; the others are the movers' own data.
     */
    static FilledForm withMovers(FilledForm filled, List<Mover> movers, String source) {
        if (movers.isEmpty() || filled.definition().group(MOVERS).isEmpty()) {
            return filled;
        }
        Map<String, FilledValue> values = new LinkedHashMap<>(filled.values());
        values.keySet().removeIf(k -> k.startsWith(MOVERS + ".") && !k.startsWith(MOVERS + ".1."));
        for (int i = 0; i < movers.size(); i++) {
            for (Map.Entry<String, String> e : movers.get(i).row().entrySet()) {
                String key = MOVERS + "." + (i + 1) + "." + e.getKey();
                if (i > 0) {
                    values.put(key, new FilledValue(e.getValue(), source));
                } else {
                    values.putIfAbsent(key, new FilledValue(e.getValue(), source));
                }
            }
        }
        return new FilledForm(filled.definition(), filled.variant(), values, filled.discrepancies());
    }

    /** The fields that take the new 世帯主 of those who stay (the 住民異動届's 世帯主変更) get the name chosen. */
    static FilledForm withRemainingHead(FilledForm filled, String name) {
        if (name == null || name.isBlank()) {
            return filled;
        }
        Map<String, FilledValue> values = new LinkedHashMap<>(filled.values());
        boolean changed = false;
        for (FieldDefinition field : filled.fields()) {
            if (field.sources().contains(REMAINING_HEAD)) {
                values.put(field.id(), new FilledValue(name, REMAINING_HEAD));
                changed = true;
            }
        }
        return changed ? new FilledForm(filled.definition(), filled.variant(), values, filled.discrepancies()) : filled;
    }

    /**
     * What the clerk typed in the interview wins over pre-fill from the register or the card for the same field (the
     * clerk asked the resident; e.g. 従前の住所 of a 転入): the value's source then says {@code interview.<key>}, and the
     * value it replaced is kept as a difference to look at.
     */
    static FilledForm interviewWins(FilledForm filled, Map<String, String> interview) {
        Map<String, FilledValue> values = new LinkedHashMap<>(filled.values());
        List<Discrepancy> differences = new ArrayList<>(filled.discrepancies());
        boolean changed = false;
        for (FieldDefinition field : filled.fields()) {
            FilledValue used = values.get(field.id());
            for (String source : field.sources()) {
                String typed = source.startsWith(INTERVIEW) ? interview.get(source.substring(INTERVIEW.length())) : null;
                if (typed == null || typed.isBlank() || used == null || used.source().startsWith(INTERVIEW)) {
                    continue;
                }
                values.put(field.id(), new FilledValue(typed.strip(), source));
                differences.removeIf(d -> d.fieldId().equals(field.id()));
                if (!used.text().equals(typed.strip())) {
                    differences.add(new Discrepancy(field.id(), source, typed.strip(), used.source(), used.text()));
                }
                changed = true;
                break;
            }
        }
        return changed ? new FilledForm(filled.definition(), filled.variant(), values, differences) : filled;
    }

    /** The form with one field set by the clerk (source {@code clerk}), validated again. */
    public VisitForm edit(VisitForm form, String fieldId, String text) {
        FilledForm edited = form.filled().withValue(fieldId, text);
        return new VisitForm(form.procedure(), edited, validator.validate(edited, today()));
    }

    /** The forms after a correction, and the corrections to record (the clerk's own first). */
    public record SharedEdit(List<VisitForm> forms, List<Visit.FieldEdit> edits) {}

    /**
     * The clerk's correction of one form's field, carried to the other forms' fields that take the same interview
     * answer: the new address typed on the 住民異動届 is the 国保 form's 住所 too. A field the clerk corrected on its
     * own, or that holds a more specific interview answer, is left as it is — unless it held the same text as the
     * edited field (the same answer, carried there by an earlier correction).
     */
    public SharedEdit editShared(List<VisitForm> forms, int index, String fieldId, String text) {
        List<VisitForm> next = new ArrayList<>(forms);
        List<Visit.FieldEdit> edits = new ArrayList<>();
        VisitForm edited = forms.get(index);
        String before = edited.filled().text(fieldId);
        next.set(index, edit(edited, fieldId, text));
        edits.add(new Visit.FieldEdit(edited.formId(), fieldId, text));
        Set<String> keys = new LinkedHashSet<>();
        edited.filled().fields().stream().filter(f -> f.id().equals(fieldId)).findFirst()
                .ifPresent(f -> f.sources().stream().filter(s -> s.startsWith(INTERVIEW)).forEach(keys::add));
        for (int i = 0; i < next.size(); i++) {
            VisitForm other = next.get(i);
            if (i == index || keys.isEmpty() || other.formId().equals(edited.formId())) {
                continue;
            }
            for (FieldDefinition field : other.filled().fields()) {
                String source = other.filled().value(field.id()).map(FilledValue::source).orElse("");
                boolean takesIt = field.sources().stream().anyMatch(keys::contains);
                // the same text as the edited field had: the same answer (also when carried here before)
                boolean sameAnswer = other.filled().text(field.id()).equals(before);
                boolean ownValue = !sameAnswer && (source.equals(FilledValue.CLERK)
                        || (source.startsWith(INTERVIEW) && !keys.contains(source)));
                if (takesIt && !ownValue && !other.filled().text(field.id()).equals(text)) {
                    other = edit(other, field.id(), text);
                    edits.add(new Visit.FieldEdit(other.formId(), field.id(), text));
                }
            }
            next.set(i, other);
        }
        return new SharedEdit(List.copyOf(next), List.copyOf(edits));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private PrefillInput input(ResidentIdentity identity, RegisterResident resident, List<RegisterResident> household,
            Map<String, String> interview, String newHead) {
        CardRead card = identity.fromCard()
                ? new CardRead(identity.name(), identity.address(), identity.birthDate(), identity.sex(),
                        identity.residenceCard() == null ? null : identity.residenceCard().formItems())
                : null;
        RegisterRecord record = null;
        Household members = null;
        if (resident != null) {
            String head = household.stream().filter(m -> "世帯主".equals(m.relationship())).findFirst()
                    .map(RegisterMatchService::registerName).orElse(null);
            ForeignResidentItems foreign = resident.nationality() == null ? null
                    : new ForeignResidentItems(resident.nationality(), resident.statusOfResidence(), null,
                            resident.periodOfStayEnd(), resident.residenceCardNumber(), resident.foreignCategory());
            record = new RegisterRecord(resident.residentCode(), RegisterMatchService.registerName(resident),
                    resident.familyNameKana() + "\u3000" + resident.givenNameKana(), resident.birthDate(),
                    resident.sex(), resident.address(), resident.postalCode(), resident.relationship(), head, foreign);
            members = new Household(resident.householdId(), household.stream()
                    .map(m -> new HouseholdMember(RegisterMatchService.registerName(m), m.relationship(), m.birthDate()))
                    .toList());
        }
        Map<String, String> answers = new LinkedHashMap<>();
        interview.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                answers.put(k, v.strip());
            }
        });
        if (identity.nameKana() != null) {
            answers.putIfAbsent("nameKana", identity.nameKana());
        }
        return new PrefillInput(card, record, members, answers, office, today(), newHead);
    }
}
