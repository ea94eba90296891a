package io.strata.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.strata.security.Role;

import java.util.ArrayList;
import java.util.List;

/**
 * RouteTable registers routes with Javalin and remembers them with the least role each needs, so that the
 * OpenAPI document and the authorization matrix can be compared with the routes the server really has. A route
 * registered without a role ({@link #open}) answers without credentials. Each route then refuses path and query parameters that are not
 * valid names ({@link RequestNames}).
 */
final class RouteTable {

    /** One registered route: an HTTP method, a path template ({@code /api/v1/schemas/{id}}) and its role, null when open. */
    record Route(String method, String path, Role role) {
    }

    private final RoutesConfig routes;
    private final Access access;
    private final List<Route> registered = new ArrayList<>();

    RouteTable(RoutesConfig routes, Access access) {
        this.routes = routes;
        this.access = access;
    }

    void get(String path, Role role, Handler handler) {
        routes.get(path, guarded(path, role, handler));
        registered.add(new Route("GET", path, role));
    }

    void post(String path, Role role, Handler handler) {
        routes.post(path, guarded(path, role, handler));
        registered.add(new Route("POST", path, role));
    }

    void put(String path, Role role, Handler handler) {
        routes.put(path, guarded(path, role, handler));
        registered.add(new Route("PUT", path, role));
    }

    void delete(String path, Role role, Handler handler) {
        routes.delete(path, guarded(path, role, handler));
        registered.add(new Route("DELETE", path, role));
    }

    /** A route anybody may call: health, for load balancers and orchestrators. */
    void open(String path, Handler handler) {
        routes.get(path, guarded(path, null, handler));
        registered.add(new Route("GET", path, null));
    }

    /** Checks the role (unless the path is open), then refuses path and query parameters that are not valid names. */
    private Handler guarded(String path, Role role, Handler handler) {
        // Whether a route is open is known when it is registered, not per request.
        boolean checked = role != null && !access.open(path);
        return ctx -> {
            if (checked) {
                Access.require(ctx, role);
            }
            RequestNames.checkParameters(ctx);
            handler.handle(ctx);
        };
    }

    List<Route> registered() {
        return List.copyOf(registered);
    }
}
