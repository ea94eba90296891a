CREATE TABLE products (code varchar(32) PRIMARY KEY, name text NOT NULL);
CREATE TABLE prices (id int PRIMARY KEY, product_code varchar(32) NOT NULL REFERENCES products (code) ON UPDATE CASCADE, amount numeric(10,2) NOT NULL);
CREATE VIEW product_prices AS SELECT p.code, p.name, pr.amount FROM products p JOIN prices pr ON pr.product_code = p.code;
