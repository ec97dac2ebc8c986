package dev.madoguchi.domain.shelter;

/** Where a checked-in household actually stays; support follows the person, not the building. */
public enum Stay implements Coded {
    /** 避難所内 (with a space). */
    SHELTER("shelter"),
    /** 在宅避難. */
    HOME("home"),
    /** 車中泊. */
    CAR("car"),
    /** テント. */
    TENT("tent"),
    /** 親族・知人宅. */
    RELATIVES("relatives"),
    /** 他市町村. */
    OTHER_MUNICIPALITY("other-municipality");

    private final String code;

    Stay(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
