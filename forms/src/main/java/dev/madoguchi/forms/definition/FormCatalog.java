package dev.madoguchi.forms.definition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The form definitions in use: the built-in ones (class path, listed in {@code definitions/index.txt}) and, when given,
 * every {@code *.json} of a municipality's configuration folder. A folder definition with the id of a built-in one
 * replaces it; that is how a municipality adapts a form without Java.
 */
public final class FormCatalog {

    private static final String RESOURCE_DIR = "/dev/madoguchi/forms/definitions/";

    private final Map<String, FormDefinition> forms;

    private FormCatalog(Map<String, FormDefinition> forms) {
        this.forms = Collections.unmodifiableMap(new TreeMap<>(forms));
    }

    /** The built-in definitions only. */
    public static FormCatalog builtIn() {
        return load(null);
    }

    /**
     * @param folder a configuration folder with {@code *.json} definitions, or {@code null}
     * @throws FormDefinitionException when any definition is broken (a broken file is never skipped silently)
     */
    public static FormCatalog load(Path folder) {
        FormDefinitionParser parser = new FormDefinitionParser();
        Map<String, FormDefinition> forms = new TreeMap<>();
        for (String name : builtInNames()) {
            String resource = RESOURCE_DIR + name;
            try (InputStream in = FormCatalog.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new FormDefinitionException("classpath:" + resource, 0, "listed in index.txt but missing",
                            null);
                }
                put(forms, parser.parse("classpath:" + resource, in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (folder != null) {
            Map<String, FormDefinition> fromFolder = new TreeMap<>();
            for (Path file : jsonFiles(folder)) {
                try {
                    put(fromFolder, parser.parse(file.toString(), Files.readAllBytes(file)));
                } catch (IOException e) {
                    throw new FormDefinitionException(file.toString(), 0, "cannot be read: " + e.getMessage(), e);
                }
            }
            forms.putAll(fromFolder);
        }
        return new FormCatalog(forms);
    }

    private static void put(Map<String, FormDefinition> forms, FormDefinition form) {
        FormDefinition earlier = forms.putIfAbsent(form.id(), form);
        if (earlier != null) {
            throw new FormDefinitionException(form.origin(), 0,
                    "form id '" + form.id() + "' is also defined in " + earlier.origin(), null);
        }
    }

    private static List<String> builtInNames() {
        try (InputStream in = FormCatalog.class.getResourceAsStream(RESOURCE_DIR + "index.txt")) {
            if (in == null) {
                throw new IllegalStateException("the forms jar lacks " + RESOURCE_DIR + "index.txt");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> jsonFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).filter(Files::isRegularFile)
                    .sorted().toList();
        } catch (IOException e) {
            throw new FormDefinitionException(folder.toString(), 0, "form folder cannot be listed: " + e.getMessage(),
                    e);
        }
    }

    /** Every form, by id. */
    public List<FormDefinition> all() {
        return List.copyOf(forms.values());
    }

    /** @throws UnknownFormException when no definition has this id */
    public FormDefinition get(String formId) {
        FormDefinition form = forms.get(formId);
        if (form == null) {
            throw new UnknownFormException(formId, forms.keySet());
        }
        return form;
    }
}
