package io.strata.store;

import io.strata.events.WebhookRepository;

import io.strata.events.Delivery;
import io.strata.events.Webhook;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * WebhookTables reads and writes the webhook subscriptions and their delivery log inside one
 * {@link StoreTransaction}. Subscriptions are state (written under the audit head's lock, like every audited
 * change); delivery attempts are a log, written without it so that delivering never waits behind registrations.
 */
public final class WebhookTables implements WebhookRepository {

    private static final String WEBHOOK_COLUMNS = "id, url, secret, events, created_by, created_at";
    private static final String DELIVERY_COLUMNS =
            "id, webhook_id, delivery, event, attempt, outcome, status_code, error, at, duration_ms";

    private final StoreTransaction tx;

    public WebhookTables(StoreTransaction tx) {
        this.tx = tx;
    }

    /** A new id for a webhook or a delivery attempt. */
    @Override
    public long nextId() {
        return tx.next("strata_webhook_ids");
    }

    @Override
    public void insert(Webhook w) {
        StoreTransaction.sql(() -> {
            tx.lockForWrite();
            try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO strata_webhooks (" + WEBHOOK_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, w.id());
                ps.setString(2, w.url());
                ps.setString(3, w.secret());
                ps.setString(4, String.join(",", w.events()));
                ps.setString(5, w.createdBy());
                ps.setObject(6, StoreTransaction.time(w.createdAt()));
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Removes a webhook with its delivery log; whether it existed. */
    @Override
    public boolean delete(long id) {
        return StoreTransaction.sql(() -> {
            tx.lockForWrite();
            try (PreparedStatement ps = tx.connection().prepareStatement("DELETE FROM strata_webhooks WHERE id = ?")) {
                ps.setLong(1, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Optional<Webhook> webhook(long id) {
        return StoreTransaction.sql(() -> {
            return webhookQuery("WHERE id = ?", ps -> ps.setLong(1, id)).stream().findFirst();
        });
    }

    /** Every webhook, oldest first. */
    @Override
    public List<Webhook> webhooks() {
        return StoreTransaction.sql(() -> {
            return webhookQuery("ORDER BY id", ps -> {
            });
        });
    }

    private List<Webhook> webhookQuery(String where, StoreTransaction.Binder binder) throws SQLException {
        List<Webhook> out = new ArrayList<>();
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT " + WEBHOOK_COLUMNS + " FROM strata_webhooks "
                + where)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String events = rs.getString(4);
                    out.add(new Webhook(rs.getLong(1), rs.getString(2), rs.getString(3),
                            events.isEmpty() ? List.of() : Arrays.asList(events.split(",")), rs.getString(5), StoreTransaction.instant(rs, 6)));
                }
            }
        }
        return out;
    }

    @Override
    public void insertDelivery(Delivery d) {
        StoreTransaction.sql(() -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO strata_webhook_deliveries ("
                    + DELIVERY_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, d.id());
                ps.setLong(2, d.webhookId());
                ps.setString(3, d.delivery());
                ps.setString(4, d.event());
                ps.setInt(5, d.attempt());
                ps.setString(6, d.outcome());
                if (d.statusCode() == null) {
                    ps.setNull(7, Types.INTEGER);
                } else {
                    ps.setInt(7, d.statusCode());
                }
                ps.setString(8, d.error());
                ps.setObject(9, StoreTransaction.time(d.at()));
                ps.setLong(10, d.durationMillis());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** A webhook's delivery attempts, newest first, those with an id below {@code beforeId} (0: from the newest). */
    @Override
    public List<Delivery> deliveries(long webhookId, long beforeId, int limit) {
        return StoreTransaction.sql(() -> {
            List<Delivery> out = new ArrayList<>();
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT " + DELIVERY_COLUMNS
                    + " FROM strata_webhook_deliveries WHERE webhook_id = ? AND id < ? ORDER BY id DESC LIMIT ?")) {
                ps.setLong(1, webhookId);
                ps.setLong(2, beforeId <= 0 ? Long.MAX_VALUE : beforeId);
                ps.setInt(3, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int status = rs.getInt(7);
                        Integer statusCode = rs.wasNull() ? null : status;
                        out.add(new Delivery(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                                rs.getString(6), statusCode, rs.getString(8), StoreTransaction.instant(rs, 9), rs.getLong(10)));
                    }
                }
            }
            return out;
        });
    }
}
