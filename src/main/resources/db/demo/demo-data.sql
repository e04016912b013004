-- Demo data (a4p.demo-data=true / A4P_DEMO_DATA=true): a few records of every kind with FIXED ids,
-- the ids that openapi.yaml's examples name. Not a Flyway migration: platform/persistence/DemoData runs this
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

-- A webhook subscription (paused: demo mode sends nothing to example.org). Its secret is the one of the
-- contract's example, public like everything here. It receives the events committed after this load.
INSERT INTO webhook_subscription (id, url, types, missions, scope, secret, status, created_at, created_by,
    fanned_txid, fanned_position) VALUES
('3d2c9a57-6f0e-4b3a-9a55-1c3f0e2d7b10', 'https://dashboards.example.org/a4p/webhooks',
 '{org.a4ptracker.case.status_changed}', '{MINUSCA}', NULL, 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'paused',
 TIMESTAMPTZ '2024-06-01 08:00:00+00', 'demo-data', pg_current_xact_id(), 0)
ON CONFLICT DO NOTHING;
