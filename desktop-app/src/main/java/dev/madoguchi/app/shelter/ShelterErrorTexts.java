package dev.madoguchi.app.shelter;

import dev.madoguchi.app.counter.CounterException;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.forms.print.FormPrintException;
import dev.madoguchi.forms.qr.QrVerificationException;
import dev.madoguchi.store.error.StoreException;

/**
 * A shelter step's failure in words with its remedy and code: card-io ({@code card.error.*}), the store
 * ({@code store.error.*}), the pre-registration QR ({@code shelter.qr.error.*}), and printing the daily report as the
 * counter prints ({@code counter.printError.*}, {@code counter.error.*}: fonts, print folder). Never a stack trace; the task
 * runner has logged the cause once.
 */
public final class ShelterErrorTexts {

    private final Messages messages;

    ShelterErrorTexts(Messages messages) {
        this.messages = messages;
    }

    public String describe(Throwable failure) {
        if (failure instanceof CardIoException e) {
            String text = messages.get(Messages.keyFor("card.error.", e.error()));
            if (e.triesLeft().isPresent() && e.triesLeft().getAsInt() > 0) {
                text = text + " " + messages.get("counter.pin.triesLeft", e.triesLeft().getAsInt());
            }
            return messages.get("shelter.failed", text, e.error().code());
        }
        if (failure instanceof StoreException e) {
            return messages.get("shelter.failed", messages.get(Messages.keyFor("store.error.", e.error())),
                    e.error().code());
        }
        if (failure instanceof QrVerificationException e) {
            return messages.get("shelter.failed", messages.get(Messages.keyFor("shelter.qr.error.", e.error())),
                    e.error().code());
        }
        if (failure instanceof FormPrintException e) {
            return messages.get("shelter.failed", messages.get(Messages.keyFor("counter.printError.", e.error())),
                    e.error().code());
        }
        if (failure instanceof CounterException e) {
            return messages.get("shelter.failed", messages.get(Messages.keyFor("counter.error.", e.error())),
                    e.error().code());
        }
        return messages.get("shelter.failed", messages.get("status.error.unexpected"), "SHELTER-999");
    }
}
