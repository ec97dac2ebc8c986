package dev.madoguchi.store;

import dev.madoguchi.store.accounts.ClerkRepository;
import dev.madoguchi.store.audit.AuditAction;
import dev.madoguchi.store.audit.AuditJournal;
import dev.madoguchi.store.audit.AuditVerification;
import dev.madoguchi.store.base.StoreContext;
import dev.madoguchi.store.cases.CaseRepository;
import dev.madoguchi.store.cases.HandlingTimeRepository;
import dev.madoguchi.store.clerks.Capability;
import dev.madoguchi.store.clerks.Clerk;
import dev.madoguchi.store.drafts.VisitDraftRepository;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import dev.madoguchi.store.keys.ColumnCipher;
import dev.madoguchi.store.keys.DataKey;
import dev.madoguchi.store.keys.Keyring;
import dev.madoguchi.store.keys.SecretSeal;
import dev.madoguchi.store.outbox.OutboxRepository;
import dev.madoguchi.store.register.RegisterPullRepository;
import dev.madoguchi.store.register.RegisterRepository;
import dev.madoguchi.store.shelter.ShelterExchange;
import dev.madoguchi.store.volunteer.CheckUpTallyRepository;
import dev.madoguchi.store.shelter.ShelterRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The terminal's local store: one H2 file encrypted with {@code CIPHER=AES} under a random data key, the key wrapped per
 * clerk in {@code madoguchi.keys} beside it (docs/adr/0007). Opening needs a clerk id and passphrase; the clerk's role
 * decides what the repositories allow. Migrated by Flyway to the newest schema when opened ({@code StoreOpener}
 * creates, opens, signs in and restores; this class is the open session).
 *
 * <p>Library code is synchronous and starts no threads; the application calls writes from its one
 * {@code store-writer} lane. Reads may run concurrently (each call takes its own pooled connection).
 */
public final class LocalStore implements AutoCloseable {

    /** Base name of the database file in the store directory ({@code madoguchi.mv.db}). */
    public static final String FILE_NAME = StoreFiles.FILE_NAME;
    /** The database file name on disk. */
    public static final String DATABASE_FILE = StoreFiles.DATABASE_FILE;
    /** The newest migration's version ({@code V11__…}); {@code MigrationTest} fails when a newer file is added. */
    static final int SCHEMA_VERSION = 11;

    private final Path directory;
    private final JdbcConnectionPool pool;
    private final DataKey key;
    private final StoreContext context;
    private final AuditJournal audit;
    private final RegisterRepository register;
    private final StoreSettings settings;
    private final ClerkRepository clerks;
    private final CaseRepository cases;
    private final ShelterRepository shelter;
    private final ShelterExchange shelterExchange;
    private final OutboxRepository outbox;
    private final RegisterPullRepository registerPull;
    private final VisitDraftRepository drafts;
    private final HandlingTimeRepository handlingTimes;
    private final CheckUpTallyRepository checkUpTally;
    private final SecretSeal secretSeal;
    private final long keyDerivationMillis;
    private volatile boolean open = true;

    /** A store opened and signed in by {@code StoreOpener}; {@code keyDerivationMillis} is 0 for a new store. */
    LocalStore(Path directory, JdbcConnectionPool pool, DataKey key, Clerk clerk, StoreOptions options,
            long keyDerivationMillis) {
        this.directory = directory;
        this.keyDerivationMillis = keyDerivationMillis;
        this.pool = pool;
        this.key = key;
        this.audit = new AuditJournal(pool, options.clock(), options.terminalId());
        this.context = new StoreContext(pool, clerk, audit, new ColumnCipher(key, "my-number", options.random()),
                options.clock(), directory);
        this.outbox = new OutboxRepository(context);
        this.register = new RegisterRepository(context);
        this.settings = new StoreSettings(pool, context);
        this.clerks = new ClerkRepository(context, Keyring.in(directory), key, options.keyIterations(),
                options.random());
        this.cases = new CaseRepository(context, outbox);
        this.shelter = new ShelterRepository(context, outbox, options.terminalId());
        this.shelterExchange = new ShelterExchange(context, shelter, options.random(), options.keyIterations());
        this.registerPull = new RegisterPullRepository(context);
        this.drafts = new VisitDraftRepository(context);
        this.handlingTimes = new HandlingTimeRepository(context);
        this.checkUpTally = new CheckUpTallyRepository(context);
        this.secretSeal = new SecretSeal(key, () -> open, options.random());
    }

    /** True when the directory holds a store of this version (its keyring). */
    public static boolean exists(Path directory) {
        return Files.exists(Keyring.in(directory));
    }

    /** True when the directory holds a database file but no keyring: an unencrypted store of an earlier version. */
    public static boolean holdsUnencryptedLegacyFile(Path directory) {
        return !exists(directory) && Files.exists(directory.resolve(DATABASE_FILE));
    }

    /**
     * Creates a new encrypted store with its first clerk, an administrator, signed in.
     *
     * @throws StoreException {@link StoreError#STORE_ERROR} when the directory already holds a database file
     */
    public static LocalStore create(Path directory, Clerk administrator, char[] passphrase, StoreOptions options) {
        return StoreOpener.create(directory, administrator, passphrase, options);
    }

    /**
     * Opens the store as a clerk and migrates it to the newest schema; the login is audited.
     *
     * @throws StoreException typed: no store, wrong passphrase, locked by another instance, corrupt file, newer schema,
     *     disk full, …
     */
    public static LocalStore open(Path directory, String clerkId, char[] passphrase, StoreOptions options) {
        return StoreOpener.open(directory, clerkId, passphrase, options);
    }

    /** Migrates the store in {@code directory} to {@link #SCHEMA_VERSION} (see {@link StoreDatabase#migrate}). */
    static void migrate(JdbcConnectionPool pool, Path directory) {
        StoreDatabase.migrate(pool, directory);
    }

    /** Migrates the database to the newest schema (no upgrade backup, no marker; for tests of the migrations). */
    static void migrate(JdbcConnectionPool pool) {
        StoreDatabase.migrate(pool);
    }

    /** The schema version recorded beside a store (read without its key), or -1 when unknown. */
    public static int recordedSchemaVersion(Path directory) {
        return SchemaUpgrade.readMarker(directory);
    }

    /** The directory that holds the database file. */
    public Path directory() {
        return directory;
    }

    StoreContext context() {
        return context;
    }

    /** The clerk signed in to this store. */
    public Clerk clerk() {
        return context.clerk();
    }

    /** The local copy of the resident register. */
    public RegisterRepository register() {
        return register;
    }

    /** Counter cases (one visit each). */
    public CaseRepository cases() {
        return cases;
    }

    /** Handling-time figures of counter visits (counts and durations only). */
    public HandlingTimeRepository handlingTimes() {
        return handlingTimes;
    }

    /** Drafts of running counter visits (resumed after a crash, a language switch or the auto-lock). */
    public VisitDraftRepository drafts() {
        return drafts;
    }

    /** Shelter check-in/out events. */
    public ShelterRepository shelter() {
        return shelter;
    }

    /** Laptop-to-laptop exchange files of shelter events (docs/adr/0026). */
    public ShelterExchange shelterExchange() {
        return shelterExchange;
    }

    /**
     * The transactional outbox: what the sync engine and file linkage deliver (batches, receipts, blocked messages).
     */
    public OutboxRepository outbox() {
        return outbox;
    }

    /** The pending move-in records (転出証明書情報) pulled from the backend, for 転入 visits. */
    public dev.madoguchi.store.moveout.MoveOutRepository moveOuts() {
        return new dev.madoguchi.store.moveout.MoveOutRepository(context);
    }

    /** The register pull's checkpoint and its pages of changes applied to the register copy. */
    public RegisterPullRepository registerPull() {
        return registerPull;
    }

    /** Clerk accounts and passphrases. */
    public ClerkRepository clerks() {
        return clerks;
    }

    /** The tamper-evident journal (its rows name residents by id: reading it needs register access). */
    public AuditJournal audit() {
        context.require(Capability.READ_REGISTER);
        return audit;
    }

    /** Terminal settings (the backend's address and token): for a role that syncs or maintains the store. */
    public StoreSettings settings() {
        context.require(context.clerk().role().allows(Capability.SYNC) ? Capability.SYNC : Capability.MAINTAIN_STORE);
        return settings;
    }

    /** The volunteer mode's check-up counts per day (nothing personal). */
    public CheckUpTallyRepository checkUpTally() {
        return checkUpTally;
    }

    /**
     * Seals and unseals small secrets under this store's data key (the terminal's signing key, docs/adr/0025): usable
     * while this store is open, refused once it is closed.
     */
    public SecretSeal secretSeal() {
        context.require(Capability.PRINT); // the sealed secret signs printed forms: roles that print only
        return secretSeal;
    }

    /** Records a print of a form (the caller prints; this writes the audit row). */
    public void recordPrint(String subject, String what) {
        context.require(Capability.PRINT);
        context.inTransaction("record a print", c -> {
            context.audit(c, AuditAction.PRINT, subject, what);
            return null;
        });
    }

    /**
     * Records that the clerk set a proposed procedure of a visit aside (it does not apply, or is done elsewhere): the
     * resident (or {@code unregistered}) and the procedure with a fixed reason, no free text.
     */
    public void recordSetAside(String subject, String what) {
        context.require(Capability.WRITE_CASES);
        context.inTransaction("record a procedure set aside", c -> {
            context.audit(c, AuditAction.SET_ASIDE_PROCEDURE, subject, what);
            return null;
        });
    }

    /**
     * Records a request that reached the application's local control endpoint (docs/adr/0009), whatever its outcome:
     * the clerk it named and what it asked for. Written as the signed-in clerk of this store.
     */
    public void recordControlRequest(String requestedBy, String what) {
        context.inTransaction("record a control request", c -> {
            context.audit(c, AuditAction.CONTROL_REQUEST, requestedBy, what);
            return null;
        });
    }

    /** The newest applied migration version, e.g. {@code "2"}. */
    public String schemaVersion() {
        return StoreDatabase.schemaVersion(pool);
    }

    /** How long this sign-in's passphrase key derivation took, in ms (0 for a store just created): timing only. */
    public long keyDerivationMillis() {
        return keyDerivationMillis;
    }

    /** Checks the database (every table read to the end) and the audit chain. Administrators only. */
    public StoreVerification verify() {
        context.require(Capability.MAINTAIN_STORE);
        long[] tablesAndRows = StoreDatabase.countTablesAndRows(pool);
        AuditVerification chain = audit.verify();
        return new StoreVerification((int) tablesAndRows[0], tablesAndRows[1], schemaVersion(), chain);
    }

    /**
     * Writes a consistent backup while the store stays open: H2's online {@code BACKUP TO} of the encrypted file
     * plus the keyring, in one zip file (still encrypted: only a clerk of this store can open it). Administrators only.
     */
    public void backup(Path file) {
        context.require(Capability.MAINTAIN_STORE);
        StoreBackup.write(file, directory, zip -> StoreBackup.databaseTo(pool, zip));
        context.inTransaction("record a backup", c -> {
            context.audit(c, AuditAction.BACKUP, null, file.toAbsolutePath().getFileName().toString());
            return null;
        });
    }

    /**
     * Replaces the store in {@code directory} by a backup, after checking that {@code clerkId} can open the backup
     * and that it verifies. The replaced files are kept beside it with the suffix {@code .before-restore}.
     */
    public static void restore(Path backup, Path directory, String clerkId, char[] passphrase, StoreOptions options) {
        StoreOpener.restore(backup, directory, clerkId, passphrase, options);
    }

    /**
     * How long a visit draft nobody resumes is kept after its last save: the store setting
     * {@link VisitDraftRepository#RETENTION_SETTING} (hours), else {@link VisitDraftRepository#DEFAULT_RETENTION}.
     */
    public java.time.Duration draftRetention() {
        return VisitDraftRepository.retention(settings.get(VisitDraftRepository.RETENTION_SETTING));
    }

    /** Sets how long an unresumed visit draft is kept (whole hours, 1 to 8784). Administrators only. */
    public void setDraftRetention(java.time.Duration retention) {
        context.require(Capability.MAINTAIN_STORE);
        long hours = retention.toHours();
        if (hours < 1 || hours > 24 * 366 || !retention.equals(java.time.Duration.ofHours(hours))) {
            throw new StoreException(StoreError.BAD_INPUT, "a draft retention is whole hours from 1 to 8784", null);
        }
        settings.put(VisitDraftRepository.RETENTION_SETTING, Long.toString(hours));
    }

    /** {@link #purge(java.time.Duration, java.time.Duration)} with the drafts' period of {@link #draftRetention()}. */
    public RetentionPurge purge(java.time.Duration retention) {
        return purge(retention, draftRetention());
    }

    /**
     * The retention purge of docs/adr/0009 and 0014: the My Numbers of cases synced longer ago than {@code retention},
     * the sealed My Numbers of a register copy live longer than {@code retention} (its blind index stays), and the
     * visit drafts nobody saved for longer than {@code draftRetention}. Each part is audited with counts only; the
     * chain stays valid. Administrators only.
     */
    public RetentionPurge purge(java.time.Duration retention, java.time.Duration draftRetention) {
        context.require(Capability.MAINTAIN_STORE);
        int purgedCases = cases.purgeMyNumbers(retention);
        long purgedRegister = register.purgeMyNumbers(retention);
        int purgedDrafts = drafts.purgeExpired(draftRetention).drafts();
        return new RetentionPurge(purgedCases, purgedRegister, purgedDrafts);
    }

    @Override
    public void close() {
        open = false;
        pool.dispose();
        key.destroy();
    }
}
