package org.openretention.loyalty.member;

import java.time.Instant;

/** A referee's referral: invited with a referrer's code, converted once their first order survives the return window. */
public final class Referral {
    public enum Status { INVITED, CONVERTED }

    final String refereeId;
    final String referralCode;
    String referrerId;
    final Instant invitedAt;
    Status status;
    String qualifyingOrderId;
    Instant convertsAt;
    Instant convertedAt;
    long referrerPoints;
    long refereePoints;
    boolean changed;

    public Referral(String refereeId, String referralCode, String referrerId, Instant invitedAt, Status status, String qualifyingOrderId,
                    Instant convertsAt, Instant convertedAt, long referrerPoints, long refereePoints) {
        this.refereeId = refereeId;
        this.referralCode = referralCode;
        this.referrerId = referrerId;
        this.invitedAt = invitedAt;
        this.status = status;
        this.qualifyingOrderId = qualifyingOrderId;
        this.convertsAt = convertsAt;
        this.convertedAt = convertedAt;
        this.referrerPoints = referrerPoints;
        this.refereePoints = refereePoints;
    }

    public String refereeId() { return refereeId; }
    public String referralCode() { return referralCode; }
    public String referrerId() { return referrerId; }
    public Instant invitedAt() { return invitedAt; }
    public Status status() { return status; }
    public String qualifyingOrderId() { return qualifyingOrderId; }
    public Instant convertsAt() { return convertsAt; }
    public Instant convertedAt() { return convertedAt; }
    public long referrerPoints() { return referrerPoints; }
    public long refereePoints() { return refereePoints; }
    public boolean changed() { return changed; }
}
