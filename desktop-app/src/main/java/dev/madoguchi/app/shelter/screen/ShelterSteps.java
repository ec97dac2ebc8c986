package dev.madoguchi.app.shelter.screen;

import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.shelter.CheckInCoordinator;
import dev.madoguchi.app.shelter.ShelterCards;
import dev.madoguchi.app.shelter.ShelterRecords;
import dev.madoguchi.app.shelter.choose.ShelterChoiceView;
import dev.madoguchi.app.shelter.choose.ShelterChoiceViewModel;
import dev.madoguchi.app.shelter.household.HouseholdView;
import dev.madoguchi.app.shelter.household.HouseholdViewModel;
import dev.madoguchi.app.shelter.identify.PersonIdentifyView;
import dev.madoguchi.app.shelter.identify.PersonIdentifyViewModel;
import dev.madoguchi.app.shelter.match.ShelterMatchView;
import dev.madoguchi.app.shelter.match.ShelterMatchViewModel;
import dev.madoguchi.app.shelter.person.PersonDetailsView;
import dev.madoguchi.app.shelter.person.PersonDetailsViewModel;
import dev.madoguchi.app.shelter.exchange.ExchangeView;
import dev.madoguchi.app.shelter.exchange.ExchangeViewModel;
import dev.madoguchi.app.shelter.roster.RosterExport;
import dev.madoguchi.app.shelter.roster.RosterView;
import dev.madoguchi.app.shelter.roster.RosterViewModel;
import dev.madoguchi.app.shelter.backlog.BacklogView;
import dev.madoguchi.app.shelter.backlog.BacklogViewModel;
import dev.madoguchi.app.shelter.present.CorrectionView;
import dev.madoguchi.app.shelter.present.CorrectionViewModel;
import dev.madoguchi.app.shelter.present.PresentView;
import dev.madoguchi.app.shelter.present.PresentViewModel;
import dev.madoguchi.app.shelter.report.ReportPrinting;
import dev.madoguchi.app.shelter.report.ReportView;
import dev.madoguchi.app.shelter.report.ReportViewModel;
import java.nio.file.Path;
import dev.madoguchi.app.task.TaskRunner;
import dev.madoguchi.forms.qr.TrustedKey;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The shelter desk's check-in, made together: the coordinator and one view model per step, and the step views'
 * controllers for the view loader. What the resident's window reads of the shelter desk comes from here.
 */
public final class ShelterSteps {

    private final CheckInCoordinator desk;
    private final ShelterChoiceViewModel choice;
    private final PersonIdentifyViewModel identify;
    private final ShelterMatchViewModel match;
    private final PersonDetailsViewModel person;
    private final HouseholdViewModel household;
    private final BacklogViewModel backlog;
    private final PresentViewModel present;
    private final CorrectionViewModel correction;
    private final ReportViewModel report;
    private final ExchangeViewModel exchange;
    private final RosterViewModel roster;
    private final Clock clock;
    private Path exports = Path.of(".");

    private ShelterSteps(CheckInCoordinator desk, Supplier<List<TrustedKey>> trusted, Clock clock,
            Supplier<String> personIds) {
        this.desk = desk;
        this.choice = new ShelterChoiceViewModel(desk);
        this.identify = new PersonIdentifyViewModel(desk, trusted, clock);
        this.match = new ShelterMatchViewModel(desk);
        this.person = personIds == null ? new PersonDetailsViewModel(desk) : new PersonDetailsViewModel(desk, personIds);
        this.household = new HouseholdViewModel(desk);
        this.backlog = new BacklogViewModel(desk, clock);
        this.present = new PresentViewModel(desk);
        this.correction = new CorrectionViewModel(desk, present::refresh);
        this.report = new ReportViewModel(desk, clock);
        this.exchange = new ExchangeViewModel(desk, clock, present::refresh);
        this.roster = new RosterViewModel(desk, new RosterExport(desk.records()), clock);
        this.clock = clock;
    }

    /** Where the report, roster and exchange files are offered to go (a folder; the file is named by shelter and day). */
    public ShelterSteps exportingTo(Path folder) {
        this.exports = folder;
        exchange.exportingTo(folder);
        roster.exportingTo(folder);
        return this;
    }

    /** Where the daily report's 印刷プレビュー renders and prints. */
    public ShelterSteps printingWith(ReportPrinting printing) {
        report.printingWith(printing);
        roster.printingWith(printing);
        return this;
    }

    private Path exportFile() {
        String shelter = desk.shelterProperty().get() == null ? "shelter" : desk.shelterProperty().get().id();
        return exports.resolve("daily-report-" + shelter + "-" + java.time.LocalDate.now(clock) + ".csv");
    }

    public static ShelterSteps create(Messages messages, TaskRunner tasks, ShelterRecords records, ShelterCards cards,
            Supplier<List<TrustedKey>> trusted, Clock clock) {
        return new ShelterSteps(new CheckInCoordinator(messages, tasks, records, cards), trusted, clock, null);
    }

    /** For tests: household and person ids made by the test. */
    public static ShelterSteps create(CheckInCoordinator desk, Supplier<List<TrustedKey>> trusted, Clock clock,
            Supplier<String> personIds) {
        return new ShelterSteps(desk, trusted, clock, personIds);
    }

    /** The controllers of the shelter screen and its step views. */
    public Map<Class<?>, Supplier<?>> controllers() {
        Map<Class<?>, Supplier<?>> made = new LinkedHashMap<>();
        made.put(ShelterScreenView.class, () -> new ShelterScreenView(this));
        made.put(ShelterChoiceView.class, () -> new ShelterChoiceView(choice));
        made.put(PersonIdentifyView.class, () -> new PersonIdentifyView(identify));
        made.put(ShelterMatchView.class, () -> new ShelterMatchView(match));
        made.put(PersonDetailsView.class, () -> new PersonDetailsView(person));
        made.put(HouseholdView.class, () -> new HouseholdView(household));
        made.put(ShelterTabsView.class, ShelterTabsView::new);
        made.put(BacklogView.class, () -> new BacklogView(backlog));
        made.put(PresentView.class, () -> new PresentView(present, correction));
        made.put(CorrectionView.class, () -> new CorrectionView(correction));
        made.put(ReportView.class, () -> new ReportView(report, this::exportFile));
        made.put(ExchangeView.class, () -> new ExchangeView(exchange));
        made.put(RosterView.class, () -> new RosterView(roster));
        return made;
    }

    /** The shelter mode is shown: the list is read and the readers watched. */
    public void start() {
        choice.load();
        identify.start();
    }

    public void stop() {
        identify.stop();
    }

    public CheckInCoordinator desk() {
        return desk;
    }

    public ShelterChoiceViewModel choice() {
        return choice;
    }

    public PersonIdentifyViewModel identify() {
        return identify;
    }

    public ShelterMatchViewModel match() {
        return match;
    }

    public PersonDetailsViewModel person() {
        return person;
    }

    public HouseholdViewModel household() {
        return household;
    }

    public BacklogViewModel backlog() {
        return backlog;
    }

    public PresentViewModel present() {
        return present;
    }

    public CorrectionViewModel correction() {
        return correction;
    }

    public ReportViewModel report() {
        return report;
    }

    public ExchangeViewModel exchange() {
        return exchange;
    }

    public RosterViewModel roster() {
        return roster;
    }
}
