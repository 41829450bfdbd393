-- Screening rules per standard profile, as found in the reference (section 2), and the Brazil (rBLH) profile.
-- Where the reference is silent for a profile, the source column says so and names where the value came from.

insert into standard_profile (code, name, description, built_in) values
    ('BRAZIL', 'Brazil rBLH',
     'Rede Brasileira de Bancos de Leite Humano: Dornic acidity and sensory checks instead of a culture before pasteurisation, total coliforms absent after, shelf life counted from pasteurisation.', true);

-- Brazil: every parameter of the other profiles. The three pre-culture thresholds are not set because
-- pre-culture.required is false (rBLH uses Dornic acidity and sensory checks instead of a culture).
insert into standard_profile_parameter (profile_code, key, value, source) values
    ('BRAZIL', 'serology.panel', 'HIV,HTLV,HBV,HCV,SYPHILIS', 'Reference silent for rBLH: the common panel (NICE-D, WA, NY)'),
    ('BRAZIL', 'serology.valid-days-before-first-donation', '180', 'Reference silent for rBLH: 6 months as HMBANA-S'),
    ('BRAZIL', 'pre-culture.required', 'false', 'rBLH: Dornic acidity and sensory checks instead of a culture before pasteurisation (reference §4, §5)'),
    ('BRAZIL', 'post-culture.max-cfu', '0', 'rBLH: total coliforms must be absent after pasteurisation (reference §5); any growth fails'),
    ('BRAZIL', 'raw.max-age-days', '15', 'Reference silent for rBLH: 15 days frozen raw milk, rBLH technical norm (to confirm locally)'),
    ('BRAZIL', 'pasteurised.expiry-months', '6', 'BR-R: 6 months from pasteurisation'),
    ('BRAZIL', 'pasteurised.expiry-from', 'PASTEURISATION', 'BR-R: counted from pasteurisation'),
    ('BRAZIL', 'thawed.life-hours', '24', 'Reference silent for rBLH: 24 h refrigerated as TMB2'),
    ('BRAZIL', 'pool.max-donors', '5', 'Reference silent for rBLH: 5 donors as HMBANA banks'),
    ('BRAZIL', 'holder.temperature-c', '62.5', 'Holder pasteurisation (reference §6)'),
    ('BRAZIL', 'holder.minutes', '30', 'Holder pasteurisation (reference §6)');

-- New donor parameters for every profile.
insert into standard_profile_parameter (profile_code, key, value, source) values
    ('HMBANA', 'screening.approvals-required', '2', 'AR: approval by two trained staff'),
    ('NICE', 'screening.approvals-required', '1', 'Reference silent for NICE: one approval'),
    ('BRAZIL', 'screening.approvals-required', '1', 'Reference silent for rBLH: one approval'),
    ('HMBANA', 'serology.retest-interval-days', '180', 'TMB (an HMBANA member): re-test every 6 months while donating'),
    ('NICE', 'serology.retest-interval-days', '0', 'NICE-K: no re-test while donating'),
    ('BRAZIL', 'serology.retest-interval-days', '0', 'Reference silent for rBLH: no re-test'),
    ('HMBANA', 'donor.infant-max-age-months', '24', 'TMB: donating until 24 months postpartum'),
    ('NICE', 'donor.infant-max-age-months', '24', 'GGC: donation accepted up to about 24 months postpartum'),
    ('BRAZIL', 'donor.infant-max-age-months', '24', 'Reference silent for rBLH: 24 months as GGC, TMB');

insert into deferral_rule (profile_code, category, permanent, days, retest_required, source) values
    ('HMBANA', 'TRANSFUSION', false, 365, true, 'CHOP: 12 months after a transfusion, re-test after'),
    ('HMBANA', 'TRANSPLANT', false, 365, true, 'AR: 12 months after a transplant, re-test after'),
    ('HMBANA', 'TATTOO_PIERCING', false, 180, true, 'AR: 6 months after a non-sterile tattoo, piercing or needlestick, re-test after'),
    ('HMBANA', 'NICOTINE', false, 30, false, 'WA: no nicotine within 30 days'),
    ('HMBANA', 'DRUGS', false, 365, false, 'Reference silent for HMBANA: 12 months as AU'),
    ('HMBANA', 'ALCOHOL', false, null, false, 'Reference silent for HMBANA: until the coordinator lifts it'),
    ('HMBANA', 'MEDICATION', false, null, false, 'Reference silent: until the coordinator lifts it'),
    ('HMBANA', 'ILLNESS', false, null, false, 'Reference silent: until the coordinator lifts it'),
    ('HMBANA', 'INFANT_AGE', true, null, false, 'TMB: 24 months postpartum'),
    ('HMBANA', 'OTHER', true, null, false, 'CHOP: vCJD risk defers permanently'),

    ('NICE', 'TRANSFUSION', false, 180, true, 'Reference silent for NICE: 6 months as MMBNE/AR range, re-test after'),
    ('NICE', 'TRANSPLANT', false, 365, true, 'Reference silent for NICE: 12 months as AR, re-test after'),
    ('NICE', 'TATTOO_PIERCING', false, 180, true, 'Reference silent for NICE: 6 months as AR, re-test after'),
    ('NICE', 'NICOTINE', false, null, false, 'NICE-D: any current use excludes, until she stops'),
    ('NICE', 'DRUGS', false, null, false, 'NICE-D: current or recent use excludes, until the coordinator lifts it'),
    ('NICE', 'ALCOHOL', false, null, false, 'NICE-D: above 1-2 units once or twice a week excludes, until she drinks less'),
    ('NICE', 'MEDICATION', false, null, false, 'Reference silent: until the coordinator lifts it'),
    ('NICE', 'ILLNESS', false, null, false, 'Reference silent: until the coordinator lifts it'),
    ('NICE', 'INFANT_AGE', true, null, false, 'GGC: about 24 months postpartum'),
    ('NICE', 'OTHER', true, null, false, 'CHOP: vCJD risk defers permanently'),

    ('BRAZIL', 'TRANSFUSION', false, 365, true, 'Reference silent for rBLH: 12 months as CHOP, re-test after'),
    ('BRAZIL', 'TRANSPLANT', false, 365, true, 'Reference silent for rBLH: 12 months as AR, re-test after'),
    ('BRAZIL', 'TATTOO_PIERCING', false, 180, true, 'Reference silent for rBLH: 6 months as AR, re-test after'),
    ('BRAZIL', 'NICOTINE', false, null, false, 'Reference silent for rBLH: current use excludes as NICE-D'),
    ('BRAZIL', 'DRUGS', false, null, false, 'Reference silent for rBLH: current use excludes as NICE-D'),
    ('BRAZIL', 'ALCOHOL', false, null, false, 'Reference silent for rBLH: regular use excludes as NICE-D'),
    ('BRAZIL', 'MEDICATION', false, null, false, 'Reference silent: until the coordinator lifts it'),
    ('BRAZIL', 'ILLNESS', false, null, false, 'Reference silent: until the coordinator lifts it'),
    ('BRAZIL', 'INFANT_AGE', true, null, false, 'Reference silent for rBLH: 24 months as GGC, TMB'),
    ('BRAZIL', 'OTHER', true, null, false, 'CHOP: vCJD risk defers permanently');

insert into screening_questionnaire (id, profile_code, version, published_on, note) values
    ('00000000-0000-4000-a000-000000000101', 'HMBANA', 1, date '2026-01-01', 'Reference §2: HMBANA-S, AR, CHOP, WA'),
    ('00000000-0000-4000-a000-000000000102', 'NICE', 1, date '2026-01-01', 'Reference §2: NICE CG93 (NICE-D)'),
    ('00000000-0000-4000-a000-000000000103', 'BRAZIL', 1, date '2026-01-01', 'Reference §2 (silent for rBLH: the common questions)');

-- The same core questions for the three profiles; what each deferral means comes from deferral_rule.
insert into screening_question (id, questionnaire_id, position, code, text, answer_type, defer_when, deferral_category)
select gen_random_uuid(), q.id, v.position, v.code, v.text, v.answer_type, v.defer_when, v.category
from screening_questionnaire q
cross join (values
    (1, 'TRANSFUSION', 'Have you received a blood transfusion or blood products in the last 12 months?', 'YES_NO', 'YES', 'TRANSFUSION'),
    (2, 'TRANSPLANT', 'Have you received an organ or tissue transplant in the last 12 months?', 'YES_NO', 'YES', 'TRANSPLANT'),
    (3, 'TATTOO_PIERCING', 'Have you had a tattoo, piercing or needlestick injury that was not sterile in the last 6 months?', 'YES_NO', 'YES', 'TATTOO_PIERCING'),
    (4, 'NICOTINE', 'Do you smoke or use nicotine products (including patches or e-cigarettes)?', 'YES_NO', 'YES', 'NICOTINE'),
    (5, 'ALCOHOL_UNITS', 'How many units of alcohol do you drink in a typical week?', 'NUMBER', '>4', 'ALCOHOL'),
    (6, 'DRUGS', 'Have you used recreational drugs in the last 12 months?', 'YES_NO', 'YES', 'DRUGS'),
    (7, 'VCJD', 'Did you live in the UK for 3 months or more between 1980 and 1996, or have you been told you are at risk of vCJD?', 'YES_NO', 'YES', 'OTHER'),
    (8, 'MEDICATION', 'Which medicines or herbal remedies do you take now (write none if none)?', 'TEXT', null, null)
) as v (position, code, text, answer_type, defer_when, category)
where q.version = 1;

insert into screening_addendum (id, code, title, pause_days, source) values
    ('00000000-0000-4000-a000-000000000201', 'NEW_PATHOGEN', 'New pathogen (e.g. COVID-19): exposure and symptoms', 14,
     'Reference §2: emergency addenda, 14-day pause after exposure or a confirmed case');

insert into screening_question (id, addendum_id, position, code, text, answer_type, defer_when, deferral_category) values
    (gen_random_uuid(), '00000000-0000-4000-a000-000000000201', 1, 'EXPOSURE_14_DAYS',
     'Have you been in contact with a confirmed case in the last 14 days?', 'YES_NO', 'YES', 'ILLNESS'),
    (gen_random_uuid(), '00000000-0000-4000-a000-000000000201', 2, 'SYMPTOMS',
     'Do you have fever, cough, loss of taste or smell, or have you tested positive?', 'YES_NO', 'YES', 'ILLNESS');
