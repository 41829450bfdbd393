-- processing: find the pools holding a blocked donor's milk, and those blocked, quickly.
create index pool_blocked_idx on pool (created_at) where state = 'BLOCKED';
