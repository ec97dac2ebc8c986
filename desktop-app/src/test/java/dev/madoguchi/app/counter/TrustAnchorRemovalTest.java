package dev.madoguchi.app.counter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.counter.trust.TrustAnchorService;
import dev.madoguchi.app.counter.trust.TrustAnchorsViewModel;
import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.card.residence.ResidenceTrust;
import dev.madoguchi.store.audit.AuditAction;
import dev.madoguchi.store.audit.AuditEntry;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Removing a residence card trust anchor (issue 15) through the 信頼点 window's view model on the real store: the
 * confirmation shows subject, key id, fingerprint and validity with the warning; after the removal the same card's
 * signature no longer verifies; adding and removing are both in the audit journal.
 */
class TrustAnchorRemovalTest extends StepTestBase {

    @Test
    void aRemovedAnchorNoLongerVerifiesTheCardsSignatureAndBothChangesAreAudited() throws Exception {
        ResidenceCardWithoutAnchors card = ResidenceCardWithoutAnchors.placed(fixture);
        VisitService visits = card.visits();
        List<X509Certificate> cas = card.issuerCas();
        for (X509Certificate ca : cas) {
            visits.addTrustAnchor(ResidenceCardWithoutAnchors.der(ca));
        }
        visits.cardChanged();
        ResidenceCardFacts before = card.read();
        assertThat(before.signatureVerified()).as("added anchors verify: %s", before.signature()).isTrue();

        TrustAnchorsViewModel trust = trustAnchors();
        trust.refresh();
        assertThat(trust.anchors()).hasSameSizeAs(cas);
        assertThat(tasks.lanesUsed()).anyMatch(l -> l.startsWith("store-writer:trust anchors list"));

        while (!trust.anchors().isEmpty()) {
            ResidenceTrustSettings.Facts shown = trust.anchors().get(0);
            trust.selectedProperty().set(shown);
            trust.askRemove();
            assertThat(trust.confirmingProperty().get()).isTrue();
            X509Certificate ca = cas.stream().filter(c -> ResidenceTrust.fingerprint(c).equals(shown.fingerprint()))
                    .findFirst().orElseThrow();
            assertThat(trust.confirmationProperty().get())
                    .contains(ca.getSubjectX500Principal().getName())
                    .contains(shown.fingerprint().substring(0, 4) + " " + shown.fingerprint().substring(4, 8))
                    .contains(ca.getNotBefore().toInstant().atZone(ZoneOffset.UTC).toLocalDate().toString())
                    .contains(ca.getNotAfter().toInstant().atZone(ZoneOffset.UTC).toLocalDate().toString())
                    .contains(shown.keyId().isEmpty() ? "（証明書にありません）" : shown.keyId());
            trust.cancelRemove(); // やめる: nothing is removed
            assertThat(ResidenceTrustSettings.anchors(store().settings())).hasSize(trust.anchors().size());
            trust.askRemove();
            trust.confirmRemove();
            assertThat(trust.messageProperty().get()).startsWith("信頼点を削除しました");
            assertThat(trust.confirmingProperty().get()).isFalse();
        }
        assertThat(ResidenceTrustSettings.anchors(store().settings())).isEmpty();

        visits.cardChanged();
        ResidenceCardFacts after = card.read();
        assertThat(after.signatureVerified()).as("the removed anchor is not used").isFalse();
        assertThat(after.signature()).isEqualTo("CERTIFICATE_UNTRUSTED");

        List<AuditEntry> audit = store().audit().tail(50);
        for (X509Certificate ca : cas) {
            String fingerprint = ResidenceTrust.fingerprint(ca);
            assertThat(audit).anyMatch(e -> e.action() == AuditAction.TRUST_ANCHOR_ADD
                    && e.subject().equals(fingerprint) && e.clerkId().equals(store().clerk().clerkId()));
            assertThat(audit).anyMatch(e -> e.action() == AuditAction.TRUST_ANCHOR_REMOVE
                    && e.subject().equals(fingerprint));
        }
        assertThat(store().audit().verify().intact()).isTrue();
    }

    @Test
    void anAnchorRemovedMeanwhileIsSaidInWordsWithItsCode() {
        X509Certificate ca = fixture.reader.residenceIssuer().trust().anchors().get(0).certificate();
        fixture.visits.addTrustAnchor(ResidenceCardWithoutAnchors.der(ca));
        TrustAnchorsViewModel trust = trustAnchors();
        trust.refresh();
        trust.askRemove();
        ResidenceTrustSettings.remove(store().settings(), ResidenceTrust.fingerprint(ca)); // another window
        trust.confirmRemove();
        assertThat(trust.messageProperty().get()).contains(CounterError.TRUST_ANCHOR_NOT_FOUND.code());
        assertThat(trust.confirmingProperty().get()).isFalse();
    }

    /** The 信頼点 window's view model on the fixture's store. */
    private TrustAnchorsViewModel trustAnchors() {
        return new TrustAnchorsViewModel(new Messages(Language.JAPANESE), tasks,
                new TrustAnchorService(fixture.store::store), ZoneOffset.UTC);
    }
}
