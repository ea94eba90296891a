INSERT INTO sales SELECT g, (ARRAY['north', 'south', 'east', 'west'])[g % 4 + 1], g * 4.2, date '2024-01-01' + g FROM generate_series(1, 80) g;
REFRESH MATERIALIZED VIEW sales_by_region;
