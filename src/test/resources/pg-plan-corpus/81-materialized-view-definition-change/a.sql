CREATE TABLE sales (id int PRIMARY KEY, region text NOT NULL, amount numeric(10,2) NOT NULL, sold_on date NOT NULL);
CREATE MATERIALIZED VIEW sales_by_region AS SELECT region, sum(amount) AS total FROM sales GROUP BY region;
CREATE UNIQUE INDEX sales_by_region_key ON sales_by_region (region);
