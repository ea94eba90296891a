package io.strata.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * CountingConnection wraps a JDBC connection and counts the statements executed through it (every
 * {@code execute*} call of a Statement, PreparedStatement or CallableStatement it hands out, and every
 * DatabaseMetaData call that queries the server), so the bench can show the inspectors run a fixed
 * number of catalog queries whatever the table count.
 */
public final class CountingConnection {

    private final AtomicInteger executed = new AtomicInteger();
    private final AtomicInteger metadataCalls = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong executeNanos = new java.util.concurrent.atomic.AtomicLong();
    private final Connection proxy;

    public CountingConnection(Connection target) {
        this.proxy = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (p, m, args) -> {
                    Object result = invoke(target, m, args);
                    if (result instanceof Statement s) {
                        return wrap(s, args != null && args.length > 0 && args[0] instanceof String sql ? sql : null);
                    }
                    if (result instanceof DatabaseMetaData md) {
                        return wrapMetadata(md);
                    }
                    return result;
                });
    }

    public Connection connection() {
        return proxy;
    }

    public int executed() {
        return executed.get();
    }

    /**
     * Wall time spent inside {@code execute*} calls: the server running the statements plus the driver
     * receiving the rows (both drivers read the whole result in execute unless a fetch size is set).
     */
    public long executeNanos() {
        return executeNanos.get();
    }

    public int metadataCalls() {
        return metadataCalls.get();
    }

    /** Per statement: its SQL (shortened) and the wall time of its execute call, in run order. */
    public java.util.List<String> timings() {
        return java.util.List.copyOf(timings);
    }

    private final java.util.List<String> timings = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    private Object wrap(Statement s, String preparedSql) {
        Class<?>[] ifaces = s instanceof java.sql.CallableStatement ? new Class<?>[] {java.sql.CallableStatement.class}
                : s instanceof java.sql.PreparedStatement ? new Class<?>[] {java.sql.PreparedStatement.class}
                : new Class<?>[] {Statement.class};
        InvocationHandler h = (p, m, args) -> {
            if (m.getName().startsWith("execute")) {
                executed.incrementAndGet();
                long t0 = System.nanoTime();
                try {
                    return invoke(s, m, args);
                } finally {
                    long took = System.nanoTime() - t0;
                    executeNanos.addAndGet(took);
                    String sql = preparedSql != null ? preparedSql : args != null && args.length > 0 ? String.valueOf(args[0]) : "?";
                    sql = sql.replaceAll("\\s+", " ").strip();
                    timings.add(String.format("%6.1f ms  %s", took / 1e6, sql.length() > 90 ? sql.substring(0, 90) + "..." : sql));
                }
            }
            return invoke(s, m, args);
        };
        return Proxy.newProxyInstance(Statement.class.getClassLoader(), ifaces, h);
    }

    private Object wrapMetadata(DatabaseMetaData md) {
        return Proxy.newProxyInstance(DatabaseMetaData.class.getClassLoader(), new Class<?>[] {DatabaseMetaData.class},
                (p, m, args) -> {
                    if (m.getReturnType() == java.sql.ResultSet.class) {
                        metadataCalls.incrementAndGet();
                    }
                    return invoke(md, m, args);
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
