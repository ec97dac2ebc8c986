package dev.madoguchi.forms.pdf;

import java.util.ArrayList;
import java.util.List;

/**
 * A run of text printed with one face ({@code face == null}: a character no face of the chain has). Every renderer of
 * this package splits its text this way before it measures or draws it: the form ({@link FormRenderer}), the table
 * reports ({@link TableCanvas}) and the sheets ({@link SheetCanvas}).
 */
record FaceRun(PdfFonts.Face face, String text) {

    /**
     * Splits text into runs of one face each; a character no face covers becomes its own run with no face. A variation
     * sequence goes to the first face that lists it; when none does, its base character prints as usual (the
     * selector is dropped), and a selector without a base prints nothing.
     */
    static List<FaceRun> split(String text, List<PdfFonts.Face> chain) {
        List<FaceRun> runs = new ArrayList<>();
        PdfFonts.Face current = null;
        StringBuilder sb = new StringBuilder();
        boolean open = false;
        for (String cluster : Clusters.of(text)) {
            if (TrueTypeFile.isVariationSelector(cluster.codePointAt(0))) {
                continue;
            }
            PdfFonts.Face face = null;
            for (PdfFonts.Face candidate : chain) {
                if (candidate.covers(cluster)) {
                    face = candidate;
                    break;
                }
            }
            if (face == null && Clusters.selector(cluster) != 0) {
                cluster = cluster.substring(0, Character.charCount(cluster.codePointAt(0)));
                for (PdfFonts.Face candidate : chain) {
                    if (candidate.covers(cluster)) {
                        face = candidate;
                        break;
                    }
                }
            }
            if (open && (face == null || face != current)) {
                runs.add(new FaceRun(current, sb.toString()));
                sb.setLength(0);
                open = false;
            }
            if (face == null) {
                runs.add(new FaceRun(null, cluster));
            } else {
                current = face;
                sb.append(cluster);
                open = true;
            }
        }
        if (open) {
            runs.add(new FaceRun(current, sb.toString()));
        }
        return runs;
    }

    /** The width of the runs at {@code size} points; a character no face has takes one em. */
    static float width(List<FaceRun> runs, float size) {
        float w = 0;
        for (FaceRun run : runs) {
            w += run.face() == null ? size : run.face().width1000(run.text()) / 1000f * size;
        }
        return w;
    }
}
