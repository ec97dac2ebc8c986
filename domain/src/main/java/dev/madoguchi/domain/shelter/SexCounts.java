package dev.madoguchi.domain.shelter;

/** People of one group counted by sex ({@code other}: neither recorded). */
public record SexCounts(int male, int female, int other) {

    public static final SexCounts ZERO = new SexCounts(0, 0, 0);

    public int total() {
        return male + female + other;
    }

    /** These counts with one more person of {@code sex}. */
    public SexCounts plus(dev.madoguchi.domain.Sex sex) {
        return switch (sex) {
            case MALE -> new SexCounts(male + 1, female, other);
            case FEMALE -> new SexCounts(male, female + 1, other);
            case NOT_APPLICABLE -> new SexCounts(male, female, other + 1);
        };
    }
}
