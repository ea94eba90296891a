CREATE TABLE items (id int PRIMARY KEY, v int, note text, created timestamptz DEFAULT now(), token uuid DEFAULT gen_random_uuid());
