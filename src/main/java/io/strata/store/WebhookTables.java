package io.strata.store;

import io.strata.events.Delivery;
import io.strata.events.Webhook;
import io.strata.events.WebhookRepository;
import io.strata.events.WebhookSecret;
import io.strata.security.SecretBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * A webhook's secret is stored sealed by the store's {@link SecretBox}, bound to the webhook's id, and opened only
 * when a delivery signs with it.
 */
public final class WebhookTables implements WebhookRepository {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookTables.class);

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
                ps.setString(3, tx.secrets().seal(w.secret().reveal(), context(w.id())));
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
                SecretBox box = tx.secrets();
                while (rs.next()) {
                    long id = rs.getLong(1);
                    String sealed = rs.getString(3);
                    String events = rs.getString(4);
                    out.add(new Webhook(id, rs.getString(2), WebhookSecret.sealed(() -> box.open(sealed, context(id))),
                            events.isEmpty() ? List.of() : Arrays.asList(events.split(",")), rs.getString(5), StoreTransaction.instant(rs, 6)));
                }
            }
        }
        return out;
    }

    /**
     * Seals every secret still stored in clear (written before secrets were sealed) or under an older master key
     * this box still holds, under the current key; returns how many. One sealed under a key the box lacks is left
     * as it is, and named in the log by its webhook and key id.
     */
    int resealSecrets() {
        return StoreTransaction.sql(() -> {
            SecretBox box = tx.secrets();
            int resealed = 0;
            try (PreparedStatement select = tx.connection().prepareStatement("SELECT id, secret FROM strata_webhooks ORDER BY id");
                 ResultSet rs = select.executeQuery();
                 PreparedStatement update = tx.connection().prepareStatement(
                         "UPDATE strata_webhooks SET secret = ? WHERE id = ? AND secret = ?")) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    String stored = rs.getString(2);
                    if (!box.needsResealing(stored)) {
                        if (!stored.startsWith("v1:" + box.currentKeyId())) {
                            LOG.warn("the secret of webhook {} is sealed under master key {}, which this server does not hold;"
                                    + " its deliveries fail until that key is given", id, stored.split(":")[1]);
                        }
                        continue;
                    }
                    String plain = SecretBox.isSealed(stored) ? box.open(stored, context(id)) : stored;
                    update.setString(1, box.seal(plain, context(id)));
                    update.setLong(2, id);
                    // Compared with what was read, so two servers opening one store at once reseal each row once.
                    update.setString(3, stored);
                    resealed += update.executeUpdate();
                }
            }
            return resealed;
        });
    }

    /** What a webhook's sealed secret is bound to: another row's sealed value does not open here. */
    private static String context(long webhookId) {
        return "webhook/" + webhookId;
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
