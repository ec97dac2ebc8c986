package dev.madoguchi.app.shelter;

import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.domain.shelter.CareFlag;
import dev.madoguchi.domain.shelter.CareKind;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Care flags as typed in one field (the paper-card grid, a correction): separated by blanks, 、 or ・, each a code
 * ({@code allergy}) or its name in the bundle (アレルギー), a detail after ':' ({@code アレルギー:卵}).
 */
public final class FlagText {

    private static final String SEPARATORS = "[\\s、,・]+";

    private final Messages messages;
    private final Map<String, CareKind> names = new HashMap<>();

    public FlagText(Messages messages) {
        this.messages = messages;
        for (CareKind k : CareKind.values()) {
            names.put(k.code(), k);
            names.put(Normalizer.normalize(messages.get(Messages.keyFor("shelter.flag.", k)), Normalizer.Form.NFKC), k);
        }
    }

    /** The flags typed, or null when one is not a flag (or has a detail it cannot take). */
    public List<CareFlag> parse(String typed) {
        List<CareFlag> out = new ArrayList<>();
        String text = Normalizer.normalize(typed, Normalizer.Form.NFKC);
        for (Map.Entry<String, CareKind> name : names.entrySet()) {
            if (name.getKey().matches(".*[\\s、,・].*")) { // 服薬・持病 holds a separator: read as one name
                text = text.replace(name.getKey(), name.getValue().code());
            }
        }
        for (String token : text.split(SEPARATORS)) {
            if (token.isBlank()) {
                continue;
            }
            int colon = token.indexOf(':');
            CareKind kind = names.get(colon < 0 ? token : token.substring(0, colon));
            if (kind == null || (colon >= 0 && !kind.detailed())) {
                return null;
            }
            out.add(new CareFlag(kind, colon < 0 ? "" : token.substring(colon + 1)));
        }
        return out;
    }

    /** The flags written as {@link #parse} reads them, by their names. */
    public String format(List<CareFlag> flags) {
        return flags.stream().map(f -> messages.get(Messages.keyFor("shelter.flag.", f.kind()))
                + (f.detail().isEmpty() ? "" : ":" + f.detail())).collect(Collectors.joining(" "));
    }
}
