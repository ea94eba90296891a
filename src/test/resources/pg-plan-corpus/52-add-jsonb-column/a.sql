CREATE TABLE webhooks (id int PRIMARY KEY, url text NOT NULL);
