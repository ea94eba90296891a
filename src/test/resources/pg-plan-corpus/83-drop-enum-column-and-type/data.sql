INSERT INTO shipments SELECT g, 'city ' || g, CASE WHEN g % 3 = 0 THEN 'express'::shipping_speed ELSE 'standard' END FROM generate_series(1, 40) g;
