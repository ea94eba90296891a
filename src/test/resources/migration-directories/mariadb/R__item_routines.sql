-- Repeatable: runs after every versioned file, and again whenever this file changes.
DROP FUNCTION IF EXISTS item_price;
CREATE FUNCTION item_price(p_id bigint) RETURNS decimal(10,2) READS SQL DATA
    RETURN (SELECT price FROM items WHERE id = p_id);

DROP PROCEDURE IF EXISTS reset_price;
CREATE PROCEDURE reset_price(IN p_id bigint) MODIFIES SQL DATA
    UPDATE items SET price = 0 WHERE id = p_id;
