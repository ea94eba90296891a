CREATE TABLE author (
    id int PRIMARY KEY,
    name varchar(100) NOT NULL
);
CREATE TABLE book (
    id int PRIMARY KEY,
    author_id int,
    name varchar(100) NOT NULL,
    subtitle varchar(100),
    author varchar(100),
    isbn varchar(20),
    price int,
    code varchar(20),
    INDEX idx_author (author),
    INDEX idx_name_price (name, price)
);
CREATE TABLE audit_log (id bigint PRIMARY KEY, entry text);
CREATE TABLE old_orders (id bigint PRIMARY KEY, total decimal(12,2));
