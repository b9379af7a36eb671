package org.openretention.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.openretention.platform.config.PlatformConfig;

import javax.crypto.SecretKey;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The {@link JWTParser} Quarkus' bearer-token authentication uses, in place of smallrye-jwt's
 * {@link DefaultJWTParser}: it remembers the tokens that parser verified, so that a client sending the same bearer
 * token on every request (marketing tools, the shop backend) has its signature checked once rather than on every
 * request. A token is remembered
 * <ul>
 *     <li>keyed by its exact compact serialisation, so a token that differs in any character (another signature,
 *     other claims) is never taken for a remembered one;</li>
 *     <li>only after the default parser accepted it: a token that fails verification is never remembered and fails
 *     again on every request;</li>
 *     <li>only until its {@code exp} (and, when {@code mp.jwt.verify.token.age} is set, until {@code iat} plus that
 *     age), checked on every hit. The clock skew the default parser allows past {@code exp} is deliberately not
 *     granted here: from {@code exp} on every request goes through the default parser again, which applies its own
 *     rules, so the cache never accepts a token the default parser would refuse at that moment.</li>
 * </ul>
 * The cache is bounded by {@code openretention.security.token-cache.max-entries}: when full, expired entries are
 * dropped, and if that does not free enough, all of them. Parsing with explicit keys or another configuration (the
 * other {@link JWTParser} methods) is never cached. {@code openretention.security.token-cache.enabled=false} makes
 * this a plain pass-through to the default parser.
 *
 * <p>What stays valid longer than without the cache: nothing that depends on the token alone. A verification key
 * withdrawn from a JWKS endpoint while tokens it signed are unexpired keeps those tokens working until their
 * {@code exp} (the default parser itself caches fetched keys for a while too).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokenCache implements JWTParser {

    private static final Logger LOG = Logger.getLogger(VerifiedTokenCache.class);

    private record Verified(JsonWebToken token, long validUntilMillis) {
    }

    private final JWTParser delegate;
    private final boolean enabled;
    private final int maxEntries;
    private final Long tokenAgeSeconds;
    private final LongSupplier clockMillis;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();
    private final LongAdder verifications = new LongAdder();

    @Inject
    public VerifiedTokenCache(DefaultJWTParser delegate, JWTAuthContextInfo contextInfo, PlatformConfig config) {
        this(delegate, config.security().tokenCache().enabled(), config.security().tokenCache().maxEntries(),
                contextInfo.getTokenAge(), System::currentTimeMillis);
    }

    VerifiedTokenCache(JWTParser delegate, boolean enabled, int maxEntries, Long tokenAgeSeconds, LongSupplier clockMillis) {
        this.delegate = delegate;
        this.enabled = enabled && maxEntries > 0;
        this.maxEntries = maxEntries;
        this.tokenAgeSeconds = tokenAgeSeconds;
        this.clockMillis = clockMillis;
        LOG.debugf("verified bearer tokens are %s", this.enabled ? "cached, up to " + maxEntries : "not cached");
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        if (!enabled || token == null) {
            return verifyNow(token);
        }
        Verified known = verified.get(token);
        if (known != null) {
            if (clockMillis.getAsLong() < known.validUntilMillis()) {
                return known.token();
            }
            verified.remove(token, known);
        }
        JsonWebToken jwt = verifyNow(token); // throws for a token that does not verify: nothing is remembered
        long validUntil = validUntilMillis(jwt);
        if (clockMillis.getAsLong() < validUntil) {
            makeRoom();
            verified.put(token, new Verified(jwt, validUntil));
        }
        return jwt;
    }

    private JsonWebToken verifyNow(String token) throws ParseException {
        verifications.increment();
        return delegate.parse(token);
    }

    /** Until when a token may be served without asking the default parser again; 0 for never. */
    private long validUntilMillis(JsonWebToken jwt) {
        long exp = seconds(jwt, Claims.exp);
        if (exp <= 0) {
            return 0;
        }
        long until = millis(exp);
        if (tokenAgeSeconds != null) {
            long iat = seconds(jwt, Claims.iat);
            if (iat <= 0) {
                return 0;
            }
            until = Math.min(until, millis(iat + Math.max(0, tokenAgeSeconds)));
        }
        return until;
    }

    /** A NumericDate claim; 0 when absent or unreadable, which keeps the token out of the cache. */
    private static long seconds(JsonWebToken jwt, Claims claim) {
        try {
            Object value = jwt.getClaim(claim.name());
            return value instanceof Number n ? n.longValue() : 0;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static long millis(long epochSeconds) {
        return epochSeconds >= Long.MAX_VALUE / 1000 ? Long.MAX_VALUE : epochSeconds * 1000;
    }

    private void makeRoom() {
        if (verified.size() < maxEntries) {
            return;
        }
        long now = clockMillis.getAsLong();
        for (Iterator<Map.Entry<String, Verified>> i = verified.entrySet().iterator(); i.hasNext(); ) {
            if (i.next().getValue().validUntilMillis() <= now) {
                i.remove();
            }
        }
        // still mostly full of live tokens: start over rather than scan again on the next insert
        if (verified.size() >= maxEntries - maxEntries / 4) {
            verified.clear();
        }
    }

    /** Tokens remembered right now (expired ones included until they are next looked up or swept). */
    public int size() {
        return verified.size();
    }

    /** How many times a token went through the default parser, since start. */
    public long verifications() {
        return verifications.sum();
    }

    public boolean enabled() {
        return enabled;
    }

    // ---------------------------------------------------------------- explicit keys or settings: never cached

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return delegate.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return delegate.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return delegate.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return delegate.parseOnly(token);
    }
}
