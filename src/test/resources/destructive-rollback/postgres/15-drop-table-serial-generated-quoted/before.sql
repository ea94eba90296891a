-- A serial column (its sequence belongs to the column), a generated column, names that need quotes.
CREATE TABLE "Order Lines" (
    "Id" serial PRIMARY KEY,
    "Qty" int NOT NULL,
    "Unit Price" numeric(8,2) NOT NULL,
    "Total" numeric(10,2) GENERATED ALWAYS AS ("Qty" * "Unit Price") STORED
);
CREATE TABLE keep (id int PRIMARY KEY);
