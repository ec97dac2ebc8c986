package dev.madoguchi.forms.advice;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a check-up into advice with the table: an outcome applies when every condition holds. A condition on a
 * question answered "unknown" — or not asked — counts as possibly true (as the life-event rules do), and the outcome
 * says which answers were unknown. An {@code otherwise} outcome applies only when no other does; a {@code stop}
 * outcome ends the search.
 */
public final class AdviceService {

    /** マイナ保険証 keeps working this many months after the 利用者証明用電子証明書 expires. */
    public static final int INSURANCE_GRACE_MONTHS = 3;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z]+)}");

    private final AdviceTable table;
    private final AdvicePlaces places;

    /** @throws IllegalArgumentException when an outcome names a place the places file does not have */
    public AdviceService(AdviceTable table, AdvicePlaces places) {
        for (AdviceTable.Outcome outcome : table.outcomes()) {
            if (outcome.go() != null && places.place(outcome.go()).isEmpty()) {
                throw new IllegalArgumentException("outcome " + outcome.id() + " sends people to '" + outcome.go()
                        + "', which " + places.origin() + " does not list");
            }
        }
        this.table = table;
        this.places = places;
    }

    /** The built-in table with the demo municipality's places. */
    public static AdviceService demo() {
        return new AdviceService(AdviceTable.builtIn(), AdvicePlaces.demo());
    }

    public AdviceTable table() {
        return table;
    }

    public AdvicePlaces places() {
        return places;
    }

    /**
     * @param answers question id → {@code yes}, {@code no} or {@code unknown}; missing questions count as unknown
     * @throws IllegalArgumentException for an unknown question or answer
     */
    public Advice advise(CheckUpFacts facts, Map<String, String> answers) {
        answers.forEach((question, answer) -> {
            if (table.question(question).isEmpty()) {
                throw new IllegalArgumentException("unknown question '" + question + "'; known: "
                        + table.questions().stream().map(AdviceTable.Question::id).toList());
            }
            if (!List.of("yes", "no", "unknown").contains(answer)) {
                throw new IllegalArgumentException("answer to '" + question + "' must be yes, no or unknown");
            }
        });
        Map<String, Set<String>> known = facts.asConditionFacts();
        List<AdviceItem> items = new ArrayList<>();
        AdviceTable.Outcome fallback = null;
        for (AdviceTable.Outcome outcome : table.outcomes()) {
            if (outcome.otherwise()) {
                fallback = fallback == null ? outcome : fallback;
                continue;
            }
            List<String> uncertain = new ArrayList<>();
            if (holds(outcome, known, answers, uncertain)) {
                items.add(item(outcome, facts, uncertain));
                if (outcome.stop()) {
                    break;
                }
            }
        }
        if (items.isEmpty() && fallback != null) {
            items.add(item(fallback, facts, List.of()));
        }
        return new Advice(facts, items, table, places.version());
    }

    private static boolean holds(AdviceTable.Outcome outcome, Map<String, Set<String>> known,
            Map<String, String> answers, List<String> uncertain) {
        for (AdviceTable.Condition c : outcome.when()) {
            if (c.fact().startsWith("answer.")) {
                String question = c.fact().substring("answer.".length());
                String answer = answers.getOrDefault(question, "unknown");
                if (answer.equals("unknown")) {
                    uncertain.add(question);
                } else if (!c.in().contains(answer)) {
                    return false;
                }
                continue;
            }
            Set<String> values = known.getOrDefault(c.fact(), Set.of());
            if (c.in().stream().noneMatch(values::contains)) {
                return false;
            }
        }
        return true;
    }

    private AdviceItem item(AdviceTable.Outcome outcome, CheckUpFacts facts, List<String> uncertain) {
        Optional<AdvicePlaces.Place> place = outcome.go() == null ? Optional.empty() : places.place(outcome.go());
        return new AdviceItem(outcome.id(), outcome.severity(), fill(outcome.title(), facts),
                fill(outcome.advice(), facts), fill(outcome.reason(), facts), fill(outcome.source().text(), facts),
                outcome.source().url(), outcome.bring().stream().map(t -> fill(t, facts)).toList(), place, uncertain);
    }

    /** The text with its placeholders filled in each language. */
    AdviceText fill(AdviceText text, CheckUpFacts facts) {
        return text.map((language, raw) -> {
            Matcher m = PLACEHOLDER.matcher(raw);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1), language, facts)));
            }
            m.appendTail(out);
            return out.toString();
        });
    }

    private String value(String name, String language, CheckUpFacts facts) {
        Optional<CheckUpFacts.Validity> certificate = facts.certificate();
        Optional<CheckUpFacts.Validity> card = facts.card();
        return switch (name) {
            case "checkedOn" -> date(facts.checkedOn(), language);
            case "certificateFrom" -> certificate.flatMap(CheckUpFacts.Validity::validFrom)
                    .map(d -> date(d, language)).orElse("—");
            case "certificateUntil" -> certificate.map(v -> date(v.validUntil(), language)).orElse("—");
            case "certificateRenewalOpens" -> certificate.map(v -> date(v.renewalOpens(), language)).orElse("—");
            case "insuranceUntil" -> certificate.map(v -> date(v.validUntil().plusMonths(INSURANCE_GRACE_MONTHS),
                    language)).orElse("—");
            case "cardExpiry" -> card.map(v -> date(v.validUntil(), language)).orElse("—");
            case "cardRenewalOpens" -> card.map(v -> date(v.renewalOpens(), language)).orElse("—");
            case "lowPins" -> pinNames(facts, "reduced", language);
            case "lockedPins" -> pinNames(facts, "locked", language);
            default -> throw new IllegalStateException("placeholder ${" + name + "} passed the table's check");
        };
    }

    private String pinNames(CheckUpFacts facts, String state, String language) {
        List<String> names = facts.pins().stream().filter(p -> p.state().equals(state))
                .map(p -> table.pinName(p.kind()).in(language)).toList();
        if (names.isEmpty()) {
            return "—";
        }
        return String.join(language.startsWith("ja") ? "、" : ", ", names);
    }

    /** A date as people read it: {@code 2027年2月10日} in Japanese, ISO {@code 2027-02-10} in other languages. */
    public static String date(LocalDate date, String language) {
        if (language.startsWith("ja")) {
            return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
        }
        return date.toString();
    }
}
