package dev.madoguchi.app.counter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.madoguchi.forms.definition.FormCatalog;
import dev.madoguchi.forms.definition.FormDefinition;
import dev.madoguchi.forms.definition.LocalizedText;
import dev.madoguchi.forms.prefill.FilledForm;
import dev.madoguchi.forms.rules.LifeEventRules;
import dev.madoguchi.forms.prefill.FormData;
import dev.madoguchi.forms.validation.FormValidator;
import dev.madoguchi.store.LocalStore;
import dev.madoguchi.store.cases.CaseRepository;
import dev.madoguchi.store.cases.CaseStatus;
import dev.madoguchi.store.cases.CounterCase;
import dev.madoguchi.store.outbox.OutboxMessage;
import dev.madoguchi.store.outbox.OutboxStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Today's visits for the case list, with their way to the backend (from the outbox), and reprints: the stored forms'
 * values filled into the same form definition again (refused when the definition has changed since), rendered with a
 * fresh signed QR and printed; each reprint is audited. Store calls on the {@code store-writer} lane, rendering on
 * {@code background}.
 */
public final class CaseListService {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final java.util.function.Supplier<FormCatalog> catalog;
    private final java.util.function.Supplier<LifeEventRules> rules;
    private final Clock clock;

    /**
     * @param catalog the definitions in use, asked each time (they follow the recorded forms folder)
     * @param rules the life-event rules (event titles), asked at each use
     */
    public CaseListService(java.util.function.Supplier<FormCatalog> catalog,
            java.util.function.Supplier<LifeEventRules> rules, Clock clock) {
        this.catalog = catalog;
        this.rules = rules;
        this.clock = clock;
    }

    /** The cases opened today (the terminal's time zone), oldest first ({@code store-writer}). */
    public List<CaseSummary> today(LocalStore store) {
        LocalDate day = LocalDate.now(clock);
        Instant from = day.atStartOfDay(clock.getZone()).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        List<CaseSummary> out = new ArrayList<>();
        for (CounterCase c : store.cases().openedBetween(from, to)) {
            List<OutboxMessage> messages = store.outbox().ofAggregate(CaseRepository.AGGREGATE, c.caseId().toString());
            JsonNode data = parse(c.formsData());
            List<String> formIds = new ArrayList<>();
            List<LocalizedText> formTitles = new ArrayList<>();
            boolean printed = false;
            LocalizedText eventTitle = rules.get().event(c.lifeEvent()).map(e -> e.title())
                    .orElse(new LocalizedText(c.lifeEvent(), c.lifeEvent()));
            StringBuilder search = new StringBuilder(c.caseId().toString()).append(' ')
                    .append(CaseSummary.numberOf(c.caseId())).append(' ').append(c.lifeEvent()).append(' ')
                    .append(eventTitle.ja());
            for (JsonNode form : data.path("forms")) {
                String formId = form.path("form").asText();
                formIds.add(formId);
                formTitles.add(title(formId));
                printed |= form.path("printed").asBoolean(false);
                for (Iterator<JsonNode> values = form.path("values").elements(); values.hasNext(); ) {
                    search.append(' ').append(values.next().path("text").asText());
                }
            }
            out.add(new CaseSummary(c.caseId(), c.openedAt(), c.lifeEvent(), eventTitle, c.residentId(), formIds,
                    formTitles, printed, state(c, messages), TextMatching.nameKey(search.toString())));
        }
        return out;
    }

    /** A form's title; its id only when the catalogue no longer has the form. */
    private LocalizedText title(String formId) {
        try {
            return catalog.get().get(formId).title();
        } catch (RuntimeException gone) {
            return new LocalizedText(formId, formId);
        }
    }

    static CaseSyncState state(CounterCase c, List<OutboxMessage> messages) {
        if (c.status() == CaseStatus.CANCELLED) {
            return CaseSyncState.CANCELLED;
        }
        if (messages.stream().anyMatch(m -> m.status() == OutboxStatus.BLOCKED)) {
            return CaseSyncState.BLOCKED;
        }
        if (c.status() == CaseStatus.SYNCED || (!messages.isEmpty()
                && messages.stream().allMatch(m -> m.status() == OutboxStatus.DONE))) {
            return CaseSyncState.SYNCED;
        }
        return CaseSyncState.WAITING_TO_SYNC;
    }

    /** The case's printed forms, filled again from the stored values ({@code store-writer}: reads the case). */
    public List<VisitForm> storedForms(LocalStore store, UUID caseId) {
        CounterCase c = store.cases().find(caseId).orElseThrow(
                () -> new CounterException(CounterError.FORM_DEFINITION, "no case " + caseId, null));
        List<VisitForm> forms = new ArrayList<>();
        FormValidator validator = new FormValidator();
        for (JsonNode form : parse(c.formsData()).path("forms")) {
            if (!form.path("printed").asBoolean(false)) {
                continue;
            }
            FormDefinition definition = catalog.get().get(form.path("form").asText());
            if (!definition.sha256().equals(form.path("sha256").asText())) {
                throw new CounterException(CounterError.FORM_CHANGED, "form " + definition.id()
                        + " changed since the case was stored", null);
            }
            Map<String, String> values = new LinkedHashMap<>();
            form.path("values").fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().path("text").asText()));
            String variant = form.path("variant").isNull() || form.path("variant").isMissingNode() ? null
                    : form.path("variant").asText();
            FilledForm filled = new FormData(definition.id(), variant, values).fill(definition);
            forms.add(new VisitForm(null, filled, validator.validate(filled, LocalDate.now(clock))));
        }
        return forms;
    }

    /** Writes the audit row of a reprint ({@code store-writer}). */
    public void recordReprint(LocalStore store, CaseSummary summary, List<PrintOutcome> prints) {
        String subject = summary.residentId() == null ? "unregistered" : summary.residentId();
        for (PrintOutcome p : prints) {
            store.recordPrint(subject, p.formId() + " reprint of case " + summary.caseId()
                    + (p.toFile() ? " to file" : " to printer"));
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored case's data is not JSON", e);
        }
    }
}
