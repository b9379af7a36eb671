package org.openretention.events.customers;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.openretention.events.EventPayload;

import java.time.LocalDate;
import java.util.Map;

/**
 * A customer changed their profile. Only the fields present change; absent (null) fields keep their value.
 * {@code consents} replaces the consent of each channel it names.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerUpdated(
        String email,
        String name,
        String phone,
        LocalDate birthday,
        String locale,
        String country,
        Map<ConsentChannel, Boolean> consents) implements EventPayload {
}
