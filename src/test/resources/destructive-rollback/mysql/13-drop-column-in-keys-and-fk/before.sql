-- A dropped column in a unique key, a multi-column index and a foreign key.
CREATE TABLE teams (id int NOT NULL PRIMARY KEY, name varchar(20) NOT NULL) ENGINE=InnoDB;
CREATE TABLE members (
    id int NOT NULL PRIMARY KEY,
    team_id int,
    badge varchar(12),
    email varchar(100) NOT NULL,
    UNIQUE KEY members_team_badge_key (team_id, badge),
    KEY members_team_email_idx (team_id, email),
    CONSTRAINT members_team_fk FOREIGN KEY (team_id) REFERENCES teams (id)
) ENGINE=InnoDB;
