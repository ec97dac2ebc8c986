package dev.madoguchi.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationTest {

    @TempDir
    Path dir;

    @Test
    void theSchemaVersionConstantNamesTheNewestMigrationFile() throws Exception {
        Path migrations = Path.of(LocalStore.class.getResource("/db/migration").toURI());
        int newest;
        try (var files = java.nio.file.Files.list(migrations)) {
            newest = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
                    .max().orElseThrow();
        }
        assertThat(LocalStore.SCHEMA_VERSION).isEqualTo(newest);
    }

    @Test
    void migratesAnEmptyDatabaseToTheNewestVersion() throws Exception {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("empty"), "sa", "");
        try {
            LocalStore.migrate(pool);
            assertThat(version(pool)).isEqualTo(String.valueOf(LocalStore.SCHEMA_VERSION));
            assertThat(tables(pool)).contains("CLERK", "RESIDENT", "HOUSEHOLD", "COUNTER_CASE", "SHELTER", "SHELTER_LOG", "SHELTER_TERMINAL", "SHELTER_SIGNING_KEY",
                    "OUTBOX", "AUDIT_ENTRY", "AUDIT_HEAD", "SETTING", "REGISTER_GENERATION", "REGISTER_RESIDENT_0", "REGISTER_RESIDENT_1", "VISIT_DRAFT",
                    "CASE_HANDLING_TIME", "CASE_STEP_TIME");
        } finally {
            pool.dispose();
        }
    }

    @Test
    void migratesAVersion1SnapshotToTheNewestVersionKeepingItsRows() throws Exception {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("v1"), "sa", "");
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").target("1").load().migrate();
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO household VALUES ('H1', 'R1', '架空県窓口市本町１丁目', '000-0001')");
                s.executeUpdate("INSERT INTO resident (resident_id, household_id, resident_code, relationship, "
                        + "family_name, given_name, family_name_kana, given_name_kana, birth_date, sex, postal_code, "
                        + "address) VALUES ('R1', 'H1', '12345678901', '世帯主', '𠮷田', '太郎', 'ヨシダ', 'タロウ', "
                        + "DATE '1980-04-01', 'M', '000-0001', '架空県窓口市本町１丁目')");
                s.executeUpdate("INSERT INTO setting VALUES ('register.snapshot', 'demo:1:2')");
            }
            assertThat(version(pool)).isEqualTo("1");

            LocalStore.migrate(pool);

            assertThat(version(pool)).isEqualTo(String.valueOf(LocalStore.SCHEMA_VERSION));
            try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT family_name, my_number_sealed FROM resident")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("𠮷田");
                assertThat(rs.getBytes(2)).isNull();
            }
            try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT last_seq FROM audit_head")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isZero();
            }
        } finally {
            pool.dispose();
        }
    }

    @Test
    void version7CarriesTheVersion2ShelterHistoryOverAsEvents() throws Exception {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("v6"), "sa", "");
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").target("6").load().migrate();
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO clerk VALUES ('s1', '避難所', 'SHELTER_STAFF', TRUE, CURRENT_TIMESTAMP)");
                s.executeUpdate("INSERT INTO shelter_event (event_id, shelter_id, evacuee_id, household_key, "
                        + "resident_id, display_name, kind, care_needed, pet_count, recorded_by, recorded_at) VALUES "
                        + "(RANDOM_UUID(), 'S1', 'E1', 'F1', 'R1', '𠮷田 \"一\"', 'CHECK_IN', TRUE, 2, 's1', "
                        + "TIMESTAMP WITH TIME ZONE '2026-12-01 10:00:00+09'), "
                        + "(RANDOM_UUID(), 'S1', 'E2', 'F1', NULL, '乙', 'CHECK_IN', FALSE, 0, 's1', "
                        + "TIMESTAMP WITH TIME ZONE '2026-12-01 10:00:01+09'), "
                        + "(RANDOM_UUID(), 'S1', 'E2', 'F1', NULL, '乙', 'CHECK_OUT', FALSE, 0, 's1', "
                        + "TIMESTAMP WITH TIME ZONE '2026-12-01 11:00:00+09')");
            }
            LocalStore.migrate(pool);
            java.util.List<dev.madoguchi.store.shelter.ShelterEvent> events = new java.util.ArrayList<>();
            try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT event_id, shelter_id, person_id, resident_id, kind, "
                            + "hlc_wall, hlc_counter, origin_terminal, recorded_by, event_data FROM shelter_log "
                            + "ORDER BY local_seq")) {
                while (rs.next()) {
                    events.add(new dev.madoguchi.store.shelter.ShelterEvent(rs.getObject(1, java.util.UUID.class),
                            rs.getString(2), rs.getString(3), rs.getString(4),
                            dev.madoguchi.store.shelter.ShelterEventKind.valueOf(rs.getString(5)), rs.getLong(6),
                            rs.getInt(7), rs.getString(8), rs.getString(9),
                            (com.fasterxml.jackson.databind.node.ObjectNode) dev.madoguchi.store.shelter.ShelterJson
                                    .read(rs.getString(10))));
                }
            }
            assertThat(events).hasSize(3);
            var first = events.get(0);
            assertThat(first.hlcWall()).isEqualTo(java.time.Instant.parse("2026-12-01T01:00:00Z").toEpochMilli());
            assertThat(first.residentId()).isEqualTo("R1");
            var person = dev.madoguchi.store.shelter.ShelterJson.person(first.data().path("person"));
            assertThat(person.name()).isEqualTo("𠮷田 \"一\"");
            assertThat(person.residentId()).isEqualTo("R1");
            assertThat(dev.madoguchi.store.shelter.ShelterJson.pets(first.data().path("pets")))
                    .extracting(p -> p.count()).containsExactly(2);
            assertThat(first.data().path("recordedAt").asText()).isEqualTo("2026-12-01T01:00:00.000Z");
            assertThat(events.get(2).data().path("destination").asText()).isEqualTo("unknown");
            assertThat(tables(pool)).doesNotContain("SHELTER_EVENT");
        } finally {
            pool.dispose();
        }
    }

    private static String version(JdbcConnectionPool pool) throws Exception {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT MAX(CAST(\"version\" AS INT)) FROM \"flyway_schema_history\"")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static java.util.List<String> tables(JdbcConnectionPool pool) throws Exception {
        java.util.List<String> out = new java.util.ArrayList<>();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES "
                        + "WHERE TABLE_SCHEMA = 'PUBLIC'")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
