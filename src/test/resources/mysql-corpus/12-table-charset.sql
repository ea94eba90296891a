-- Table-level character sets and collations.
CREATE TABLE latin (
  id INT PRIMARY KEY,
  name VARCHAR(50)
) DEFAULT CHARSET=latin1;
CREATE TABLE unicode_ci (
  id INT PRIMARY KEY,
  name VARCHAR(50)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE TABLE binary_collation (
  id INT PRIMARY KEY,
  name VARCHAR(50)
) CHARSET utf8mb4 COLLATE utf8mb4_bin;
