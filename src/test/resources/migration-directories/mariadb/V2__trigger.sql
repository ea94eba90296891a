CREATE TRIGGER items_price_log AFTER UPDATE ON items FOR EACH ROW
BEGIN
    IF NOT (OLD.price <=> NEW.price) THEN
        INSERT INTO price_log (item_id, old_price, new_price) VALUES (OLD.id, OLD.price, NEW.price);
    END IF;
END;
