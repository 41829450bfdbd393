-- collection: why reception held a container is stored as reason codes with their arguments
-- ([{"key": "donor.eligibility.deferredUntil", "args": ["2026-04-01"]}]), rendered in the reader's language.
-- Rows written before stored the words in whichever language the clerk used; they stay readable as they were,
-- under one code that shows them unchanged.
alter table raw_container alter column hold_reason type jsonb using
    case when hold_reason is null or btrim(hold_reason) = '' then null
         else jsonb_build_array(jsonb_build_object('key', 'collection.holdReason.legacy',
                                                   'args', jsonb_build_array(hold_reason)))
    end;
alter table raw_container add constraint raw_container_hold_reason_is_list
    check (hold_reason is null or jsonb_typeof(hold_reason) = 'array');
