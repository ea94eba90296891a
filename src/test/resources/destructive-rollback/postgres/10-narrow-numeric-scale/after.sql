CREATE TABLE prices (
    id int PRIMARY KEY,
    amount numeric(12,2) NOT NULL,
    discount numeric(6,2)
);
