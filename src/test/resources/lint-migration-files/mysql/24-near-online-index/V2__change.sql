CREATE INDEX idx_code ON book (code);
