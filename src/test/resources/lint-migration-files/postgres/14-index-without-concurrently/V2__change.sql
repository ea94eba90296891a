CREATE INDEX book_code_idx ON book (code);
