package org.openretention.segmentation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.openretention.segmentation.config.SegmentationConfig;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The keyed hash (HMAC-SHA256, {@code segmentation.erasure-hash-key}) by which an erased customer is remembered: the
 * erased list can tell a late event of theirs without keeping their id.
 */
@ApplicationScoped
public class CustomerHashes {

    /** A MAC per thread: every intake batch hashes each of its customers, and a Mac is not thread-safe. */
    private final ThreadLocal<Mac> macs;

    @Inject
    public CustomerHashes(SegmentationConfig config) {
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

    public String hash(String customerId) {
        // doFinal resets the Mac for the next call
        return HexFormat.of().formatHex(macs.get().doFinal(customerId.getBytes(StandardCharsets.UTF_8)));
    }

    public Map<String, String> hashes(Collection<String> customerIds) {
        Map<String, String> hashes = new HashMap<>();
        customerIds.forEach(id -> hashes.put(id, hash(id)));
        return hashes;
    }
}
