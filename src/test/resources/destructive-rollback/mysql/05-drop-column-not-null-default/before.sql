-- NOT NULL with a default and a comment, in an index: it comes back nullable, gets its values, then NOT NULL.
CREATE TABLE tickets (
    id bigint NOT NULL PRIMARY KEY,
    title varchar(100) NOT NULL,
    priority int NOT NULL DEFAULT 3 COMMENT '1 is urgent',
    opened datetime NOT NULL,
    KEY tickets_priority_idx (priority, opened)
) ENGINE=InnoDB;
