package no.ks.ehelse.platform.security;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits on bearer tokens beyond what quarkus-oidc checks itself (signature, issuer, expiry). */
@ConfigMapping(prefix = "ehelse.security.token")
public interface TokenConfig {

    /** The longest a token may be valid ({@code exp - iat}); a token minted for years is refused. */
    @WithDefault("12h")
    Duration maxLifetime();

    /** How far in the future {@code iat} may lie (clocks of the IdP and the service differ a little). */
    @WithDefault("60s")
    Duration clockSkew();

    /**
     * The {@code kid} a token must name when the service verifies with one fixed key
     * ({@code quarkus.oidc.public-key}). Unset with an IdP: quarkus-oidc then looks the key id up in the JWKS.
     */
    Optional<String> keyId();
}
