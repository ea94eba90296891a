package io.strata.api;

import io.javalin.http.Context;
import io.strata.security.NameRules;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * RequestNames refuses what a request names before a route reads it: a path or query that is not valid
 * percent-encoded UTF-8, and path or query parameters that {@link NameRules} refuses. Each refusal is a 400 naming
 * the parameter; none repeats the value.
 */
final class RequestNames {

    private RequestNames() {
    }

    /** Refuses a path or query string whose percent-escapes are malformed or decode to invalid UTF-8. */
    static void checkEncoding(Context ctx) {
        checkEncoded(ctx.path(), "the path");
        String query = ctx.queryString();
        if (query != null) {
            checkEncoded(query, "the query string");
        }
    }

    /** Refuses a path parameter, a query parameter's name or one of its values, that is not a valid name. */
    static void checkParameters(Context ctx) {
        for (Map.Entry<String, String> p : ctx.pathParamMap().entrySet()) {
            refuse("path parameter \"" + p.getKey() + "\"", p.getValue());
        }
        for (Map.Entry<String, List<String>> q : ctx.queryParamMap().entrySet()) {
            refuse("a query parameter's name", q.getKey());
            for (String value : q.getValue()) {
                refuse("query parameter \"" + q.getKey() + "\"", value);
            }
        }
    }

    /** {@code bytes} as UTF-8; a malformed sequence is refused naming {@code what} and the byte it starts at. */
    static String strictUtf8(byte[] bytes, String what) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw ApiException.badRequest(what + " is not valid UTF-8 (at byte " + (in.position() + 1) + ")");
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /** Refuses {@code value} with a 400 naming {@code what} when it is not a valid name. */
    static void refuse(String what, String value) {
        NameRules.problem(what, value).ifPresent(message -> {
            throw ApiException.badRequest(message);
        });
    }

    private static void checkEncoded(String raw, String what) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        int i = 0;
        while (i < raw.length()) {
            if (raw.charAt(i) == '%') {
                int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
                if (low < 0) {
                    throw ApiException.badRequest(what + " is not valid percent-encoding: \"%\" must be followed by two hex digits");
                }
                bytes.write(high * 16 + low);
                i += 3;
            } else {
                // Characters between escapes are written back as UTF-8, so the escapes around them are checked in place.
                int next = raw.indexOf('%', i);
                int end = next < 0 ? raw.length() : next;
                bytes.writeBytes(raw.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        strictUtf8(bytes.toByteArray(), what);
    }
}
