package dev.madoguchi.store;

import dev.madoguchi.store.accounts.ClerkRepository;
import dev.madoguchi.store.audit.AuditAction;
import dev.madoguchi.store.base.StoreContext;
import dev.madoguchi.store.base.Transactions;
import dev.madoguchi.store.clerks.Capability;
import dev.madoguchi.store.clerks.Clerk;
import dev.madoguchi.store.clerks.Role;
import dev.madoguchi.store.error.StoreError;
import dev.madoguchi.store.error.StoreException;
import dev.madoguchi.store.keys.DataKey;
import dev.madoguchi.store.keys.Keyring;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * How a {@link LocalStore} comes to be open (docs/adr/0007): a new store made with its first administrator, an existing
 * one unlocked with a clerk's passphrase (keyring, database file, migration to the newest schema, a damaged file told
 * from a wrong key), the sign-in that follows both (the clerk looked up, the login audited, a failed import's rows and
 * unresumed visit drafts removed), and a backup restored over a store once it opened and verified. {@link LocalStore}
 * is the public face of each; this class holds no state.
 */
final class StoreOpener {

    private static final String DATABASE_FILE = StoreFiles.DATABASE_FILE;

    private StoreOpener() {
    }

    /** {@link LocalStore#create}: a new data key wrapped for the administrator, the schema, the first clerk. */
    static LocalStore create(Path directory, Clerk administrator, char[] passphrase, StoreOptions options) {
        if (administrator.role() != Role.ADMINISTRATOR) {
            throw new IllegalArgumentException("the first clerk of a store is an administrator");
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new StoreException(StoreError.STORE_ERROR, "cannot create the store directory: " + e, e);
        }
        if (Files.exists(directory.resolve(DATABASE_FILE)) || LocalStore.exists(directory)) {
            throw new StoreException(StoreError.STORE_ERROR, "the directory already holds a store", null);
        }
        DataKey key = DataKey.generate(options.random());
        Keyring keyring = Keyring.empty().with(administrator.clerkId(), passphrase, key, options.keyIterations(),
                options.random());
        JdbcConnectionPool pool = StoreDatabase.connect(directory, key, false);
        try {
            StoreDatabase.migrate(pool, directory);
            Transactions.run(pool, "create the first clerk", c -> {
                ClerkRepository.insert(c, administrator, options.clock().instant());
                return null;
            });
            keyring.withFileHeader(StoreDatabase.fileHeader(directory)).writeTo(Keyring.in(directory));
        } catch (RuntimeException e) {
            pool.dispose();
            try {
                Files.deleteIfExists(directory.resolve(DATABASE_FILE));
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return signIn(directory, pool, key, administrator.clerkId(), options, 0);
    }

    /**
     * {@link LocalStore#open}: the data key unwrapped from the keyring with the clerk's passphrase, then the database
     * opened and migrated; a wrong key for a file whose keyring entry is authentic means a damaged file.
     */
    static LocalStore open(Path directory, String clerkId, char[] passphrase, StoreOptions options) {
        if (LocalStore.holdsUnencryptedLegacyFile(directory)) {
            throw new StoreException(StoreError.NO_STORE,
                    "the directory holds an unencrypted store of an earlier version (docs/adr/0007)", null);
        }
        Keyring keyring = Keyring.read(Keyring.in(directory));
        long unlocking = System.nanoTime();
        DataKey key = keyring.unlock(clerkId, passphrase);
        long derivedMillis = (System.nanoTime() - unlocking) / 1_000_000;
        if (!Files.exists(directory.resolve(DATABASE_FILE))) {
            key.destroy();
            throw new StoreException(StoreError.NO_STORE, "the keyring has no database file beside it", null);
        }
        JdbcConnectionPool pool;
        try {
            pool = StoreDatabase.connect(directory, key, true);
            StoreDatabase.migrate(pool, directory);
        } catch (StoreException e) {
            key.destroy();
            byte[] header = StoreDatabase.fileHeader(directory);
            if (e.error() == StoreError.WRONG_KEY
                    && (keyring.matchesFileHeader(header) || !StoreDatabase.isEncryptedFile(header))) {
                // the key is authentic (the keyring entry unwrapped) and belongs to this file: the file is damaged
                throw new StoreException(StoreError.CORRUPT_FILE, "the database file is damaged", e);
            }
            throw e;
        } catch (RuntimeException e) {
            key.destroy();
            throw e;
        }
        return signIn(directory, pool, key, clerkId, options, derivedMillis);
    }

    /** The clerk looked up, the login audited, a failed import's rows and unresumed visit drafts removed. */
    private static LocalStore signIn(Path directory, JdbcConnectionPool pool, DataKey key, String clerkId,
            StoreOptions options, long keyDerivationMillis) {
        try {
            Clerk clerk = Transactions.run(pool, "sign in", c -> ClerkRepository.findActive(c, clerkId))
                    .orElseThrow(() -> new StoreException(StoreError.WRONG_PASSPHRASE,
                            "no such clerk or wrong passphrase", null));
            LocalStore store = new LocalStore(directory, pool, key, clerk, options, keyDerivationMillis);
            StoreContext context = store.context();
            context.inTransaction("record the login", c -> {
                context.audit(c, AuditAction.LOGIN, clerk.clerkId(), clerk.role().name());
                return null;
            });
            store.register().discardAbandonedGenerations(); // left by an import that failed or was killed
            store.drafts().purgeExpired(store.draftRetention(), false); // visits nobody resumed (docs/adr/0014)
            return store;
        } catch (RuntimeException e) {
            pool.dispose();
            key.destroy();
            throw e;
        }
    }

    /** {@link LocalStore#restore}: the backup staged, opened as the clerk, verified, then moved in place. */
    static void restore(Path backup, Path directory, String clerkId, char[] passphrase, StoreOptions options) {
        Path staging = StoreBackup.stage(backup, directory);
        try {
            try (LocalStore restored = open(staging, clerkId, passphrase, options)) {
                restored.context().require(Capability.MAINTAIN_STORE);
                StoreVerification verification = restored.verify();
                if (!verification.intact()) {
                    throw new StoreException(StoreError.CORRUPT_FILE, "the backup's audit chain is broken at row "
                            + verification.audit().firstBrokenSeq().getAsLong(), null);
                }
                restored.context().inTransaction("record the restore", c -> {
                    restored.context().audit(c, AuditAction.RESTORE, null, backup.getFileName().toString());
                    return null;
                });
            }
            StoreBackup.replace(staging, directory);
        } finally {
            StoreBackup.discard(staging);
        }
    }
}
