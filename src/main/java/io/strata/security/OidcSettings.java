package io.strata.security;

import io.strata.error.StrataException;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;

/**
 * OidcSettings say which OpenID Connect issuer's tokens Strata accepts and how their claims map to a
 * {@link Principal}.
 *
 * @param issuer     the issuer identifier, compared exactly with a token's {@code iss}; its discovery document is at
 *                   {@code <issuer>/.well-known/openid-configuration}. https, or http on a loopback address only
 * @param audience   the {@code aud} a token must name, or null to accept any audience of this issuer
 * @param rolesClaim the claim whose values name the role and teams ({@code groups} by default): {@code strata-ROLE}
 *                   or {@code strata:ROLE} for a role, {@code team:NAME} for a team
 * @param teamsClaim a claim whose every value is a team ({@code teams} by default), read besides {@code team:NAME}
 *                   values of the roles claim
 * @param clockSkew  how far {@code exp} and {@code nbf} may be off this server's clock (60 s by default)
 * @param timeout    the connect and read timeout of each call to the issuer (5 s by default)
 */
public record OidcSettings(String issuer, String audience, String rolesClaim, String teamsClaim, Duration clockSkew,
                           Duration timeout) {

    public static final String DEFAULT_ROLES_CLAIM = "groups";
    public static final String DEFAULT_TEAMS_CLAIM = "teams";
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    public OidcSettings {
        issuer = checkedIssuer(issuer);
        audience = audience == null || audience.isBlank() ? null : audience.strip();
        rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? DEFAULT_ROLES_CLAIM : rolesClaim.strip();
        teamsClaim = teamsClaim == null || teamsClaim.isBlank() ? DEFAULT_TEAMS_CLAIM : teamsClaim.strip();
        clockSkew = clockSkew == null ? DEFAULT_CLOCK_SKEW : clockSkew;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
            throw StrataException.badInput("the OIDC clock skew must be between 0 and 5 minutes, not " + clockSkew.toSeconds() + " s");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw StrataException.badInput("the OIDC timeout must be positive");
        }
    }

    /** Settings with the default teams claim, clock skew and timeout; null audience and roles claim take their defaults. */
    public static OidcSettings of(String issuer, String audience, String rolesClaim) {
        return new OidcSettings(issuer, audience, rolesClaim, null, null, null);
    }

    /** Where the issuer publishes its discovery document. */
    public URI discoveryUrl() {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        return URI.create(base + "/.well-known/openid-configuration");
    }

    private static String checkedIssuer(String issuer) {
        if (issuer == null || issuer.isBlank()) {
            throw StrataException.badInput("the OIDC issuer is required (an https URL)");
        }
        String text = issuer.strip();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw StrataException.badInput("the OIDC issuer \"" + text + "\" is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw StrataException.badInput("the OIDC issuer \"" + text + "\" must be an https URL with a host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw StrataException.badInput("the OIDC issuer \"" + text + "\" must have no user, query or fragment");
        }
        // Keys fetched over plain HTTP could be swapped by anyone on the path; only a loopback issuer (a test, a sidecar)
        // is spared TLS.
        if (scheme.equals("http") && !loopback(uri.getHost())) {
            throw StrataException.badInput("the OIDC issuer \"" + text + "\" must use https (plain http only on a loopback address)");
        }
        return text;
    }

    private static boolean loopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!literal.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            // An IP literal: nothing is looked up.
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
