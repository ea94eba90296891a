-- A schema reached through ALTER TABLE steps rather than one CREATE.
CREATE TABLE invoices (id INT PRIMARY KEY, amount INT);
ALTER TABLE invoices ADD COLUMN currency CHAR(3) NOT NULL DEFAULT 'EUR' AFTER id;
ALTER TABLE invoices MODIFY amount DECIMAL(12,2) NOT NULL;
ALTER TABLE invoices ADD COLUMN issued DATE, ADD KEY ix_issued (issued);
ALTER TABLE invoices RENAME COLUMN amount TO total;
CREATE TABLE scratch (id INT);
DROP TABLE scratch;
ALTER TABLE invoices COMMENT = 'billing documents', ENGINE = InnoDB;
