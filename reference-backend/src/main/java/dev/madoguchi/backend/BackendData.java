package dev.madoguchi.backend;

import dev.madoguchi.backend.db.BackendDatabase;
import dev.madoguchi.backend.moveout.DemoMoveOuts;
import dev.madoguchi.backend.moveout.MoveOutRepository;
import dev.madoguchi.backend.register.DemoRegister;
import dev.madoguchi.backend.register.RegisterRepository;
import dev.madoguchi.backend.shelter.ShelterList;
import dev.madoguchi.backend.submission.SubmissionRepository;
import dev.madoguchi.backend.terminal.TerminalRepository;
import dev.madoguchi.demo.DemoMunicipality;

/**
 * The backend's database with its repositories, without the HTTP server: what {@link ReferenceBackend} runs on and
 * what the terminal commands ({@code ./madoguchi backend add-terminal}) use. Opening migrates the schema, creates the
 * register's state and, on the very first start, seeds the demo register.
 */
public final class BackendData implements AutoCloseable {

    private final BackendDatabase database;
    private final TerminalRepository terminals;
    private final RegisterRepository register;
    private final SubmissionRepository submissions;
    private final MoveOutRepository moveOuts;
    private final ShelterList shelters;

    private BackendData(BackendDatabase database, ShelterList shelters) {
        this.shelters = shelters;
        this.database = database;
        this.terminals = new TerminalRepository(database);
        this.register = new RegisterRepository(database);
        this.submissions = new SubmissionRepository(database);
        this.moveOuts = new MoveOutRepository(database, DemoMoveOuts.MUNICIPALITY_CODE);
    }

    /** @throws dev.madoguchi.backend.db.BackendDatabaseException when the database cannot be opened or migrated */
    public static BackendData open(BackendConfig config) {
        BackendDatabase database = BackendDatabase.open(config.jdbcUrl(), config.dbUser(), config.dbPassword(),
                config.maxConnections());
        try {
            BackendData data = new BackendData(database, new ShelterList(DemoMoveOuts.MUNICIPALITY_CODE,
                    config.shelterList(), config.demoResidents() > 0 ? config.demoSeed() : null));
            data.register.initialise();
            if (config.demoResidents() > 0) {
                data.register.seedIfEmpty(DemoRegister.snapshotId(config.demoSeed(), config.demoResidents()),
                        () -> DemoRegister.residentsOf(DemoMunicipality.generate(config.demoSeed(),
                                config.demoResidents())));
                java.time.Instant now = java.time.Instant.now();
                data.moveOuts.seedIfEmpty(() -> DemoMoveOuts.records(java.time.LocalDate.ofInstant(now,
                        java.time.ZoneId.of("Asia/Tokyo"))), now);
            }
            return data;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public BackendDatabase database() {
        return database;
    }

    public TerminalRepository terminals() {
        return terminals;
    }

    public RegisterRepository register() {
        return register;
    }

    /** The pending move-in records (転出証明書情報) offered to the terminals. */
    public MoveOutRepository moveOuts() {
        return moveOuts;
    }

    /** The municipality's shelter list served to the terminals. */
    public ShelterList shelters() {
        return shelters;
    }

    public SubmissionRepository submissions() {
        return submissions;
    }

    @Override
    public void close() {
        database.close();
    }
}
