package dev.madoguchi.app.shelter.exchange;

import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.shelter.CheckInCoordinator;
import dev.madoguchi.app.shelter.ShelterRecords;
import dev.madoguchi.app.task.Lane;
import dev.madoguchi.domain.shelter.PresentPerson;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import dev.madoguchi.store.shelter.ShelterEventKind;
import dev.madoguchi.store.shelter.ShelterExchange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The 交換 tab: moving shelter events between laptops by file (docs/adr/0026), with the rules of
 * {@code madoguchi shelter export} / {@code import}. 書き出す writes every event this laptop holds into a file
 * signed by this laptop and encrypted to the shelter passphrase (typed twice). 読み込む first reads who signed the
 * file; a laptop not trusted yet is shown with its key fingerprint and imported only after the staff confirm that it
 * matches what the sending laptop shows (the CLI's {@code --trust}); refused, nothing is imported. The import is
 * idempotent and shows new events, events already held and the conflicts; the present list is read again. Every
 * refusal is the store's typed error with its remedy. The passphrases are wiped after use. Store work on
 * {@code store-writer}.
 */
public final class ExchangeViewModel {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");

    private final CheckInCoordinator desk;
    private final ShelterRecords records;
    private final Messages messages;
    private final Clock clock;
    private final Runnable afterImport;
    private final StringProperty fingerprint = new SimpleStringProperty("");
    private final ObjectProperty<ShelterExchange.Sender> unknownSender = new SimpleObjectProperty<>();
    private final StringProperty trustQuestion = new SimpleStringProperty("");
    private final ObservableList<String> conflicts = FXCollections.observableArrayList();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private Path folder = Path.of(".");
    private Path pendingFile;
    private char[] pendingPassphrase;

    /** @param afterImport runs after events were imported (the present list is read again) */
    public ExchangeViewModel(CheckInCoordinator desk, Clock clock, Runnable afterImport) {
        this.desk = desk;
        this.records = desk.records();
        this.messages = desk.messages();
        this.clock = clock;
        this.afterImport = afterImport;
    }

    /** The folder the suggested file is in (the exports folder). */
    public ExchangeViewModel exportingTo(Path exports) {
        this.folder = exports;
        return this;
    }

    /** A file name with the day and time the export is made, in the exports folder. */
    public Path suggestedFile() {
        return folder.resolve("shelter-exchange-" + STAMP.format(clock.instant().atZone(ZoneId.of("Asia/Tokyo")))
                + ".mdgsx");
    }

    /** The tab is shown: this laptop's fingerprint is read (made on first use). */
    public void shown() {
        desk.work().side(Lane.STORE_WRITER, "shelter exchange fingerprint", records::exchangeFingerprint,
                fingerprint::set, error::set);
    }

    /**
     * Writes the exchange file; the passphrase must be typed the same twice. Both arrays are wiped.
     *
     * @param file {@code null}: none chosen yet
     */
    public void export(Path file, char[] passphrase, char[] repeated) {
        String problem = busy.get() ? "" : file == null ? "shelter.files.choose"
                : passphrase.length == 0 ? "shelter.exchange.passphraseEmpty"
                : !Arrays.equals(passphrase, repeated) ? "shelter.exchange.passphraseMismatch" : null;
        wipe(repeated);
        if (problem != null) {
            wipe(passphrase);
            if (!problem.isEmpty()) {
                refuse(problem);
            }
            return;
        }
        char[] secret = passphrase;
        start();
        desk.work().side(Lane.STORE_WRITER, "shelter exchange export", () -> {
            try {
                return records.exportExchange(file, secret);
            } finally {
                wipe(secret);
            }
        }, done -> {
            busy.set(false);
            fingerprint.set(done.fingerprint());
            message.set(messages.get("shelter.exchange.exported", done.events(), done.shelters(), file,
                    done.fingerprint()));
        }, this::failed);
    }

    /**
     * Reads an exchange file: a trusted sender's is imported at once; an unknown sender's fingerprint is shown and
     * the import waits for {@link #trustAndImport} or {@link #refuseUnknown}. The passphrase is wiped after use.
     */
    public void importFile(Path file, char[] passphrase) {
        if (busy.get()) {
            wipe(passphrase);
            return;
        }
        forgetPending();
        if (file == null) {
            wipe(passphrase);
            refuse("shelter.files.choose");
            return;
        }
        if (passphrase.length == 0) {
            refuse("shelter.exchange.passphraseEmpty");
            return;
        }
        start();
        conflicts.clear();
        desk.work().side(Lane.STORE_WRITER, "shelter exchange import", () -> {
            if (!Files.isRegularFile(file)) {
                return new Outcome(null, null, List.of());
            }
            ShelterExchange.Sender sender = records.inspectExchange(file);
            if (!sender.trusted()) {
                return new Outcome(sender, null, List.of());
            }
            try {
                return imported(records.importExchange(file, passphrase, Set.of()));
            } finally {
                wipe(passphrase);
            }
        }, outcome -> {
            busy.set(false);
            if (outcome.sender() == null && outcome.result() == null) {
                wipe(passphrase);
                error.set(messages.get("shelter.exchange.noFile", file));
            } else if (outcome.result() == null) {
                pendingFile = file;
                pendingPassphrase = passphrase;
                unknownSender.set(outcome.sender());
                trustQuestion.set(messages.get("shelter.exchange.trustQuestion", outcome.sender().terminalId(),
                        outcome.sender().fingerprint(), outcome.sender().events()));
            } else {
                show(outcome);
            }
        }, failed -> {
            wipe(passphrase);
            failed(failed);
        });
    }

    /** The staff compared the fingerprint with the sending laptop's: it is trusted (pinned only if the file opens). */
    public void trustAndImport() {
        ShelterExchange.Sender sender = unknownSender.get();
        if (sender == null || busy.get()) {
            return;
        }
        Path file = pendingFile;
        char[] passphrase = pendingPassphrase;
        pendingPassphrase = null;
        unknownSender.set(null);
        trustQuestion.set("");
        start();
        desk.work().side(Lane.STORE_WRITER, "shelter exchange import trusted", () -> {
            try {
                return imported(records.importExchange(file, passphrase, Set.of(sender.fingerprint())));
            } finally {
                wipe(passphrase);
            }
        }, outcome -> {
            busy.set(false);
            show(outcome);
        }, this::failed);
    }

    /** The fingerprint did not match (or the staff are unsure): nothing is imported or trusted. */
    public void refuseUnknown() {
        ShelterExchange.Sender sender = unknownSender.get();
        if (sender == null) {
            return;
        }
        forgetPending();
        message.set("");
        error.set(desk.errors().describe(new StoreException(StoreError.UNKNOWN_TERMINAL,
                "the staff did not trust terminal " + sender.terminalId(), null)));
    }

    private record Outcome(ShelterExchange.Sender sender, ShelterExchange.Import result, List<String> conflicts) {}

    /** The import's conflicts in words, with the person's name where they are present (store-writer lane). */
    private Outcome imported(ShelterExchange.Import result) {
        Map<String, Map<String, String>> names = new HashMap<>();
        List<String> lines = new ArrayList<>();
        for (ShelterExchange.Conflict c : result.conflicts()) {
            Map<String, String> present = names.computeIfAbsent(c.shelterId(), id -> {
                Map<String, String> byId = new HashMap<>();
                for (PresentPerson p : records.present(id).people()) {
                    byId.put(p.person().personId(), p.person().name());
                }
                return byId;
            });
            String what;
            try {
                what = messages.get(Messages.keyFor("shelter.exchange.conflict.", ShelterEventKind.ofWire(c.kind())));
            } catch (IllegalArgumentException e) {
                what = c.kind();
            }
            lines.add(messages.get("shelter.exchange.conflictLine", c.shelterId(),
                    present.getOrDefault(c.personId(), c.personId()), what));
        }
        return new Outcome(null, result, lines);
    }

    private void show(Outcome outcome) {
        ShelterExchange.Import r = outcome.result();
        error.set("");
        String text = messages.get("shelter.exchange.imported", r.terminalId(), r.fingerprint(), r.received(),
                r.imported(), r.alreadyHeld(), r.conflicts().size());
        message.set(r.newlyTrusted() ? text + " " + messages.get("shelter.exchange.nowTrusted") : text);
        conflicts.setAll(outcome.conflicts());
        afterImport.run();
    }

    private void start() {
        busy.set(true);
        error.set("");
        message.set("");
    }

    private void refuse(String key) {
        message.set("");
        error.set(messages.get(key));
    }

    private void failed(String text) {
        busy.set(false);
        message.set("");
        error.set(text);
    }

    private void forgetPending() {
        wipe(pendingPassphrase);
        pendingPassphrase = null;
        pendingFile = null;
        unknownSender.set(null);
        trustQuestion.set("");
    }

    private static void wipe(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }

    /** This laptop's key fingerprint (the receiving laptop compares it). */
    public StringProperty fingerprintProperty() {
        return fingerprint;
    }

    /** A sender not trusted yet, waiting for the staff's decision; {@code null} otherwise. */
    public ObjectProperty<ShelterExchange.Sender> unknownSenderProperty() {
        return unknownSender;
    }

    /** The question about an unknown sender, with its fingerprint; empty otherwise. */
    public StringProperty trustQuestionProperty() {
        return trustQuestion;
    }

    /** The last import's conflicts (resolved by the events' order, kept in the history), in words. */
    public ObservableList<String> conflicts() {
        return conflicts;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public Messages messages() {
        return messages;
    }
}
