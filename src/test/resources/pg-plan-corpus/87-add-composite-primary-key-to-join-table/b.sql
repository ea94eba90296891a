CREATE TABLE users (id int PRIMARY KEY);
CREATE TABLE groups (id int PRIMARY KEY);
CREATE TABLE user_groups (user_id int NOT NULL REFERENCES users (id), group_id int NOT NULL REFERENCES groups (id),
    PRIMARY KEY (user_id, group_id));
CREATE INDEX user_groups_group_idx ON user_groups (group_id);
