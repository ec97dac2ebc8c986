package dev.madoguchi.store.shelter;

import dev.madoguchi.store.audit.AuditAction;
import dev.madoguchi.store.base.StoreContext;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * This terminal's ECDSA P-256 key pair for shelter exchange files, kept in the (encrypted) store and made on first use,
 * and the terminals whose files this store accepts, pinned by key fingerprint (docs/adr/0026).
 */
public final class ShelterKeys {

    /** This terminal's key pair. */
    record Own(PublicKey publicKey, PrivateKey privateKey, String fingerprint) {}

    /** A terminal this store accepts exchange files from. */
    public record Trusted(String fingerprint, String terminalId, String trustedBy, Instant trustedAt) {}

    private final StoreContext context;
    private final String terminalId;
    private final SecureRandom random;
    private Own own;

    ShelterKeys(StoreContext context, String terminalId, SecureRandom random) {
        this.context = context;
        this.terminalId = terminalId;
        this.random = random;
    }

    synchronized Own own() {
        if (own == null) {
            own = context.inTransaction("read the terminal's exchange key", this::loadOrCreate);
        }
        return own;
    }

    private Own loadOrCreate(Connection c) throws SQLException {
        try {
            KeyFactory factory = KeyFactory.getInstance("EC");
            try (PreparedStatement s = c.prepareStatement("SELECT private_key, public_key FROM shelter_signing_key "
                    + "WHERE id = 1 FOR UPDATE");
                    ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(rs.getBytes(2)));
                    return new Own(publicKey, factory.generatePrivate(new PKCS8EncodedKeySpec(rs.getBytes(1))),
                            ExchangeFile.fingerprint(publicKey));
                }
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            KeyPair pair = generator.generateKeyPair();
            try (PreparedStatement s = c.prepareStatement("INSERT INTO shelter_signing_key (id, terminal_id, "
                    + "private_key, public_key, created_at) VALUES (1, ?, ?, ?, ?)")) {
                s.setString(1, terminalId);
                s.setBytes(2, pair.getPrivate().getEncoded());
                s.setBytes(3, pair.getPublic().getEncoded());
                s.setObject(4, OffsetDateTime.ofInstant(context.now(), ZoneOffset.UTC));
                s.executeUpdate();
            }
            return new Own(pair.getPublic(), pair.getPrivate(), ExchangeFile.fingerprint(pair.getPublic()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has P-256 keys", e);
        }
    }

    List<Trusted> trusted() {
        return context.inTransaction("list trusted terminals", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT fingerprint, terminal_id, trusted_by, trusted_at "
                    + "FROM shelter_terminal ORDER BY trusted_at, fingerprint");
                    ResultSet rs = s.executeQuery()) {
                List<Trusted> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new Trusted(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, OffsetDateTime.class).toInstant()));
                }
                return out;
            }
        });
    }

    /** Pins a terminal's key in the caller's transaction (audited). */
    void pin(Connection c, String fingerprint, String terminal, PublicKey key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO shelter_terminal (fingerprint, terminal_id, "
                + "public_key, trusted_by, trusted_at) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, fingerprint);
            s.setString(2, terminal.length() > 80 ? terminal.substring(0, 80) : terminal);
            s.setBytes(3, key.getEncoded());
            s.setString(4, context.clerk().clerkId());
            s.setObject(5, OffsetDateTime.ofInstant(context.now(), ZoneOffset.UTC));
            s.executeUpdate();
        }
        context.audit(c, AuditAction.SHELTER_TRUST_TERMINAL, fingerprint, terminal);
    }
}
