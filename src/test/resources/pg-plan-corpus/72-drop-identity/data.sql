INSERT INTO imports (source) SELECT 'file-' || g || '.csv' FROM generate_series(1, 40) g;
