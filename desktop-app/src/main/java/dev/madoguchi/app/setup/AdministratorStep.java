package dev.madoguchi.app.setup;

import dev.madoguchi.app.i18n.Messages;
import java.util.Arrays;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Step 2: the first administrator — id, display name, passphrase twice, its {@link PassphraseStrength} shown while it is
 * typed; a weak one or two that differ are refused. Needed: no skip.
 */
public final class AdministratorStep extends WizardStep {

    private final StringProperty id = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty passphrase = new SimpleStringProperty("");
    private final StringProperty repeat = new SimpleStringProperty("");
    private final ObjectProperty<PassphraseStrength> strength = new SimpleObjectProperty<>(PassphraseStrength.WEAK);
    private final StringProperty strengthText = new SimpleStringProperty("");
    private char[] accepted = new char[0];

    public AdministratorStep(Messages messages) {
        super(messages);
        passphrase.addListener((obs, was, now) -> {
            char[] typed = now == null ? new char[0] : now.toCharArray();
            strength.set(PassphraseStrength.of(typed));
            Arrays.fill(typed, ' ');
            strengthText.set(now == null || now.isEmpty() ? ""
                    : messages.get(Messages.keyFor("setup.strength.", strength.get())));
        });
    }

    @Override
    public boolean skippable() {
        return false;
    }

    @Override
    public String laterKey() {
        return "setup.later.none";
    }

    /** True when acceptable: the passphrase is then kept for the store and cleared from the fields. */
    public boolean validate() {
        if (!id().matches("[A-Za-z0-9._-]{2,32}") || name().isEmpty()) {
            fail(new SetupException(SetupError.BAD_ADMINISTRATOR, "id or name", null));
            return false;
        }
        String typed = passphrase.get() == null ? "" : passphrase.get();
        if (strength.get() == PassphraseStrength.WEAK) {
            fail(new SetupException(SetupError.WEAK_PASSPHRASE, "weak", null));
            return false;
        }
        if (!typed.equals(repeat.get())) {
            repeat.set("");
            fail(new SetupException(SetupError.PASSPHRASES_DIFFER, "differ", null));
            return false;
        }
        Arrays.fill(accepted, ' ');
        accepted = typed.toCharArray();
        passphrase.set("");
        repeat.set("");
        strengthText.set(messages.get(Messages.keyFor("setup.strength.", strength.get())));
        say("setup.administrator.done", id(), name());
        statusProperty().set(Status.DONE);
        return true;
    }

    /** A copy of the accepted passphrase (the caller clears it). */
    public char[] passphrase() {
        return accepted.clone();
    }

    /** Forgets the passphrase once the store has been signed in to. */
    public void forget() {
        Arrays.fill(accepted, ' ');
        accepted = new char[0];
    }

    public String id() {
        return id.get() == null ? "" : id.get().strip();
    }

    public String name() {
        return name.get() == null ? "" : name.get().strip();
    }

    public StringProperty idProperty() {
        return id;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty passphraseProperty() {
        return passphrase;
    }

    public StringProperty repeatProperty() {
        return repeat;
    }

    public ObjectProperty<PassphraseStrength> strengthProperty() {
        return strength;
    }

    public StringProperty strengthTextProperty() {
        return strengthText;
    }
}
