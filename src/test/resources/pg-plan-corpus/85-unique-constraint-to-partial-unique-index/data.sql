INSERT INTO subscriptions SELECT g, g, CASE WHEN g % 2 = 0 THEN 'pro' ELSE 'basic' END,
    CASE WHEN g % 5 = 0 THEN timestamptz '2024-02-01 00:00:00+00' ELSE NULL END FROM generate_series(1, 50) g;
