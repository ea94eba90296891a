CREATE TABLE items (id int PRIMARY KEY, v int, note text);
CREATE MATERIALIZED VIEW item_totals AS SELECT v, count(*) AS n FROM items GROUP BY v;
CREATE UNIQUE INDEX item_totals_v_idx ON item_totals (v);
