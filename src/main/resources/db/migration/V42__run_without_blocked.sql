-- A run is no longer BLOCKED: holds are beside its state (milk_hold). A blocked run goes back to where its own
-- lifecycle had taken it; the donor's hold keeps it out of use.
alter table pasteurisation_run drop constraint if exists pasteurisation_run_state_check;

update pasteurisation_run set state = case
        when released_at is not null then 'RELEASED'
        when post_culture_outcome = 'NEGATIVE' then 'CULTURE_NEGATIVE'
        else 'QUARANTINE' end
where state = 'BLOCKED';

alter table pasteurisation_run drop column block_reason;

alter table pasteurisation_run add constraint pasteurisation_run_state_check
    check (state in ('FAILED', 'QUARANTINE', 'CULTURE_NEGATIVE', 'RELEASED', 'DISCARDED'));
