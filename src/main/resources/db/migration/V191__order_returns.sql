-- orders: unused bottles the ward sends back (issue 13; reference section 9). Each return keeps who, when and why,
-- the temperature the bottle showed on arrival, and what the profile's cold-chain rule made of it: back into stock,
-- or discarded with the rule's reasons (message keys, rendered in the reader's language). Append-only.
create table milk_order_return (
    id                     uuid primary key,
    order_id               uuid          not null references milk_order (id),
    bottle_id              uuid          not null references bottle (id),
    returned_at            timestamptz   not null,
    returned_by            text          not null,
    reason                 text          not null check (reason in ('NOT_NEEDED', 'DISCHARGED', 'ORDER_CHANGED', 'TRANSFERRED', 'OTHER')),
    note                   text,
    arrival_temperature_c  numeric(4, 1) not null check (arrival_temperature_c between -90 and 40),
    outcome                text          not null check (outcome in ('STOCK', 'DISCARDED')),
    discard_reasons        jsonb         not null default '[]'::jsonb
);
create index milk_order_return_order on milk_order_return (order_id, returned_at);

create function milk_order_return_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'returns are append-only: % on % refused', tg_op, tg_table_name;
end $$;
create trigger milk_order_return_append_only before update or delete on milk_order_return
    for each row execute function milk_order_return_is_append_only();
