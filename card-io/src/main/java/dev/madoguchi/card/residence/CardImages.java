package dev.madoguchi.card.residence;

import java.util.Optional;

/**
 * Images from the chip, as stored (never decoded here). Each accessor returns a copy. The photo is present only when
 * the read asked to keep it; it must never be printed, logged or synced. {@code toString()} shows sizes only.
 *
 * @param nameOrFrontImage 2nd gen: the name image {@code D0} (TIFF, MMR); 1st gen: the whole front side {@code D0}
 *     (TIFF, MMR), where the name and nationality are printed
 * @param photo {@code D1}, JPEG 2000
 * @param addressImage 2nd gen {@code DFD1} (TIFF, MMR)
 */
public record CardImages(Optional<byte[]> nameOrFrontImage, Optional<byte[]> photo, Optional<byte[]> addressImage) {

    public static final CardImages NONE = new CardImages(Optional.empty(), Optional.empty(), Optional.empty());

    public CardImages {
        nameOrFrontImage = nameOrFrontImage.map(byte[]::clone);
        photo = photo.map(byte[]::clone);
        addressImage = addressImage.map(byte[]::clone);
    }

    @Override
    public Optional<byte[]> nameOrFrontImage() {
        return nameOrFrontImage.map(byte[]::clone);
    }

    @Override
    public Optional<byte[]> photo() {
        return photo.map(byte[]::clone);
    }

    @Override
    public Optional<byte[]> addressImage() {
        return addressImage.map(byte[]::clone);
    }

    @Override
    public String toString() {
        return "CardImages[nameOrFront=" + nameOrFrontImage.map(b -> b.length + " bytes").orElse("-") + ", photo="
                + photo.map(b -> "present").orElse("-") + ", address="
                + addressImage.map(b -> b.length + " bytes").orElse("-") + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CardImages c && same(c.nameOrFrontImage, nameOrFrontImage) && same(c.photo, photo)
                && same(c.addressImage, addressImage);
    }

    @Override
    public int hashCode() {
        return nameOrFrontImage.map(java.util.Arrays::hashCode).orElse(0);
    }

    private static boolean same(Optional<byte[]> a, Optional<byte[]> b) {
        return a.isPresent() == b.isPresent() && (a.isEmpty() || java.util.Arrays.equals(a.get(), b.get()));
    }
}
