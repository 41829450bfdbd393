-- Standard profiles: every rule that differs between standards is a row here, never a constant in code.
create table standard_profile (
    code        text primary key,
    name        text not null,
    description text not null,
    built_in    boolean not null default false
);

create table standard_profile_parameter (
    profile_code text not null references standard_profile (code),
    key          text not null,
    value        text not null,
    source       text,
    primary key (profile_code, key)
);

insert into standard_profile (code, name, description, built_in) values
    ('HMBANA', 'HMBANA (North America)',
     'Human Milk Banking Association of North America: no culture before pasteurisation, any growth after pasteurisation fails, multi-donor pools.', true),
    ('NICE', 'NICE CG93 (United Kingdom)',
     'NICE clinical guideline 93: culture before pasteurisation with discard thresholds, at most 10 CFU/mL after, single-donor pools.', true);

insert into standard_profile_parameter (profile_code, key, value, source) values
    ('HMBANA', 'serology.panel', 'HIV,HTLV,HBV,HCV,SYPHILIS', 'HMBANA standards: HIV-1/2, HTLV-I/II, HBsAg, hepatitis C, syphilis'),
    ('HMBANA', 'serology.valid-days-before-first-donation', '180', 'HMBANA: blood drawn no earlier than 6 months before first donation'),
    ('HMBANA', 'pre-culture.required', 'false', 'HMBANA: no test before pasteurisation'),
    ('HMBANA', 'post-culture.max-cfu', '0', 'HMBANA: any growth after pasteurisation fails'),
    ('HMBANA', 'raw.max-age-days', '365', 'Arkansas / Washington rules for HMBANA banks: raw frozen milk up to 12 months'),
    ('HMBANA', 'pasteurised.expiry-months', '12', 'HMBANA: 12 months from expression of the oldest milk in the pool'),
    ('HMBANA', 'pasteurised.expiry-from', 'EXPRESSION', 'HMBANA'),
    ('HMBANA', 'thawed.life-hours', '24', 'Texas milk bank hospital handling: thawed 24 h refrigerated'),
    ('HMBANA', 'pool.max-donors', '5', 'HMBANA banks usually pool 3-5 donors'),
    ('HMBANA', 'holder.temperature-c', '62.5', 'Holder pasteurisation'),
    ('HMBANA', 'holder.minutes', '30', 'Holder pasteurisation'),

    ('NICE', 'serology.panel', 'HIV,HTLV,HBV,HCV,SYPHILIS', 'NICE CG93: HIV-1/2, HTLV-I/II, hepatitis B, hepatitis C, syphilis'),
    ('NICE', 'serology.valid-days-before-first-donation', '180', 'Bank default: NICE sets no window; no re-test while donating'),
    ('NICE', 'pre-culture.required', 'true', 'NICE CG93: culture before pasteurisation'),
    ('NICE', 'pre-culture.max-total-cfu', '100000', 'NICE CG93: discard if total > 10^5 CFU/mL'),
    ('NICE', 'pre-culture.max-enterobacteriaceae-cfu', '10000', 'NICE CG93: discard if Enterobacteriaceae > 10^4 CFU/mL'),
    ('NICE', 'pre-culture.max-staph-aureus-cfu', '10000', 'NICE CG93: discard if S. aureus > 10^4 CFU/mL'),
    ('NICE', 'post-culture.max-cfu', '10', 'NICE CG93: > 10 CFU/mL of anything fails'),
    ('NICE', 'raw.max-age-days', '90', 'NICE CG93: raw frozen milk up to 3 months'),
    ('NICE', 'pasteurised.expiry-months', '6', 'NICE CG93: 6 months from expression'),
    ('NICE', 'pasteurised.expiry-from', 'EXPRESSION', 'NICE CG93'),
    ('NICE', 'thawed.life-hours', '24', 'NICE CG93: thawed milk used within 24 h'),
    ('NICE', 'pool.max-donors', '1', 'NICE CG93: milk from different donors is not pooled'),
    ('NICE', 'holder.temperature-c', '62.5', 'Holder pasteurisation'),
    ('NICE', 'holder.minutes', '30', 'Holder pasteurisation');

insert into bank_setting (key, value, updated_at, updated_by) values ('active-profile', 'HMBANA', now(), 'system');
