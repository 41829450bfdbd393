-- donor: the donor coordinator's work, published for reports (the home page) read by other modules.

-- every screening interview and where its approval stands
create view donor_screening_v as
select id, donor_id, state, interviewed_on, approvals_required, first_approved_by, recorded_at
from screening;

-- every deferral; standing = neither voided nor lifted
create view donor_deferral_v as
select id, donor_id, category, permanent, starts_on, until, retest_required,
       (not voided and lifted_at is null) as standing
from deferral;

-- when each panel test of a donor still donating must be sampled again, under the active profile's re-test
-- interval (none when the interval is 0); retired and permanently deferred donors are not re-tested
create view donor_serology_due_v as
select r.donor_id, r.test, max(r.sample_date) as last_sampled_on,
       max(r.sample_date) + interval_days.value::int as due_on
from serology_result r
         join donor d on d.id = r.donor_id
         join bank_setting active on active.key = 'active-profile'
         join standard_profile_parameter interval_days
              on interval_days.profile_code = active.value and interval_days.key = 'serology.retest-interval-days'
         join standard_profile_parameter panel
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
