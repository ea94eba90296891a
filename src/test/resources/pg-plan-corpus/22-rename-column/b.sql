CREATE TABLE items (
    id int PRIMARY KEY,
    v int,
    remark text -- strata:renamed-from note
);
