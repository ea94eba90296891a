CREATE TABLE author (
    id integer PRIMARY KEY,
    name text NOT NULL
);
CREATE TABLE book (
    id integer PRIMARY KEY,
    author_id integer,
    name varchar(100) NOT NULL,
    subtitle varchar(100),
    isbn varchar(20),
    price integer,
    code varchar(20)
);
CREATE INDEX book_isbn_idx ON book (isbn);
CREATE INDEX book_name_price_idx ON book (name, price);
CREATE TABLE audit_log (id bigint PRIMARY KEY, entry text);
CREATE TABLE old_orders (id bigint PRIMARY KEY, total numeric(12,2));
