CREATE TABLE products (
    id int PRIMARY KEY,
    code varchar(10) NOT NULL,
    label varchar(10)
);
