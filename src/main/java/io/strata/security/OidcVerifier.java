package io.strata.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An OidcVerifier turns an OpenID Connect bearer token (a signed JWT from the configured issuer) into a
 * {@link Principal}, or refuses it with an {@link AuthenticationException}.
 *
 * <p>It finds the issuer's keys through its discovery document on first use, caches them, and fetches them again
 * when a token names a key it does not know (the issuer rotated its keys), at most twice in 30 seconds so that
 * tokens naming made-up keys cannot make it hammer the issuer. A token must be signed with RSA or ECDSA (never
 * {@code none} or HMAC, whose key would be public), from the configured issuer, for the configured audience when
 * there is one, and within its {@code nbf} and {@code exp} give or take the clock skew.
 *
 * <p>Claims: the principal's id is {@code sub}; its holder is {@code email}, else {@code preferred_username}, else
 * {@code name}. In the roles claim ({@code groups} by default) a value {@code strata-ROLE} or {@code strata:ROLE}
 * (any case) grants that role, the highest one counting; bare role names do not count, because a shared claim such as
 * {@code groups} often holds an {@code admin} group of some other system. A value {@code team:NAME} (also with the
 * {@code strata-} or {@code strata:} prefix) names a team, and so does every value of the teams claim ({@code teams}
 * by default). A claim may be an array of strings or one string of space-separated values. The token proved a
 * second factor when its {@code amr} claim (RFC 8176) holds one of {@code mfa}, {@code mca}, {@code otp},
 * {@code hwk}, {@code swk}, {@code sms}, {@code tel}, {@code sc}, {@code fpt}, {@code face}, {@code iris},
 * {@code retina} or {@code vbm}. A token that grants no role is refused.
 *
 * <p>Verified tokens are remembered for a minute at most (never past their expiry), by their SHA-256, so a client
 * sending the same token on every request pays for one signature check.
 */
public final class OidcVerifier implements TokenVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(OidcVerifier.class);

    /** Asymmetric signatures only: HMAC would need a shared secret, and {@code none} is no signature. */
    static final Set<JWSAlgorithm> ACCEPTED = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);
    private static final Set<String> SECOND_FACTORS = Set.of("mfa", "mca", "otp", "hwk", "swk", "sms", "tel", "sc",
            "fpt", "face", "iris", "retina", "vbm");
    private static final int MAX_TOKEN_CHARS = 16 * 1024;
    private static final int MAX_DOCUMENT_BYTES = 512 * 1024;
    private static final long KEYS_TIME_TO_LIVE_MS = 15 * 60 * 1000L;
    private static final long KEYS_MIN_REFRESH_INTERVAL_MS = 30 * 1000L;
    private static final long DISCOVERY_RETRY_MS = 10 * 1000L;
    private static final long REMEMBER_MS = 60 * 1000L;
    private static final int REMEMBERED_MAX = 10_000;

    private final OidcSettings settings;
    private final Clock clock;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
    private volatile Keys keys;
    private volatile long discoveryFailedAt = Long.MIN_VALUE;

    /** A verifier for {@code settings}; nothing is fetched until the first token or {@link #discover()}. */
    public OidcVerifier(OidcSettings settings) {
        this(settings, Clock.systemUTC());
    }

    OidcVerifier(OidcSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public OidcSettings settings() {
        return settings;
    }

    /**
     * Fetches the issuer's discovery document now (a server may call this at start to fail early); later calls do
     * nothing once it succeeded.
     *
     * @throws AuthenticationException {@link AuthenticationException.Reason#ISSUER_UNREACHABLE} when it cannot be had
     */
    public void discover() {
        keys();
    }

    /**
     * The principal {@code token} authenticates.
     *
     * @throws AuthenticationException when the token is not accepted, saying why
     */
    @Override
    public Principal verify(String token) {
        if (token == null || token.isBlank()) {
            throw refused(AuthenticationException.Reason.MALFORMED, "no bearer token was sent");
        }
        if (token.length() > MAX_TOKEN_CHARS) {
            throw refused(AuthenticationException.Reason.MALFORMED, "the bearer token is longer than " + MAX_TOKEN_CHARS + " characters");
        }
        String fingerprint = fingerprint(token.strip());
        Instant now = clock.instant();
        Remembered known = remembered.get(fingerprint);
        if (known != null && now.isBefore(known.until())) {
            return known.principal();
        }
        JWTClaimsSet claims = checkedClaims(signed(token.strip()), now);
        Principal principal = principal(claims);
        Instant until = now.plusMillis(REMEMBER_MS);
        Instant expiry = claims.getExpirationTime().toInstant();
        if (remembered.size() >= REMEMBERED_MAX) {
            // Crude but bounded: a flood of distinct tokens costs their signature checks, never memory.
            remembered.clear();
        }
        remembered.put(fingerprint, new Remembered(principal, expiry.isBefore(until) ? expiry : until));
        return principal;
    }

    private SignedJWT signed(String token) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            throw refused(AuthenticationException.Reason.MALFORMED, "the bearer token is not a JWT");
        }
        if (jwt instanceof PlainJWT) {
            throw refused(AuthenticationException.Reason.MALFORMED, "the token is unsigned (alg \"none\"); only signed tokens are accepted");
        }
        if (jwt instanceof EncryptedJWT || !(jwt instanceof SignedJWT signed)) {
            throw refused(AuthenticationException.Reason.MALFORMED, "the token is encrypted; send a signed token");
        }
        JWSAlgorithm algorithm = signed.getHeader().getAlgorithm();
        if (!ACCEPTED.contains(algorithm)) {
            throw refused(AuthenticationException.Reason.MALFORMED, "the token is signed with " + algorithm.getName()
                    + ", which this server does not accept (RSA or ECDSA signatures only: RS256, PS256, ES256...)");
        }
        return signed;
    }

    private JWTClaimsSet checkedClaims(SignedJWT token, Instant now) {
        Keys issuerKeys = keys();
        JWTClaimsSet claims;
        try {
            claims = issuerKeys.processor().process(token, null);
        } catch (BadJOSEException e) {
            throw refused(AuthenticationException.Reason.BAD_SIGNATURE, "the token's signature does not verify against the issuer's keys");
        } catch (JOSEException e) {
            throw keyFailure(e);
        }
        if (!issuerKeys.issuer().equals(claims.getIssuer())) {
            throw refused(AuthenticationException.Reason.WRONG_ISSUER, "the token was not issued by " + settings.issuer());
        }
        if (settings.audience() != null && (claims.getAudience() == null || !claims.getAudience().contains(settings.audience()))) {
            throw refused(AuthenticationException.Reason.WRONG_AUDIENCE, "the token is not meant for audience \"" + settings.audience() + "\"");
        }
        Date expiry = claims.getExpirationTime();
        if (expiry == null) {
            throw refused(AuthenticationException.Reason.MALFORMED, "the token has no expiry (exp)");
        }
        if (now.isAfter(expiry.toInstant().plus(settings.clockSkew()))) {
            throw refused(AuthenticationException.Reason.EXPIRED, "the token has expired");
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && now.plus(settings.clockSkew()).isBefore(notBefore.toInstant())) {
            throw refused(AuthenticationException.Reason.NOT_YET_VALID, "the token is not valid yet (nbf)");
        }
        return claims;
    }

    private AuthenticationException keyFailure(JOSEException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RateLimitReachedException) {
                // The keys were fetched again moments ago and still lack this one: not an outage, a key nobody publishes.
                return refused(AuthenticationException.Reason.BAD_SIGNATURE, "the token is signed by a key the issuer does not publish");
            }
        }
        if (e instanceof KeySourceException) {
            LOG.warn("the keys of OIDC issuer {} cannot be fetched: {}", settings.issuer(), e.getMessage());
            return refused(AuthenticationException.Reason.ISSUER_UNREACHABLE, "the token issuer's keys cannot be fetched; try again later");
        }
        return refused(AuthenticationException.Reason.BAD_SIGNATURE, "the token's signature cannot be checked");
    }

    private Principal principal(JWTClaimsSet claims) {
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank() || !NameRules.valid(subject)) {
            throw refused(AuthenticationException.Reason.NO_ROLE, "the token names no usable subject (sub)");
        }
        Role role = null;
        Set<String> teams = new LinkedHashSet<>();
        for (String value : values(claims.getClaim(settings.rolesClaim()))) {
            String unprefixed = unprefixed(value);
            if (unprefixed.regionMatches(true, 0, "team:", 0, 5)) {
                addTeam(teams, unprefixed.substring(5));
            } else if (unprefixed.length() < value.length()) {
                Role named = Role.named(unprefixed).orElse(null);
                if (named != null && (role == null || named.includes(role))) {
                    role = named;
                }
            }
        }
        if (role == null) {
            throw refused(AuthenticationException.Reason.NO_ROLE, "the token grants no Strata role (claim \"" + settings.rolesClaim()
                    + "\" names none of " + prefixedRoles() + ")");
        }
        values(claims.getClaim(settings.teamsClaim())).forEach(team -> addTeam(teams, team));
        boolean secondFactor = values(claims.getClaim("amr")).stream()
                .anyMatch(m -> SECOND_FACTORS.contains(m.toLowerCase(Locale.ROOT)));
        return new Principal(Principal.Kind.OIDC_TOKEN, subject, holder(claims), role, teams, secondFactor);
    }

    private static String holder(JWTClaimsSet claims) {
        for (String claim : List.of("email", "preferred_username", "name")) {
            if (claims.getClaim(claim) instanceof String value && !value.isBlank() && NameRules.valid(value)) {
                return value.strip();
            }
        }
        return null;
    }

    private static void addTeam(Set<String> teams, String team) {
        String name = team.strip();
        // A team name the rest of Strata would refuse is left out rather than trusted.
        if (!name.isEmpty() && NameRules.valid(name)) {
            teams.add(name);
        }
    }

    private static String unprefixed(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.startsWith("strata-") || lower.startsWith("strata:") ? value.substring(7) : value;
    }

    private static String prefixedRoles() {
        List<String> out = new ArrayList<>();
        for (Role r : Role.values()) {
            out.add("strata-" + r.label());
        }
        return String.join(", ", out);
    }

    /** A claim's values: an array's strings, or a string's space-separated words. */
    private static List<String> values(Object claim) {
        List<String> out = new ArrayList<>();
        if (claim instanceof String text) {
            for (String word : text.trim().split("\\s+")) {
                if (!word.isEmpty()) {
                    out.add(word);
                }
            }
        } else if (claim instanceof Collection<?> list) {
            for (Object item : list) {
                if (item instanceof String text && !text.isBlank()) {
                    out.add(text.strip());
                }
            }
        }
        return out;
    }

    private Keys keys() {
        Keys current = keys;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (keys != null) {
                return keys;
            }
            long nowMs = clock.millis();
            if (discoveryFailedAt != Long.MIN_VALUE && nowMs - discoveryFailedAt < DISCOVERY_RETRY_MS) {
                throw unreachable();
            }
            try {
                keys = Keys.discover(settings);
                return keys;
            } catch (IOException | ParseException | IllegalArgumentException e) {
                discoveryFailedAt = nowMs;
                LOG.warn("the discovery document of OIDC issuer {} cannot be read: {}", settings.issuer(), e.getMessage());
                throw unreachable();
            }
        }
    }

    private static AuthenticationException unreachable() {
        return refused(AuthenticationException.Reason.ISSUER_UNREACHABLE, "the token issuer cannot be reached; try again later");
    }

    private static AuthenticationException refused(AuthenticationException.Reason reason, String message) {
        return new AuthenticationException(reason, message);
    }

    private static String fingerprint(String token) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** A verified token's principal, and until when it may be answered without checking the token again. */
    private record Remembered(Principal principal, Instant until) {
    }

    /** The issuer's keys (cached, refreshed on an unknown key id) and the processor that checks signatures with them. */
    private record Keys(String issuer, DefaultJWTProcessor<SecurityContext> processor) {

        static Keys discover(OidcSettings settings) throws IOException, ParseException {
            int timeoutMs = (int) settings.timeout().toMillis();
            DefaultResourceRetriever retriever = new DefaultResourceRetriever(timeoutMs, timeoutMs, MAX_DOCUMENT_BYTES);
            URL discovery = settings.discoveryUrl().toURL();
            Map<String, Object> document = JSONObjectUtils.parse(retriever.retrieveResource(discovery).getContent());
            String issuer = JSONObjectUtils.getString(document, "issuer");
            if (issuer == null || !sameIssuer(issuer, settings.issuer())) {
                throw new IllegalArgumentException("its discovery document names issuer \"" + issuer + "\", not \""
                        + settings.issuer() + "\"");
            }
            URI jwks = JSONObjectUtils.getURI(document, "jwks_uri");
            if (jwks == null || !jwks.isAbsolute()) {
                throw new IllegalArgumentException("its discovery document has no jwks_uri");
            }
            // The keys must come over TLS unless the issuer itself is a loopback one (checked by OidcSettings).
            if (!"https".equalsIgnoreCase(jwks.getScheme()) && settings.discoveryUrl().getScheme().equalsIgnoreCase("https")) {
                throw new IllegalArgumentException("its jwks_uri " + jwks + " is not https");
            }
            JWKSource<SecurityContext> source = JWKSourceBuilder.<SecurityContext>create(jwks.toURL(), retriever)
                    .cache(KEYS_TIME_TO_LIVE_MS, timeoutMs)
                    .refreshAheadCache(false)
                    .rateLimited(KEYS_MIN_REFRESH_INTERVAL_MS)
                    .retrying(false)
                    .build();
            DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ACCEPTED, source));
            // ID tokens are typed JWT (or not at all); RFC 9068 access tokens at+jwt.
            processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"),
                    new JOSEObjectType("application/at+jwt"), null));
            // Claims are checked by the verifier itself, after the signature, so that each refusal says what was wrong.
            processor.setJWTClaimsSetVerifier((claims, context) -> { });
            // The discovery document spells the issuer as its tokens do (with or without a trailing slash).
            return new Keys(issuer, processor);
        }

        private static boolean sameIssuer(String published, String configured) {
            return strip(published).equals(strip(configured));
        }

        private static String strip(String issuer) {
            return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        }
    }
}
