-- Bench data: :cases accountability cases spread over every mission, 2015-2025, both kinds, every
-- category and a realistic mix of statuses, with victims, assistance and investigations on SEA
-- cases. Run with psql -v cases=1000000 on a database the service has migrated. Not a migration;
-- it writes no history (Envers) rows, so a bench case's history is empty.
\set ON_ERROR_STOP on
DELETE FROM accountability_case WHERE reference LIKE '%-B%';

WITH missions AS (
    SELECT array_agg(acronym ORDER BY acronym) AS acronyms FROM mission
), generated AS (
    SELECT i,
           m.acronyms[1 + (i::bigint * 7919) % array_length(m.acronyms, 1)] AS mission,
           DATE '2015-01-01' + ((i::bigint * 104729) % 4017)::int AS reported_on,
           CASE WHEN i % 10 < 7 THEN 'misconduct' ELSE 'crime_against_peacekeepers' END AS kind,
           CASE WHEN i % 10 < 3 THEN 'sea' WHEN i % 10 < 7 THEN 'other_misconduct' END AS category
      FROM generate_series(1, :cases) AS i, missions m
)
INSERT INTO accountability_case (id, reference, kind, mission_acronym, status, reported_on, incident_date,
    incident_date_precision, closed_on, category, misconduct_level, sea_type, sea_subtype, misconduct_type,
    personnel_category, alleged_perpetrators, victims, investigations, interim_actions, final_actions,
    crime_type, location_admin_area, peacekeepers_killed, peacekeepers_injured, suspects_identified,
    suspects_arrested, suspects_charged, suspects_tried, suspects_convicted, suspects_acquitted)
SELECT md5('bench-case-' || i)::uuid,
       mission || '-' || extract(year FROM reported_on)::int || '-B' || lpad(i::text, 7, '0'),
       kind, mission,
       CASE WHEN kind = 'misconduct'
            THEN (ARRAY['reported', 'preliminary_assessment', 'under_investigation', 'referred',
                        'pending_member_state_investigation', 'substantiated', 'not_substantiated',
                        'action_pending', 'action_taken', 'closed'])[1 + i % 10]
            ELSE (ARRAY['reported', 'investigation_opened', 'suspects_identified', 'arrested', 'charged',
                        'on_trial', 'convicted', 'acquitted', 'no_national_investigation', 'dismissed'])[1 + i % 10] END,
       reported_on, reported_on - (i % 30), (ARRAY['day', 'month', 'year', 'unknown'])[1 + i % 4],
       CASE WHEN i % 10 IN (6, 9) OR (kind = 'crime_against_peacekeepers' AND i % 10 = 7)
            THEN reported_on + 200 END,
       category,
       CASE WHEN kind = 'misconduct' THEN CASE WHEN category = 'sea' THEN 1 ELSE 1 + i % 2 END END,
       CASE WHEN category = 'sea' THEN (ARRAY['sexual_exploitation', 'sexual_abuse'])[1 + i % 2] END,
       CASE WHEN category = 'sea' THEN (ARRAY['transactional_sex', 'rape'])[1 + i % 2] END,
       CASE WHEN category = 'other_misconduct' THEN (ARRAY['fraud', 'theft', 'abuse of authority'])[1 + i % 3] END,
       CASE WHEN kind = 'misconduct'
            THEN (ARRAY['military_contingent', 'formed_police_unit', 'civilian_international',
                        'civilian_national', 'un_volunteer', 'individual_police'])[1 + i % 6] END,
       CASE WHEN kind = 'misconduct' THEN 1 + i % 3 END,
       CASE WHEN category = 'sea' THEN jsonb_build_array(
            jsonb_build_object('sex', (ARRAY['female', 'male'])[1 + i % 2],
                               'age_group', (ARRAY['adult', 'minor', 'unknown'])[1 + i % 3],
                               'assistance_offered', true, 'assistance_accepted', i % 4 <> 0,
                               'assistance', CASE WHEN i % 4 <> 0 THEN jsonb_build_array(jsonb_build_object(
                                   'type', 'medical', 'provider', 'implementing partner',
                                   'provided_on', reported_on + 3)) ELSE '[]'::jsonb END))
            ELSE '[]'::jsonb END,
       CASE WHEN kind = 'misconduct' THEN jsonb_build_array(jsonb_build_object(
            'entity', (ARRAY['oios', 'nio', 'mission_unit'])[1 + i % 3], 'opened_on', reported_on + 10,
            'completed_on', CASE WHEN i % 3 = 0 THEN NULL ELSE reported_on + 10 + i % 200 END))
            ELSE '[]'::jsonb END,
       '[]'::jsonb,
       CASE WHEN kind = 'misconduct' AND i % 10 IN (7, 8) THEN jsonb_build_array(jsonb_build_object(
            'type', 'repatriation_and_ban', 'taken_on', reported_on + 150)) ELSE '[]'::jsonb END,
       CASE WHEN kind = 'crime_against_peacekeepers' THEN (ARRAY['ambush', 'ied', 'indirect_fire'])[1 + i % 3] END,
       CASE WHEN kind = 'crime_against_peacekeepers' THEN 'Area ' || (i % 40) END,
       CASE WHEN kind = 'crime_against_peacekeepers' THEN i % 3 END,
       CASE WHEN kind = 'crime_against_peacekeepers' THEN i % 5 END,
       CASE WHEN kind = 'crime_against_peacekeepers' THEN i % 4 END,
       CASE WHEN kind = 'crime_against_peacekeepers' THEN i % 3 END,
       CASE WHEN kind = 'crime_against_peacekeepers' THEN i % 2 END,
       CASE WHEN kind = 'crime_against_peacekeepers' THEN i % 2 END,
       0, 0
  FROM generated;

ANALYZE accountability_case;
SELECT kind, category, count(*) FROM accountability_case GROUP BY 1, 2 ORDER BY 1, 2;
