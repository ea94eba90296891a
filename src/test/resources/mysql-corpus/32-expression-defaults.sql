-- Defaults that are expressions rather than literals.
CREATE TABLE tokens (
  id INT PRIMARY KEY,
  created DATE DEFAULT (CURRENT_DATE),
  token VARCHAR(36) DEFAULT (UUID()),
  score DOUBLE DEFAULT (RAND() * 10),
  doubled INT DEFAULT (1 + 1)
);
