package no.ks.ehelse.platform.security;

import java.time.Instant;
import java.util.List;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.jwt.consumer.Validator;
import org.jose4j.jwx.JsonWebStructure;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What quarkus-oidc does not refuse on its own: a token without {@code iat} or issued in the future, one valid for
 * longer than {@code ehelse.security.token.max-lifetime}, and one naming another key than the configured
 * {@code kid}. quarkus-oidc runs every {@link Validator} bean on each token; a message here makes it a 401.
 *
 * <p>Uses the system clock, as quarkus-oidc does for {@code exp}: the service's adjustable domain clock
 * (tests move it) has nothing to do with whether a token is fresh.
 */
@ApplicationScoped
@Unremovable // quarkus-oidc looks Validator beans up at run time; nothing injects this one
public class TokenRules implements Validator {

    private final TokenConfig config;

    TokenRules(TokenConfig config) {
        this.config = config;
    }

    @Override
    public String validate(JwtContext context) throws MalformedClaimException {
        String keyProblem = checkKeyId(context.getJoseObjects());
        if (keyProblem != null) {
            return keyProblem;
        }
        return checkTimes(context.getJwtClaims(), Instant.now());
    }

    String checkTimes(JwtClaims claims, Instant now) throws MalformedClaimException {
        NumericDate issuedAt = claims.getIssuedAt();
        if (issuedAt == null) {
            return "the token has no iat";
        }
        long iat = issuedAt.getValue();
        if (iat > now.getEpochSecond() + config.clockSkew().toSeconds()) {
            return "the token's iat is in the future";
        }
        NumericDate expires = claims.getExpirationTime();
        if (expires != null && expires.getValue() - iat > config.maxLifetime().toSeconds()) {
            return "the token is valid for longer than " + config.maxLifetime();
        }
        return null;
    }

    private String checkKeyId(List<JsonWebStructure> structures) {
        if (config.keyId().isEmpty() || structures.isEmpty()) {
            return null;
        }
        String kid = structures.get(0).getKeyIdHeaderValue();
        return config.keyId().get().equals(kid) ? null : "the token names an unknown key id";
    }
}
