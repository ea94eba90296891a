CREATE TABLE orders (id bigint PRIMARY KEY, ref text);
CREATE SEQUENCE order_number_seq AS integer START WITH 1000 INCREMENT BY 1 CACHE 1;
