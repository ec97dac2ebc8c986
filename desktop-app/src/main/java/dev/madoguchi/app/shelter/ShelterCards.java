package dev.madoguchi.app.shelter;

import dev.madoguchi.app.counter.ResidentIdentity;
import dev.madoguchi.card.mynumber.CardProfile;
import dev.madoguchi.card.mynumber.MyNumberCardService;
import dev.madoguchi.card.mynumber.PinStatus;
import dev.madoguchi.card.mynumber.ReadOptions;
import dev.madoguchi.card.mynumber.TextCredential;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.card.reader.CardReaders;
import dev.madoguchi.card.watch.ReaderEvent;
import dev.madoguchi.card.watch.ReaderWatcher;
import java.util.List;

/**
 * The card at the shelter desk, as at the counter: the reader watch, the PIN's tries left before entry (no try used),
 * 基本4情報 with the PIN sent once or with 照合番号B, never the My Number (a shelter needs none). Every method on the
 * {@code card-io} lane; the card-io library is used as is.
 */
public final class ShelterCards {

    private static final ReadOptions BASIC_FOUR_ONLY = ReadOptions.basicFour();

    private final MyNumberCardService cards;
    private final ReaderWatcher watcher;

    public ShelterCards(CardReaders readers) {
        this.cards = new MyNumberCardService(readers);
        this.watcher = new ReaderWatcher(readers);
    }

    public List<ReaderEvent> pollReaders() throws CardIoException {
        return watcher.poll();
    }

    public PinStatus pinTriesLeft() throws CardIoException {
        return cards.triesLeft(null, CardProfile.TextCredentialKind.PIN);
    }

    public ResidentIdentity readWithPin(String pin) throws CardIoException {
        return ResidentIdentity.fromCard(cards.read(null, new TextCredential.Pin(pin), BASIC_FOUR_ONLY),
                ResidentIdentity.Source.CARD_PIN);
    }

    public ResidentIdentity readWithCollationNumberB(String digits) throws CardIoException {
        return ResidentIdentity.fromCard(cards.read(null, new TextCredential.CollationNumberB(digits),
                BASIC_FOUR_ONLY), ResidentIdentity.Source.CARD_COLLATION_NUMBER_B);
    }
}
