CREATE INDEX CONCURRENTLY book_code_idx ON book (code);
