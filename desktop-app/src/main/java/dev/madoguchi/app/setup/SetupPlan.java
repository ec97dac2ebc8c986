package dev.madoguchi.app.setup;

import dev.madoguchi.store.register.RegisterFormat;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the first-run setup of a real municipality (not the demo) is told: the municipality, its first administrator,
 * and, each optional and possible later, the register snapshot, the backend and the terminal's token file.
 *
 * @param municipalityCode the six-digit 全国地方公共団体コード, check digit included (e.g. {@code 131016})
 * @param register a register snapshot (.csv, .jsonl, .ndjson) or null
 * @param backend the backend's base URL (https, or http to this computer only) or null
 * @param tokenFile the terminal's token file or null
 */
public record SetupPlan(String municipalityCode, String municipalityName, String administratorId,
        String administratorName, Path register, URI backend, Path tokenFile) {

    /** Every problem with the plan, in words a person can act on; empty when it can be carried out. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!validMunicipalityCode(municipalityCode)) {
            problems.add("the municipality code must be the six digits of the 全国地方公共団体コード with its check digit"
                    + " (e.g. 131016), not '" + municipalityCode + "'");
        }
        if (municipalityName == null || municipalityName.isBlank()) {
            problems.add("the municipality's name is missing");
        }
        if (administratorId == null || !administratorId.matches("[A-Za-z0-9._-]{2,32}")) {
            problems.add("the administrator's id is 2-32 letters, digits, '.', '_' or '-'");
        }
        if (administratorName == null || administratorName.isBlank()) {
            problems.add("the administrator's display name is missing");
        }
        if (register != null) {
            if (!Files.isRegularFile(register) || !Files.isReadable(register)) {
                problems.add("the register file " + register + " cannot be read");
            } else if (RegisterFormat.byExtension(register).isEmpty()) {
                problems.add("the register file must end in .csv, .jsonl or .ndjson: " + register.getFileName());
            }
        }
        if (backend != null) {
            String scheme = String.valueOf(backend.getScheme()).toLowerCase(Locale.ROOT);
            String host = String.valueOf(backend.getHost());
            boolean local = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
            if (!(scheme.equals("https") || scheme.equals("http") && local) || backend.getHost() == null) {
                problems.add("the backend URL must be https:// (http:// only to this computer): " + backend);
            }
            if (tokenFile == null) {
                problems.add("a backend needs the terminal's token file (--token-file)");
            }
        }
        if (tokenFile != null && !Files.isReadable(tokenFile)) {
            problems.add("the token file " + tokenFile + " cannot be read");
        }
        return problems;
    }

    /** The 全国地方公共団体コード check: weights 6,5,4,3,2 on the first five digits, check digit (11 − sum mod 11) mod 10. */
    public static boolean validMunicipalityCode(String code) {
        if (code == null || !code.matches("[0-9]{6}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 5; i++) {
            sum += (code.charAt(i) - '0') * (6 - i);
        }
        return (11 - sum % 11) % 10 == code.charAt(5) - '0';
    }
}
