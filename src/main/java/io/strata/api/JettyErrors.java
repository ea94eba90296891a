package io.strata.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JettyErrors is the server's error page for requests Jetty refuses before any route sees them (a URI or
 * headers too long, an illegal path encoding): the same JSON error bodies as {@link ApiErrors}, instead of
 * Jetty's HTML page. When the path is unknown (a request line too long to parse) the body carries both APIs'
 * fields, so a client of either reads it.
 */
final class JettyErrors extends ErrorHandler {

    /** Every method gets a body (Jetty's default writes one only for GET, POST and HEAD). */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        String path = request == null || request.getHttpURI() == null ? null : request.getHttpURI().getPath();
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, path != null && path.startsWith(ConfluentRoutes.PREFIX)
                ? ConfluentRoutes.MEDIA_TYPE : "application/json");
        response.write(true, ByteBuffer.wrap(body(path, code, refused(code, message)).getBytes(StandardCharsets.UTF_8)),
                callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, org.eclipse.jetty.http.HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(body(null, status, refused(status, reason)).getBytes(StandardCharsets.UTF_8));
    }

    private static String refused(int status, String reason) {
        // Jetty's reasons are short fixed phrases ("URI Too Long", "Ambiguous URI path encoding"), never traces.
        return reason == null || reason.isBlank() ? "the request was refused (HTTP " + status + ")"
                : "the request was refused: " + reason;
    }

    /** The error body for {@code path} (null when unknown). */
    static String body(String path, int status, String message) {
        boolean confluent = path != null && path.startsWith(ConfluentRoutes.PREFIX);
        boolean strata = path != null && !confluent && !path.equals("/badMessage");
        Map<String, Object> body = new LinkedHashMap<>();
        if (!strata) {
            body.put("error_code", status * 100);
            body.put("message", message);
        }
        if (!confluent) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", status >= 500 ? "INTERNAL" : "HTTP_" + status);
            error.put("message", message);
            error.put("details", null);
            body.put("error", error);
        }
        try {
            return JsonBodies.JSON.writeValueAsString(body);
        } catch (JsonProcessingException impossible) {
            return "{\"error\":{\"code\":\"INTERNAL\",\"message\":\"cannot render the error\",\"details\":null}}";
        }
    }
}
