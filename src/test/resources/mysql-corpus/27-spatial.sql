-- Spatial types and a spatial index.
CREATE TABLE places (
  id INT PRIMARY KEY,
  location POINT NOT NULL,
  area POLYGON,
  shape GEOMETRY,
  SPATIAL KEY sp_location (location)
);
