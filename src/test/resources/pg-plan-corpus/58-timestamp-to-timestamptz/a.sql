CREATE TABLE logins (id int PRIMARY KEY, user_id int NOT NULL, at timestamp NOT NULL, logged_out timestamp);
CREATE INDEX logins_at_idx ON logins (at);
