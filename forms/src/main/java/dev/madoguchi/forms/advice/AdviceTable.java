package dev.madoguchi.forms.advice;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.madoguchi.forms.definition.FormDefinitionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The volunteer's advice as data ({@code advice/volunteer-advice.json}, or a municipality's own file; docs/volunteer.md):
 * outcomes, each with the conditions on the check-up's facts that select it, the reason, the source, what to bring and
 * where to go. Versioned and hashed like the life-event rules.
 *
 * @param pins the name of each PIN kind, for texts and the sheet
 * @param labels the words around the advice on the sheet and the command line ({@link #LABELS})
 * @param questions questions a volunteer may ask the resident (yes / no / unknown)
 */
public record AdviceTable(
        @JsonProperty(required = true) String version,
        @JsonProperty(required = true) Map<String, AdviceText> pins,
        @JsonProperty(required = true) Map<String, AdviceText> labels,
        @JsonProperty(required = true) List<Question> questions,
        @JsonProperty(required = true) List<Outcome> outcomes,
        @JsonIgnore String origin,
        @JsonIgnore String sha256) {

    public static final List<String> SEVERITIES = List.of("ok", "info", "action");

    /** The labels every table must have. */
    public static final List<String> LABELS = List.of("sheetTitle", "checkedOn", "results", "pin", "triesLeft",
            "locked", "notReported", "absent", "certificate", "validUntil", "renewalOpens", "cardExpiry", "fine",
            "renewalWindow", "expired", "notRead", "advice", "bring", "where", "hours", "phone", "reason", "source",
            "dependsOn", "noPersonalData", "memo", "volunteerNote");

    /** Facts and the values their conditions may name; {@code answer.<question>} facts take {@code yes} / {@code no}. */
    static final Map<String, Set<String>> FACTS = facts();

    /** The placeholders a text may use, filled from the check-up in the text's language. */
    static final Set<String> PLACEHOLDERS = Set.of("checkedOn", "certificateFrom", "certificateUntil",
            "certificateRenewalOpens", "insuranceUntil", "cardExpiry", "cardRenewalOpens", "lowPins", "lockedPins");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z]+)}");
    private static final String BUILT_IN = "/dev/madoguchi/forms/advice/volunteer-advice.json";
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** A question the volunteer may ask; an unanswered or "unknown" answer makes a condition on it "maybe". */
    public record Question(@JsonProperty(required = true) String id, @JsonProperty(required = true) AdviceText text) {
    }

    /** The fact must have one of the values {@code in}. */
    public record Condition(@JsonProperty(required = true) String fact, @JsonProperty(required = true) List<String> in) {
        public Condition {
            in = List.copyOf(in);
        }
    }

    /** Where a rule comes from: a short citation and, when there is one, the public page. */
    public record Source(@JsonProperty(required = true) AdviceText text, String url) {
    }

    /**
     * One outcome.
     *
     * @param severity {@code ok} (nothing to do), {@code info} or {@code action}
     * @param when all must hold
     * @param otherwise applies only when no other outcome applies (the "all fine" outcome)
     * @param stop no later outcome is considered once this one applies (a card that is not a My Number Card)
     * @param go the place id of the municipality's places file, or {@code null}
     */
    public record Outcome(@JsonProperty(required = true) String id, @JsonProperty(required = true) String severity,
            List<Condition> when, boolean otherwise, boolean stop, @JsonProperty(required = true) AdviceText title,
            @JsonProperty(required = true) AdviceText advice, @JsonProperty(required = true) AdviceText reason,
            @JsonProperty(required = true) Source source, List<AdviceText> bring, String go) {
        public Outcome {
            when = when == null ? List.of() : List.copyOf(when);
            bring = bring == null ? List.of() : List.copyOf(bring);
        }

        /** Every text of the outcome, for checks. */
        List<AdviceText> texts() {
            List<AdviceText> all = new ArrayList<>(List.of(title, advice, reason, source.text()));
            all.addAll(bring);
            return all;
        }
    }

    public AdviceTable {
        pins = Map.copyOf(pins);
        labels = Map.copyOf(labels);
        questions = List.copyOf(questions);
        outcomes = List.copyOf(outcomes);
    }

    public static AdviceTable builtIn() {
        try (InputStream in = AdviceTable.class.getResourceAsStream(BUILT_IN)) {
            return parse("classpath:" + BUILT_IN, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static AdviceTable load(Path file) {
        try {
            return parse(file.toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new FormDefinitionException(file.toString(), 0, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** @throws FormDefinitionException naming the file, the line or the outcome, and what is wrong */
    public static AdviceTable parse(String origin, byte[] json) {
        AdviceTable table;
        try {
            table = MAPPER.readValue(json, AdviceTable.class);
        } catch (JsonProcessingException e) {
            throw new FormDefinitionException(origin, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new FormDefinitionException(origin, 0, e.getMessage(), e);
        }
        for (String kind : CheckUpFacts.PIN_CODES) {
            if (!table.pins().containsKey(kind)) {
                throw new FormDefinitionException(origin, 0, "pins: no name for " + kind, null);
            }
        }
        List<String> ids = new ArrayList<>();
        for (Outcome outcome : table.outcomes()) {
            String where = "outcome " + outcome.id() + ": ";
            if (ids.contains(outcome.id())) {
                throw new FormDefinitionException(origin, 0, where + "the id is used twice", null);
            }
            ids.add(outcome.id());
            if (!SEVERITIES.contains(outcome.severity())) {
                throw new FormDefinitionException(origin, 0, where + "severity must be one of " + SEVERITIES, null);
            }
            if (outcome.otherwise() && !outcome.when().isEmpty()) {
                throw new FormDefinitionException(origin, 0, where + "'otherwise' takes no conditions", null);
            }
            for (Condition c : outcome.when()) {
                Set<String> allowed = table.allowedValues(c.fact()).orElseThrow(() -> new FormDefinitionException(
                        origin, 0, where + "unknown fact '" + c.fact() + "'", null));
                if (c.in().isEmpty() || !allowed.containsAll(c.in())) {
                    throw new FormDefinitionException(origin, 0, where + "fact '" + c.fact() + "' takes " + allowed
                            + ", not " + c.in(), null);
                }
            }
            for (AdviceText text : outcome.texts()) {
                for (String language : text.texts().keySet()) {
                    Matcher m = PLACEHOLDER.matcher(text.in(language));
                    while (m.find()) {
                        if (!PLACEHOLDERS.contains(m.group(1))) {
                            throw new FormDefinitionException(origin, 0, where + "unknown placeholder ${"
                                    + m.group(1) + "}", null);
                        }
                    }
                }
            }
        }
        for (String label : LABELS) {
            if (!table.labels().containsKey(label)) {
                throw new FormDefinitionException(origin, 0, "labels: no text for " + label, null);
            }
        }
        return new AdviceTable(table.version(), table.pins(), table.labels(), table.questions(), table.outcomes(), origin,
                sha256(json));
    }

    /** The values a condition on {@code fact} may name, or empty for an unknown fact. */
    Optional<Set<String>> allowedValues(String fact) {
        if (fact.startsWith("answer.")) {
            String question = fact.substring("answer.".length());
            return question(question).map(q -> Set.of("yes", "no"));
        }
        return Optional.ofNullable(FACTS.get(fact));
    }

    public Optional<Question> question(String id) {
        return questions.stream().filter(q -> q.id().equals(id)).findFirst();
    }

    public Optional<Outcome> outcome(String id) {
        return outcomes.stream().filter(o -> o.id().equals(id)).findFirst();
    }

    /** A label's text ({@link #LABELS}). */
    public AdviceText label(String id) {
        AdviceText text = labels.get(id);
        if (text == null) {
            throw new IllegalArgumentException("no label " + id);
        }
        return text;
    }

    /** An optional label ({@code languageMissing}, which tables of an earlier version lack). */
    public Optional<AdviceText> optionalLabel(String id) {
        return Optional.ofNullable(labels.get(id));
    }

        /** The name of a PIN kind ({@code auth-pin} → 利用者証明用電子証明書の暗証番号). */
    public AdviceText pinName(String kind) {
        return pins.get(kind);
    }

    private static Map<String, Set<String>> facts() {
        Set<String> pin = Set.of("full", "reduced", "locked", "not-reported", "absent");
        Set<String> validity = Set.of("fine", "renewal-window", "expired", "absent");
        java.util.HashMap<String, Set<String>> m = new java.util.HashMap<>();
        m.put("card", Set.copyOf(CheckUpFacts.CARD_KINDS));
        for (String kind : CheckUpFacts.PIN_CODES) {
            m.put("pin." + kind, pin);
        }
        m.put("any-pin", Set.of("reduced", "locked"));
        m.put("certificate", validity);
        m.put("card-validity", validity);
        return Map.copyOf(m);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
