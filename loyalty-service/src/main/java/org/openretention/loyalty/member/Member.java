package org.openretention.loyalty.member;

import java.time.Instant;
import java.time.LocalDate;

/** A loyalty member's own state (the row of loyalty_member), changed by {@link MemberSession}. */
public final class Member {
    final String customerId;
    Instant enrolledAt;
    boolean registered;
    LocalDate birthday;
    String referralCode;
    String tier;
    Instant tierSince;
    Instant nextRequalificationAt;
    long lifetimePoints;
    String welcomeBonusOrderId;
    Integer lastBirthdayGiftYear;
    /** The referral code was assigned in this session: invitations waiting for it can now find their referrer. */
    boolean referralCodeAssigned;

    Member(String customerId, Instant enrolledAt, boolean registered, LocalDate birthday, String referralCode, String tier,
           Instant tierSince, Instant nextRequalificationAt, long lifetimePoints, String welcomeBonusOrderId,
           Integer lastBirthdayGiftYear) {
        this.customerId = customerId;
        this.enrolledAt = enrolledAt;
        this.registered = registered;
        this.birthday = birthday;
        this.referralCode = referralCode;
        this.tier = tier;
        this.tierSince = tierSince;
        this.nextRequalificationAt = nextRequalificationAt;
        this.lifetimePoints = lifetimePoints;
        this.welcomeBonusOrderId = welcomeBonusOrderId;
        this.lastBirthdayGiftYear = lastBirthdayGiftYear;
    }

    /** A copy that a read may change (bring to now) without touching this one. */
    Member copy() {
        Member copy = new Member(customerId, enrolledAt, registered, birthday, referralCode, tier, tierSince, nextRequalificationAt,
                lifetimePoints, welcomeBonusOrderId, lastBirthdayGiftYear);
        copy.referralCodeAssigned = referralCodeAssigned;
        return copy;
    }

    public String customerId() { return customerId; }
    public Instant enrolledAt() { return enrolledAt; }
    public boolean registered() { return registered; }
    public LocalDate birthday() { return birthday; }
    public String referralCode() { return referralCode; }
    public String tier() { return tier; }
    public Instant tierSince() { return tierSince; }
    public Instant nextRequalificationAt() { return nextRequalificationAt; }
    public long lifetimePoints() { return lifetimePoints; }
    public String welcomeBonusOrderId() { return welcomeBonusOrderId; }
    public Integer lastBirthdayGiftYear() { return lastBirthdayGiftYear; }
}
