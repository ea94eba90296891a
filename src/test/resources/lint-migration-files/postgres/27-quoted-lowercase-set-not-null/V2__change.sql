alter table "book"
    alter column "subtitle"
    set not null;
