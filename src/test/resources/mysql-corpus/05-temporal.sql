-- Dates and times with and without fractional seconds.
CREATE TABLE events (
  id INT PRIMARY KEY,
  d DATE NOT NULL,
  dt DATETIME,
  dt3 DATETIME(3),
  dt6 DATETIME(6) NULL,
  ts TIMESTAMP NULL,
  ts2 TIMESTAMP(2) NULL DEFAULT NULL,
  t TIME,
  t1 TIME(1),
  y YEAR
);
