package dev.madoguchi.domain.shelter;

/**
 * A person's three consent items of the safety-information form (安否情報 様式第1号), each of which may be refused.
 *
 * @param family ⑫ answers to relatives and household members
 * @param acquaintances ⑬ answers to acquaintances (only name, identifying information and injury are given to them)
 * @param others ⑭ answers to other enquiries and publication
 */
public record Consent(boolean family, boolean acquaintances, boolean others) {

    /** Nothing consented: the default until the person is asked. */
    public static final Consent NONE = new Consent(false, false, false);
}
