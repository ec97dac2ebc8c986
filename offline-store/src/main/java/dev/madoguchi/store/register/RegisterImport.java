package dev.madoguchi.store.register;

import dev.madoguchi.domain.MyNumber;
import dev.madoguchi.store.base.StoreContext;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Loads one new register generation into the slot that is not live, on its own connection (docs/adr/0009): the residents in snapshot order (row_no =
 * position), committed every {@value #COMMIT_EVERY} rows, while their lookup keys are kept in memory; then each key
 * table sorted by its primary key, so H2 appends pages instead of rewriting random ones; then the households. The
 * generation stays invisible ({@code LOADING}) until {@link RegisterGenerations} makes it live in one transaction.
 * Duplicate ids, 住民票コード or My Numbers are refused here, naming the lines, never the values.
 */
final class RegisterImport {

    private static final int BATCH = 1_000;
    private static final int COMMIT_EVERY = 20_000;
    private static final String HEAD = "世帯主";

    private final StoreContext context;
    private final Connection c;
    private final int slot;

    private final List<String> residentIds = new ArrayList<>();
    private final List<String> residentCodes = new ArrayList<>();
    private final List<byte[]> myNumberIndexes = new ArrayList<>();
    private final List<String> familyKana = new ArrayList<>();
    private final List<String> givenKana = new ArrayList<>();
    private final List<String> householdIds = new ArrayList<>();
    private int[] birthDays = new int[1 << 12];
    private long[] lines = new long[1 << 12];
    private final TreeMap<String, RegisterHousehold> households = new TreeMap<>();
    private final Set<String> headKnown = new HashSet<>();

    RegisterImport(StoreContext context, Connection c, int slot) {
        this.context = context;
        this.c = c;
        this.slot = slot;
    }

    private String table(String name) {
        return name + "_" + slot;
    }

    /** Loads everything; returns the number of residents. The caller makes the generation live or discards it. */
    long load(Iterable<RegisterHousehold> given, Iterator<RegisterEntry> residents, ImportProgress progress)
            throws SQLException {
        for (RegisterHousehold h : given) {
            households.put(h.householdId(), h);
            headKnown.add(h.householdId());
        }
        progress.stage(ImportProgress.Stage.LOADING_RESIDENTS);
        int n = loadResidents(residents, progress);
        progress.stage(ImportProgress.Stage.BUILDING_KEYS);
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);

        Arrays.sort(order, Comparator.comparing(residentIds::get));
        refuseDuplicates(order, residentIds, "resident_id");
        writeKeys("INSERT INTO " + table("register_key_resident_id") + " (resident_id, row_no) VALUES (?, ?)", order,
                (s, i) -> s.setString(1, residentIds.get(i)));

        Arrays.sort(order, Comparator.comparing(residentCodes::get));
        refuseDuplicates(order, residentCodes, "resident_code");
        writeKeys("INSERT INTO " + table("register_key_resident_code") + " (resident_code, row_no) VALUES (?, ?)", order,
                (s, i) -> s.setString(1, residentCodes.get(i)));

        Integer[] withMyNumber = Arrays.stream(order).filter(i -> myNumberIndexes.get(i) != null)
                .toArray(Integer[]::new);
        Arrays.sort(withMyNumber, (a, b) -> Arrays.compareUnsigned(myNumberIndexes.get(a), myNumberIndexes.get(b)));
        for (int k = 1; k < withMyNumber.length; k++) {
            if (Arrays.equals(myNumberIndexes.get(withMyNumber[k - 1]), myNumberIndexes.get(withMyNumber[k]))) {
                throw duplicate("my_number", withMyNumber[k - 1], withMyNumber[k]);
            }
        }
        writeKeys("INSERT INTO " + table("register_key_my_number") + " (my_number_index, row_no) VALUES (?, ?)",
                withMyNumber, (s, i) -> s.setBytes(1, myNumberIndexes.get(i)));

        Arrays.sort(order, Comparator.<Integer>comparingInt(i -> birthDays[i]).thenComparing(familyKana::get)
                .thenComparing(givenKana::get).thenComparingInt(i -> i));
        writeKeys("INSERT INTO " + table("register_key_birth_date_kana") + " (birth_date, family_name_kana, "
                + "given_name_kana, row_no) VALUES (?, ?, ?, ?)", order, (s, i) -> {
                    s.setDate(1, Date.valueOf(LocalDate.ofEpochDay(birthDays[i])));
                    s.setString(2, familyKana.get(i));
                    s.setString(3, givenKana.get(i));
                });

        Arrays.sort(order, Comparator.<Integer, String>comparing(householdIds::get).thenComparingInt(i -> i));
        writeKeys("INSERT INTO " + table("register_key_household") + " (household_id, row_no) VALUES (?, ?)", order,
                (s, i) -> s.setString(1, householdIds.get(i)));

        writeHouseholds();
        c.commit();
        return n;
    }

    long households() {
        return households.size();
    }

    private int loadResidents(Iterator<RegisterEntry> residents, ImportProgress progress) throws SQLException {
        int n = 0;
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + table("register_resident") + " (row_no, "
                + RegisterRows.COLUMNS + ", my_number_sealed, my_number_index) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            while (residents.hasNext()) {
                RegisterEntry entry = residents.next();
                RegisterResident r = entry.resident();
                byte[] index = remember(n, entry);
                s.setLong(1, n + 1L);
                RegisterRows.bindResident(s, 2, r);
                MyNumber myNumber = entry.myNumber();
                s.setBytes(20, myNumber == null ? null : context.myNumbers().encrypt(myNumber.digits()));
                s.setBytes(21, index);
                s.addBatch();
                n++;
                if (n % BATCH == 0) {
                    s.executeBatch();
                }
                if (n % COMMIT_EVERY == 0) {
                    c.commit();
                }
                if (n % ImportProgress.EVERY == 0) {
                    progress.imported(n);
                }
            }
            s.executeBatch();
        }
        c.commit();
        return n;
    }

    /** Keeps the resident's keys and household; returns the My Number's blind index (or null). */
    private byte[] remember(int row, RegisterEntry entry) {
        RegisterResident r = entry.resident();
        if (row == birthDays.length) {
            birthDays = Arrays.copyOf(birthDays, row * 2);
            lines = Arrays.copyOf(lines, row * 2);
        }
        birthDays[row] = Math.toIntExact(r.birthDate().toEpochDay());
        lines[row] = entry.line() > 0 ? entry.line() : -(row + 1L);
        residentIds.add(r.residentId());
        residentCodes.add(r.residentCode());
        familyKana.add(r.familyNameKana());
        givenKana.add(r.givenNameKana());
        householdIds.add(r.householdId());
        byte[] index = entry.myNumber() == null ? null : context.myNumbers().blindIndex(entry.myNumber().digits());
        myNumberIndexes.add(index);
        boolean isHead = HEAD.equals(r.relationship());
        if (!households.containsKey(r.householdId())) {
            households.put(r.householdId(), new RegisterHousehold(r.householdId(), r.residentId(), r.address(),
                    r.postalCode()));
            if (isHead) {
                headKnown.add(r.householdId());
            }
        } else if (isHead && headKnown.add(r.householdId())) {
            RegisterHousehold h = households.get(r.householdId());
            households.put(r.householdId(), new RegisterHousehold(h.householdId(), r.residentId(), h.address(),
                    h.postalCode()));
        }
        return index;
    }

    private void refuseDuplicates(Integer[] sorted, List<String> keys, String column) {
        for (int k = 1; k < sorted.length; k++) {
            if (keys.get(sorted[k - 1]).equals(keys.get(sorted[k]))) {
                throw duplicate(column, sorted[k - 1], sorted[k]);
            }
        }
    }

    private StoreException duplicate(String column, int a, int b) {
        int first = Math.min(a, b);
        int second = Math.max(a, b);
        return new StoreException(StoreError.BAD_INPUT, place(second) + ": " + column + " repeats the one of "
                + place(first), null);
    }

    private String place(int row) {
        long line = lines[row];
        return line > 0 ? "line " + line : "resident " + (-line);
    }

    @FunctionalInterface
    private interface KeyBinder {
        void bind(PreparedStatement s, int row) throws SQLException;
    }

    private void writeKeys(String sql, Integer[] sorted, KeyBinder binder) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int last = s.getParameterMetaData().getParameterCount();
            int pending = 0;
            for (int k = 0; k < sorted.length; k++) {
                int row = sorted[k];
                binder.bind(s, row);
                s.setLong(last, row + 1L);
                s.addBatch();
                if (++pending == BATCH) {
                    s.executeBatch();
                    pending = 0;
                }
                if ((k + 1) % COMMIT_EVERY == 0) {
                    c.commit();
                }
            }
            s.executeBatch();
        }
        c.commit();
    }

    private void writeHouseholds() throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + table("register_household") + " (household_id, "
                + "head_resident_id, address, postal_code) VALUES (?, ?, ?, ?)")) {
            int k = 0;
            for (RegisterHousehold h : households.values()) {
                s.setString(1, h.householdId());
                s.setString(2, h.headResidentId());
                s.setString(3, h.address());
                s.setString(4, h.postalCode());
                s.addBatch();
                if (++k % BATCH == 0) {
                    s.executeBatch();
                }
                if (k % COMMIT_EVERY == 0) {
                    c.commit();
                }
            }
            s.executeBatch();
        }
    }
}
