package dev.madoguchi.app.counter;

import dev.madoguchi.card.detect.CardType;
import dev.madoguchi.card.mynumber.CardProfile;
import dev.madoguchi.card.mynumber.MyNumberCardService;
import dev.madoguchi.card.mynumber.PinStatus;
import dev.madoguchi.card.mynumber.ReadOptions;
import dev.madoguchi.card.mynumber.TextCredential;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.card.reader.CardReaders;
import dev.madoguchi.card.residence.CardNumber;
import dev.madoguchi.card.residence.ResidenceCardRead;
import dev.madoguchi.card.residence.ResidenceCardService;
import dev.madoguchi.card.residence.ResidenceReadOptions;
import dev.madoguchi.card.residence.ResidenceTrust;
import dev.madoguchi.card.simulated.SimulatedCardReaders;
import dev.madoguchi.card.watch.ReaderEvent;
import dev.madoguchi.card.watch.ReaderWatcher;
import dev.madoguchi.forms.rules.LifeEventPlan;
import dev.madoguchi.forms.rules.LifeEventRules;
import dev.madoguchi.domain.MyNumber;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.drafts.VisitDraft;
import dev.madoguchi.store.register.RegisterResident;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The counter visit's use cases, joining card-io, the local store and forms. Synchronous and thread-free: each method
 * says the lane its caller must use ({@code card-io}, {@code store-writer}, {@code background}); the view model
 * submits them through the task runner. Nothing here keeps a resident's data between calls.
 */
public final class VisitService {

    private final CardReaders readers;
    private final MyNumberCardService cards;
    private final ReaderWatcher watcher;
    private final Supplier<Optional<LocalStore>> store;
    private final RegisterMatchService matcher = new RegisterMatchService();
    private final VisitFormsService forms;
    private final FormOutputService output;
    private final VisitCaseService cases = new VisitCaseService();
    private final CaseListService caseList;
    private final ResidenceTrust baseTrust;
    private ResidenceCardService residenceCards;
    /** The fingerprints of the anchors {@link #residenceCards} checks against. */
    private List<String> trusted;

    /**
     * Residence card signatures are checked against the simulated reader's synthetic CA, or against no anchor (they
     * then report "untrusted") until trust anchors are configured.
     */
    public VisitService(CardReaders readers, Supplier<Optional<LocalStore>> store, VisitFormsService forms,
            FormOutputService output) {
        this(readers, store, forms, output, readers instanceof SimulatedCardReaders simulated
                ? simulated.residenceIssuer().trust() : ResidenceTrust.none());
    }

    /**
     * @param store the store the signed-in clerk opened (empty when nobody is signed in)
     * @param trust the anchors residence card signatures are checked against
     */
    public VisitService(CardReaders readers, Supplier<Optional<LocalStore>> store, VisitFormsService forms,
            FormOutputService output, ResidenceTrust trust) {
        this.readers = readers;
        this.cards = new MyNumberCardService(readers);
        this.baseTrust = trust;
        this.residenceCards = new ResidenceCardService(readers, trust);
        this.trusted = fingerprints(trust);
        this.watcher = new ReaderWatcher(readers);
        this.store = store;
        this.forms = forms;
        this.output = output;
        this.caseList = new CaseListService(forms::catalog, forms.rulesSupplier(), forms.clock());
    }

    // --- card-io lane -----------------------------------------------------------------------------------------

    /** Cards put on or taken off the readers since the last call ({@code card-io}). */
    public List<ReaderEvent> pollReaders() throws CardIoException {
        return watcher.poll();
    }

    /** Whether a card lies on a reader now ({@code card-io}). */
    public boolean cardPresent() throws CardIoException {
        return readers.snapshot().anyCardPresent();
    }

    /** Tries left on the text PIN before the resident types it; consumes none ({@code card-io}). */
    public PinStatus pinTriesLeft() throws CardIoException {
        return cards.triesLeft(null, CardProfile.TextCredentialKind.PIN);
    }

    /** Tries left on 照合番号B; consumes none ({@code card-io}). */
    public PinStatus collationNumberTriesLeft() throws CardIoException {
        return cards.triesLeft(null, CardProfile.TextCredentialKind.COLLATION_NUMBER_B);
    }

    /**
     * Reads 基本4情報 with the PIN the resident entered, once, never retried ({@code card-io}).
     *
     * @param withMyNumber also the 個人番号, only when a procedure of the visit needs it
     */
    public ResidentIdentity readWithPin(String pin, boolean withMyNumber) throws CardIoException {
        return ResidentIdentity.fromCard(cards.read(null, new TextCredential.Pin(pin), options(withMyNumber)),
                ResidentIdentity.Source.CARD_PIN);
    }

    /** Reads 基本4情報 with the 照合番号B the clerk typed from the card face ({@code card-io}). */
    public ResidentIdentity readWithCollationNumberB(String digits, boolean withMyNumber) throws CardIoException {
        return ResidentIdentity.fromCard(cards.read(null, new TextCredential.CollationNumberB(digits),
                options(withMyNumber)), ResidentIdentity.Source.CARD_COLLATION_NUMBER_B);
    }

    /** The type of the card on the reader, by free commands only ({@code card-io}). */
    public CardType cardType() throws CardIoException {
        return residenceCards.detect(null);
    }

    /** Another card lies on the reader now: numbers refused by the one before are forgotten ({@code card-io}). */
    public void cardChanged() {
        residenceCards.cardChanged();
    }

    /**
     * Opens a residence card or 特別永住者証明書 with the number the clerk typed, once (a refused number is never sent
     * again), and reads its text with the signature checked; no image is kept ({@code card-io}).
     */
    public ResidenceCardFacts.Reading readResidenceCard(CardNumber number) throws CardIoException {
        ResidenceTrust trust = store.get().map(s -> ResidenceTrustSettings.trust(baseTrust, s.settings()))
                .orElse(baseTrust);
        List<String> fingerprints = fingerprints(trust);
        if (!fingerprints.equals(trusted)) {
            residenceCards = new ResidenceCardService(readers, trust); // the anchors configured changed
            trusted = fingerprints;
        }
        ResidenceCardRead read = residenceCards.read(null, number, new ResidenceReadOptions(false, false, true));
        return ResidenceCardFacts.Reading.of(read, number.value());
    }

    private static List<String> fingerprints(ResidenceTrust trust) {
        return trust.anchors().stream().map(a -> ResidenceTrust.fingerprint(a.certificate())).toList();
    }

    /**
     * Adds a residence card trust anchor from a certificate file's content to the store's settings
     * ({@code store-writer}); the next card read checks against it.
     *
     * @return the certificate's subject name
     */
    public String addTrustAnchor(byte[] derOrPem) {
        return ResidenceTrustSettings.add(openStore().settings(), derOrPem).getSubjectX500Principal().getName();
    }

    private static ReadOptions options(boolean withMyNumber) {
        return new ReadOptions(withMyNumber, true, false);
    }

    // --- store-writer lane ------------------------------------------------------------------------------------

    /**
     * Candidates from the register copy, and the pending move-in records for a 転入, each read audited
     * ({@code store-writer}).
     */
    public RegisterMatch match(ResidentIdentity identity) {
        LocalStore s = openStore();
        return matcher.find(s.register(), identity).withMoveOuts(MoveOutMatching.find(s.moveOuts(), identity,
                java.time.LocalDate.now(forms.clock())));
    }

    /** The confirmed resident's household members, audited ({@code store-writer}). */
    public List<RegisterResident> household(RegisterResident resident) {
        return openStore().register().householdMembers(resident.householdId());
    }

    /**
     * Stores the finished visit: print audit rows, the case, its outbox message and audit row, with the visit's
     * handling times ({@code store-writer}).
     */
    public UUID recordCase(LifeEventPlan plan, ResidentIdentity identity, RegisterResident resident,
            List<VisitForm> visitForms, List<PrintOutcome> prints, UUID draftId, VisitTimings timings) {
        return cases.record(openStore(), plan, identity, resident == null ? null : resident.residentId(), visitForms,
                prints, draftId, timings);
    }

    /**
     * Saves the running visit's draft ({@code store-writer}). The My Number goes with it, sealed, only when a
     * procedure of the visit's plan needs it.
     */
    public void saveDraft(Visit visit, LifeEventPlan plan) {
        MyNumber kept = plan != null && VisitCaseService.needsMyNumber(plan) ? visit.identity().myNumber() : null;
        openStore().drafts().save(visit.draftId(), visit.draftStep().name(), VisitJson.write(visit), kept);
    }

    /**
     * Audits that the clerk set a proposed procedure aside ({@code store-writer}): the resident, the procedure and a
     * fixed reason.
     */
    public void recordSetAside(String residentId, String procedureId, String reason) {
        openStore().recordSetAside(residentId == null ? "unregistered" : residentId,
                "procedure " + procedureId + " set aside: " + reason);
    }

    /**
     * The signed-in clerk's own drafts of visits that were running when the program stopped, locked or changed
     * language, newest first ({@code store-writer}). Another clerk's drafts are never returned (docs/adr/0014).
     */
    public List<VisitDraft> myDrafts() {
        return openStore().drafts().mine();
    }

    /** The visit the draft holds, with its sealed My Number when it has one (audited read) ({@code store-writer}). */
    public Visit openDraft(VisitDraft draft) {
        Visit visit = VisitJson.read(draft.draftId(), draft.data());
        if (!draft.holdsMyNumber()) {
            return visit;
        }
        MyNumber myNumber = openStore().drafts().myNumberOf(draft.draftId()).orElse(null);
        ResidentIdentity who = visit.identity();
        return visit.withIdentity(who.withMyNumber(myNumber));
    }

    /**
     * The clerk throws the running visit away: its draft is deleted, audited ({@code store-writer}). When its forms
     * had been printed (and the case is not stored), the audit row says what was printed and when — form ids and
     * times only — since no print row was written for them.
     */
    public void discardDraft(UUID draftId, List<PrintOutcome> prints) {
        String note = prints.isEmpty() ? null : "printed, not recorded: " + String.join(", ", prints.stream()
                .map(p -> p.formId() + (p.reprint() ? " reprint" : "") + " printed " + p.printedAt()).toList());
        openStore().drafts().discard(draftId, note);
    }

    /** The clerk throws an offered draft away, audited as {@link #discardDraft(UUID, List)} ({@code store-writer}). */
    public void discardDraft(VisitDraft draft) {
        List<PrintOutcome> prints;
        try {
            prints = VisitJson.read(draft.draftId(), draft.data()).prints();
        } catch (CounterException unreadable) {
            prints = List.of(); // a draft of another version: discarded as it is
        }
        discardDraft(draft.draftId(), prints);
    }

    /** Today's visits with their way to the backend ({@code store-writer}). */
    public List<CaseSummary> todaysCases() {
        return caseList.today(openStore());
    }

    /** A stored case's printed forms, filled again for a reprint ({@code store-writer}). */
    public List<VisitForm> storedForms(UUID caseId) {
        return caseList.storedForms(openStore(), caseId);
    }

    /** The audit rows of a reprint ({@code store-writer}). */
    public void recordReprint(CaseSummary summary, List<PrintOutcome> prints) {
        caseList.recordReprint(openStore(), summary, prints);
    }

    private LocalStore openStore() {
        return store.get().orElseThrow(
                () -> new CounterException(CounterError.NOT_SIGNED_IN, "no clerk is signed in", null));
    }

    // --- background lane --------------------------------------------------------------------------------------

    /** The clock the visit's dates are checked against. */
    public java.time.Clock clock() {
        return forms.clock();
    }

    public List<LifeEventRules.Event> events() {
        return forms.events();
    }

    public List<LifeEventRules.Question> questions(String eventId) {
        return forms.questions(eventId);
    }

    public LifeEventPlan plan(String eventId, Map<String, String> answers) {
        return forms.plan(eventId, answers);
    }

    public List<InterviewItem> interviewItems(LifeEventPlan plan) {
        return forms.interviewItems(plan);
    }

    public List<VisitForm> prepareForms(LifeEventPlan plan, ResidentIdentity identity, RegisterResident resident,
            List<RegisterResident> household, Map<String, String> interview) {
        return forms.prepare(plan, identity, resident, household, interview);
    }

    /** The forms with a row per mover ({@link VisitFormsService#prepare(LifeEventPlan, ResidentIdentity,
     * RegisterResident, List, Map, List, String)}). */
    public List<VisitForm> prepareForms(LifeEventPlan plan, ResidentIdentity identity, RegisterResident resident,
            List<RegisterResident> household, Map<String, String> interview, List<Mover> movers, String source) {
        return forms.prepare(plan, identity, resident, household, interview, movers, source);
    }

    /** The same with the name of the new 世帯主 of the members who stay (or null). */
    public List<VisitForm> prepareForms(LifeEventPlan plan, ResidentIdentity identity, RegisterResident resident,
            List<RegisterResident> household, Map<String, String> interview, List<Mover> movers, String source,
            String remainingHead) {
        return forms.prepare(plan, identity, resident, household, interview, movers, source, remainingHead);
    }

    /** The same with the 住民票コード of the mover who heads the household the movers form (or null). */
    public List<VisitForm> prepareForms(LifeEventPlan plan, ResidentIdentity identity, RegisterResident resident,
            List<RegisterResident> household, Map<String, String> interview, List<Mover> movers, String source,
            String remainingHead, String newHead) {
        return forms.prepare(plan, identity, resident, household, interview, movers, source, remainingHead, newHead);
    }

    /** The same with the clerk's 続柄 to that head by 住民票コード ({@link HouseholdMove#relationships}). */
    public List<VisitForm> prepareForms(LifeEventPlan plan, ResidentIdentity identity, RegisterResident resident,
            List<RegisterResident> household, Map<String, String> interview, List<Mover> movers, String source,
            String remainingHead, String newHead, Map<String, String> relationships) {
        return forms.prepare(plan, identity, resident, household, interview, movers, source, remainingHead, newHead,
                relationships);
    }

    /** The same when the movers join a household here (世帯合併): the name of its 世帯主, or null. */
    public List<VisitForm> prepareForms(LifeEventPlan plan, ResidentIdentity identity, RegisterResident resident,
            List<RegisterResident> household, Map<String, String> interview, List<Mover> movers, String source,
            String remainingHead, String newHead, Map<String, String> relationships, String joinHead) {
        return forms.prepare(plan, identity, resident, household, interview, movers, source, remainingHead, newHead,
                relationships, joinHead);
    }

    public VisitForm edit(VisitForm form, String fieldId, String text) {
        return forms.edit(form, fieldId, text);
    }

    /** One correction, carried to the other forms that take the same interview answer ({@code background}). */
    public VisitFormsService.SharedEdit editShared(List<VisitForm> visitForms, int index, String fieldId,
            String text) {
        return forms.editShared(visitForms, index, fieldId, text);
    }

    /** The plan without the procedures the clerk set aside: their forms are neither filled nor printed. */
    public static LifeEventPlan without(LifeEventPlan plan, java.util.Set<String> setAside) {
        return setAside.isEmpty() ? plan : new LifeEventPlan(plan.event(), plan.rulesVersion(), plan.rulesSha256(),
                plan.procedures().stream().filter(p -> !setAside.contains(p.id())).toList());
    }

    /** Renders every form for the preview, in order ({@code background}). */
    public List<RenderedForm> renderAll(List<VisitForm> visitForms) {
        List<RenderedForm> out = new java.util.ArrayList<>();
        for (VisitForm f : visitForms) {
            out.add(output.render(f));
        }
        return out;
    }

    /** Renders a printable form with its signed QR ({@code background}). */
    public RenderedForm render(VisitForm form) {
        return output.render(form);
    }

    /** Prints a rendered form ({@code background}). */
    public PrintOutcome print(RenderedForm rendered, PrintDestination destination) {
        return output.print(rendered, destination);
    }
}
