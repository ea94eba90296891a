ALTER TABLE book DROP COLUMN isbn;
DROP TABLE old_orders;
