package org.openretention.platform.security;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import org.openretention.platform.config.PlatformConfig;

import javax.crypto.SecretKey;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cache's rules, against a stand-in for the default parser and a clock the test moves. */
class VerifiedTokenCacheTest {

    private static final long T0 = 1_700_000_000_000L;

    private final AtomicLong now = new AtomicLong(T0);
    private final FakeParser parser = new FakeParser();

    private VerifiedTokenCache cache(boolean enabled, int maxEntries, Long tokenAge) {
        return new VerifiedTokenCache(parser, enabled, maxEntries, tokenAge, now::get);
    }

    @Test
    void aVerifiedTokenIsParsedOnceAndServedFromTheCacheAfterwards() throws Exception {
        VerifiedTokenCache cache = cache(true, 100, null);
        parser.valid("t1", T0 / 1000 + 60, T0 / 1000);

        JsonWebToken first = cache.parse("t1");
        JsonWebToken second = cache.parse("t1");

        assertThat(second).isSameAs(first);
        assertThat(parser.calls("parse")).isEqualTo(1);
        assertThat(cache.verifications()).isEqualTo(1);
    }

    @Test
    void aTokenThatFailsIsNeverRemembered() {
        VerifiedTokenCache cache = cache(true, 100, null);

        assertThatThrownBy(() -> cache.parse("bad")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> cache.parse("bad")).isInstanceOf(ParseException.class);
        assertThat(parser.calls("parse")).isEqualTo(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void atExpTheTokenGoesBackToTheParserWhichDecides() throws Exception {
        VerifiedTokenCache cache = cache(true, 100, null);
        long exp = T0 / 1000 + 60;
        parser.valid("t1", exp, T0 / 1000);
        cache.parse("t1");

        now.set(exp * 1000 - 1);
        cache.parse("t1");
        assertThat(parser.calls("parse")).as("served from the cache until the last millisecond before exp").isEqualTo(1);

        now.set(exp * 1000);
        parser.invalid("t1"); // as the default parser, without clock skew, says from exp on
        assertThatThrownBy(() -> cache.parse("t1")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> cache.parse("t1")).isInstanceOf(ParseException.class);
        assertThat(parser.calls("parse")).isEqualTo(3);
        assertThat(cache.size()).isZero();
    }

    @Test
    void aTokenTheParserStillAcceptsAfterExpIsVerifiedOnEveryRequestButNotRemembered() throws Exception {
        VerifiedTokenCache cache = cache(true, 100, null);
        long exp = T0 / 1000 + 60;
        parser.valid("t1", exp, T0 / 1000);
        cache.parse("t1");

        now.set(exp * 1000 + 30_000); // within a clock skew the default parser may allow
        cache.parse("t1");
        cache.parse("t1");
        assertThat(parser.calls("parse")).isEqualTo(3);
        assertThat(cache.size()).isZero();
    }

    @Test
    void aMaximumTokenAgeEndsTheEntryBeforeExp() throws Exception {
        VerifiedTokenCache cache = cache(true, 100, 30L);
        long iat = T0 / 1000;
        parser.valid("t1", iat + 3600, iat);
        cache.parse("t1");

        now.set((iat + 29) * 1000);
        cache.parse("t1");
        assertThat(parser.calls("parse")).isEqualTo(1);

        now.set((iat + 30) * 1000);
        cache.parse("t1");
        assertThat(parser.calls("parse")).isEqualTo(2);
    }

    @Test
    void aTokenWithoutExpIsNotRemembered() throws Exception {
        VerifiedTokenCache cache = cache(true, 100, null);
        parser.valid("t1", 0, T0 / 1000);

        cache.parse("t1");
        cache.parse("t1");
        assertThat(parser.calls("parse")).isEqualTo(2);
    }

    @Test
    void switchedOffEveryRequestIsVerified() throws Exception {
        VerifiedTokenCache cache = cache(false, 100, null);
        parser.valid("t1", T0 / 1000 + 60, T0 / 1000);

        cache.parse("t1");
        cache.parse("t1");
        assertThat(parser.calls("parse")).isEqualTo(2);
        assertThat(cache.enabled()).isFalse();
        assertThat(cache.size()).isZero();
    }

    @Test
    void theCacheStaysWithinItsBound() throws Exception {
        VerifiedTokenCache cache = cache(true, 8, null);
        for (int i = 0; i < 100; i++) {
            parser.valid("t" + i, T0 / 1000 + 60, T0 / 1000);
            cache.parse("t" + i);
            assertThat(cache.size()).isLessThanOrEqualTo(8);
        }
        // the latest token is remembered
        cache.parse("t99");
        assertThat(parser.calls("parse")).isEqualTo(100);
    }

    @Test
    void whenFullExpiredEntriesGoFirst() throws Exception {
        VerifiedTokenCache cache = cache(true, 8, null);
        for (int i = 0; i < 4; i++) {
            parser.valid("short" + i, T0 / 1000 + 1, T0 / 1000);
            cache.parse("short" + i);
        }
        for (int i = 0; i < 4; i++) {
            parser.valid("long" + i, T0 / 1000 + 3600, T0 / 1000);
            cache.parse("long" + i);
        }
        assertThat(cache.size()).isEqualTo(8);
        now.set(T0 + 2000);
        parser.valid("long4", T0 / 1000 + 3600, T0 / 1000);
        cache.parse("long4"); // full: the four expired ones are swept, the live ones stay

        assertThat(cache.size()).isEqualTo(5);
        int before = parser.calls("parse");
        for (int i = 0; i < 5; i++) {
            cache.parse("long" + i);
        }
        assertThat(parser.calls("parse")).isEqualTo(before);
    }

    @Test
    void parsingWithExplicitKeysOrSettingsIsNeverCached() throws Exception {
        VerifiedTokenCache cache = cache(true, 100, null);
        parser.valid("t1", T0 / 1000 + 60, T0 / 1000);
        for (int i = 0; i < 2; i++) {
            cache.parse("t1", new JWTAuthContextInfo());
            cache.verify("t1", (PublicKey) null);
            cache.verify("t1", (SecretKey) null);
            cache.verify("t1", "secret");
            cache.decrypt("t1", (PrivateKey) null);
            cache.decrypt("t1", (SecretKey) null);
            cache.decrypt("t1", "secret");
            cache.parseOnly("t1");
        }
        assertThat(parser.counts).containsEntry("parse(context)", 2).containsEntry("verify(public)", 2)
                .containsEntry("verify(secret)", 2).containsEntry("verify(string)", 2).containsEntry("decrypt(private)", 2)
                .containsEntry("decrypt(secret)", 2).containsEntry("decrypt(string)", 2).containsEntry("parseOnly", 2);
        assertThat(parser.calls("parse")).isZero();
        assertThat(cache.size()).isZero();
        cache.parse("t1");
        cache.parse("t1");
        assertThat(parser.calls("parse")).isEqualTo(1);
    }

    @Test
    void theSettingsAreOpenretentionSecurityTokenCache() {
        PlatformConfig defaults = mapping(Map.of());
        assertThat(defaults.security().tokenCache().enabled()).isTrue();
        assertThat(defaults.security().tokenCache().maxEntries()).isEqualTo(10_000);

        PlatformConfig set = mapping(Map.of("openretention.security.token-cache.enabled", "false",
                "openretention.security.token-cache.max-entries", "50"));
        assertThat(set.security().tokenCache().enabled()).isFalse();
        assertThat(set.security().tokenCache().maxEntries()).isEqualTo(50);
    }

    private static PlatformConfig mapping(Map<String, String> properties) {
        Map<String, String> all = new HashMap<>(properties);
        all.put("quarkus.application.name", "token-cache-test");
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(PlatformConfig.class)
                .withSources(new PropertiesConfigSource(all, "test", 500)).build();
        return config.getConfigMapping(PlatformConfig.class);
    }

    // ---------------------------------------------------------------- stand-ins

    private record Token(String raw, long exp, long iat) implements JsonWebToken {
        @Override
        public String getName() {
            return "tester";
        }

        @Override
        public Set<String> getClaimNames() {
            return Set.of("exp", "iat");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return switch (claimName) {
                case "exp" -> exp == 0 ? null : (T) Long.valueOf(exp);
                case "iat" -> (T) Long.valueOf(iat);
                case "raw_token" -> (T) raw;
                default -> null;
            };
        }
    }

    private static final class FakeParser implements JWTParser {
        final Map<String, Integer> counts = new HashMap<>();
        private final Map<String, Token> valid = new HashMap<>();

        void valid(String raw, long exp, long iat) {
            valid.put(raw, new Token(raw, exp, iat));
        }

        void invalid(String raw) {
            valid.remove(raw);
        }

        int calls(String method) {
            return counts.getOrDefault(method, 0);
        }

        private JsonWebToken answer(String method, String token) throws ParseException {
            counts.merge(method, 1, Integer::sum);
            Token t = valid.get(token);
            if (t == null) {
                throw new ParseException("invalid token");
            }
            return t;
        }

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            return answer("parse", token);
        }

        @Override
        public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
            return answer("parse(context)", token);
        }

        @Override
        public JsonWebToken verify(String token, PublicKey key) throws ParseException {
            return answer("verify(public)", token);
        }

        @Override
        public JsonWebToken verify(String token, SecretKey key) throws ParseException {
            return answer("verify(secret)", token);
        }

        @Override
        public JsonWebToken verify(String token, String secret) throws ParseException {
            return answer("verify(string)", token);
        }

        @Override
        public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
            return answer("decrypt(private)", token);
        }

        @Override
        public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
            return answer("decrypt(secret)", token);
        }

        @Override
        public JsonWebToken decrypt(String token, String secret) throws ParseException {
            return answer("decrypt(string)", token);
        }

        @Override
        public JsonWebToken parseOnly(String token) throws ParseException {
            return answer("parseOnly", token);
        }
    }
}
