package dev.madoguchi.app.demo;

import dev.madoguchi.store.clerks.Role;
import java.util.List;

/**
 * One published account of the demo store: the demo is public, so are these passphrases. The login screen lists
 * them in demo mode, one per kind of user.
 *
 * @param modeKey the message key of the mode the account works in (e.g. {@code mode.shelter})
 */
public record DemoAccount(String clerkId, String displayName, Role role, String passphrase, String modeKey) {

    /** The counter clerk, the shelter staff and the volunteer, in the order the login screen shows them. */
    public static List<DemoAccount> all() {
        return List.of(
                new DemoAccount(DemoEnvironment.DEMO_CLERK, "デモ職員", Role.CLERK,
                        DemoEnvironment.DEMO_CLERK_PASSPHRASE, "mode.counter"),
                new DemoAccount(DemoEnvironment.DEMO_SHELTER, "デモ避難所職員", Role.SHELTER_STAFF,
                        DemoEnvironment.DEMO_SHELTER_PASSPHRASE, "mode.shelter"),
                new DemoAccount(DemoEnvironment.DEMO_VOLUNTEER, "デモ推進委員", Role.VOLUNTEER,
                        DemoEnvironment.DEMO_VOLUNTEER_PASSPHRASE, "mode.volunteer"));
    }

    /**
     * What the login screen lists in demo mode: {@link #all()} (the full demo store), then the volunteer of the
     * separate volunteer-only store ({@link VolunteerOnlyDemoStore}: no register copy at all).
     */
    public static List<DemoAccount> onLoginScreen() {
        List<DemoAccount> out = new java.util.ArrayList<>(all());
        out.add(VolunteerOnlyDemoStore.account());
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return "DemoAccount[" + clerkId + ", " + role + "]"; // the passphrase is public but not logged
    }
}
