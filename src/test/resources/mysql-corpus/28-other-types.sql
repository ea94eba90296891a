-- Types the model keeps by their text: BIT, and MariaDB's UUID and INET6.
-- requires: mariadb
CREATE TABLE devices (
  id UUID NOT NULL PRIMARY KEY,
  address INET6,
  flags BIT(8) NOT NULL DEFAULT b'0',
  single_bit BIT
);
