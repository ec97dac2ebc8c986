package dev.madoguchi.store.clerks;

import java.util.EnumSet;
import java.util.Set;

/** What a clerk account may do; the repositories check it on every call (below the UI). */
public enum Role {
    /** Counter clerk (窓口職員): the register, My Numbers where a procedure needs them, cases, prints. */
    CLERK(EnumSet.of(Capability.READ_REGISTER, Capability.READ_MY_NUMBER, Capability.WRITE_CASES,
            Capability.PRINT, Capability.SYNC)),
    /** Evacuation-centre staff (避難所): check-in/out, register look-up for matching, roster export. */
    SHELTER_STAFF(EnumSet.of(Capability.READ_REGISTER, Capability.SHELTER, Capability.PRINT, Capability.EXPORT,
            Capability.SYNC)),
    /**
     * Digital-promotion volunteer (デジタル推進委員): no access to register data at all, nor to cases, drafts, the
     * shelter, the outbox, the audit journal or the settings; only the day's check-up counts.
     */
    VOLUNTEER(EnumSet.of(Capability.COUNT_CHECK_UPS)),
    /** Municipal IT: everything, including clerk accounts, import, backup, restore, purge. */
    ADMINISTRATOR(EnumSet.allOf(Capability.class));

    private final Set<Capability> capabilities;

    Role(Set<Capability> capabilities) {
        this.capabilities = capabilities;
    }

    public boolean allows(Capability capability) {
        return capabilities.contains(capability);
    }
}
