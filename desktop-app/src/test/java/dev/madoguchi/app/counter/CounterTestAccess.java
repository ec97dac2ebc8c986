package dev.madoguchi.app.counter;

import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.task.InlineTaskRunner;
import dev.madoguchi.demo.Resident;
import java.nio.file.Path;

/** The counter's fixture and an inline-run visit view model, for tests outside this package (resident screen). */
public final class CounterTestAccess implements AutoCloseable {

    private final CounterFixture fixture;
    private final InlineTaskRunner tasks = new InlineTaskRunner();
    private final CounterVisit viewModel;

    public CounterTestAccess(Path dir) {
        fixture = new CounterFixture(dir);
        viewModel = new CounterVisit(new Messages(Language.JAPANESE), tasks, fixture.visits,
                () -> new PrintDestination.Folder(fixture.printFolder));
        viewModel.start();
    }

    /** The visit's coordinator and step view models (the resident's window reads them). */
    public dev.madoguchi.app.counter.screen.CounterSteps viewModel() {
        return viewModel.steps();
    }

    public Resident holderWithSubstituteName() {
        return fixture.holderWithSubstituteName();
    }

    /** Takes the card off the simulated reader and lets the watcher see it. */
    public void takeCardAway() {
        fixture.reader.remove();
        tasks.tick();
    }

    public void putCard(Resident r) {
        fixture.reader.place(r.id());
        tasks.tick();
    }

    /** Card, PIN, confirmed match, 転出 with a child → the proposed procedures (a confirmed resident's 転入 stops). */
    public void runToProcedures(Resident r) {
        putCard(r);
        r.card().textPin().chars().forEach(c -> viewModel.pressPinDigit(c - '0'));
        viewModel.submitPin();
        viewModel.confirmCandidate(viewModel.candidates().get(0));
        viewModel.chooseEvent("tenshutsu");
        viewModel.questions().forEach(q -> viewModel.answer(q.id(), "no"));
        viewModel.answer("withChildren", "yes");
        viewModel.proposeProcedures();
    }

    /** Card, PIN, confirmed match, 転出 with a child → the forms step. */
    public void runToForms(Resident r) {
        putCard(r);
        r.card().textPin().chars().forEach(c -> viewModel.pressPinDigit(c - '0'));
        viewModel.submitPin();
        viewModel.confirmCandidate(viewModel.candidates().get(0));
        viewModel.chooseEvent("tenshutsu");
        viewModel.questions().forEach(q -> viewModel.answer(q.id(), "no"));
        viewModel.answer("withChildren", "yes");
        viewModel.proposeProcedures();
        VisitServiceTest.interview().forEach(viewModel::setInterviewValue);
        viewModel.prepareForms();
    }

    public void cancel() {
        viewModel.cancelVisit();
    }

    @Override
    public void close() {
        viewModel.stop();
        fixture.close();
    }
}
