package dev.madoguchi.app.counter;

import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.forms.definition.FormDefinitionException;
import dev.madoguchi.forms.print.FormPrintException;
import dev.madoguchi.store.error.StoreException;

/**
 * Every failure of a counter step in words with its remedy and code, from the message bundles: card-io
 * ({@code card.error.*}), the store ({@code store.error.*}), printing ({@code counter.printError.*}) and the counter's
 * own ({@code counter.error.*}). Never a stack trace; the task runner has logged the cause once.
 */
public final class ErrorTexts {

    private final Messages messages;

    public ErrorTexts(Messages messages) {
        this.messages = messages;
    }

    public String describe(Throwable failure) {
        if (failure instanceof CardIoException e) {
            String text = messages.get(Messages.keyFor("card.error.", e.error()));
            if (e.triesLeft().isPresent() && e.triesLeft().getAsInt() > 0) {
                text = text + " " + messages.get("counter.pin.triesLeft", e.triesLeft().getAsInt());
            }
            return messages.get("counter.failed", text, e.error().code());
        }
        if (failure instanceof StoreException e) {
            return messages.get("counter.failed", messages.get(Messages.keyFor("store.error.", e.error())),
                    e.error().code());
        }
        if (failure instanceof FormPrintException e) {
            return messages.get("counter.failed", messages.get(Messages.keyFor("counter.printError.", e.error())),
                    e.error().code());
        }
        if (failure instanceof CounterException e) {
            return messages.get("counter.failed", messages.get(Messages.keyFor("counter.error.", e.error())),
                    e.error().code());
        }
        if (failure instanceof FormDefinitionException) {
            return messages.get("counter.failed", messages.get(Messages.keyFor("counter.error.",
                    CounterError.FORM_DEFINITION)), CounterError.FORM_DEFINITION.code());
        }
        return messages.get("counter.failed", messages.get("status.error.unexpected"), "COUNTER-999");
    }
}
