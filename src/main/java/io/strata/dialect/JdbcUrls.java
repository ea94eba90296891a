package io.strata.dialect;

import io.strata.error.ErrorCode;
import io.strata.error.StrataException;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** JdbcUrls opens connections from user-given URLs and redacts the passwords in them before anything prints them. */
public final class JdbcUrls {

    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password|pwd)=[^&;]*");
    private static final Pattern USERINFO = Pattern.compile("(//[^/:@]+):[^@/]*@");

    private JdbcUrls() {
    }

    /** The URL with any password (query parameter or {@code user:password@}) replaced by {@code ***}. */
    public static String redact(String url) {
        String out = PASSWORD_PARAM.matcher(url).replaceAll("$1=***");
        return USERINFO.matcher(out).replaceAll("$1:***@");
    }

    /**
     * {@code url} without the query parameters named in {@code names} (compared without regard to case), so that
     * connection properties given beside it take effect: a parameter in the URL would win over them.
     */
    public static String withoutParameters(String url, Set<String> names) {
        int query = url.indexOf('?');
        if (query < 0) {
            return url;
        }
        Set<String> dropped = names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        String kept = Arrays.stream(url.substring(query + 1).split("&"))
                .filter(p -> !p.isEmpty() && !dropped.contains(p.replaceFirst("=.*$", "").toLowerCase(Locale.ROOT)))
                .collect(Collectors.joining("&"));
        return url.substring(0, query) + (kept.isEmpty() ? "" : "?" + kept);
    }

    /** Opens a connection; failure is an UNREACHABLE error naming the redacted URL and the driver's reason. */
    public static Connection open(String url) {
        return open(url, new Properties());
    }

    /**
     * Opens a connection with driver {@code properties} (a parameter the URL itself carries takes precedence);
     * failure is an UNREACHABLE error naming the redacted URL and the driver's reason.
     */
    public static Connection open(String url, Properties properties) {
        try {
            return DriverManager.getConnection(url, properties);
        } catch (SQLException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new StrataException(ErrorCode.UNREACHABLE,
                    "cannot connect to " + redact(url) + ": " + redact(reason.lines().findFirst().orElse(reason)), e);
        }
    }
}
