package dev.madoguchi.forms.definition;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where the signed QR code prints: the square's top-left corner and side in millimetres. */
public record QrPlacement(@JsonProperty(required = true) int page, @JsonProperty(required = true) double x,
        @JsonProperty(required = true) double y, @JsonProperty(required = true) double size) {
}
