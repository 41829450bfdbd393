-- The donor re-test list follows the active profile's rules as they stand today, including a bank's own changes
-- (standards_parameter_v, V131), not the values its profile was created with. Numbered after V130/V131, which it
-- needs, although it redraws a donor view (V16).
create or replace view donor_serology_due_v as
select r.donor_id, r.test, max(r.sample_date) as last_sampled_on,
       max(r.sample_date) + interval_days.value::int as due_on
from serology_result r
         join donor d on d.id = r.donor_id
         join bank_setting active on active.key = 'active-profile'
         join standards_parameter_v interval_days
              on interval_days.profile_code = active.value and interval_days.key = 'serology.retest-interval-days'
         join standards_parameter_v panel
              on panel.profile_code = active.value and panel.key = 'serology.panel'
where not r.voided
  and r.outcome = 'NEGATIVE'
  and d.retired_on is null
  and interval_days.value::int > 0
  and r.test = any (string_to_array(replace(panel.value, ' ', ''), ','))
  and not exists (select 1 from deferral df where df.donor_id = d.id and df.permanent and not df.voided)
  and not exists (select 1 from serology_result p
                  where p.donor_id = d.id and not p.voided and p.outcome = 'POSITIVE')
group by r.donor_id, r.test, interval_days.value;
