CREATE TABLE teams (id int PRIMARY KEY, name text NOT NULL);
CREATE TABLE members (id int PRIMARY KEY, team_id int REFERENCES teams (id) ON DELETE SET NULL ON UPDATE CASCADE, name text NOT NULL);
