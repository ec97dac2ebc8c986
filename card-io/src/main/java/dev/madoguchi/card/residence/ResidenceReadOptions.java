package dev.madoguchi.card.residence;

/**
 * What a residence card read fetches and keeps. The photo is kept only when asked ({@link #keepPhoto}); checking the
 * signature needs the images it covers (the photo among them), which are then read, used and wiped in this call.
 *
 * @param keepImages keep the name image (2nd gen) or front-side image (1st gen, where the name is only an image) and
 *     the 2nd gen address image, as TIFF bytes
 * @param keepPhoto keep the photo (JPEG 2000 bytes), only when the clerk asks to compare it on screen
 * @param checkSignature read DF3 and check the check code against the trust anchors
 */
public record ResidenceReadOptions(boolean keepImages, boolean keepPhoto, boolean checkSignature) {

    /** Text only, nothing else read: the fewest commands. */
    public static final ResidenceReadOptions TEXT_ONLY = new ResidenceReadOptions(false, false, false);

    /** The counter's default: text, the name/front image, the signature checked; the photo read but not kept. */
    public static final ResidenceReadOptions COUNTER = new ResidenceReadOptions(true, false, true);

    /** Whether DF1's image file(s) must be read at all. */
    boolean readsImages() {
        return keepImages || keepPhoto || checkSignature;
    }
}
