package dev.madoguchi.forms.advice;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.madoguchi.forms.definition.FormDefinitionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where the advice sends people, as the municipality configures it: counter names, addresses, hours and a telephone
 * number ({@code advice/volunteer-places.json} holds the demo municipality's fictional defaults; a municipality passes
 * its own file). The advice table names places by id.
 */
public record AdvicePlaces(@JsonProperty(required = true) String version,
        @JsonProperty(required = true) List<Place> places, @JsonIgnore String origin) {

    private static final String BUILT_IN = "/dev/madoguchi/forms/advice/volunteer-places.json";
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /**
     * A place.
     *
     * @param phone a telephone number, or {@code null}
     * @param note anything else worth knowing (a reservation, a floor), or {@code null}
     */
    public record Place(@JsonProperty(required = true) String id, @JsonProperty(required = true) AdviceText name,
            @JsonProperty(required = true) AdviceText address, @JsonProperty(required = true) AdviceText hours,
            String phone, AdviceText note) {
    }

    public AdvicePlaces {
        places = List.copyOf(places);
    }

    /** The demo municipality's places (fictional). */
    public static AdvicePlaces demo() {
        try (InputStream in = AdvicePlaces.class.getResourceAsStream(BUILT_IN)) {
            return parse("classpath:" + BUILT_IN, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static AdvicePlaces load(Path file) {
        try {
            return parse(file.toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new FormDefinitionException(file.toString(), 0, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** @throws FormDefinitionException naming the file and what is wrong */
    public static AdvicePlaces parse(String origin, byte[] json) {
        AdvicePlaces parsed;
        try {
            parsed = MAPPER.readValue(json, AdvicePlaces.class);
        } catch (JsonProcessingException e) {
            throw new FormDefinitionException(origin, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new FormDefinitionException(origin, 0, e.getMessage(), e);
        }
        Set<String> ids = new HashSet<>();
        for (Place place : parsed.places()) {
            if (!ids.add(place.id())) {
                throw new FormDefinitionException(origin, 0, "place " + place.id() + " is listed twice", null);
            }
        }
        return new AdvicePlaces(parsed.version(), parsed.places(), origin);
    }

    public Optional<Place> place(String id) {
        return places.stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
