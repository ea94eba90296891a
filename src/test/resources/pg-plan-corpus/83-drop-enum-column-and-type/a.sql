CREATE TYPE shipping_speed AS ENUM ('standard', 'express');
CREATE TABLE shipments (id int PRIMARY KEY, destination text NOT NULL, speed shipping_speed NOT NULL DEFAULT 'standard');
