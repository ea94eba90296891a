INSERT INTO events (kind, at) VALUES ('a', '2024-01-01 00:00:00.123'), ('b', '2024-01-01 00:00:01'), ('c', '2024-01-01 00:00:02');
DELETE FROM events WHERE id = 3;
