INSERT INTO payments VALUES (1, 10.50, 'ada@example.org', 'first'), (2, 0.01, NULL, NULL), (3, 99999.99, 'x@y', 'it''s');
INSERT INTO ledger VALUES (1), (2);
