-- A bank's last exchange with its hub (one row): when it was tried, when it last went through, and why the last one
-- failed (coded, Said: rendered in the reader's language)
create table network_sync (
    id              smallint primary key check (id = 1),
    last_attempt_at timestamptz not null,
    last_success_at timestamptz,
    last_failure    jsonb,
    last_sent       integer     not null default 0,
    last_fetched    integer     not null default 0
);

-- A bank's consents to the network, each change kept (who, when, why); the newest is in force. Until the first,
-- nothing unit-level is shared and the bank is anonymous to its peers.
create table network_sharing (
    id            uuid primary key,
    shares_events boolean     not null,
    named         boolean     not null,
    reason        text        not null,
    changed_by    text        not null,
    changed_at    timestamptz not null
);
create index network_sharing_at on network_sharing (changed_at);
