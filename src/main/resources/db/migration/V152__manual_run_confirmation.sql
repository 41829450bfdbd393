-- A typed run (no log) is an explicitly manual record: its bottles wait for a second person's confirmation.
-- Runs recorded before keep manual = false: they were accepted under the rules of their time.
alter table pasteurisation_run add column manual boolean not null default false;
alter table pasteurisation_run add column manual_confirmed_by text;
alter table pasteurisation_run add column manual_confirmed_at timestamptz;
alter table pasteurisation_run add constraint pasteurisation_run_manual_confirmed_chk
    check ((manual_confirmed_by is null) = (manual_confirmed_at is null) and (manual or manual_confirmed_by is null));
