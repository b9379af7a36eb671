package org.openretention.testkit;

import io.smallrye.jwt.build.Jwt;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

/**
 * Bearer tokens for tests, signed with a key pair made for this JVM. {@link PlatformTestResources} configures
 * the services to trust its public key and issuer.
 */
public final class TestTokens {

    public static final String ISSUER = "https://openretention.test";

    private static final KeyPair KEYS = generate();
    private static final KeyPair FOREIGN_KEYS = generate();

    private TestTokens() {
    }

    /** A valid token carrying the given roles. */
    public static String withRoles(String... roles) {
        return Jwt.issuer(ISSUER)
                .upn("tester@openretention.test")
                .subject("tester")
                .groups(Set.of(roles))
                .expiresIn(Duration.ofMinutes(15))
                .sign(KEYS.getPrivate());
    }

    /** A valid token carrying the given roles that expires at {@code exp} (in whole seconds: its fraction is dropped). */
    public static String expiringAt(Instant exp, String... roles) {
        return Jwt.issuer(ISSUER)
                .upn("tester@openretention.test")
                .subject("tester")
                .groups(Set.of(roles))
                .expiresAt(exp)
                .sign(KEYS.getPrivate());
    }

    /** {@code Authorization} header value for {@link #withRoles(String...)}. */
    public static String bearer(String... roles) {
        return "Bearer " + withRoles(roles);
    }

    /** A token that expired a minute ago. */
    public static String expired(String... roles) {
        Instant now = Instant.now();
        return Jwt.issuer(ISSUER).upn("tester@openretention.test").groups(Set.of(roles))
                .issuedAt(now.minus(Duration.ofMinutes(30)))
                .expiresAt(now.minus(Duration.ofMinutes(1)))
                .sign(KEYS.getPrivate());
    }

    /** A well-formed token signed by a key the services do not trust. */
    public static String signedByStranger(String... roles) {
        return Jwt.issuer(ISSUER).upn("mallory@example.com").groups(Set.of(roles))
                .expiresIn(Duration.ofMinutes(15))
                .sign(FOREIGN_KEYS.getPrivate());
    }

    /** The trusted public key, base64 of its X.509 encoding, as {@code mp.jwt.verify.publickey} takes it. */
    static String publicKey() {
        return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
