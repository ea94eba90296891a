CREATE TABLE items (id int PRIMARY KEY, v int, note text);
CREATE INDEX items_v_idx ON items (v DESC) WHERE v > 2;
