package dev.madoguchi.bench;

import dev.madoguchi.card.apdu.Response;
import dev.madoguchi.card.mynumber.BasicFour;
import dev.madoguchi.card.mynumber.MyNumberCardService;
import dev.madoguchi.card.mynumber.ReadOptions;
import dev.madoguchi.card.mynumber.TextCredential;
import dev.madoguchi.card.mynumber.TextRead;
import dev.madoguchi.card.reader.CardConnection;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.card.reader.CardReaders;
import dev.madoguchi.card.reader.ReaderSnapshot;
import dev.madoguchi.card.reader.ReaderSource;
import dev.madoguchi.card.simulated.CardKeys;
import dev.madoguchi.card.simulated.CardModel;
import dev.madoguchi.card.simulated.MyNumberCardContent;
import dev.madoguchi.card.simulated.MyNumberCardModel;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The My Number Card read path's own cost: {@link MyNumberCardService#read} against a card whose answers were recorded
 * once from the in-process {@link CardModel} and are replayed from a hash map, so the card's answer time is close to
 * zero and what is measured is the program (command building, status handling, BER-TLV parsing, UTF-8 decoding,
 * SHA-256 of the integrity check, the session bookkeeping). APDUs per read (5, 7 and 8) are asserted by
 * {@code MyNumberCardServiceTest}.
 */
@State(Scope.Thread)
@Fork(2)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CardReadBenchmark {

    private static final TextCredential PIN = new TextCredential.Pin("1234");

    private MyNumberCardService service;

    @Setup(Level.Trial)
    public void recordTheCard() throws CardIoException {
        MyNumberCardContent content = new MyNumberCardContent(
                new BasicFour("窓口\u3000太郎", "架空県窓口市本町一丁目２番３号　窓口ハイツ１０１号", LocalDate.of(1980, 2, 17), "1"),
                "537686677188", LocalDate.of(2035, 2, 17), "2285", "1234", "5678", "ABC123", 3, 3, 5, "99999",
                "400000012719843");
        CardModel model = MyNumberCardModel.of(content, CardKeys.generate());
        Map<ByteBuffer, Response> answers = new HashMap<>();
        Replay recorder = new Replay(answers, model);
        for (ReadOptions options : List.of(ReadOptions.minimal(), ReadOptions.basicFour(),
                new ReadOptions(true, true, false))) {
            new MyNumberCardService(recorder).read(null, PIN, options);
        }
        service = new MyNumberCardService(new Replay(answers, null));
    }

    @Benchmark
    public TextRead readBasicFourOnly() throws CardIoException {
        return service.read(null, PIN, ReadOptions.minimal());
    }

    @Benchmark
    public TextRead readBasicFourWithIntegrityCheck() throws CardIoException {
        return service.read(null, PIN, ReadOptions.basicFour());
    }

    @Benchmark
    public TextRead readBasicFourAndMyNumberWithIntegrityCheck() throws CardIoException {
        return service.read(null, PIN, new ReadOptions(true, true, false));
    }

    /** One reader whose card answers from recorded responses (recording from the model when one is given). */
    private static final class Replay implements CardReaders {
        private final Map<ByteBuffer, Response> answers;
        private final CardModel model;

        Replay(Map<ByteBuffer, Response> answers, CardModel model) {
            this.answers = answers;
            this.model = model;
        }

        @Override
        public ReaderSource source() {
            return ReaderSource.SIMULATED;
        }

        @Override
        public ReaderSnapshot snapshot() {
            return new ReaderSnapshot(ReaderSource.SIMULATED, List.of(new ReaderSnapshot.Reader("bench", true)));
        }

        @Override
        public CardConnection connect(String readerName) {
            if (model != null) {
                model.reset();
            }
            return new CardConnection() {
                @Override
                public String readerName() {
                    return "bench";
                }

                @Override
                public Response transmit(byte[] command) {
                    ByteBuffer key = ByteBuffer.wrap(command);
                    if (model != null) {
                        Response r = model.transmit(command);
                        answers.put(ByteBuffer.wrap(command.clone()), r);
                        return r;
                    }
                    Response r = answers.get(key);
                    if (r == null) {
                        throw new IllegalStateException("command not recorded");
                    }
                    return r;
                }

                @Override
                public void beginExclusive() {}

                @Override
                public void endExclusive() {}

                @Override
                public void resetWhenClosed() {}

                @Override
                public void close() {}
            };
        }
    }
}
