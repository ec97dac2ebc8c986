package dev.madoguchi.app.setup;

import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.forms.print.FormPrintException;
import dev.madoguchi.store.error.StoreException;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** What every step of the setup assistant has: a line for the person, whether it is done or skipped, whether it works. */
public abstract class WizardStep {

    /** Where a step stands. */
    public enum Status { OPEN, DONE, SKIPPED }

    protected final Messages messages;
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty failed = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ObjectProperty<Status> status = new SimpleObjectProperty<>(Status.OPEN);

    protected WizardStep(Messages messages) {
        this.messages = messages;
    }

    /** True for the steps a person may leave for later (all but the municipality and the administrator). */
    public boolean skippable() {
        return true;
    }

    /** The bundle key of where the step can be done later (shown on the step and in the summary). */
    public abstract String laterKey();

    /** What the summary says of a done step. */
    public String doneSummary() {
        return message.get();
    }

    protected void say(String key, Object... arguments) {
        failed.set(false);
        message.set(messages.get(key, arguments));
    }

    /** Shows the remedy of a typed failure with its code ("remedy (CODE)"); anything else as unexpected. */
    protected void fail(Throwable failure) {
        failed.set(true);
        message.set(remedy(messages, failure));
    }

    static String remedy(Messages messages, Throwable failure) {
        if (failure instanceof SetupException e) {
            return messages.get(Messages.keyFor("setup.error.", e.error())) + " (" + e.error().code() + ")";
        }
        if (failure instanceof CardIoException e) {
            return messages.get(Messages.keyFor("card.error.", e.error())) + " (" + e.error().code() + ")";
        }
        if (failure instanceof FormPrintException e) {
            return messages.get(Messages.keyFor("counter.printError.", e.error())) + " (" + e.error().code() + ")";
        }
        if (failure instanceof StoreException e) {
            return messages.get(Messages.keyFor("store.error.", e.error())) + " (" + e.error().code() + ")";
        }
        return messages.get("status.error.unexpected");
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty failedProperty() {
        return failed;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ObjectProperty<Status> statusProperty() {
        return status;
    }
}
