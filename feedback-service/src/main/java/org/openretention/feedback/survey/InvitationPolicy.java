package org.openretention.feedback.survey;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Whom to ask, and when: the decision behind {@code SurveyInvitation}.
 * <ul>
 *   <li>CSAT after a touchpoint: a service contact (its touchpoint) or an order's delivery (DELIVERY);</li>
 *   <li>NPS after an order, at most once per customer per {@code npsQuietPeriod} (90 days by default);</li>
 *   <li>each sampled at its rate, by a hash of the customer and the event that triggered it, so that a replayed event
 *       decides as the first time did;</li>
 *   <li>never to a customer with an unresolved complaint: they hear from support first.</li>
 * </ul>
 * Pure: the caller gives the customer's last NPS invitation, whether a complaint is open, and the event's time.
 */
public record InvitationPolicy(Duration npsQuietPeriod, double npsSampleRate, double csatSampleRate) {

    public InvitationPolicy {
        if (npsQuietPeriod.isNegative() || !(npsSampleRate >= 0 && npsSampleRate <= 1) || !(csatSampleRate >= 0 && csatSampleRate <= 1)) {
            throw new IllegalArgumentException("need a non-negative quiet period and sample rates from 0 to 1");
        }
    }

    /** 90 days between NPS invitations; a fifth of the orders and half of the touchpoints asked. */
    public static InvitationPolicy defaults() {
        return new InvitationPolicy(Duration.ofDays(90), 0.2, 0.5);
    }

    public enum Survey { NPS, CSAT }

    /** An invitation to publish. */
    public record Invitation(Survey survey, String touchpoint) {
    }

    /** After an order completed at {@code at}: an NPS invitation, or none. */
    public Optional<Invitation> afterOrder(String customerId, String eventId, Instant at, Instant lastNpsInvitation,
                                           boolean openComplaint) {
        if (openComplaint || (lastNpsInvitation != null && at.isBefore(lastNpsInvitation.plus(npsQuietPeriod)))) {
            return Optional.empty();
        }
        return sampled(customerId + "/" + eventId + "/NPS", npsSampleRate) ? Optional.of(new Invitation(Survey.NPS, null)) : Optional.empty();
    }

    /** After a touchpoint (a service contact's, or DELIVERY): a CSAT invitation, or none. */
    public Optional<Invitation> afterTouchpoint(String customerId, String eventId, String touchpoint, boolean openComplaint) {
        if (openComplaint) {
            return Optional.empty();
        }
        return sampled(customerId + "/" + eventId + "/CSAT", csatSampleRate)
                ? Optional.of(new Invitation(Survey.CSAT, touchpoint)) : Optional.empty();
    }

    /** Whether the key falls in the sample: a uniform fraction from a name-based UUID of the key, below the rate. */
    static boolean sampled(String key, double rate) {
        if (rate >= 1) {
            return true;
        }
        long bits = UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits() >>> 11;
        return bits * 0x1.0p-53 < rate;
    }
}
