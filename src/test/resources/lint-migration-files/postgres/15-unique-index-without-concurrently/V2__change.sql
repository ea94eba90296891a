CREATE UNIQUE INDEX book_code_key ON book (code);
