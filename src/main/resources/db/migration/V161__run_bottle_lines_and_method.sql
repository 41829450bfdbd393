-- pasteurization: a run takes bottles of several sizes (lines of mL per bottle × count), mL sampled from its pool,
-- and a method (HOLDER or HTST, whose hold is seconds long).
create table pasteurisation_run_bottle_line (
    run_id       uuid not null references pasteurisation_run (id),
    line_no      int  not null check (line_no >= 0),
    volume_ml    int  not null check (volume_ml between 1 and 1000),
    bottle_count int  not null check (bottle_count >= 1),
    primary key (run_id, line_no)
);

insert into pasteurisation_run_bottle_line (run_id, line_no, volume_ml, bottle_count)
select id, 0, bottle_volume_ml, bottle_count
from pasteurisation_run
where bottle_count >= 1 and bottle_volume_ml between 1 and 1000;

alter table pasteurisation_run
    add column hold_seconds int check (hold_seconds >= 0),
    add column sampled_ml   int check (sampled_ml >= 0),
    add constraint pasteurisation_run_method_check check (method in ('HOLDER', 'HTST'));
