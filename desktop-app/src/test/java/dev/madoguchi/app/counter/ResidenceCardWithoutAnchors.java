package dev.madoguchi.app.counter;

import dev.madoguchi.app.demo.DemoResidenceCards;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.card.residence.CardNumber;
import dev.madoguchi.card.residence.ResidenceTrust;
import dev.madoguchi.card.simulated.SimulatedCard;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;

/**
 * The residence card trust tests' starting point (ResidenceTrustSettingTest, TrustAnchorRemovalTest): the demo deck's
 * first residence card in the simulated reader, and a visit service built without trust anchors of its own, so that
 * its reads verify the card's signature only with the anchors kept in the store's settings. {@code issuerCas} are the
 * CAs (RSA and ECDSA) that signed the demo deck's cards.
 */
record ResidenceCardWithoutAnchors(VisitService visits, CardNumber number, List<X509Certificate> issuerCas) {

    static ResidenceCardWithoutAnchors placed(CounterFixture fixture) {
        VisitService visits = new VisitService(fixture.reader, fixture.store::store,
                VisitFormsService.builtIn(Map.of("mayor", "窓口市長"), fixture.clock), fixture.output,
                ResidenceTrust.none());
        SimulatedCard card = fixture.demo.cardDeck().stream()
                .filter(c -> c.id().startsWith(DemoResidenceCards.ID_PREFIX)).findFirst().orElseThrow();
        CardNumber number = CardNumber.parse(card.residenceCard().orElseThrow().cardNumber());
        fixture.reader.place(card.id());
        List<X509Certificate> cas = fixture.reader.residenceIssuer().trust().anchors().stream()
                .map(ResidenceTrust.Anchor::certificate).toList();
        return new ResidenceCardWithoutAnchors(visits, number, cas);
    }

    /** The card read as it is now (after {@link VisitService#cardChanged()} it is read again). */
    ResidenceCardFacts read() throws CardIoException {
        return visits.readResidenceCard(number).facts();
    }

    /** The certificate's DER encoding (a .cer file's content). */
    static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new AssertionError(e);
        }
    }
}
