package io.strata.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.strata.error.ErrorCode;
import io.strata.error.StrataException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * RegistryClient is the CLI's HTTP client of a running {@code strata serve}: it sends JSON to Strata's own
 * API under {@code /api/v1} and turns the answers the CLI cannot act on into {@link StrataException}s, so
 * the usual exit codes hold (2 for a request the server refused or a server that cannot be reached, 3 for
 * a failure inside the server).
 */
final class RegistryClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    // Registering SQL replays it on a scratch database, whose first start can take a while on the server.
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);

    /** One answer of the server: its status and its body (a missing node when it had none or was not JSON). */
    record Response(int status, JsonNode body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The {@code error.code} of Strata's error body, or null. */
        String errorCode() {
            JsonNode code = body.path("error").path("code");
            return code.isTextual() ? code.asText() : null;
        }

        String errorMessage() {
            JsonNode message = body.path("error").path("message");
            return message.isTextual() ? message.asText() : "HTTP " + status;
        }
    }

    private final String base;
    private final String token;
    private final HttpClient http;

    /**
     * @param server the server's base URL, {@code http://host:port} (a trailing slash is dropped)
     * @param token  the API key ({@code ID.SECRET}) or OIDC token sent as {@code Authorization: Bearer}, or null
     */
    RegistryClient(String server, String token) {
        if (server == null || server.isBlank()) {
            throw StrataException.badInput("no server given: pass --server http://HOST:PORT (or set STRATA_SERVER)");
        }
        String trimmed = server.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        URI uri;
        try {
            uri = URI.create(trimmed);
        } catch (IllegalArgumentException e) {
            throw StrataException.badInput("server URL \"" + server + "\" is not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw StrataException.badInput("server URL \"" + server + "\" must look like http://HOST:PORT");
        }
        this.base = trimmed;
        this.token = token == null || token.isBlank() ? null : token.strip();
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    String base() {
        return base;
    }

    /** {@code value} as one path segment: subject names may hold characters a path cannot. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    Response get(String path) {
        return send(request(path).GET().build());
    }

    Response delete(String path) {
        return send(request(path).DELETE().build());
    }

    Response post(String path, Object body) {
        String json;
        try {
            json = JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the request body", e);
        }
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    /** GET {@code path}, expecting success: any other answer becomes the exception {@link #failure} gives. */
    JsonNode getOk(String path) {
        return ok(get(path));
    }

    /** POST {@code body} to {@code path}, expecting success, as {@link #getOk}. */
    JsonNode postOk(String path, Object body) {
        return ok(post(path, body));
    }

    /** DELETE {@code path}, expecting success, as {@link #getOk}. */
    JsonNode deleteOk(String path) {
        return ok(delete(path));
    }

    private JsonNode ok(Response response) {
        if (!response.ok()) {
            throw failure(response);
        }
        return response.body();
    }

    /**
     * The exception for an answer the caller does not handle itself: 5xx is the server's own failure
     * (exit 3), anything else a request it refused (exit 2), with the server's message.
     */
    StrataException failure(Response response) {
        if (response.status() >= 500) {
            return new StrataException(ErrorCode.INTERNAL, "the server at " + base + " failed (HTTP " + response.status()
                    + "): " + response.errorMessage());
        }
        if (response.status() == 401) {
            return StrataException.badInput("the server at " + base + " did not accept the credentials: " + response.errorMessage()
                    + (token == null ? " (pass --token KEY or set STRATA_TOKEN)" : ""));
        }
        ErrorCode code = response.status() == 404 ? ErrorCode.NOT_FOUND : ErrorCode.BAD_INPUT;
        return new StrataException(code, response.errorMessage());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Response send(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw unreachable("nothing answers there (" + describe(e) + "); is strata serve running?", e);
        } catch (HttpTimeoutException e) {
            throw unreachable("no answer within " + REQUEST_TIMEOUT.toSeconds() + " s", e);
        } catch (IOException e) {
            throw unreachable(describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable("interrupted", e);
        }
        return new Response(response.statusCode(), parse(response));
    }

    private JsonNode parse(HttpResponse<String> response) {
        String body = response.body();
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            if (response.statusCode() >= 500) {
                // A proxy's error page: the status alone says enough.
                return MissingNode.getInstance();
            }
            // Something else listens there (a web server, another registry): say so rather than print its page.
            throw StrataException.badInput("the server at " + base + " did not answer with JSON (HTTP "
                    + response.statusCode() + " for " + response.request().uri().getPath() + "): is it a Strata server?");
        }
    }

    private StrataException unreachable(String why, Exception cause) {
        return new StrataException(ErrorCode.UNREACHABLE, "cannot reach the Strata server at " + base + ": " + why, cause);
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            Throwable cause = e.getCause();
            message = cause != null && cause.getMessage() != null ? cause.getMessage() : e.getClass().getSimpleName();
        }
        return message;
    }
}
