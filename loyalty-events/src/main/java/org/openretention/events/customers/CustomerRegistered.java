package org.openretention.events.customers;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.openretention.events.EventPayload;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A customer created an account.
 *
 * @param registeredAt   when the account was created
 * @param email          contact address (personal data, removed on erasure)
 * @param name           display name (personal data)
 * @param phone          phone number (personal data)
 * @param birthday       optional date of birth, used for birthday rewards
 * @param locale         preferred language, BCP 47 (e.g. {@code zh-CN}, {@code en-GB})
 * @param country        ISO 3166-1 alpha-2 country code
 * @param referralCode   the customer's own share code, if the shop issues one
 * @param referredByCode the referral code of the customer who invited this one, if any
 * @param consents       marketing consent per channel; a channel that is absent has no consent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerRegistered(
        Instant registeredAt,
        String email,
        String name,
        String phone,
        LocalDate birthday,
        String locale,
        String country,
        String referralCode,
        String referredByCode,
        Map<ConsentChannel, Boolean> consents) implements EventPayload {

    public CustomerRegistered {
        // an EnumMap keeps channel order, so the same event always encodes to the same bytes
        EnumMap<ConsentChannel, Boolean> ordered = new EnumMap<>(ConsentChannel.class);
        if (consents != null) {
            ordered.putAll(consents);
        }
        consents = Collections.unmodifiableMap(ordered);
    }

    public boolean consentsTo(ConsentChannel channel) {
        return Boolean.TRUE.equals(consents.get(channel));
    }
}
