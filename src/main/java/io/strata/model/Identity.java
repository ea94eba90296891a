package io.strata.model;

/**
 * How a column generates its own values: PostgreSQL {@code GENERATED ALWAYS|BY DEFAULT AS IDENTITY}
 * or MySQL {@code AUTO_INCREMENT}.
 *
 * @param kind  {@code ALWAYS}, {@code BY_DEFAULT} or {@code AUTO_INCREMENT}
 * @param start start value of the identity sequence (1 unless set)
 * @param increment increment of the identity sequence (1 unless set)
 */
public record Identity(String kind, long start, long increment) {
    public static final String ALWAYS = "ALWAYS";
    public static final String BY_DEFAULT = "BY_DEFAULT";
    public static final String AUTO_INCREMENT = "AUTO_INCREMENT";

    public static Identity autoIncrement() {
        return new Identity(AUTO_INCREMENT, 1, 1);
    }
}
