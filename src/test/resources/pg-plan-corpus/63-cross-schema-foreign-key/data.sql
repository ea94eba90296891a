INSERT INTO billing.accounts SELECT g, CASE WHEN g % 3 = 0 THEN 'USD' ELSE 'EUR' END FROM generate_series(1, 12) g;
INSERT INTO crm.contacts SELECT g, 'contact' || g || '@example.com', CASE WHEN g % 5 = 0 THEN NULL ELSE g % 12 + 1 END
FROM generate_series(1, 50) g;
