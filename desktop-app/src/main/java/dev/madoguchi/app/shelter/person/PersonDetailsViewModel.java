package dev.madoguchi.app.shelter.person;

import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.shelter.CheckInCoordinator;
import dev.madoguchi.app.shelter.CheckInStep;
import dev.madoguchi.app.shelter.PersonDraft;
import dev.madoguchi.domain.shelter.CareFlag;
import dev.madoguchi.domain.shelter.CareKind;
import dev.madoguchi.domain.shelter.Consent;
import dev.madoguchi.domain.shelter.Evacuee;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One person's details at check-in: the care flags (those with a detail take it, e.g. the allergen), injury or
 * illness (様式第1号 ⑧⑨), the three consent items ⑫⑬⑭ (asked of each person; none is assumed) and a phone number.
 * What a QR brought is filled in for staff to review. Done → the person joins the household.
 */
public final class PersonDetailsViewModel {

    private final CheckInCoordinator desk;
    private final Messages messages;
    private final Supplier<String> personIds;
    private final Map<CareKind, BooleanProperty> flags = new EnumMap<>(CareKind.class);
    private final Map<CareKind, StringProperty> details = new EnumMap<>(CareKind.class);
    private final StringProperty injury = new SimpleStringProperty("");
    private final StringProperty phone = new SimpleStringProperty("");
    private final BooleanProperty consentFamily = new SimpleBooleanProperty(false);
    private final BooleanProperty consentAcquaintances = new SimpleBooleanProperty(false);
    private final BooleanProperty consentOthers = new SimpleBooleanProperty(false);
    private final StringProperty who = new SimpleStringProperty("");

    public PersonDetailsViewModel(CheckInCoordinator desk) {
        this(desk, () -> UUID.randomUUID().toString());
    }

    public PersonDetailsViewModel(CheckInCoordinator desk, Supplier<String> personIds) {
        this.desk = desk;
        this.messages = desk.messages();
        this.personIds = personIds;
        for (CareKind k : CareKind.values()) {
            flags.put(k, new SimpleBooleanProperty(false));
            if (k.detailed()) {
                StringProperty detail = new SimpleStringProperty("");
                detail.addListener((obs, was, now) -> {
                    if (!now.isBlank()) {
                        flags.get(k).set(true); // typing the allergen flags the allergy
                    }
                });
                details.put(k, detail);
            }
        }
        desk.stepProperty().addListener((obs, was, now) -> {
            if (now == CheckInStep.PERSON && was != CheckInStep.PERSON) {
                load(desk.checkIn().current());
            }
        });
        desk.whenEnded(() -> load(null));
    }

    private void load(PersonDraft p) {
        flags.values().forEach(f -> f.set(false));
        details.values().forEach(d -> d.set(""));
        injury.set("");
        phone.set(p == null ? "" : p.phone());
        consentFamily.set(p != null && p.consent() != null && p.consent().family());
        consentAcquaintances.set(p != null && p.consent() != null && p.consent().acquaintances());
        consentOthers.set(p != null && p.consent() != null && p.consent().others());
        who.set(p == null ? "" : messages.get("shelter.person.who", p.name(),
                p.birthDate() == null ? messages.get("shelter.person.birthUnknown") : p.birthDate().toString(),
                messages.get(Messages.keyFor("shelter.by.", p.by()))));
        if (p != null) {
            for (CareFlag f : p.flags()) {
                flags.get(f.kind()).set(true);
                if (f.kind().detailed()) {
                    details.get(f.kind()).set(f.detail());
                }
            }
        }
    }

    /** The person's details are complete: they join the household. */
    public void done() {
        PersonDraft p = desk.checkIn().current();
        if (desk.step() != CheckInStep.PERSON || p == null) {
            return;
        }
        List<CareFlag> chosen = new ArrayList<>();
        for (CareKind k : CareKind.values()) {
            if (flags.get(k).get()) {
                chosen.add(new CareFlag(k, k.detailed() ? details.get(k).get() : ""));
            }
        }
        Evacuee person = new Evacuee(personIds.get(), p.name(), p.kana(), p.birthDate(), p.sex(), p.address(),
                phone.get().strip(), p.residentId(), p.by(), chosen, injury.get().strip(),
                new Consent(consentFamily.get(), consentAcquaintances.get(), consentOthers.get()));
        desk.update(desk.checkIn().withMember(person).withStep(CheckInStep.HOUSEHOLD));
        desk.setMessage(messages.get("shelter.person.added", desk.checkIn().members().size()));
    }

    public BooleanProperty flag(CareKind kind) {
        return flags.get(kind);
    }

    /** The detail of a flag that takes one (allergy: the allergen; language: the language). */
    public StringProperty detail(CareKind kind) {
        return details.get(kind);
    }

    public StringProperty injuryProperty() {
        return injury;
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    /** ⑫ answers to family and household. */
    public BooleanProperty consentFamilyProperty() {
        return consentFamily;
    }

    /** ⑬ answers to acquaintances. */
    public BooleanProperty consentAcquaintancesProperty() {
        return consentAcquaintances;
    }

    /** ⑭ other enquiries and publication. */
    public BooleanProperty consentOthersProperty() {
        return consentOthers;
    }

    /** Who is being detailed, in one line (name, birth date, how identified). */
    public StringProperty whoProperty() {
        return who;
    }

    public CheckInCoordinator desk() {
        return desk;
    }
}
