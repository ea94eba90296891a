-- Column character sets and collations that differ from the table's.
CREATE TABLE mixed (
  id INT PRIMARY KEY,
  plain VARCHAR(20),
  ascii_code CHAR(8) CHARACTER SET ascii,
  case_sensitive VARCHAR(40) COLLATE utf8mb4_bin,
  legacy VARCHAR(40) CHARACTER SET latin1 COLLATE latin1_german1_ci,
  spelled_same VARCHAR(10) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci,
  kind ENUM('a', 'b') CHARACTER SET latin1
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
