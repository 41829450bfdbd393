-- labeling: every label printed, so that a reprint (a second label for the same DIN) is deliberate and explained
create table label_print (
    id         uuid primary key,
    din        text        not null,
    output     text        not null,
    reprint    boolean     not null,
    reason     text,
    printed_at timestamptz not null,
    printed_by text        not null,
    check (not reprint or reason is not null)
);
create index label_print_din_idx on label_print (din);
