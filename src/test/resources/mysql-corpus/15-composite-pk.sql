-- Composite primary keys, in a column order different from the table's.
CREATE TABLE memberships (
  group_id INT NOT NULL,
  user_id INT NOT NULL,
  role VARCHAR(20) NOT NULL DEFAULT 'member',
  PRIMARY KEY (user_id, group_id)
);
