-- Views built on views, created in an order unlike their names.
CREATE TABLE metrics (id INT PRIMARY KEY, name VARCHAR(20), value DOUBLE);
CREATE VIEW c_base AS SELECT id, name, value FROM metrics;
CREATE VIEW b_positive AS SELECT id, name, value FROM c_base WHERE value > 0;
CREATE VIEW a_top AS SELECT name, MAX(value) AS best FROM b_positive GROUP BY name;
CREATE VIEW z_join AS SELECT p.name, t.best FROM b_positive p JOIN a_top t ON t.name = p.name;
