package io.strata.dialect;

import io.strata.error.StrataException;

import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** Dialects finds the registered {@link Dialect} implementations (ServiceLoader) by name or by JDBC URL. */
public final class Dialects {

    private static final List<Dialect> ALL = ServiceLoader.load(Dialect.class).stream()
            .map(ServiceLoader.Provider::get).toList();

    private Dialects() {
    }

    /** The dialect called {@code name}; an unknown name is a BAD_INPUT error listing the known ones. */
    public static Dialect byName(String name) {
        return ALL.stream().filter(d -> d.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> StrataException.badInput("unknown dialect \"" + name + "\" (known: "
                        + ALL.stream().map(Dialect::name).collect(Collectors.joining(", ")) + ")"));
    }

    /** The dialect that reads {@code jdbcUrl}; an unsupported URL is a BAD_INPUT error. */
    public static Dialect forUrl(String jdbcUrl) {
        return ALL.stream().filter(d -> d.accepts(jdbcUrl)).findFirst()
                .orElseThrow(() -> StrataException.badInput("unsupported JDBC URL \"" + JdbcUrls.redact(jdbcUrl)
                        + "\" (expected jdbc:postgresql:, jdbc:mysql: or jdbc:mariadb:)"));
    }
}
