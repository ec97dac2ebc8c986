package dev.madoguchi.app.setup;

import dev.madoguchi.app.i18n.Messages;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** Step 1: the municipality's name and its 全国地方公共団体コード (six digits, check digit checked). Needed: no skip. */
public final class MunicipalityStep extends WizardStep {

    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");

    public MunicipalityStep(Messages messages) {
        super(messages);
        code.addListener((obs, was, now) -> {
            String typed = now == null ? "" : now.strip();
            if (typed.length() == 6) { // said at once, while typing
                if (SetupPlan.validMunicipalityCode(typed)) {
                    say("setup.municipality.codeOk");
                } else {
                    fail(new SetupException(SetupError.BAD_MUNICIPALITY, "check digit", null));
                }
            } else {
                messageProperty().set("");
            }
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

    /** True when both are acceptable; else the step says why. */
    public boolean validate() {
        if (!SetupPlan.validMunicipalityCode(code())) {
            fail(new SetupException(SetupError.BAD_MUNICIPALITY, "check digit", null));
            return false;
        }
        if (name().isEmpty()) {
            failedProperty().set(true);
            messageProperty().set(messages.get("setup.municipality.nameMissing"));
            return false;
        }
        say("setup.municipality.done", name(), code());
        statusProperty().set(Status.DONE);
        return true;
    }

    public String code() {
        return code.get() == null ? "" : code.get().strip();
    }

    public String name() {
        return name.get() == null ? "" : name.get().strip();
    }

    public StringProperty codeProperty() {
        return code;
    }

    public StringProperty nameProperty() {
        return name;
    }
}
