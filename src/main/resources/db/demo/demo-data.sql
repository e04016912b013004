-- Demo data (a4p.demo-data=true: by default in dev mode, with A4P_DEMO_DATA=true elsewhere): first a
-- few records of every kind with FIXED ids, the ids that openapi.yaml's examples name; then a generated
-- population (400 cases, ten more partnerships) to explore. Not a Flyway migration: platform/persistence/DemoData runs this
-- file at start-up in one transaction. Every statement is ON CONFLICT DO NOTHING, so loading it
-- again, or into a database already in use, changes nothing that exists; switching it off later
-- leaves Flyway's history untouched. Priorities, indicators and missions come from the migrations.
-- Demo records are not real cases: no victim data beyond the sex and age group the UN publishes.

-- One audit revision (a negative id: Hibernate's sequence never produces one) so that the demo
-- cases and partnerships have a history like records created through the API.
INSERT INTO audit_revision (id, at, actor, reason) VALUES
(-1, TIMESTAMPTZ '2024-06-01 08:00:00+00', 'demo-data', NULL)
ON CONFLICT DO NOTHING;

-- Indicators with fixed ids (the migrations' indicators get random ids).
INSERT INTO indicator (id, priority_code, code, name_en, name_fr, unit, baseline, target, direction, data_source,
                       created_at, updated_at) VALUES
('d0000000-0000-4000-8000-000000000101', 'P5', 'P5-DEMO-01',
 'SEA allegations with a victim referred to assistance within 7 days',
 'Allégations d''EAS dont la victime a été orientée vers une assistance dans les 7 jours',
 'percent', 60, 100, 'higher_is_better', 'Victims'' Rights Advocate',
 TIMESTAMPTZ '2024-06-01 08:00:00+00', TIMESTAMPTZ '2024-06-01 08:00:00+00'),
('d0000000-0000-4000-8000-000000000102', 'P4', 'P4-DEMO-01',
 'Crimes against peacekeepers with a suspect arrested',
 'Crimes contre des Casques bleus ayant donné lieu à l''arrestation d''un suspect',
 'percent', 10, 50, 'higher_is_better', 'Resolution 2589 focal point',
 TIMESTAMPTZ '2024-06-01 08:00:00+00', TIMESTAMPTZ '2024-06-01 08:00:00+00')
ON CONFLICT DO NOTHING;

-- Assessments (2024-Q1) with indicator values.
INSERT INTO assessment (id, mission_acronym, priority_code, period_start, rating, score, narrative, created_at, updated_at) VALUES
('d0000000-0000-4000-8000-000000000201', 'MINUSCA', 'P5', DATE '2024-01-01', 'at_risk', 55,
 'Two SEA investigations ran past the 90-day target; victim referral times improved.',
 TIMESTAMPTZ '2024-06-01 08:00:00+00', TIMESTAMPTZ '2024-06-01 08:00:00+00'),
('d0000000-0000-4000-8000-000000000202', 'MONUSCO', 'P4', DATE '2024-01-01', 'off_track', 30,
 'Few national investigations progressed beyond the opening stage.',
 TIMESTAMPTZ '2024-06-01 08:00:00+00', TIMESTAMPTZ '2024-06-01 08:00:00+00')
ON CONFLICT DO NOTHING;
INSERT INTO assessment_indicator_value (assessment_id, indicator_id, value, note) VALUES
('d0000000-0000-4000-8000-000000000201', 'd0000000-0000-4000-8000-000000000101', 75, '3 of 4 victims referred within 7 days'),
('d0000000-0000-4000-8000-000000000202', 'd0000000-0000-4000-8000-000000000102', 20, NULL)
ON CONFLICT DO NOTHING;

-- Accountability cases: an SEA case with victims, another misconduct case, two crimes against peacekeepers.
INSERT INTO accountability_case (id, reference, kind, mission_acronym, status, reported_on, incident_date,
    incident_date_precision, category, misconduct_level, sea_type, sea_subtype, misconduct_type, personnel_category,
    alleged_perpetrators, perpetrator_nationality, victims, investigations, interim_actions, final_actions,
    member_state_requests, paternity_claims, created_at, updated_at) VALUES
('d0000000-0000-4000-8000-000000000301', 'MINUSCA-2024-0001', 'misconduct', 'MINUSCA', 'under_investigation',
 DATE '2024-02-12', DATE '2024-02-01', 'month', 'sea', 1, 'sexual_exploitation', 'transactional_sex', NULL,
 'military_contingent', 1, NULL,
 '[{"sex":"female","age_group":"adult","assistance_offered":true,"assistance_accepted":true,"assistance":[{"type":"medical","provider":"UNFPA implementing partner","provided_on":"2024-02-14"},{"type":"psychosocial","provider":"UNFPA implementing partner","provided_on":"2024-02-15"}]},{"sex":"female","age_group":"minor","assistance_offered":true,"assistance_accepted":false,"assistance":[]}]',
 '[{"entity":"nio","opened_on":"2024-02-20","completed_on":null}]',
 '[{"type":"payments_suspended","taken_on":"2024-02-25"}]',
 '[]',
 '[]',
 '[{"status":"open","opened_on":"2024-03-01"}]',
 TIMESTAMPTZ '2024-06-01 08:00:00+00', TIMESTAMPTZ '2024-06-01 08:00:00+00'),
('d0000000-0000-4000-8000-000000000302', 'MONUSCO-2024-0001', 'misconduct', 'MONUSCO', 'preliminary_assessment',
 DATE '2024-03-04', DATE '2024-03-01', 'day', 'other_misconduct', 1, NULL, NULL, 'fraud',
 'civilian_international', 2, NULL, '[]', '[]', '[]', '[]', '[]', '[]',
 TIMESTAMPTZ '2024-06-01 08:00:00+00', TIMESTAMPTZ '2024-06-01 08:00:00+00')
ON CONFLICT DO NOTHING;
INSERT INTO accountability_case (id, reference, kind, mission_acronym, status, reported_on, incident_date,
    incident_date_precision, crime_type, location_admin_area, location_description, peacekeepers_killed,
    peacekeepers_injured, attributed_group, national_case_number, court, suspects_identified, suspects_arrested,
    suspects_charged, suspects_tried, suspects_convicted, suspects_acquitted, created_at, updated_at) VALUES
('d0000000-0000-4000-8000-000000000303', 'MINUSCA-2024-0002', 'crime_against_peacekeepers', 'MINUSCA',
 'suspects_identified', DATE '2024-04-03', DATE '2024-04-02', 'day', 'ambush', 'Haute-Kotto',
 'Road between Bria and Ippy', 1, 3, 'Unidentified armed group', 'RP 0412/2024', 'Tribunal de grande instance de Bria',
 4, 0, 0, 0, 0, 0, TIMESTAMPTZ '2024-06-01 08:00:00+00', TIMESTAMPTZ '2024-06-01 08:00:00+00'),
('d0000000-0000-4000-8000-000000000304', 'MONUSCO-2024-0002', 'crime_against_peacekeepers', 'MONUSCO',
 'charged', DATE '2024-01-22', DATE '2024-01-20', 'day', 'ied', 'Ituri', 'Road between Bunia and Komanda',
 2, 5, NULL, 'RMP 118/2024', 'Tribunal militaire de garnison de Bunia',
 3, 2, 2, 0, 0, 0, TIMESTAMPTZ '2024-06-01 08:00:00+00', TIMESTAMPTZ '2024-06-01 08:00:00+00')
ON CONFLICT DO NOTHING;
INSERT INTO case_reference_counter (mission_acronym, year, last_number) VALUES
('MINUSCA', 2024, 2), ('MONUSCO', 2024, 2)
ON CONFLICT (mission_acronym, year) DO UPDATE SET last_number = GREATEST(case_reference_counter.last_number, EXCLUDED.last_number);
INSERT INTO accountability_case_aud (id, rev, revtype, reference, kind, mission_acronym, status, status_before_dormant,
    reported_on, incident_date, incident_date_precision, closed_on, category, misconduct_level, sea_type, sea_subtype,
    misconduct_type, personnel_category, alleged_perpetrators, perpetrator_nationality, victims, investigations,
    interim_actions, final_actions, member_state_requests, paternity_claims, crime_type, location_admin_area,
    location_description, peacekeepers_killed, peacekeepers_injured, attributed_group, national_case_number, court,
    suspects_identified, suspects_arrested, suspects_charged, suspects_tried, suspects_convicted, suspects_acquitted,
    created_at, updated_at)
SELECT id, -1, 0, reference, kind, mission_acronym, status, status_before_dormant, reported_on, incident_date,
    incident_date_precision, closed_on, category, misconduct_level, sea_type, sea_subtype, misconduct_type,
    personnel_category, alleged_perpetrators, perpetrator_nationality, victims, investigations, interim_actions,
    final_actions, member_state_requests, paternity_claims, crime_type, location_admin_area, location_description,
    peacekeepers_killed, peacekeepers_injured, attributed_group, national_case_number, court, suspects_identified,
    suspects_arrested, suspects_charged, suspects_tried, suspects_convicted, suspects_acquitted, created_at, updated_at
  FROM accountability_case
 WHERE id IN ('d0000000-0000-4000-8000-000000000301', 'd0000000-0000-4000-8000-000000000302',
              'd0000000-0000-4000-8000-000000000303', 'd0000000-0000-4000-8000-000000000304')
   AND version = 0
ON CONFLICT DO NOTHING;

-- Host-country partnerships with commitments and violations.
INSERT INTO host_country_partnership (id, mission_acronym, country_code, status, agreement_type, agreement_title,
    agreement_signed_date, agreement_in_force_date, agreement_document_symbol, focal_points,
    resolution_2589_focal_point, transition_phase, transition_benchmarks, created_at, updated_at) VALUES
('d0000000-0000-4000-8000-000000000401', 'MINUSCA', 'CAF', 'in_force', 'sofa',
 'Agreement between the United Nations and the Government of the Central African Republic concerning the status of MINUSCA',
 DATE '2014-09-02', DATE '2014-09-02', NULL,
 '[{"function":"Director of Cabinet for relations with MINUSCA","organisation":"Ministry of Foreign Affairs","contactChannel":"Note verbale through the Office of the SRSG"}]',
 '{"function":"Focal point for crimes against peacekeepers","organisation":"Ministry of Justice","contactChannel":"Monthly joint meeting with the mission''s Justice and Corrections Section"}',
 'planning',
 '[{"indicator":"Prefectures where state administration has redeployed","target":"16 of 16 prefectures","currentValue":"11 of 16 prefectures","status":"on_track"}]',
 TIMESTAMPTZ '2024-06-01 08:00:00+00', TIMESTAMPTZ '2024-06-01 08:00:00+00'),
('d0000000-0000-4000-8000-000000000402', 'MONUSCO', 'COD', 'in_force', 'sofa',
 'Agreement between the United Nations and the Democratic Republic of the Congo concerning the status of the mission',
 DATE '2000-05-04', DATE '2000-05-04', NULL,
 '[{"function":"Coordinator of the joint transition working group","organisation":"Ministry of Foreign Affairs","contactChannel":"Weekly meeting of the joint working group"}]',
 NULL, 'drawdown',
 '[{"indicator":"Provinces handed over to national security forces","target":"3 of 3 provinces","currentValue":"1 of 3 provinces","status":"at_risk"}]',
 TIMESTAMPTZ '2024-06-01 08:00:00+00', TIMESTAMPTZ '2024-06-01 08:00:00+00')
ON CONFLICT DO NOTHING;
INSERT INTO host_country_partnership_aud (id, rev, revtype, mission_acronym, country_code, status, agreement_type,
    agreement_title, agreement_signed_date, agreement_in_force_date, agreement_document_symbol, focal_points,
    resolution_2589_focal_point, transition_phase, transition_benchmarks, created_at, updated_at)
SELECT id, -1, 0, mission_acronym, country_code, status, agreement_type, agreement_title, agreement_signed_date,
    agreement_in_force_date, agreement_document_symbol, focal_points, resolution_2589_focal_point, transition_phase,
    transition_benchmarks, created_at, updated_at
  FROM host_country_partnership
 WHERE id IN ('d0000000-0000-4000-8000-000000000401', 'd0000000-0000-4000-8000-000000000402') AND version = 0
ON CONFLICT DO NOTHING;

INSERT INTO partnership_commitment (id, partnership_id, description, area, priority_code, owner, due_date, status,
    created_at, updated_at) VALUES
('d0000000-0000-4000-8000-000000000501', 'd0000000-0000-4000-8000-000000000401',
 'Joint patrols with the national defence forces on the Bangui–Bouar supply route', 'safety_and_security', 'P4',
 'joint', DATE '2024-06-30', 'in_progress', TIMESTAMPTZ '2024-06-01 08:00:00+00', TIMESTAMPTZ '2024-06-01 08:00:00+00'),
('d0000000-0000-4000-8000-000000000502', 'd0000000-0000-4000-8000-000000000401',
 'Vetting of redeployed police officers', 'performance', 'P3', 'host_government', DATE '2024-12-31', 'planned',
 TIMESTAMPTZ '2024-06-01 08:00:00+00', TIMESTAMPTZ '2024-06-01 08:00:00+00'),
('d0000000-0000-4000-8000-000000000503', 'd0000000-0000-4000-8000-000000000402',
 'Handover of the Bukavu base to the national police', 'transition', 'P7', 'joint', DATE '2024-06-30', 'met',
 TIMESTAMPTZ '2024-06-01 08:00:00+00', TIMESTAMPTZ '2024-06-01 08:00:00+00')
ON CONFLICT DO NOTHING;
INSERT INTO partnership_commitment_aud (id, rev, revtype, partnership_id, description, area, priority_code, owner,
    due_date, status, created_at, updated_at)
SELECT id, -1, 0, partnership_id, description, area, priority_code, owner, due_date, status, created_at, updated_at
  FROM partnership_commitment
 WHERE id IN ('d0000000-0000-4000-8000-000000000501', 'd0000000-0000-4000-8000-000000000502',
              'd0000000-0000-4000-8000-000000000503') AND version = 0
ON CONFLICT DO NOTHING;

INSERT INTO partnership_violation (id, partnership_id, occurred_on, type, perpetrator, location, description,
    raised_through, status, resolution_date, resolution_note, created_at, updated_at) VALUES
('d0000000-0000-4000-8000-000000000601', 'd0000000-0000-4000-8000-000000000401', DATE '2024-03-14',
 'movement_restriction_land', 'government_forces', 'Checkpoint at PK12, Bangui',
 'Mission convoy held for five hours; no written order shown.', 'note_verbale', 'raised', NULL, NULL,
 TIMESTAMPTZ '2024-06-01 08:00:00+00', TIMESTAMPTZ '2024-06-01 08:00:00+00'),
('d0000000-0000-4000-8000-000000000602', 'd0000000-0000-4000-8000-000000000401', DATE '2024-04-02',
 'flight_clearance_denial', 'government_forces', 'Bangui M''Poko airport',
 'Clearance for a medical evacuation flight refused for 24 hours.', 'meeting', 'resolved', DATE '2024-04-05',
 'Standing clearance for medical evacuation flights agreed with the Ministry of Transport.',
 TIMESTAMPTZ '2024-06-01 08:00:00+00', TIMESTAMPTZ '2024-06-01 08:00:00+00'),
('d0000000-0000-4000-8000-000000000603', 'd0000000-0000-4000-8000-000000000402', DATE '2024-02-10',
 'denial_of_access', 'non_state_actor', 'Djugu territory', 'Patrol turned back at a roadblock.', NULL, 'recorded',
 NULL, NULL, TIMESTAMPTZ '2024-06-01 08:00:00+00', TIMESTAMPTZ '2024-06-01 08:00:00+00')
ON CONFLICT DO NOTHING;
INSERT INTO partnership_violation_aud (id, rev, revtype, partnership_id, occurred_on, type, perpetrator, location,
    description, raised_through, status, resolution_date, resolution_note, created_at, updated_at)
SELECT id, -1, 0, partnership_id, occurred_on, type, perpetrator, location, description, raised_through, status,
    resolution_date, resolution_note, created_at, updated_at
  FROM partnership_violation
 WHERE id IN ('d0000000-0000-4000-8000-000000000601', 'd0000000-0000-4000-8000-000000000602',
              'd0000000-0000-4000-8000-000000000603') AND version = 0
ON CONFLICT DO NOTHING;

-- ---------------------------------------------------------------------------------------------
-- A population to explore (Swagger UI, lists, statistics): 400 generated cases and ten more
-- partnerships with their commitments and violations. Generated, not random: every load makes the
-- same records (ids from md5 of a fixed text), so loading again inserts nothing. The case
-- statistics tables follow through their triggers (V12). Dates run from 2019 to mid-2025; older
-- cases are mostly closed, recent ones mostly open, and MINUSMA has none after its closure.
-- References are numbered from 0011 per mission and year, clear of the named cases above.
-- ---------------------------------------------------------------------------------------------
CREATE TEMP TABLE demo_case ON COMMIT DROP AS
WITH base AS (
    SELECT i,
           (ARRAY['MINUSCA', 'MINUSCA', 'MINUSCA', 'MINUSCA', 'MONUSCO', 'MONUSCO', 'MONUSCO', 'MONUSCO',
                  'UNMISS', 'UNMISS', 'UNMISS', 'MINUSMA', 'MINUSMA', 'UNIFIL', 'UNISFA', 'UNFICYP', 'UNDOF',
                  'MINURSO', 'UNMIK', 'UNMOGIP', 'UNTSO'])[1 + (i * 7919) % 21] AS mission,
           DATE '2019-01-01' + (i * 104729) % 2372 AS reported
      FROM generate_series(1, 400) AS i
), placed AS (
    SELECT i, mission,
           CASE WHEN mission = 'MINUSMA' AND reported > DATE '2023-12-31' THEN reported - 730 ELSE reported END
               AS reported_on
      FROM base
), kinds AS (
    SELECT p.*,
           CASE WHEN mission IN ('MINUSMA', 'MINUSCA', 'MONUSCO', 'UNMISS', 'UNIFIL') AND (i * 31) % 10 < 3
                THEN 'crime_against_peacekeepers' ELSE 'misconduct' END AS kind,
           DATE '2025-06-30' - reported_on < 365 AS recent,
           (i * 13) % 100 AS r
      FROM placed p
)
SELECT k.*,
       CASE WHEN kind = 'misconduct' THEN
           CASE WHEN recent THEN
               CASE WHEN r < 10 THEN 'reported' WHEN r < 28 THEN 'preliminary_assessment'
                    WHEN r < 36 THEN 'referred' WHEN r < 44 THEN 'under_review_limited_information'
                    WHEN r < 70 THEN 'under_investigation' WHEN r < 80 THEN 'pending_member_state_investigation'
                    WHEN r < 87 THEN 'substantiated' WHEN r < 94 THEN 'action_pending' ELSE 'closed_no_basis' END
           ELSE
               CASE WHEN r < 28 THEN 'closed' WHEN r < 46 THEN 'not_substantiated' WHEN r < 56 THEN 'closed_no_basis'
                    WHEN r < 61 THEN 'closed_other' WHEN r < 76 THEN 'action_taken' WHEN r < 82 THEN 'action_pending'
                    WHEN r < 87 THEN 'substantiated' WHEN r < 93 THEN 'pending_member_state_investigation'
                    ELSE 'under_investigation' END
           END
       ELSE
           CASE WHEN recent THEN
               CASE WHEN r < 15 THEN 'reported' WHEN r < 25 THEN 'no_national_investigation'
                    WHEN r < 50 THEN 'investigation_opened' WHEN r < 70 THEN 'suspects_identified'
                    WHEN r < 80 THEN 'arrested' WHEN r < 90 THEN 'charged' ELSE 'dormant' END
           ELSE
               CASE WHEN r < 25 THEN 'dormant' WHEN r < 38 THEN 'no_national_investigation'
                    WHEN r < 50 THEN 'investigation_opened' WHEN r < 60 THEN 'suspects_identified'
                    WHEN r < 66 THEN 'arrested' WHEN r < 75 THEN 'charged' WHEN r < 81 THEN 'on_trial'
                    WHEN r < 92 THEN 'convicted' WHEN r < 96 THEN 'acquitted' ELSE 'dismissed' END
           END
       END AS status,
       CASE WHEN kind = 'misconduct' THEN CASE WHEN (i * 17) % 10 < 4 THEN 'sea' ELSE 'other_misconduct' END END
           AS category,
       (ARRAY['military_contingent', 'military_contingent', 'military_contingent', 'military_contingent',
              'formed_police_unit', 'individual_police', 'military_observer_or_staff_officer',
              'civilian_international', 'civilian_national', 'un_volunteer', 'contractor'])[1 + (i * 23) % 11]
           AS personnel,
       (ARRAY['BGD', 'NPL', 'PAK', 'RWA', 'ZMB', 'TZA', 'GAB', 'COG', 'BDI', 'EGY', 'MAR', 'GHA'])[1 + (i * 29) % 12]
           AS contributor
  FROM kinds k;

-- How far each case went: its judicial stage (crimes) and the dates its records carry.
CREATE TEMP TABLE demo_case_facts ON COMMIT DROP AS
SELECT d.*,
       CASE WHEN d.status = 'dormant' THEN CASE WHEN i % 2 = 0 THEN 'investigation_opened' ELSE 'suspects_identified' END
           END AS before_dormant,
       CASE WHEN d.status IN ('closed', 'closed_no_basis', 'closed_other', 'not_substantiated',
                              'convicted', 'acquitted', 'dismissed')
            THEN LEAST(d.reported_on + 60 + (i * 37) % 300, DATE '2025-06-30') END AS closed_on,
       d.reported_on + 5 + i % 20 AS investigated_on,
       row_number() OVER (PARTITION BY mission, extract(year FROM reported_on) ORDER BY reported_on, i) + 10 AS number
  FROM demo_case d;

CREATE TEMP TABLE demo_case_rows ON COMMIT DROP AS
SELECT f.*,
       array_position(ARRAY['investigation_opened', 'suspects_identified', 'arrested', 'charged', 'on_trial',
                            'convicted'], CASE WHEN status IN ('acquitted', 'dismissed') THEN 'convicted'
                                               ELSE coalesce(before_dormant, status) END) AS stage,
       1 + i % 4 AS suspects
  FROM demo_case_facts f;

INSERT INTO accountability_case (id, reference, kind, mission_acronym, status, status_before_dormant, reported_on,
    incident_date, incident_date_precision, closed_on, category, misconduct_level, sea_type, sea_subtype,
    misconduct_type, personnel_category, alleged_perpetrators, perpetrator_nationality, victims, investigations,
    interim_actions, final_actions, member_state_requests, paternity_claims, crime_type, location_admin_area,
    location_description, peacekeepers_killed, peacekeepers_injured, attributed_group, national_case_number, court,
    suspects_identified, suspects_arrested, suspects_charged, suspects_tried, suspects_convicted, suspects_acquitted,
    created_at, updated_at)
SELECT md5('demo-case-' || i)::uuid,
       mission || '-' || extract(year FROM reported_on)::int || '-' || lpad(number::text, 4, '0'),
       kind, mission, status, before_dormant, reported_on,
       CASE (i * 11) % 20 WHEN 0 THEN NULL
            WHEN 1 THEN date_trunc('year', reported_on - i % 40)::date
            WHEN 2 THEN date_trunc('month', reported_on - i % 40)::date
            WHEN 3 THEN date_trunc('month', reported_on - i % 40)::date
            WHEN 4 THEN date_trunc('month', reported_on - i % 40)::date
            ELSE reported_on - i % 40 END,
       CASE (i * 11) % 20 WHEN 0 THEN 'unknown' WHEN 1 THEN 'year' WHEN 2 THEN 'month' WHEN 3 THEN 'month'
            WHEN 4 THEN 'month' ELSE 'day' END,
       closed_on,
       category,
       CASE WHEN category = 'sea' THEN 1 WHEN category = 'other_misconduct' THEN 1 + (i % 3 + 1) / 3 END,
       CASE WHEN category = 'sea' THEN CASE WHEN i % 5 < 3 THEN 'sexual_exploitation' ELSE 'sexual_abuse' END END,
       CASE WHEN category = 'sea' THEN
            CASE WHEN i % 5 < 3 THEN (ARRAY['transactional_sex', 'exploitative_relationship'])[1 + i % 2]
                 ELSE (ARRAY['rape', 'sexual_assault', 'sexual_activity_with_minor'])[1 + i % 3] END END,
       CASE WHEN category = 'other_misconduct' THEN
            CASE WHEN (i % 3 + 1) / 3 = 0
                 THEN (ARRAY['fraud', 'corruption', 'abuse of detainees', 'major theft', 'risk to life'])[1 + i % 5]
                 ELSE (ARRAY['harassment', 'minor theft', 'traffic violation', 'curfew violation',
                             'abuse of authority'])[1 + i % 5] END END,
       CASE WHEN kind = 'misconduct' THEN personnel END,
       CASE WHEN kind = 'misconduct' THEN 1 + i % 3 END,
       CASE WHEN kind = 'misconduct' AND personnel IN ('military_contingent', 'formed_police_unit') THEN contributor END,
       -- Victims: sex and age group only, as the UN publishes them, with the assistance given.
       CASE WHEN category = 'sea' THEN
            (SELECT jsonb_agg(jsonb_build_object(
                        'sex', CASE WHEN (i + v) % 9 = 0 THEN 'male' ELSE 'female' END,
                        'age_group', (ARRAY['adult', 'adult', 'minor', 'unknown'])[1 + (i + v) % 4],
                        'assistance_offered', (i + v) % 6 <> 0,
                        'assistance_accepted', (i + v) % 6 <> 0 AND (i + v) % 4 <> 0,
                        'assistance', CASE WHEN (i + v) % 6 <> 0 AND (i + v) % 4 <> 0 THEN jsonb_build_array(
                            jsonb_build_object('type', 'medical', 'provider', 'UNFPA implementing partner',
                                               'provided_on', reported_on + 2),
                            jsonb_build_object('type', (ARRAY['psychosocial', 'legal', 'material'])[1 + (i + v) % 3],
                                               'provider', 'Victims'' Rights Advocate', 'provided_on', reported_on + 6))
                            ELSE '[]'::jsonb END))
               FROM generate_series(1, 1 + i % 2) AS v)
            ELSE '[]'::jsonb END,
       CASE WHEN kind = 'misconduct' AND status NOT IN ('reported', 'preliminary_assessment', 'closed_no_basis',
                                                        'under_review_limited_information') THEN
            jsonb_build_array(jsonb_build_object(
                'entity', CASE WHEN personnel IN ('military_contingent', 'formed_police_unit')
                               THEN (ARRAY['nio', 'joint', 'pcc'])[1 + i % 3]
                               ELSE (ARRAY['oios', 'mission_unit'])[1 + i % 2] END,
                'opened_on', investigated_on,
                'completed_on', CASE WHEN status IN ('referred', 'under_investigation',
                                                     'pending_member_state_investigation') THEN NULL
                                     ELSE LEAST(investigated_on + 40 + (i * 7) % 200,
                                                coalesce(closed_on, DATE '2025-06-30')) END))
            ELSE '[]'::jsonb END,
       CASE WHEN category = 'sea' AND status IN ('substantiated', 'action_pending', 'action_taken', 'closed')
                 AND personnel IN ('military_contingent', 'formed_police_unit')
            THEN jsonb_build_array(jsonb_build_object('type', 'payments_suspended', 'taken_on', investigated_on + 30))
            ELSE '[]'::jsonb END,
       CASE WHEN kind = 'misconduct' AND status IN ('action_taken', 'closed') AND (status = 'action_taken' OR i % 2 = 0)
            THEN jsonb_build_array(jsonb_build_object(
                'type', CASE WHEN personnel IN ('military_contingent', 'formed_police_unit') THEN 'repatriation_and_ban'
                             WHEN category = 'sea' THEN 'dismissal'
                             ELSE (ARRAY['censure', 'reprimand', 'demotion'])[1 + i % 3] END,
                'taken_on', LEAST(investigated_on + 150, DATE '2025-06-30')))
            WHEN kind = 'misconduct' AND status = 'action_pending'
                 AND personnel IN ('military_contingent', 'formed_police_unit')
            THEN jsonb_build_array(jsonb_build_object('type', 'pending_member_state_action',
                                                      'taken_on', LEAST(investigated_on + 120, DATE '2025-06-30')))
            ELSE '[]'::jsonb END,
       CASE WHEN kind = 'misconduct' AND status = 'pending_member_state_investigation'
            THEN jsonb_build_array(jsonb_strip_nulls(jsonb_build_object(
                'country', contributor, 'sent_on', investigated_on,
                'answered_on', CASE WHEN i % 2 = 0 THEN investigated_on + 45 END)))
            ELSE '[]'::jsonb END,
       CASE WHEN category = 'sea' AND i % 7 = 0
            THEN jsonb_build_array(jsonb_build_object(
                'status', (ARRAY['open', 'dna_requested', 'established', 'resolved_with_support'])[1 + i % 4],
                'opened_on', reported_on + 20))
            ELSE '[]'::jsonb END,
       CASE WHEN kind = 'crime_against_peacekeepers' THEN
            CASE WHEN mission = 'MINUSMA' THEN (ARRAY['ied', 'ied', 'indirect_fire', 'direct_attack'])[1 + i % 4]
                 ELSE (ARRAY['ambush', 'direct_attack', 'ied', 'abduction', 'detention', 'indirect_fire'])[1 + i % 6] END
       END,
       CASE WHEN kind = 'crime_against_peacekeepers' THEN
            CASE mission
                WHEN 'MINUSMA' THEN (ARRAY['Kidal', 'Gao', 'Mopti', 'Timbuktu', 'Ménaka'])[1 + i % 5]
                WHEN 'MINUSCA' THEN (ARRAY['Haute-Kotto', 'Ouham-Pendé', 'Nana-Mambéré', 'Basse-Kotto', 'Mbomou'])[1 + i % 5]
                WHEN 'MONUSCO' THEN (ARRAY['Ituri', 'North Kivu', 'South Kivu'])[1 + i % 3]
                WHEN 'UNMISS' THEN (ARRAY['Upper Nile', 'Jonglei', 'Unity', 'Central Equatoria'])[1 + i % 4]
                ELSE (ARRAY['South Lebanon', 'Nabatieh'])[1 + i % 2] END
       END,
       NULL,
       CASE WHEN kind = 'crime_against_peacekeepers' THEN i % 3 END,
       CASE WHEN kind = 'crime_against_peacekeepers' THEN 1 + i % 5 END,
       CASE WHEN kind = 'crime_against_peacekeepers' AND i % 3 = 0 THEN 'Unidentified armed group' END,
       CASE WHEN kind = 'crime_against_peacekeepers' AND stage IS NOT NULL
            THEN 'RP ' || lpad((i * 7 % 1000)::text, 4, '0') || '/' || extract(year FROM reported_on)::int END,
       CASE WHEN kind = 'crime_against_peacekeepers' AND stage >= 4 THEN
            CASE mission
                WHEN 'MINUSMA' THEN 'Pôle judiciaire spécialisé, Bamako'
                WHEN 'MINUSCA' THEN 'Cour criminelle spéciale, Bangui'
                WHEN 'MONUSCO' THEN 'Tribunal militaire de garnison de Bunia'
                WHEN 'UNMISS' THEN 'High Court of Juba'
                ELSE 'Permanent Military Court, Beirut' END
       END,
       -- The judicial pipeline: each stage holds at most the suspects of the one before.
       CASE WHEN kind = 'crime_against_peacekeepers' THEN CASE WHEN stage >= 2 THEN suspects ELSE 0 END END,
       CASE WHEN kind = 'crime_against_peacekeepers' THEN CASE WHEN stage >= 3 THEN suspects - i % 2 ELSE 0 END END,
       CASE WHEN kind = 'crime_against_peacekeepers' THEN CASE WHEN stage >= 4 THEN suspects - i % 2 ELSE 0 END END,
       CASE WHEN kind = 'crime_against_peacekeepers' THEN
            CASE WHEN stage >= 5 AND status <> 'dismissed' THEN suspects - i % 2 ELSE 0 END END,
       CASE WHEN kind = 'crime_against_peacekeepers' THEN
            CASE WHEN status = 'convicted' THEN suspects - i % 2 ELSE 0 END END,
       CASE WHEN kind = 'crime_against_peacekeepers' THEN
            CASE WHEN status = 'acquitted' THEN suspects - i % 2 ELSE 0 END END,
       (reported_on + TIME '09:00') AT TIME ZONE 'UTC',
       (coalesce(closed_on, reported_on) + TIME '09:00') AT TIME ZONE 'UTC'
  FROM demo_case_rows
ON CONFLICT DO NOTHING;

INSERT INTO case_reference_counter (mission_acronym, year, last_number)
SELECT mission, extract(year FROM reported_on)::int, max(number) FROM demo_case_rows GROUP BY 1, 2
ON CONFLICT (mission_acronym, year) DO UPDATE SET last_number = GREATEST(case_reference_counter.last_number, EXCLUDED.last_number);

-- Envers history: one creating revision per generated case, as for the named ones.
INSERT INTO accountability_case_aud (id, rev, revtype, reference, kind, mission_acronym, status, status_before_dormant,
    reported_on, incident_date, incident_date_precision, closed_on, category, misconduct_level, sea_type, sea_subtype,
    misconduct_type, personnel_category, alleged_perpetrators, perpetrator_nationality, victims, investigations,
    interim_actions, final_actions, member_state_requests, paternity_claims, crime_type, location_admin_area,
    location_description, peacekeepers_killed, peacekeepers_injured, attributed_group, national_case_number, court,
    suspects_identified, suspects_arrested, suspects_charged, suspects_tried, suspects_convicted, suspects_acquitted,
    created_at, updated_at)
SELECT c.id, -1, 0, c.reference, c.kind, c.mission_acronym, c.status, c.status_before_dormant, c.reported_on,
    c.incident_date, c.incident_date_precision, c.closed_on, c.category, c.misconduct_level, c.sea_type, c.sea_subtype,
    c.misconduct_type, c.personnel_category, c.alleged_perpetrators, c.perpetrator_nationality, c.victims,
    c.investigations, c.interim_actions, c.final_actions, c.member_state_requests, c.paternity_claims, c.crime_type,
    c.location_admin_area, c.location_description, c.peacekeepers_killed, c.peacekeepers_injured, c.attributed_group,
    c.national_case_number, c.court, c.suspects_identified, c.suspects_arrested, c.suspects_charged, c.suspects_tried,
    c.suspects_convicted, c.suspects_acquitted, c.created_at, c.updated_at
  FROM accountability_case c JOIN demo_case_rows d ON c.id = md5('demo-case-' || d.i)::uuid
 WHERE c.version = 0
ON CONFLICT DO NOTHING;

-- Ten more partnerships (one per mission and host country, as the API allows), with commitments and
-- violations spread over 2021-2025.
CREATE TEMP TABLE demo_partnership ON COMMIT DROP AS
SELECT md5('demo-partnership-' || mission || '-' || country)::uuid AS id, n, mission, country, status, agreement_type,
       title, signed, phase
  FROM (VALUES
    (1, 'MINUSMA', 'MLI', 'terminated', 'sofa',
     'Agreement between the United Nations and the Government of Mali concerning the status of MINUSMA',
     DATE '2013-07-01', 'closed'),
    (2, 'UNMISS', 'SSD', 'in_force', 'sofa',
     'Agreement between the United Nations and the Republic of South Sudan concerning the status of UNMISS',
     DATE '2011-08-08', 'planning'),
    (3, 'UNIFIL', 'LBN', 'in_force', 'sofa',
     'Agreement between the United Nations and Lebanon concerning the status of UNIFIL', DATE '1995-12-15', NULL),
    (4, 'UNISFA', 'SDN', 'in_force', 'sofa',
     'Agreement between the United Nations and the Republic of the Sudan concerning the status of UNISFA',
     DATE '2011-12-13', NULL),
    (5, 'UNISFA', 'SSD', 'negotiating', 'sofa',
     'Agreement between the United Nations and the Republic of South Sudan concerning the status of UNISFA', NULL, NULL),
    (6, 'UNFICYP', 'CYP', 'in_force', 'sofa',
     'Exchange of letters constituting an agreement concerning the status of UNFICYP', DATE '1964-03-31', NULL),
    (7, 'UNDOF', 'SYR', 'in_force', 'other',
     'Protocol to the Agreement on Disengagement between Israeli and Syrian forces', DATE '1974-05-31', NULL),
    (8, 'MINURSO', 'MAR', 'in_force', 'mou',
     'Status-of-mission arrangements with the Kingdom of Morocco concerning MINURSO', DATE '1999-02-11', NULL),
    (9, 'UNMOGIP', 'IND', 'in_force', 'other', 'Karachi Agreement (ceasefire line supervision)', DATE '1949-07-27', NULL),
    (10, 'UNMOGIP', 'PAK', 'in_force', 'other', 'Karachi Agreement (ceasefire line supervision)', DATE '1949-07-27', NULL)
  ) AS p (n, mission, country, status, agreement_type, title, signed, phase);

INSERT INTO host_country_partnership (id, mission_acronym, country_code, status, agreement_type, agreement_title,
    agreement_signed_date, agreement_in_force_date, focal_points, resolution_2589_focal_point, transition_phase,
    transition_benchmarks, created_at, updated_at)
SELECT id, mission, country, status, agreement_type, title, signed, signed,
       jsonb_build_array(jsonb_build_object('function', 'Focal point for relations with ' || mission,
                                            'organisation', 'Ministry of Foreign Affairs',
                                            'contactChannel', 'Note verbale through the Office of the Head of Mission')),
       CASE WHEN mission IN ('MINUSMA', 'UNMISS', 'UNIFIL') THEN jsonb_build_object(
            'function', 'Focal point for crimes against peacekeepers', 'organisation', 'Ministry of Justice',
            'contactChannel', 'Quarterly meeting with the mission''s rule of law section') END,
       phase,
       CASE phase
           WHEN 'closed' THEN '[{"indicator":"Mission sites handed over to the authorities","target":"13 of 13 sites","currentValue":"13 of 13 sites","status":"achieved"}]'::jsonb
           WHEN 'planning' THEN '[{"indicator":"Protection of civilians sites transitioned to displacement camps","target":"5 of 5 sites","currentValue":"4 of 5 sites","status":"on_track"},{"indicator":"Counties with trained national police","target":"30 counties","currentValue":"12 counties","status":"at_risk"}]'::jsonb
           ELSE '[]'::jsonb END,
       TIMESTAMPTZ '2024-06-01 08:00:00+00', TIMESTAMPTZ '2024-06-01 08:00:00+00'
  FROM demo_partnership
ON CONFLICT DO NOTHING;

INSERT INTO partnership_commitment (id, partnership_id, description, area, priority_code, owner, due_date, status,
    created_at, updated_at)
SELECT md5('demo-commitment-' || p.n || '-' || c.k)::uuid, p.id, c.description, c.area, c.priority, c.owner,
       DATE '2021-03-31' + ((p.n * 7 + c.k * 5) % 18) * 91,
       CASE WHEN p.status = 'terminated' THEN (ARRAY['met', 'missed', 'dropped', 'missed'])[c.k]
            ELSE (ARRAY['met', 'in_progress', 'planned', 'missed'])[1 + (p.n + c.k) % 4] END,
       TIMESTAMPTZ '2024-06-01 08:00:00+00', TIMESTAMPTZ '2024-06-01 08:00:00+00'
  FROM demo_partnership p,
       (VALUES (1, 'Joint security assessments of the main supply routes', 'safety_and_security', 'P4', 'joint'),
               (2, 'Investigation and prosecution of attacks against peacekeepers, with quarterly updates',
                'accountability', 'P4', 'host_government'),
               (3, 'Clearance of mission flights within 48 hours of request', 'performance', 'P7', 'host_government'),
               (4, 'Handover plan for mission premises and responsibilities', 'transition', 'P7', 'mission'))
           AS c (k, description, area, priority, owner)
ON CONFLICT DO NOTHING;

INSERT INTO partnership_violation (id, partnership_id, occurred_on, type, perpetrator, location, description,
    raised_through, status, resolution_date, resolution_note, created_at, updated_at)
SELECT md5('demo-violation-' || p.n || '-' || v)::uuid, p.id, occurred,
       (ARRAY['movement_restriction_land', 'movement_restriction_land', 'movement_restriction_air',
              'denial_of_access', 'flight_clearance_denial', 'harassment_or_assault', 'threat', 'impoundment',
              'import_customs_obstruction', 'visa_denial', 'arrest_or_detention', 'movement_restriction_river'])
           [1 + (p.n * 5 + v * 7) % 12],
       (ARRAY['government_forces', 'government_forces', 'non_state_actor', 'unknown'])[1 + (p.n + v) % 4],
       NULL,
       'Demo record: ' || (ARRAY['patrol stopped at a checkpoint', 'convoy held without a written order',
                                 'clearance refused for a scheduled flight', 'team denied access to a site',
                                 'staff member questioned for hours', 'container held at customs'])[1 + v % 6] || '.',
       CASE WHEN v % 4 = 0 THEN NULL ELSE (ARRAY['note_verbale', 'meeting', 'letter'])[1 + v % 3] END,
       CASE WHEN v % 4 = 0 THEN 'recorded' WHEN v % 4 = 1 THEN 'raised' WHEN v % 4 = 2 THEN 'resolved'
            ELSE 'unresolved' END,
       CASE WHEN v % 4 = 2 THEN occurred + 3 + v % 20 END,
       CASE WHEN v % 4 = 2 THEN 'Lifted after a meeting with the authorities.' END,
       TIMESTAMPTZ '2024-06-01 08:00:00+00', TIMESTAMPTZ '2024-06-01 08:00:00+00'
  FROM demo_partnership p,
       generate_series(1, 3 + (p.n * 3) % 10) AS v,
       LATERAL (SELECT CASE WHEN p.mission = 'MINUSMA' THEN DATE '2021-01-01' + (p.n * 97 + v * 131) % 1090
                            ELSE DATE '2021-01-01' + (p.n * 97 + v * 131) % 1640 END AS occurred) AS d
ON CONFLICT DO NOTHING;

-- Envers history of the generated partnerships, commitments and violations.
INSERT INTO host_country_partnership_aud (id, rev, revtype, mission_acronym, country_code, status, agreement_type,
    agreement_title, agreement_signed_date, agreement_in_force_date, agreement_document_symbol, focal_points,
    resolution_2589_focal_point, transition_phase, transition_benchmarks, created_at, updated_at)
SELECT h.id, -1, 0, h.mission_acronym, h.country_code, h.status, h.agreement_type, h.agreement_title,
    h.agreement_signed_date, h.agreement_in_force_date, h.agreement_document_symbol, h.focal_points,
    h.resolution_2589_focal_point, h.transition_phase, h.transition_benchmarks, h.created_at, h.updated_at
  FROM host_country_partnership h JOIN demo_partnership p ON p.id = h.id
 WHERE h.version = 0
ON CONFLICT DO NOTHING;
INSERT INTO partnership_commitment_aud (id, rev, revtype, partnership_id, description, area, priority_code, owner,
    due_date, status, created_at, updated_at)
SELECT c.id, -1, 0, c.partnership_id, c.description, c.area, c.priority_code, c.owner, c.due_date, c.status,
    c.created_at, c.updated_at
  FROM partnership_commitment c JOIN demo_partnership p ON p.id = c.partnership_id
 WHERE c.version = 0
ON CONFLICT DO NOTHING;
INSERT INTO partnership_violation_aud (id, rev, revtype, partnership_id, occurred_on, type, perpetrator, location,
    description, raised_through, status, resolution_date, resolution_note, created_at, updated_at)
SELECT v.id, -1, 0, v.partnership_id, v.occurred_on, v.type, v.perpetrator, v.location, v.description,
    v.raised_through, v.status, v.resolution_date, v.resolution_note, v.created_at, v.updated_at
  FROM partnership_violation v JOIN demo_partnership p ON p.id = v.partnership_id
 WHERE v.version = 0
ON CONFLICT DO NOTHING;

-- A webhook subscription (paused: demo mode sends nothing to example.org). Its secret is the one of the
-- contract's example, public like everything here. It receives the events committed after this load.
INSERT INTO webhook_subscription (id, url, types, missions, scope, secret, status, created_at, created_by,
    fanned_txid, fanned_position) VALUES
('3d2c9a57-6f0e-4b3a-9a55-1c3f0e2d7b10', 'https://dashboards.example.org/a4p/webhooks',
 '{org.a4ptracker.case.status_changed}', '{MINUSCA}', NULL, 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'paused',
 TIMESTAMPTZ '2024-06-01 08:00:00+00', 'demo-data', pg_current_xact_id(), 0)
ON CONFLICT DO NOTHING;
