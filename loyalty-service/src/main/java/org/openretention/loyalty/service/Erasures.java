package org.openretention.loyalty.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.openretention.loyalty.config.LoyaltyConfig;
import org.openretention.loyalty.member.MemberErasure;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * The right to be forgotten: a member's rows are deleted, anonymous totals stay for the programme's accounts,
 * and only a keyed hash of the customer id is kept, so that events still in flight for them are ignored.
 */
@ApplicationScoped
public class Erasures {

    private static final Logger LOG = Logger.getLogger(Erasures.class);

    private final MemberErasure erasure;
    /** A keyed MAC per thread: every intake batch hashes each of its customers, and a Mac is not thread-safe. */
    private final ThreadLocal<Mac> macs;

    @Inject
    public Erasures(MemberErasure erasure, LoyaltyConfig config) {
        this.erasure = erasure;
        SecretKeySpec key = new SecretKeySpec(config.erasureHashKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public void erase(String customerId, Instant at) {
        erasure.erase(customerId, hash(customerId), at);
        LOG.infof("Erased a member's personal data (request of %s)", at);
    }

    public Set<String> erasedAmong(Collection<String> customerIds) {
        Map<String, String> byHash = new HashMap<>();
        customerIds.forEach(id -> byHash.put(hash(id), id));
        Set<String> erased = new HashSet<>();
        erasure.erased(byHash.keySet()).forEach(h -> erased.add(byHash.get(h)));
        return erased;
    }

    String hash(String customerId) {
        // doFinal resets the Mac for the next call
        return HexFormat.of().formatHex(macs.get().doFinal(customerId.getBytes(StandardCharsets.UTF_8)));
    }
}
