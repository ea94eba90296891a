-- Byte strings and the blob family.
CREATE TABLE files (
  id BINARY(16) NOT NULL PRIMARY KEY,
  checksum VARBINARY(64),
  one_byte BINARY,
  tb TINYBLOB,
  b BLOB,
  mb MEDIUMBLOB,
  lb LONGBLOB
);
