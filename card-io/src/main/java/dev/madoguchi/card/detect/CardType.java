package dev.madoguchi.card.detect;

import java.util.Objects;

/**
 * What kind of card lies on the reader, found by {@link CardTypeDetector} before anything personal is read. A closed
 * set: the UI decides what to offer by {@link #kind()} (a plain enum, for a {@code switch} on Java 17) or by the record
 * types.
 */
public sealed interface CardType {

    /** The kinds, for a {@code switch}. */
    enum Kind {
        MY_NUMBER_CARD,
        RESIDENCE_CARD,
        SPECIFIED_CARD,
        /** A smartphone with the My Number Card function (スマホ用電子証明書): only a JPKI AP, no card data. */
        SMARTPHONE,
        /** An old 住民基本台帳カード (住基カード) with its JPKI AP: not a My Number Card. */
        JUKI_CARD,
        UNKNOWN
    }

    /** Which phone, by the JPKI token label it presents (docs/card-protocol.md §4). */
    enum Platform {
        /** Label {@code JPKIAPGPSETOKEN}: an Android phone's secure element. */
        ANDROID,
        /** Label {@code JPKIAPIOSTOKEN}: an iPhone. */
        IPHONE
    }

    /** The chip's generation of the residence card specification. */
    enum Generation {
        /** 在留カード等仕様書 (cards issued until 2026): triple DES, retail MAC, name only as an image. */
        FIRST,
        /** 第2世代在留カード等仕様書 (from 2026): AES, CMAC, text fields, ECDSA signature. */
        SECOND
    }

    /** Which of the Agency's two documents. */
    enum Document {
        /** 在留カード. */
        RESIDENCE_CARD,
        /** 特別永住者証明書. */
        SPECIAL_PERMANENT_RESIDENT_CERTIFICATE
    }

    Kind kind();

    /** A short, stable name for logs and JSON ({@code my-number-card}, {@code residence-card-2}, …); no personal data. */
    String code();

    /** A My Number Card (its 券面事項入力補助AP answers SELECT). */
    record MyNumberCard() implements CardType {
        @Override
        public Kind kind() {
            return Kind.MY_NUMBER_CARD;
        }

        @Override
        public String code() {
            return "my-number-card";
        }
    }

    /**
     * A residence card or 特別永住者証明書 of either generation.
     *
     * @param document which document
     * @param generation which chip specification
     * @param typeCode the chip's card-type code as stored ({@code 1}, {@code 2}, {@code 05}, {@code 06})
     * @param specVersion the chip's specification version ({@code C0}), empty when unreadable
     */
    record ResidenceCard(Document document, Generation generation, String typeCode, String specVersion)
            implements CardType {
        public ResidenceCard {
            Objects.requireNonNull(document, "document");
            Objects.requireNonNull(generation, "generation");
            Objects.requireNonNull(typeCode, "typeCode");
            Objects.requireNonNull(specVersion, "specVersion");
        }

        @Override
        public Kind kind() {
            return Kind.RESIDENCE_CARD;
        }

        @Override
        public String code() {
            return (document == Document.RESIDENCE_CARD ? "residence-card-" : "special-permanent-resident-certificate-")
                    + (generation == Generation.FIRST ? "1" : "2");
        }
    }

    /**
     * A 特定在留カード or 特定特別永住者証明書 (card type {@code 07}/{@code 08}): a residence card and a My Number Card in
     * one chip. Its residence side uses a different key exchange (RSA delivery key, SET SESSION KEY) that this
     * version does not implement; {@link #myNumberSide()} says whether the My Number Card side answered.
     */
    record SpecifiedCard(Document document, String typeCode, String specVersion, boolean myNumberSide)
            implements CardType {
        public SpecifiedCard {
            Objects.requireNonNull(document, "document");
            Objects.requireNonNull(typeCode, "typeCode");
            Objects.requireNonNull(specVersion, "specVersion");
        }

        @Override
        public Kind kind() {
            return Kind.SPECIFIED_CARD;
        }

        @Override
        public String code() {
            return document == Document.RESIDENCE_CARD ? "specified-residence-card"
                    : "specified-special-permanent-resident-certificate";
        }
    }

    /**
     * A smartphone with the My Number Card function (スマホ用電子証明書) held to the reader: its secure element answers
     * the JPKI AP only, and names itself by the token label of JPKI EF {@code 0006} (docs/card-protocol.md §4). Nothing
     * else is read from it: its 利用者証明用電子証明書 needs the PIN first on a phone, and no PIN is used here.
     */
    record Smartphone(Platform platform) implements CardType {
        public Smartphone {
            Objects.requireNonNull(platform, "platform");
        }

        @Override
        public Kind kind() {
            return Kind.SMARTPHONE;
        }

        @Override
        public String code() {
            return platform == Platform.ANDROID ? "smartphone-android" : "smartphone-iphone";
        }
    }

    /**
     * An old 住民基本台帳カード (住基カード): no 券面事項入力補助AP, a JPKI AP whose token label is {@code JPKIAPICCTOKEN}
     * (docs/card-protocol.md §1.3). Not a My Number Card; nothing else is read from it.
     */
    record JukiCard() implements CardType {
        @Override
        public Kind kind() {
            return Kind.JUKI_CARD;
        }

        @Override
        public String code() {
            return "juki-card";
        }
    }

    /**
     * Not a card this program reads (a transit card, a bank card, a card of an unknown type code …).
     *
     * @param reason what was seen, for the log (status words and codes only)
     */
    record Unknown(String reason) implements CardType {
        public Unknown {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Kind kind() {
            return Kind.UNKNOWN;
        }

        @Override
        public String code() {
            return "unknown";
        }
    }
}
