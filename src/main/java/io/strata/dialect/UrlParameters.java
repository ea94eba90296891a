package io.strata.dialect;

import io.strata.error.StrataException;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * UrlParameters holds a JDBC URL a client gives the server to an allow-list: its hosts must be plain
 * {@code host[:port]} names, and each driver parameter one the dialect accepts ({@link Dialect#environmentUrlParameters}).
 * Drivers take parameters that load classes, open sockets of their own or read files of the host they run on,
 * which a client must not be able to ask of the server.
 */
public final class UrlParameters {

    private static final String HOST = "(?:[A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+\\])(?::\\d{1,5})?";
    private static final Pattern HOSTS = Pattern.compile(HOST + "(?:," + HOST + ")*");
    /** Parameters are split at {@code &}; a {@code ;} is treated as a separator too, whichever way a driver reads it. */
    private static final Pattern SEPARATORS = Pattern.compile("[&;]");

    private UrlParameters() {
    }

    /**
     * Refuses {@code url} (BAD_INPUT naming the first parameter or the hosts that are not accepted) unless its
     * hosts are plain names and every parameter's name is in {@code allowed}, compared without regard to case.
     */
    public static void check(String url, Set<String> allowed) {
        int query = url.indexOf('?');
        String head = query < 0 ? url : url.substring(0, query);
        int slashes = head.indexOf("//");
        if (slashes >= 0) {
            int path = head.indexOf('/', slashes + 2);
            String hosts = head.substring(slashes + 2, path < 0 ? head.length() : path);
            if (!HOSTS.matcher(hosts).matches()) {
                throw StrataException.badInput("its hosts \"" + shortened(hosts) + "\" are not host or host:port names separated by commas");
            }
        }
        if (query < 0) {
            return;
        }
        Set<String> accepted = allowed.stream().map(p -> p.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        for (String token : SEPARATORS.split(url.substring(query + 1))) {
            if (token.isEmpty()) {
                continue;
            }
            int equals = token.indexOf('=');
            String name = equals < 0 ? token : token.substring(0, equals);
            if (!accepted.contains(name.toLowerCase(Locale.ROOT))) {
                throw StrataException.badInput("driver parameter \"" + shortened(name) + "\" is not accepted"
                        + (allowed.isEmpty() ? "" : " (accepted: " + String.join(", ", allowed) + ")"));
            }
        }
    }

    private static String shortened(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "...";
    }
}
