package dev.madoguchi.app.demo;

import dev.madoguchi.card.mynumber.BasicFour;
import dev.madoguchi.card.simulated.MyNumberCardContent;
import dev.madoguchi.card.simulated.SimulatedCard;
import dev.madoguchi.demo.DemoCard;
import dev.madoguchi.demo.DemoMunicipality;
import dev.madoguchi.demo.Resident;
import dev.madoguchi.domain.MyNumber;
import dev.madoguchi.store.register.RegisterEntry;
import dev.madoguchi.store.register.RegisterHousehold;
import dev.madoguchi.store.register.RegisterResident;
import java.util.List;

/**
 * The demo municipality as the application uses it: the register snapshot for the local store and the deck of
 * demo cards for the simulated reader. Generated once, on first use, from a fixed seed.
 */
public final class DemoEnvironment {

    /** The demo store's administrator (creates the store and loads the register). Fictional, published. */
    public static final String DEMO_ADMINISTRATOR = "demo-admin";
    /** The demo administrator's passphrase: the demo is public, so is this. */
    public static final String DEMO_ADMINISTRATOR_PASSPHRASE = "madoguchi-demo-admin";
    /** The demo counter clerk, shown on the login screen in demo mode. */
    public static final String DEMO_CLERK = "demo";
    /** The demo clerk's passphrase, shown on the login screen in demo mode. */
    public static final String DEMO_CLERK_PASSPHRASE = "madoguchi-demo";
    /** The demo evacuation-centre staff account (避難所モード). */
    public static final String DEMO_SHELTER = "demo-shelter";
    /** The demo shelter staff's passphrase, shown on the login screen in demo mode. */
    public static final String DEMO_SHELTER_PASSPHRASE = "madoguchi-demo-shelter";
    /** The demo digital-promotion volunteer account (推進委員モード): no register access. */
    public static final String DEMO_VOLUNTEER = "demo-volunteer";
    /** The demo volunteer's passphrase, shown on the login screen in demo mode. */
    public static final String DEMO_VOLUNTEER_PASSPHRASE = "madoguchi-demo-volunteer";

    private final long seed;
    private final int residents;
    private DemoMunicipality municipality;

    public DemoEnvironment(long seed, int residents) {
        this.seed = seed;
        this.residents = residents;
    }

    /** The default demo: {@link DemoMunicipality#DEFAULT_SEED}, {@link DemoMunicipality#DEFAULT_RESIDENTS}. */
    public static DemoEnvironment standard() {
        return new DemoEnvironment(DemoMunicipality.DEFAULT_SEED, DemoMunicipality.DEFAULT_RESIDENTS);
    }

    /** The generated municipality (generated on the first call; safe from any thread). */
    public synchronized DemoMunicipality municipality() {
        if (municipality == null) {
            municipality = DemoMunicipality.generate(seed, residents);
        }
        return municipality;
    }

    /** Identifies this demo's data, so the store re-imports only when the generator's input changes. */
    public String snapshotId() {
        return "demo:" + seed + ":" + residents;
    }

    /** The register snapshot in the store's terms. My Numbers are deliberately not part of it. */
    public List<RegisterHousehold> registerHouseholds() {
        return municipality().households().stream()
                .map(h -> new RegisterHousehold(h.id(), h.headResidentId(), h.address(), h.postalCode()))
                .toList();
    }

    /** The register snapshot in the store's terms. My Numbers are deliberately not part of it. */
    public List<RegisterResident> registerResidents() {
        return municipality().residents().stream().map(DemoEnvironment::toRegister).toList();
    }

    /**
     * The register snapshot with My Numbers, for the encrypted store (the numbers are stored encrypted per value).
     * Fictional: the demo generator's numbers only satisfy the check digit.
     */
    public List<RegisterEntry> registerEntries() {
        return municipality().residents().stream()
                .map(r -> new RegisterEntry(toRegister(r), MyNumber.parse(r.myNumber())))
                .toList();
    }

    /**
     * One simulated card per demo resident who holds a card, labelled with the name printed on the card; its chip holds
     * what the card prints (the 代替文字 name, not the register's), the resident's My Number and the demo secrets. The
     * demo residence cards follow ({@link DemoResidenceCards}).
     */
    public List<SimulatedCard> cardDeck() {
        String municipalityCode = municipality().localGovernmentCode().substring(0, 5);
        List<SimulatedCard> deck = new java.util.ArrayList<>(municipality().cardHolders().stream()
                .map(r -> new SimulatedCard(r.id(), r.card().nameOnCard(), cardContent(r, municipalityCode))).toList());
        deck.addAll(DemoResidenceCards.of(municipality(), municipalityCode));
        deck.add(DemoMoveOuts.card(municipalityCode));
        return List.copyOf(deck);
    }

    static MyNumberCardContent cardContent(Resident r, String municipalityCode) {
        DemoCard card = r.card();
        String sexCode = switch (r.sex()) {
            case MALE -> "1";
            case FEMALE -> "2";
            case NOT_APPLICABLE -> "9";
        };
        String serial = String.format("%015d", Math.floorMod((long) r.id().hashCode(), 1_000_000_000_000_000L));
        return new MyNumberCardContent(new BasicFour(card.nameOnCard(), card.addressOnCard(), r.birthDate(), sexCode),
                r.myNumber(), card.expiryDate(), card.securityCode(), card.textPin(), card.authPin(),
                card.signPassword(), card.textPinTriesLeft(), card.authPinTriesLeft(), card.signPasswordTriesLeft(),
                municipalityCode, serial);
    }

    /** How many ordinary cards {@link #documentedCards()} lists before the special ones. */
    static final int ORDINARY_DOCUMENTED = 4;

    /**
     * The demo cards the デモ menu and the README list with their PIN and 照合番号B: the first few card holders with an
     * unexpired card and three PIN tries, then the first whose card prints a 代替文字 name, the first with one PIN try
     * left and the first whose PIN is locked; then the card of the family whose move-out record is pending
     * ({@link DemoMoveOuts}) and the residence cards with the number printed on each ({@link DemoResidenceCards}).
     * Fixed by the demo's seed.
     */
    public List<DemoCardLine> documentedCards() {
        java.time.LocalDate today = java.time.LocalDate.of(2026, 1, 1); // fixed: the list must not change by date
        List<Resident> holders = municipality().cardHolders();
        List<DemoCardLine> out = new java.util.ArrayList<>();
        holders.stream()
                .filter(r -> r.card().textPinTriesLeft() == 3 && r.card().nameOnCard().equals(r.fullName())
                        && r.card().expiryDate().isAfter(today))
                .limit(ORDINARY_DOCUMENTED)
                .forEach(r -> out.add(line(r, "")));
        holders.stream()
                .filter(r -> r.card().textPinTriesLeft() == 3 && !r.card().nameOnCard().equals(r.fullName())
                        && r.card().expiryDate().isAfter(today))
                .findFirst().ifPresent(r -> out.add(line(r, "the card prints a substitute character (代替文字)")));
        holders.stream().filter(r -> r.card().textPinTriesLeft() == 1 && r.card().expiryDate().isAfter(today))
                .findFirst().ifPresent(r -> out.add(line(r, "one PIN try left")));
        holders.stream().filter(r -> r.card().textPinTriesLeft() == 0 && r.card().expiryDate().isAfter(today))
                .findFirst().ifPresent(r -> out.add(line(r, "PIN locked: 照合番号B or manual entry")));
        out.add(DemoMoveOuts.line());
        out.addAll(DemoResidenceCards.lines(DemoResidenceCards.of(municipality(),
                municipality().localGovernmentCode().substring(0, 5))));
        return List.copyOf(out);
    }

    private static DemoCardLine line(Resident r, String note) {
        return new DemoCardLine(r.id(), r.card().nameOnCard(), r.card().textPin(), r.card().textPinTriesLeft(),
                r.card().collationNumberB(r.birthDate()), note);
    }

    /** The number of households, for summaries. */
    public int householdCount() {
        return municipality().households().size();
    }

    private static RegisterResident toRegister(Resident r) {
        var foreign = r.foreignResidency();
        return new RegisterResident(r.id(), r.householdId(), r.residentCode(), r.relationship(), r.familyName(),
                r.givenName(), r.familyNameKana(), r.givenNameKana(), r.birthDate(), r.sex(), r.postalCode(),
                r.address(), r.movedInOn(),
                foreign == null ? null : foreign.nationality(),
                foreign == null ? null : foreign.statusOfResidence(),
                foreign == null ? null : foreign.periodOfStayEnd(),
                foreign == null ? null : foreign.residenceCardNumber(),
                foreign == null ? null : foreign.category());
    }
}
