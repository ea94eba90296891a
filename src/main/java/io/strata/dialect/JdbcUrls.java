package io.strata.dialect;

import io.strata.error.ErrorCode;
import io.strata.error.StrataException;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.regex.Pattern;

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

    /** Opens a connection; failure is an UNREACHABLE error naming the redacted URL and the driver's reason. */
    public static Connection open(String url) {
        try {
            return DriverManager.getConnection(url);
        } catch (SQLException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new StrataException(ErrorCode.UNREACHABLE,
                    "cannot connect to " + redact(url) + ": " + redact(reason.lines().findFirst().orElse(reason)), e);
        }
    }
}
