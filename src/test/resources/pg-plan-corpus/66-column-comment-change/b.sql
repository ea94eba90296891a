CREATE TABLE payments (id int PRIMARY KEY, amount numeric(10,2) NOT NULL, reference text);
COMMENT ON COLUMN payments.amount IS 'in the account''s currency';
