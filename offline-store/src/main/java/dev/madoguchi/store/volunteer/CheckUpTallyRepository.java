package dev.madoguchi.store.volunteer;

import dev.madoguchi.store.base.StoreContext;
import dev.madoguchi.store.clerks.Capability;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The volunteer mode's only record: counts of check-ups per day and outcome kind ({@code volunteer_tally}). An
 * outcome is a short code of the mode's own vocabulary ({@code auth-pin-locked}, {@code certificate-expired}); free
 * text is refused, so nothing about a person can be written here. No audit row per check-up: a row with its time
 * would say when someone was helped.
 */
public final class CheckUpTallyRepository {

    /** The total of a day's check-ups. */
    public static final String CHECKS = "checks";
    private static final Pattern OUTCOME = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    private final StoreContext context;

    public CheckUpTallyRepository(StoreContext context) {
        this.context = context;
    }

    /** Counts one check-up of {@code day} with its outcome kinds (each counted once). */
    public void count(LocalDate day, List<String> outcomes) {
        context.require(Capability.COUNT_CHECK_UPS);
        Set<String> kinds = new LinkedHashSet<>();
        kinds.add(CHECKS);
        for (String outcome : outcomes) {
            if (outcome == null || !OUTCOME.matcher(outcome).matches()) {
                throw new StoreException(StoreError.BAD_INPUT, "an outcome is a short code (a-z, 0-9, -)", null);
            }
            kinds.add(outcome);
        }
        context.inTransaction("count a check-up", c -> {
            for (String kind : kinds) {
                try (PreparedStatement s = c.prepareStatement("MERGE INTO volunteer_tally t USING (VALUES (?, ?)) "
                        + "v(d, o) ON t.tally_day = v.d AND t.outcome = v.o WHEN MATCHED THEN UPDATE SET "
                        + "checks = t.checks + 1 WHEN NOT MATCHED THEN INSERT (tally_day, outcome, checks) "
                        + "VALUES (v.d, v.o, 1)")) {
                    s.setDate(1, Date.valueOf(day));
                    s.setString(2, kind);
                    s.executeUpdate();
                }
            }
            return null;
        });
    }

    /** The counts from {@code from} through {@code to}, by day then outcome. */
    public List<CheckUpTally> between(LocalDate from, LocalDate to) {
        context.require(Capability.COUNT_CHECK_UPS);
        return context.inTransaction("read the check-up counts", c -> {
            List<CheckUpTally> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT tally_day, outcome, checks FROM volunteer_tally "
                    + "WHERE tally_day BETWEEN ? AND ? ORDER BY tally_day, outcome")) {
                s.setDate(1, Date.valueOf(from));
                s.setDate(2, Date.valueOf(to));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new CheckUpTally(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getInt(3)));
                    }
                }
            }
            return out;
        });
    }
}
