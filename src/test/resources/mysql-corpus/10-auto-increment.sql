-- AUTO_INCREMENT on signed and unsigned keys; the counter value is data, not schema.
CREATE TABLE users (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  email VARCHAR(255) NOT NULL,
  PRIMARY KEY (id)
) AUTO_INCREMENT = 1000;
CREATE TABLE sessions (
  sid INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id BIGINT UNSIGNED NOT NULL
);
INSERT INTO sessions (user_id) VALUES (1), (2);
