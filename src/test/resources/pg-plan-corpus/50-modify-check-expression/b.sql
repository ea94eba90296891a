CREATE TABLE products (id int PRIMARY KEY, name text NOT NULL, price numeric(10,2) NOT NULL,
    CONSTRAINT products_price_check CHECK (price >= 0 AND price < 100000));
