package dev.madoguchi.domain.shelter;

/** Kinds of care need (要配慮者) staff flag per person; some carry a detail (e.g. the allergen). */
public enum CareKind implements Coded {
    /** 高齢. */
    ELDERLY("elderly", false),
    /** 障害 (detail: the type). */
    DISABLED("disabled", true),
    /** 妊産婦. */
    PREGNANT("pregnant", false),
    /** 乳幼児. */
    INFANT("infant", false),
    /** アレルギー (detail: e.g. 卵). */
    ALLERGY("allergy", true),
    /** 服薬・持病. */
    MEDICATION("medication", true),
    /** 要介護. */
    CARE("care", false),
    /** 体調不良. */
    UNWELL("unwell", true),
    /** 言語 (detail: a language tag, e.g. vi). */
    LANGUAGE("language", true),
    /** 補助犬. */
    SERVICE_DOG("service-dog", false);

    private final String code;
    private final boolean detailed;

    CareKind(String code, boolean detailed) {
        this.code = code;
        this.detailed = detailed;
    }

    @Override
    public String code() {
        return code;
    }

    /** Whether a detail after a colon is meaningful ({@code allergy:卵}). */
    public boolean detailed() {
        return detailed;
    }
}
