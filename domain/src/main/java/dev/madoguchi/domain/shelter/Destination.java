package dev.madoguchi.domain.shelter;

/** Where a person goes when they check out. */
public enum Destination implements Coded {
    /** 自宅. */
    HOME("home"),
    /** 親族・知人宅. */
    RELATIVES("relatives"),
    /** 他の避難所: a transfer, with the target shelter. */
    OTHER_SHELTER("other-shelter"),
    /** 病院. */
    HOSPITAL("hospital"),
    /** 不明. */
    UNKNOWN("unknown");

    private final String code;

    Destination(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
