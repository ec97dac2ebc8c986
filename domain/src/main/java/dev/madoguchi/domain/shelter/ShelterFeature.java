package dev.madoguchi.domain.shelter;

/** What a shelter offers, as a municipality's shelter list states it. */
public enum ShelterFeature implements Coded {
    /** バリアフリートイレ. */
    ACCESSIBLE_TOILET("accessible-toilet"),
    /** ペット同行可. */
    PETS_ALLOWED("pets-allowed"),
    /** 福祉避難所. */
    WELFARE_SHELTER("welfare-shelter");

    private final String code;

    ShelterFeature(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
