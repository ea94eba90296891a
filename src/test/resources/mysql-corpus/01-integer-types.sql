-- Every integer size, signed and unsigned, and the boolean alias.
CREATE TABLE counters (
  t TINYINT,
  tu TINYINT UNSIGNED NOT NULL,
  s SMALLINT,
  su SMALLINT UNSIGNED,
  m MEDIUMINT,
  mu MEDIUMINT UNSIGNED,
  i INT NOT NULL,
  iu INT UNSIGNED,
  b BIGINT,
  bu BIGINT UNSIGNED,
  flag BOOLEAN NOT NULL DEFAULT FALSE,
  legacy INT(5) ZEROFILL
);
