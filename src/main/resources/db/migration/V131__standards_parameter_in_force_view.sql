-- standards: each profile's rules as they stand today: its value, replaced by the bank's latest change effective
-- on or before today (as Standards.profileOn reads them), for the views of other modules that read a rule.
create view standards_parameter_v as
select p.profile_code, p.key, coalesce(c.value, p.value) as value
from standard_profile_parameter p
         left join lateral (select ch.value
                            from standard_parameter_change ch
                            where ch.profile_code = p.profile_code
                              and ch.key = p.key
                              and ch.effective_from <= current_date
                            order by ch.effective_from desc, ch.seq desc
                            limit 1) c on true;
