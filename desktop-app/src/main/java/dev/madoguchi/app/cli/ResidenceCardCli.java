package dev.madoguchi.app.cli;

import dev.madoguchi.app.files.OwnerOnlyFiles;
import dev.madoguchi.card.detect.CardType;
import dev.madoguchi.card.reader.CardIoException;
import dev.madoguchi.card.reader.CardReaders;
import dev.madoguchi.card.residence.BackEntries;
import dev.madoguchi.card.residence.CardImages;
import dev.madoguchi.card.residence.CardNumber;
import dev.madoguchi.card.residence.PrintedEntries;
import dev.madoguchi.card.residence.ResidenceCardRead;
import dev.madoguchi.card.residence.ResidenceCardService;
import dev.madoguchi.card.residence.ResidenceReadOptions;
import dev.madoguchi.card.residence.ResidenceTrust;
import dev.madoguchi.card.residence.SignatureCheck;
import dev.madoguchi.card.simulated.SimulatedCardReaders;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code madoguchi card read --residence-card-number-stdin}: a residence card or 特別永住者証明書 read from the command line
 * (docs/residence-card.md). The card number comes from standard input only, is never printed or logged; the JSON has
 * ISO dates, sex as ISO 5218, the chip's codes as stored and which trust anchor verified the signature. Exit codes as
 * for My Number Cards: 3 no card, 4 wrong card number, 6 corrupt, unsupported, or a signature that does not verify
 * (the read is printed, flagged, before the exit).
 */
final class ResidenceCardCli {

    private static final Logger LOG = LoggerFactory.getLogger(ResidenceCardCli.class);

    private ResidenceCardCli() {}

    /** The built-in anchors (the simulated reader's synthetic CA in a demo) and each {@code --trust-ca} file. */
    static ResidenceTrust trust(CommandSpec spec, CardReaders readers, List<Path> trustCa) {
        ResidenceTrust trust = readers instanceof SimulatedCardReaders simulated ? simulated.residenceIssuer().trust()
                : ResidenceTrust.none();
        for (Path file : trustCa) {
            try {
                trust = trust.withEncoded(Files.readAllBytes(file));
            } catch (IOException | CertificateException e) {
                throw new ParameterException(spec.commandLine(), "--trust-ca " + file + ": not a readable X.509 "
                        + "certificate (PEM or DER)");
            }
        }
        return trust;
    }

    static int read(CommandSpec spec, CardReaders readers, String reader, boolean json, Path withImages,
            List<Path> trustCa) throws IOException, CardIoException {
        ResidenceTrust trust = trust(spec, readers, trustCa);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        CardNumber.Check check = CardNumber.check(line == null ? "" : line);
        if (!check.complete()) { // says where, never the value
            throw new ParameterException(spec.commandLine(), "--residence-card-number-stdin: " + (check.firstWrong() >= 0
                    ? "character " + (check.firstWrong() + 1) + " must be a " + check.expected()
                    : "12 characters are needed (2 letters, 8 digits, 2 letters)"));
        }
        ResidenceCardRead read = new ResidenceCardService(readers, trust).read(reader,
                CardNumber.parse(check.normalised()), new ResidenceReadOptions(withImages != null, withImages != null,
                        true));
        LOG.info("residence card read: {}, {} commands, signature {}", read.type().code(), read.commands(),
                read.signature().status());
        if (withImages != null) {
            writeImages(withImages, read.images());
        }
        print(spec, json, read);
        SignatureCheck.Status status = read.signature().status();
        return status == SignatureCheck.Status.VERIFIED || status == SignatureCheck.Status.NOT_CHECKED ? 0
                : CardCommand.UNUSABLE_CARD;
    }

    private static void writeImages(Path dir, CardImages images) throws IOException {
        OwnerOnlyFiles.secureDirectory(dir);
        write(dir.resolve("name-or-front.tiff"), images.nameOrFrontImage());
        write(dir.resolve("address.tiff"), images.addressImage());
        write(dir.resolve("photo.jp2"), images.photo());
    }

    private static void write(Path file, Optional<byte[]> bytes) throws IOException {
        if (bytes.isPresent()) {
            Files.write(file, bytes.get());
        }
    }

    static void print(CommandSpec spec, boolean json, ResidenceCardRead read) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("cardType", read.type().code());
        result.put("specVersion", read.type().specVersion());
        Optional<PrintedEntries> printed = read.printed();
        printed.ifPresent(p -> {
            result.put("cardExpiry", p.cardExpiry().toString());
            result.put("birthDate", p.birthDate().toString());
            result.put("sex", p.sexIso5218());
            result.put("nationality", p.nationalityCode());
            result.put("statusOfResidence", p.statusCode());
            result.put("periodOfStay", p.periodOfStay().raw());
            result.put("periodOfStayEnd", p.periodEnd().map(Object::toString).orElse(null));
            result.put("permissionType", p.permissionType().orElse(null));
            result.put("permissionDate", p.permissionDate().map(Object::toString).orElse(null));
            result.put("workRestriction", p.workRestriction().map(Enum::name).orElse(null));
        });
        BackEntries back = read.back();
        if (!back.addresses().isEmpty()) {
            List<Object> addresses = new ArrayList<>();
            back.addresses().forEach(a -> addresses.add(object("writtenOn", a.writtenOn().map(Object::toString)
                    .orElse(null), "municipalityCode", a.municipalityCode(), "address", a.address())));
            result.put("addresses", addresses);
        }
        result.put("comprehensivePermission", back.comprehensivePermission().orElse(null));
        result.put("applicationPending", back.applicationPending().orElse(null));
        SignatureCheck s = read.signature();
        result.put("signature", object("valid", s.verified(), "status", s.status().name(), "anchor",
                s.anchor().map(ResidenceTrust.Anchor::name).orElse(null), "profile",
                s.anchor().map(a -> a.profile().name()).orElse(null), "certificateCurrent", s.certificateCurrent()));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(CardCommand.Json.write(result));
        } else {
            result.forEach((k, v) -> out.println(k + ": " + (v == null ? "—" : v)));
        }
        out.flush();
    }

    /** What {@code card check} says of a card that is not a My Number Card: its type only (nothing needs a key). */
    static void printType(CommandSpec spec, boolean json, CardType type) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? CardCommand.Json.write(object("cardType", type.code())) : "cardType: " + type.code());
        out.flush();
    }

    private static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
