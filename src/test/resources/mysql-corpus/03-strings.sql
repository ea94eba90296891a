-- Character strings, fixed, variable and the text family.
CREATE TABLE notes (
  code CHAR(3) NOT NULL,
  single CHAR,
  title VARCHAR(200) NOT NULL,
  tiny TINYTEXT,
  body TEXT,
  medium MEDIUMTEXT,
  huge LONGTEXT,
  PRIMARY KEY (code)
);
