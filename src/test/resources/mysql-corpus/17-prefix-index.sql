-- Prefix indexes on strings and blobs, mixed with whole-column parts.
CREATE TABLE articles (
  id INT PRIMARY KEY,
  slug VARCHAR(255) NOT NULL,
  body TEXT,
  digest BLOB,
  KEY ix_slug (slug(20)),
  KEY ix_body (body(100), id),
  UNIQUE KEY uq_digest (digest(32))
);
