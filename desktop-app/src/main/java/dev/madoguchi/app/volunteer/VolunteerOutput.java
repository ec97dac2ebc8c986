package dev.madoguchi.app.volunteer;

import dev.madoguchi.app.counter.PrintDestination;
import java.util.function.Supplier;

/**
 * What the volunteer mode gives back to the resident: the advice, the read-aloud and the takeaway sheet with the
 * printer it goes to. Long-lived; made once by the application.
 *
 * @param destination the counter's printer choice (asks the print service: call it on the background lane)
 */
public record VolunteerOutput(Advisor advisor, ReadAloud speech, SheetOutput sheets,
        Supplier<PrintDestination> destination) {
}
