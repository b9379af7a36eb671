package org.openretention.platform.security;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ClientProxy;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.openretention.platform.rest.Roles;
import org.openretention.testkit.PlatformTestResources;
import org.openretention.testkit.TestTokens;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bearer tokens through the whole authentication chain with the token cache in place. The platform kit's tests run
 * the default parser with the smallest clock skew it accepts ({@code mp.jwt.verify.clock.skew=1} in the test
 * application.properties; 0 would mean its default, 60 s), so that a token is refused one second after its
 * {@code exp} and this test can tell a cache that served an expired token from one that did not.
 */
@QuarkusTest
@WithTestResource(PlatformTestResources.class)
class TokenCacheTest {

    @ConfigProperty(name = "mp.jwt.verify.clock.skew")
    int clockSkewSeconds;

    private static VerifiedTokenCache cache() {
        return Arc.container().instance(VerifiedTokenCache.class).get();
    }

    private static int status(String token) {
        return given().auth().oauth2(token).get("/widgets").then().extract().statusCode();
    }

    @Test
    void theCacheIsTheParserQuarkusAuthenticatesWith() {
        try (InstanceHandle<JWTParser> parser = Arc.container().instance(JWTParser.class)) {
            assertThat(parser.getBean().getBeanClass()).isEqualTo(VerifiedTokenCache.class);
            assertThat(ClientProxy.unwrap(parser.get())).isInstanceOf(VerifiedTokenCache.class);
        }
        assertThat(cache().enabled()).isTrue();
    }

    @Test
    void aValidTokenWorksTwiceAndIsVerifiedOnce() {
        String token = TestTokens.withRoles(Roles.MARKETING);
        long before = cache().verifications();

        assertThat(status(token)).isEqualTo(200);
        assertThat(status(token)).isEqualTo(200);

        assertThat(cache().verifications() - before).isEqualTo(1);
    }

    @Test
    void aTokenWithABadSignatureIs401EveryTime() {
        String stranger = TestTokens.signedByStranger(Roles.MARKETING);
        assertThat(status(stranger)).isEqualTo(401);
        assertThat(status(stranger)).isEqualTo(401);

        // a trusted token, cached, then the same header and claims with a signature that does not match them
        String valid = TestTokens.withRoles(Roles.MARKETING);
        assertThat(status(valid)).isEqualTo(200);
        String tampered = withSignatureCharFlipped(valid);
        long before = cache().verifications();
        assertThat(status(tampered)).isEqualTo(401);
        assertThat(status(tampered)).isEqualTo(401);
        assertThat(cache().verifications() - before).as("a failed token is verified again each time").isEqualTo(2);
        assertThat(status(valid)).isEqualTo(200);

        // the same claims with another role: a different token, verified on its own
        String[] parts = valid.split("\\.");
        String otherClaims = TestTokens.withRoles(Roles.ADMIN).split("\\.")[1];
        assertThat(status(parts[0] + "." + otherClaims + "." + parts[2])).isEqualTo(401);
    }

    @Test
    void anExpiredTokenIs401() {
        String expired = TestTokens.expired(Roles.MARKETING);
        assertThat(status(expired)).isEqualTo(401);
        assertThat(status(expired)).isEqualTo(401);
    }

    @Test
    void aCachedTokenIsRefusedOnceItHasExpired() {
        assertThat(clockSkewSeconds).as("mp.jwt.verify.clock.skew of the platform kit's tests").isBetween(1, 5);
        Instant exp = Instant.now().plusSeconds(3);
        String token = TestTokens.expiringAt(exp, Roles.MARKETING);
        long before = cache().verifications();
        assertThat(status(token)).isEqualTo(200);
        assertThat(status(token)).isEqualTo(200);
        assertThat(cache().verifications() - before).as("the second request was served from the cache").isEqualTo(1);

        // the cache lets go at exp: from then on the default parser decides (within its skew it may still accept)
        long expMillis = exp.getEpochSecond() * 1000;
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .until(() -> System.currentTimeMillis() >= expMillis);
        status(token);
        assertThat(cache().verifications() - before).as("past exp the token goes back to the parser").isEqualTo(2);

        // the default parser refuses a token once (now in whole seconds) - skew >= exp
        long refusedFrom = exp.getEpochSecond() + clockSkewSeconds;
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> Instant.now().getEpochSecond() >= refusedFrom);
        assertThat(status(token)).isEqualTo(401);
        assertThat(status(token)).isEqualTo(401);
        assertThat(cache().verifications() - before).as("every request past exp goes to the parser").isEqualTo(4);
    }

    private static String withSignatureCharFlipped(String token) {
        int dot = token.lastIndexOf('.');
        int at = dot + 1 + (token.length() - dot - 1) / 2;
        char c = token.charAt(at);
        char other = c == 'A' ? 'B' : 'A';
        return token.substring(0, at) + other + token.substring(at + 1);
    }
}
