-- Version 1.1 (the underscore reads as a dot): runs after V1, whose table it alters.
ALTER TABLE items ADD COLUMN updated_at datetime NULL;

CREATE TABLE price_log (
    id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
    item_id bigint NOT NULL,
    old_price decimal(10,2),
    new_price decimal(10,2),
    changed_at datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT price_log_item FOREIGN KEY (item_id) REFERENCES items (id)
) ENGINE=InnoDB;
