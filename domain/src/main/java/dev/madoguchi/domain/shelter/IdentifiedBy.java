package dev.madoguchi.domain.shelter;

/** How staff identified a person at check-in. */
public enum IdentifiedBy implements Coded {
    /** My Number Card, 基本4情報 with the card PIN. */
    CARD("card"),
    /** My Number Card with 照合番号B typed from the card face. */
    CARD_FACE("card-face"),
    /** A pre-registration QR (the municipality's page or a printed per-person card). */
    QR("qr"),
    /** Typed by staff with the person in front of them. */
    MANUAL("manual"),
    /** Typed later from a handwritten evacuee card (paper backlog). */
    PAPER("paper");

    private final String code;

    IdentifiedBy(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
