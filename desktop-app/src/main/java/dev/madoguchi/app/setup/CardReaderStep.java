package dev.madoguchi.app.setup;

import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.task.Lane;
import dev.madoguchi.app.task.TaskRunner;
import dev.madoguchi.card.detect.CardType;
import dev.madoguchi.card.mynumber.CardHealth;
import dev.madoguchi.card.mynumber.MyNumberCardService;
import dev.madoguchi.card.reader.CardReaders;
import dev.madoguchi.card.residence.ResidenceCardService;
import dev.madoguchi.card.residence.ResidenceTrust;

/**
 * Step 6: the card reader and a test read of any card, as {@code madoguchi card check} does it: the card's type and,
 * for a My Number Card, the tries left on its PINs — no PIN is asked or sent, no try is used, nothing personal is read.
 * Later: {@code madoguchi card check} or the volunteer's check-up.
 */
public final class CardReaderStep extends WizardStep {

    private final TaskRunner tasks;
    private final CardReaders readers;

    public CardReaderStep(Messages messages, TaskRunner tasks, CardReaders readers) {
        super(messages);
        this.tasks = tasks;
        this.readers = readers;
    }

    @Override
    public String laterKey() {
        return "setup.later.cardReader";
    }

    /** Reads the card on the first reader holding one, on the card lane. */
    public void testRead() {
        busyProperty().set(true);
        say("setup.card.reading");
        tasks.submit(Lane.CARD_IO, "setup: test read", () -> {
            CardType type = new ResidenceCardService(readers, ResidenceTrust.none()).detect(null);
            if (type instanceof CardType.MyNumberCard) {
                CardHealth health = new MyNumberCardService(readers).check(null);
                return messages.get("setup.card.myNumber", health.textPin().triesLeft());
            }
            return messages.get("setup.card.other", type.code());
        }, text -> {
            busyProperty().set(false);
            statusProperty().set(Status.DONE);
            messageProperty().set(text);
            failedProperty().set(false);
        }, failure -> {
            busyProperty().set(false);
            fail(failure);
        });
    }
}
