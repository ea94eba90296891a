-- Descending key parts and MariaDB's hash-based long unique keys.
-- requires: mariadb
CREATE TABLE scores (
  id INT PRIMARY KEY,
  player VARCHAR(40) NOT NULL,
  score INT NOT NULL,
  achieved DATETIME NOT NULL,
  notes TEXT,
  KEY ix_leaderboard (score DESC, achieved),
  KEY ix_recent (achieved DESC),
  UNIQUE KEY uq_notes (notes) USING HASH
);
