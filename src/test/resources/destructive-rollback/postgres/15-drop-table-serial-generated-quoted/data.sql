INSERT INTO "Order Lines" ("Qty", "Unit Price") VALUES (2, 1.50), (1, 10), (7, 0.01);
