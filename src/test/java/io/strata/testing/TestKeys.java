package io.strata.testing;

import io.strata.api.ApiServer;
import io.strata.api.ServerSettings;
import io.strata.app.ManageKeys;
import io.strata.app.Registry;

import java.net.URI;
import java.net.http.HttpRequest;

/**
 * TestKeys is the admin key every test server is started with (the one {@code STRATA_ADMIN_KEY} would make), and
 * keys of other roles for tests that act as someone else.
 */
public final class TestKeys {

    /** What a test passes as {@code STRATA_ADMIN_KEY}. */
    public static final String ADMIN_SECRET = "strata-test-admin-secret-0001";
    /** The bootstrap key's token: id {@code admin}, then the secret. */
    public static final String ADMIN_TOKEN = ManageKeys.BOOTSTRAP_ID + "." + ADMIN_SECRET;
    /** What the audit trail records for a request made with {@link #ADMIN_TOKEN}. */
    public static final String ADMIN_ACTOR = "key admin";

    private TestKeys() {
    }

    /** Makes the admin key on {@code registry}'s store (a no-op when it has keys) and serves it. */
    public static ApiServer serve(Registry registry, ServerSettings settings) {
        registry.keys().bootstrap(ADMIN_SECRET);
        return ApiServer.start(registry, settings);
    }

    /** A new key of {@code role} for {@code holder} (team may be null); returns its token. */
    public static String issue(Registry registry, String holder, String role, String team) {
        return registry.keys().create(new ManageKeys.KeyRequest(holder, role, team, null), "test setup").token();
    }

    /** A request to {@code uri} carrying the admin key. */
    public static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + ADMIN_TOKEN);
    }
}
