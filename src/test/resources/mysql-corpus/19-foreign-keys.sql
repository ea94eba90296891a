-- Foreign keys with every referential action, named and unnamed, single and composite.
CREATE TABLE parents (
  id INT PRIMARY KEY,
  region INT NOT NULL,
  code INT NOT NULL,
  UNIQUE KEY uq_region_code (region, code)
);
CREATE TABLE children (
  id INT PRIMARY KEY,
  parent_id INT,
  region INT,
  code INT,
  other_parent INT,
  restricted INT,
  CONSTRAINT fk_parent FOREIGN KEY (parent_id) REFERENCES parents (id) ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT fk_region_code FOREIGN KEY (region, code) REFERENCES parents (region, code) ON DELETE SET NULL,
  FOREIGN KEY (other_parent) REFERENCES parents (id),
  CONSTRAINT fk_restricted FOREIGN KEY (restricted) REFERENCES parents (id) ON DELETE RESTRICT ON UPDATE NO ACTION
);
CREATE TABLE explicit_index (
  id INT PRIMARY KEY,
  parent_id INT,
  KEY ix_parent (parent_id),
  CONSTRAINT fk_explicit FOREIGN KEY (parent_id) REFERENCES parents (id)
);
