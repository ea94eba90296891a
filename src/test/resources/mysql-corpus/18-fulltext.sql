-- Full-text indexes on InnoDB and MyISAM.
CREATE TABLE posts (
  id INT PRIMARY KEY,
  title VARCHAR(200),
  body TEXT,
  FULLTEXT KEY ft_title_body (title, body),
  FULLTEXT ft_body (body)
) ENGINE=InnoDB;
CREATE TABLE old_posts (
  id INT PRIMARY KEY,
  body TEXT,
  FULLTEXT KEY ft_old (body)
) ENGINE=MyISAM;
