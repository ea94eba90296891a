-- Unique indexes: single and multi-column, named and unnamed, and a long unique on TEXT.
-- requires: mariadb
CREATE TABLE accounts (
  id INT PRIMARY KEY,
  email VARCHAR(255) NOT NULL UNIQUE,
  tenant INT NOT NULL,
  handle VARCHAR(50) NOT NULL,
  bio TEXT,
  UNIQUE KEY uq_tenant_handle (tenant, handle),
  CONSTRAINT uq_bio UNIQUE (bio)
);
