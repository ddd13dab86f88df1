package no.ks.ehelse.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Real RS256 tokens for tests. The key pair is made once per build under {@code target/test-jwt} (files, not a
 * static field, because Quarkus loads test resources and test classes in different class loaders).
 */
public final class TestTokens {

    public static final String ISSUER = "urn:no:ks:ehelse:test";
    /** The {@code kid} every test token names; services under test require it (ehelse.security.token.key-id). */
    public static final String KEY_ID = "test";

    private static final Path DIR = Path.of("target", "test-jwt");

    private TestTokens() {}

    /** A token with one role. Extra claims, e.g. {@code kommunenummer} or {@code solutions}, may be added. */
    public static String forRole(String role, Map<String, Object> claims) {
        JwtClaimsBuilder builder = Jwt.issuer(ISSUER)
                .subject("test-" + role)
                .upn("test-" + role + "@example.test")
                .groups(Set.of(role))
                .expiresIn(3600);
        claims.forEach(builder::claim);
        return builder.jws().keyId(KEY_ID).sign(privateKey());
    }

    /**
     * A token signed with the real test key but with the given header key id and times (epoch seconds; a null
     * {@code iat} leaves the claim out), for tests that check the service refuses it. Signed with jose4j directly
     * because smallrye-jwt-build always adds an {@code iat}.
     */
    public static String forged(String role, String keyId, Long issuedAt, long expiresAt) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject("test-" + role);
        claims.setClaim("upn", "test-" + role + "@example.test");
        claims.setStringListClaim("groups", role);
        if (issuedAt != null) {
            claims.setIssuedAt(NumericDate.fromSeconds(issuedAt));
        }
        claims.setExpirationTime(NumericDate.fromSeconds(expiresAt));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        if (keyId != null) {
            jws.setKeyIdHeaderValue(keyId);
        }
        jws.setKey(privateKey());
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String forRole(String role) {
        return forRole(role, Map.of());
    }

    /** The public key as quarkus.oidc.public-key wants it: base64 of the X.509 encoding. */
    public static synchronized String publicKeyBase64() {
        ensureKeys();
        return read("public.b64");
    }

    private static synchronized PrivateKey privateKey() {
        ensureKeys();
        try {
            byte[] der = Base64.getDecoder().decode(read("private.b64"));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void ensureKeys() {
        if (Files.exists(DIR.resolve("public.b64"))) {
            return;
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(DIR);
            write(
                    "private.b64",
                    Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
            write(
                    "public.b64",
                    Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(String name, String content) throws IOException {
        // Write then move, so a concurrent reader never sees half a key.
        Path tmp = Files.createTempFile(DIR, name, ".tmp");
        Files.writeString(tmp, content);
        Files.move(tmp, DIR.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String read(String name) {
        try {
            return Files.readString(DIR.resolve(name)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
