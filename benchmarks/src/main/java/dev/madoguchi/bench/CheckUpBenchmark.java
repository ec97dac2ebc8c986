package dev.madoguchi.bench;

import dev.madoguchi.card.apdu.Response;
import dev.madoguchi.card.checkup.CardCheckUp;
import dev.madoguchi.card.checkup.CheckUp;
import dev.madoguchi.card.mynumber.BasicFour;
import dev.madoguchi.card.mynumber.FirstGenerationProfile;
import dev.madoguchi.card.reader.CardConnection;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.card.reader.CardReaders;
import dev.madoguchi.card.reader.ReaderSnapshot;
import dev.madoguchi.card.reader.ReaderSource;
import dev.madoguchi.card.simulated.CardKeys;
import dev.madoguchi.card.simulated.CardModel;
import dev.madoguchi.card.simulated.MyNumberCardContent;
import dev.madoguchi.card.simulated.MyNumberCardModel;
import dev.madoguchi.forms.advice.Advice;
import dev.madoguchi.forms.advice.AdviceService;
import dev.madoguchi.forms.advice.CheckUpFacts;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * The volunteer's check-up, card on the reader → result, without the card's own time: {@link CardCheckUp#checkUp}
 * against answers recorded once from the in-process {@link CardModel} and replayed in order (the same VERIFY
 * query gets a different answer for each key) (detection, four
 * PIN queries, the certificate read and X.509 parse, the 共通AP record, the statuses); and the advice table's
 * evaluation of a check-up. The APDU count (20) is checked at setup and in docs/performance.md.
 */
@State(Scope.Thread)
@Fork(3)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CheckUpBenchmark {

    private CardCheckUp checkUp;
    private AdviceService advice;
    private CheckUpFacts facts;

    @Setup(Level.Trial)
    public void recordTheCard() throws CardIoException {
        MyNumberCardContent content = new MyNumberCardContent(
                new BasicFour("窓口\u3000太郎", "架空県窓口市本町一丁目２番３号", LocalDate.of(1980, 2, 17), "1"),
                "537686677188", LocalDate.of(2035, 2, 17), "2285", "1234", "5678", "ABC123", 3, 0, 5, "99999",
                "400000012719843").withAuthCertificate(LocalDate.of(2022, 2, 10), LocalDate.of(2027, 2, 10));
        CardModel model = MyNumberCardModel.of(content, CardKeys.generate());
        List<Response> answers = new ArrayList<>();
        Clock clock = Clock.fixed(LocalDate.of(2026, 12, 7).atStartOfDay(ZoneId.of("Asia/Tokyo")).toInstant(),
                ZoneId.of("Asia/Tokyo"));
        CheckUp recorded = new CardCheckUp(new Replay(answers, model), List.of(new FirstGenerationProfile()), clock)
                .checkUp(null);
        if (recorded.apdus() != 20) {
            throw new IllegalStateException("the check-up now takes " + recorded.apdus() + " APDUs, not 20");
        }
        checkUp = new CardCheckUp(new Replay(answers, null), List.of(new FirstGenerationProfile()), clock);
        advice = AdviceService.demo();
        facts = new CheckUpFacts(CheckUpFacts.MY_NUMBER_CARD, LocalDate.of(2026, 12, 7), List.of(
                new CheckUpFacts.Pin("text-pin", 3, 3), new CheckUpFacts.Pin("auth-pin", 0, 3),
                new CheckUpFacts.Pin("sign-password", 5, 5), new CheckUpFacts.Pin("resident-registry-pin", 3, 3)),
                Optional.of(new CheckUpFacts.Validity(Optional.of(LocalDate.of(2022, 2, 10)),
                        LocalDate.of(2027, 2, 10), CheckUpFacts.Standing.RENEWAL_WINDOW, LocalDate.of(2026, 11, 10))),
                Optional.of(new CheckUpFacts.Validity(Optional.empty(), LocalDate.of(2035, 2, 17),
                        CheckUpFacts.Standing.FINE, LocalDate.of(2034, 11, 17))));
    }

    @Benchmark
    public CheckUp checkUp() throws CardIoException {
        return checkUp.checkUp(null);
    }

    @Benchmark
    public Advice advice() {
        return advice.advise(facts, Map.of());
    }

    /** One reader whose card answers with the recorded responses in order (recording from the model when given). */
    private static final class Replay implements CardReaders {
        private final List<Response> answers;
        private final CardModel model;

        Replay(List<Response> answers, CardModel model) {
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
                private int next;

                @Override
                public String readerName() {
                    return "bench";
                }

                @Override
                public Response transmit(byte[] command) {
                    if (model != null) {
                        Response r = model.transmit(command);
                        answers.add(r);
                        return r;
                    }
                    return answers.get(next++);
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
