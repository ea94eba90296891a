-- Unique, composite, prefix and descending-order indexes, comments on the table, a column and an index.
CREATE TABLE accounts (
    id int NOT NULL PRIMARY KEY,
    email varchar(200) NOT NULL,
    handle varchar(40),
    region char(2) NOT NULL DEFAULT 'eu',
    bio text,
    created date NOT NULL,
    UNIQUE KEY accounts_email_key (email),
    KEY accounts_region_created_idx (region, created),
    KEY accounts_bio_idx (bio(20)) COMMENT 'search by the start of the bio',
    KEY accounts_handle_idx (handle)
) ENGINE=InnoDB COMMENT='who may sign in';
ALTER TABLE accounts MODIFY handle varchar(40) COMMENT 'shown to others';
CREATE TABLE keep (id int NOT NULL PRIMARY KEY) ENGINE=InnoDB;
