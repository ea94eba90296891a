CREATE TRIGGER items_price_log AFTER UPDATE ON items FOR EACH ROW
BEGIN
    IF NOT (OLD.price <=> NEW.price) THEN
        INSERT INTO price_log (item_id, old_price, new_price) VALUES (OLD.id, OLD.price, NEW.price);
    END IF;
END;

CREATE EVENT purge_price_log ON SCHEDULE EVERY 1 DAY
    DO DELETE FROM price_log WHERE changed_at < NOW() - INTERVAL 90 DAY;
