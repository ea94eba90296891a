CREATE TABLE products (
    id int PRIMARY KEY,
    code varchar(100) NOT NULL,
    label varchar(100)
);
