-- Bench data for the partnership lists and summary (bench/explain.sh): :partnerships host-country
-- partnerships per mission, :rows commitments and :rows violations. Half of the commitments and
-- violations belong to one partnership (the first mission's 'AAX'), so that its lists are long;
-- the rest are spread over the others. Run with psql -v partnerships=50 -v rows=300000 on a database
-- the service has migrated. Not a migration; it writes no history (Envers) rows.
\set ON_ERROR_STOP on
DELETE FROM partnership_commitment WHERE description LIKE 'bench %';
DELETE FROM partnership_violation WHERE description LIKE 'bench %';
DELETE FROM host_country_partnership WHERE agreement_title LIKE 'bench %';

INSERT INTO host_country_partnership (id, mission_acronym, country_code, status, agreement_type, agreement_title,
    agreement_signed_date, transition_phase, transition_benchmarks)
SELECT md5('bench-partnership-' || m.acronym || '-' || n)::uuid, m.acronym,
       chr(65 + n / 26 % 26) || chr(65 + n % 26) || 'X',
       (ARRAY['negotiating', 'in_force', 'suspended', 'terminated'])[1 + n % 4],
       (ARRAY['sofa', 'soma', 'mou', 'other'])[1 + n % 4],
       'bench agreement ' || n, DATE '2010-01-01' + n, 'planning',
       jsonb_build_array(jsonb_build_object('indicator', 'bench indicator', 'target', 'all', 'currentValue', 'some', 'status', 'on_track'))
  FROM mission m, generate_series(0, :partnerships - 1) AS n;

CREATE TEMP TABLE bench_partnership AS
SELECT row_number() OVER (ORDER BY mission_acronym, country_code) - 1 AS n, id
  FROM host_country_partnership WHERE agreement_title LIKE 'bench %';

INSERT INTO partnership_commitment (id, partnership_id, description, area, owner, due_date, status)
SELECT md5('bench-commitment-' || i)::uuid, p.id, 'bench commitment ' || i,
       (ARRAY['safety_and_security', 'performance', 'transition', 'accountability', 'other'])[1 + i % 5],
       (ARRAY['mission', 'host_government', 'joint'])[1 + i % 3],
       CASE WHEN i % 10 <> 0 THEN DATE '2015-01-01' + ((i::bigint * 104729) % 4700)::int END,
       (ARRAY['planned', 'in_progress', 'met', 'missed', 'dropped'])[1 + i / 7 % 5]
  FROM generate_series(1, :rows) AS i
  JOIN bench_partnership p ON p.n = CASE WHEN i % 2 = 0 THEN 0 ELSE i % (SELECT count(*) FROM bench_partnership) END;

INSERT INTO partnership_violation (id, partnership_id, occurred_on, type, perpetrator, description, status,
    resolution_date)
SELECT md5('bench-violation-' || i)::uuid, p.id, DATE '2015-01-01' + ((i::bigint * 7919) % 4300)::int,
       (ARRAY['movement_restriction_land', 'movement_restriction_air', 'movement_restriction_river',
              'denial_of_access', 'arrest_or_detention', 'harassment_or_assault', 'threat', 'impoundment',
              'import_customs_obstruction', 'flight_clearance_denial', 'visa_denial', 'other'])[1 + i % 12],
       (ARRAY['government_forces', 'non_state_actor', 'unknown'])[1 + i % 3],
       'bench violation ' || i,
       (ARRAY['recorded', 'raised', 'resolved', 'unresolved'])[1 + i / 5 % 4],
       CASE WHEN i / 5 % 4 = 2 THEN DATE '2015-01-01' + ((i::bigint * 7919) % 4300)::int + 30 END
  FROM generate_series(1, :rows) AS i
  JOIN bench_partnership p ON p.n = CASE WHEN i % 2 = 0 THEN 0 ELSE i % (SELECT count(*) FROM bench_partnership) END;

ANALYZE host_country_partnership;
ANALYZE partnership_commitment;
ANALYZE partnership_violation;
SELECT (SELECT count(*) FROM host_country_partnership) AS partnerships,
       (SELECT count(*) FROM partnership_commitment) AS commitments,
       (SELECT count(*) FROM partnership_violation) AS violations;
