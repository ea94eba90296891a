-- Literal defaults of every kind, including NULL, the empty string and quotes.
CREATE TABLE settings (
  id INT PRIMARY KEY,
  n INT NOT NULL DEFAULT 0,
  neg INT DEFAULT -5,
  d DECIMAL(6,2) DEFAULT 1.50,
  f DOUBLE DEFAULT 2.5e3,
  s VARCHAR(40) DEFAULT 'hello',
  empty VARCHAR(10) NOT NULL DEFAULT '',
  quote VARCHAR(40) DEFAULT 'it''s',
  backslash VARCHAR(40) DEFAULT 'C:\\temp',
  null_text VARCHAR(10) DEFAULT 'NULL',
  explicit_null INT DEFAULT NULL,
  day DATE DEFAULT '2000-01-01',
  at DATETIME DEFAULT '2000-01-01 12:30:00',
  bits BIT(4) DEFAULT b'1010',
  ch CHAR(2) DEFAULT 'ab'
);
