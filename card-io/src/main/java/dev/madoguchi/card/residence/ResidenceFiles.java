package dev.madoguchi.card.residence;

import dev.madoguchi.card.apdu.Commands;
import dev.madoguchi.card.detect.FreeFiles;

/**
 * The residence card's file layout (docs/residence-card.md §2): three DFs selected by 16-byte AIDs, EFs read by short
 * identifier in READ BINARY's P1, the card-type EFs free in the MF. The same AIDs serve both generations and both card
 * kinds; what each DF holds differs.
 */
public final class ResidenceFiles {

    /** DF1: card number, printed entries and images (reads need the card number and secure messaging). */
    public static final byte[] DF1 = Commands.hex("D392F0004F0200000000000000000000");
    /** DF2: the back side's entries (reads need the card number, no secure messaging). */
    public static final byte[] DF2 = Commands.hex("D392F0004F0300000000000000000000");
    /** DF3: the check code (signature) and the card's certificate (reads need the card number). */
    public static final byte[] DF3 = Commands.hex("D392F0004F0400000000000000000000");

    /** READ BINARY P1 of MF/EF01, common data ({@code C0} specification version). Free; detection reads it. */
    public static final int MF_COMMON = FreeFiles.MF_COMMON;
    /** READ BINARY P1 of MF/EF02, card type ({@code C1}). Free; detection reads it. */
    public static final int MF_CARD_TYPE = FreeFiles.MF_CARD_TYPE;

    /** 2nd gen DF1: EF01 card number {@code C2}. */
    public static final int G2_CARD_NUMBER = 0x81;
    /** 2nd gen DF1: EF02 printed entries {@code C5…CE}. */
    public static final int G2_PRINTED = 0x83;
    /** 2nd gen DF1: EF03 name image {@code D0} and photo {@code D1}. */
    public static final int G2_NAME_AND_PHOTO = 0x84;
    /** 2nd gen DF1: EF04 address image {@code DFD1}. */
    public static final int G2_ADDRESS_IMAGE = 0x86;
    /** 2nd gen DF2: EF01 permission outside status ({@code D5 D6 D7}), residence cards only. */
    public static final int G2_PERMISSION = 0x81;
    /** 2nd gen DF2: EF02 renewal application ({@code D8}), residence cards only. */
    public static final int G2_APPLICATION = 0x82;
    /** 2nd gen DF2: EF03 other ({@code D9 DE}). */
    public static final int G2_OTHER = 0x83;

    /** 1st gen DF1: EF01 front side image {@code D0} (TIFF). */
    public static final int G1_FRONT_IMAGE = 0x85;
    /** 1st gen DF1: EF02 photo {@code D1} (JPEG 2000). */
    public static final int G1_PHOTO = 0x86;
    /**
     * 1st gen DF2: EF01 address written on the back ({@code D4} date, {@code D2} municipality code, {@code D3} text).
     * The 1st gen DF2 identifiers and tags ({@code 81}–{@code 84}, {@code D2}–{@code D7}) are not in the specification
     * extracts this was written from; they follow the 1st gen specification as other readers implement it and are
     * tried only against the simulated card (docs/residence-card.md §2).
     */
    public static final int G1_ADDRESS = 0x81;
    /** 1st gen DF2: EF02 comprehensive permission outside status ({@code D5}), residence cards only. */
    public static final int G1_COMPREHENSIVE_PERMISSION = 0x82;
    /** 1st gen DF2: EF03 individual permission outside status ({@code D6}), residence cards only. */
    public static final int G1_INDIVIDUAL_PERMISSION = 0x83;
    /** 1st gen DF2: EF04 application for extension or change ({@code D7}), residence cards only. */
    public static final int G1_APPLICATION = 0x84;

    /** DF3: EF01 check code and certificate (1st gen {@code DA DB}, 2nd gen {@code DC DD}). */
    public static final int SIGNATURE = 0x82;

    private ResidenceFiles() {}
}
