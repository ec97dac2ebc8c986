package dev.madoguchi.forms.rules;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.madoguchi.forms.definition.FormDefinitionException;
import dev.madoguchi.forms.definition.LocalizedText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The life-event rules as data ({@code rules/life-events.json}, or a municipality's own file): for each event the
 * procedures it may trigger, each with the interview answers it depends on, the reason and the documents to bring.
 * Versioned and hashed like form definitions.
 *
 * @param answers the allowed answers; {@code unknown} ("I don't know") must be one of them
 */
public record LifeEventRules(
        @JsonProperty(required = true) String version,
        @JsonProperty(required = true) List<String> answers,
        @JsonProperty(required = true) List<Question> questions,
        @JsonProperty(required = true) List<Event> events,
        @JsonIgnore String origin,
        @JsonIgnore String sha256) {

    public static final String YES = "yes";
    public static final String NO = "no";
    public static final String UNKNOWN = "unknown";

    private static final String BUILT_IN = "/dev/madoguchi/forms/rules/life-events.json";
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** An interview question. */
    public record Question(@JsonProperty(required = true) String id, @JsonProperty(required = true) LocalizedText text) {
    }

    /** A condition: the question's answer must be {@code is}; an unknown or missing answer counts as "maybe". */
    public record Condition(@JsonProperty(required = true) String question, @JsonProperty(required = true) String is) {
    }

    /**
     * A procedure an event may trigger.
     *
     * @param form the form id that the counter prints, or {@code null} for a procedure without a form here
     * @param when all must hold; empty: always
     */
    public record Procedure(@JsonProperty(required = true) String id, String form, String variant,
            @JsonProperty(required = true) LocalizedText title, @JsonProperty(required = true) LocalizedText reason,
            List<Condition> when, List<LocalizedText> documents) {

        public Procedure {
            when = when == null ? List.of() : List.copyOf(when);
            documents = documents == null ? List.of() : List.copyOf(documents);
        }
    }

    /** A life event. */
    public record Event(@JsonProperty(required = true) String id, @JsonProperty(required = true) LocalizedText title,
            @JsonProperty(required = true) List<Procedure> procedures) {
    }

    public LifeEventRules {
        answers = List.copyOf(answers);
        questions = List.copyOf(questions);
        events = List.copyOf(events);
    }

    public static LifeEventRules builtIn() {
        try (InputStream in = LifeEventRules.class.getResourceAsStream(BUILT_IN)) {
            return parse("classpath:" + BUILT_IN, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static LifeEventRules load(Path file) {
        try {
            return parse(file.toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new FormDefinitionException(file.toString(), 0, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** @throws FormDefinitionException naming the file and line */
    public static LifeEventRules parse(String origin, byte[] json) {
        LifeEventRules rules;
        try {
            rules = MAPPER.readValue(json, LifeEventRules.class);
        } catch (JsonProcessingException e) {
            throw new FormDefinitionException(origin, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new FormDefinitionException(origin, 0, e.getMessage(), e);
        }
        Set<String> questionIds = new HashSet<>();
        rules.questions().forEach(q -> questionIds.add(q.id()));
        if (!rules.answers().containsAll(List.of(YES, NO, UNKNOWN))) {
            throw new FormDefinitionException(origin, 0, "answers must include yes, no and unknown", null);
        }
        for (Event event : rules.events()) {
            for (Procedure procedure : event.procedures()) {
                for (Condition c : procedure.when()) {
                    if (!questionIds.contains(c.question())) {
                        throw new FormDefinitionException(origin, 0, "event " + event.id() + ", procedure "
                                + procedure.id() + ": unknown question '" + c.question() + "'", null);
                    }
                    if (!rules.answers().contains(c.is()) || UNKNOWN.equals(c.is())) {
                        throw new FormDefinitionException(origin, 0, "event " + event.id() + ", procedure "
                                + procedure.id() + ": a condition must expect yes or no, not '" + c.is() + "'", null);
                    }
                }
            }
        }
        return new LifeEventRules(rules.version(), rules.answers(), rules.questions(), rules.events(), origin,
                sha256(json));
    }

    public Optional<Event> event(String id) {
        return events.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    public Optional<Question> question(String id) {
        return questions.stream().filter(q -> q.id().equals(id)).findFirst();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
