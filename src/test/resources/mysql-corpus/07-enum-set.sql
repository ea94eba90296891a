-- Inline ENUM and SET members, including quotes, commas and spaces.
CREATE TABLE tickets (
  id INT PRIMARY KEY,
  status ENUM('open', 'in progress', 'closed') NOT NULL DEFAULT 'open',
  quoted ENUM('it''s', 'say "hi"', 'a,b', 'back\\slash'),
  tags SET('red', 'green', 'blue') DEFAULT 'red,blue',
  empty_member ENUM('', 'x')
);
