-- When the post-pasteurisation culture was sampled: not before its run ended (older rows: when it was recorded).
alter table pasteurisation_run add column post_culture_sampled_at timestamptz;

update pasteurisation_run set post_culture_sampled_at = post_culture_recorded_at
where post_culture_recorded_at is not null;

