package io.strata.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;

import java.util.ArrayList;
import java.util.List;

/**
 * RouteTable registers routes with Javalin and remembers them, so that the OpenAPI document can be
 * compared with the routes the server really has. Each route first refuses path and query parameters that are not
 * valid names ({@link RequestNames}).
 */
final class RouteTable {

    /** One registered route: an HTTP method and a path template ({@code /api/v1/schemas/{id}}). */
    record Route(String method, String path) {
    }

    private final RoutesConfig routes;
    private final List<Route> registered = new ArrayList<>();

    RouteTable(RoutesConfig routes) {
        this.routes = routes;
    }

    void get(String path, Handler handler) {
        routes.get(path, checked(handler));
        registered.add(new Route("GET", path));
    }

    void post(String path, Handler handler) {
        routes.post(path, checked(handler));
        registered.add(new Route("POST", path));
    }

    void put(String path, Handler handler) {
        routes.put(path, checked(handler));
        registered.add(new Route("PUT", path));
    }

    void delete(String path, Handler handler) {
        routes.delete(path, checked(handler));
        registered.add(new Route("DELETE", path));
    }

    /** What every route does first: refuse path and query parameters that are not valid names. */
    private static Handler checked(Handler handler) {
        return ctx -> {
            RequestNames.checkParameters(ctx);
            handler.handle(ctx);
        };
    }

    List<Route> registered() {
        return List.copyOf(registered);
    }
}
