-- Why a failed pre-culture discarded a pool, as codes with their counts, rendered in the reader's language:
-- [{"key": "processing.discard.pre-culture.total", "args": [200000, 100000]}, ...].
-- Rows discarded before keep their English text in discard_reason, shown as it is.
alter table pool add column discard_code jsonb;
