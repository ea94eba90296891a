-- The database's own default character set and collation, changed by the script.
ALTER DATABASE CHARACTER SET latin1 COLLATE latin1_swedish_ci;
CREATE TABLE inherits_defaults (id INT PRIMARY KEY, name VARCHAR(30));
CREATE TABLE overrides (id INT PRIMARY KEY, name VARCHAR(30)) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
