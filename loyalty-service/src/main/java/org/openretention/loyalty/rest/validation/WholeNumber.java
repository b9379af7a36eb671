package org.openretention.loyalty.rest.validation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

import java.io.IOException;

/**
 * Reads points as JSON integers only: Jackson would otherwise cut {@code 1.5} down to {@code 1} without a word.
 * Use as {@code @JsonDeserialize(using = WholeNumber.class)} on a {@code Long} field.
 */
public class WholeNumber extends JsonDeserializer<Long> {

    @Override
    public Long deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            return p.getLongValue();
        }
        throw InvalidFormatException.from(p, "not a whole number", p.getText(), Long.class);
    }
}
