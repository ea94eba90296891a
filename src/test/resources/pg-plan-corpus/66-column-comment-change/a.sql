CREATE TABLE payments (id int PRIMARY KEY, amount numeric(10,2) NOT NULL, reference text);
COMMENT ON TABLE payments IS 'incoming payments';
COMMENT ON COLUMN payments.amount IS 'in euros';
COMMENT ON COLUMN payments.reference IS 'bank reference';
