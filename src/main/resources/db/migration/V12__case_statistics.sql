-- The case statistics, kept as the cases change (issue 12): GET /accountability-cases/statistics
-- sums a few hundred rows of these tables instead of reading every case. Each table holds, per
-- mission, report year, kind, category, personnel category and status (every dimension the
-- statistics group by), the sums of what one case adds. Statement-level triggers on
-- accountability_case keep them in the same transaction as the change, so a bulk load pays once
-- per statement, not once per row. CaseStatisticsQueries reads them for whole report years and
-- the cases themselves for the part of a year a date filter cuts.

-- What one case adds, defined once for the triggers and for CaseStatisticsQueries.
CREATE FUNCTION accountability_case_victim_counts(victims jsonb)
RETURNS TABLE (total bigint, women bigint, girls bigint, men bigint, boys bigint, age_unknown bigint)
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT count(*),
           count(*) FILTER (WHERE e->>'sex' = 'female' AND e->>'age_group' = 'adult'),
           count(*) FILTER (WHERE e->>'sex' = 'female' AND e->>'age_group' = 'minor'),
           count(*) FILTER (WHERE e->>'sex' = 'male' AND e->>'age_group' = 'adult'),
           count(*) FILTER (WHERE e->>'sex' = 'male' AND e->>'age_group' = 'minor'),
           count(*) FILTER (WHERE e->>'sex' = 'unknown' OR e->>'age_group' = 'unknown')
      FROM jsonb_array_elements(victims) e
$$;

-- One row per investigation; days only for a completed one with an opening date.
CREATE FUNCTION accountability_case_investigation_rows(investigations jsonb)
RETURNS TABLE (entity text, completed boolean, days integer)
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT i->>'entity', i->>'completed_on' IS NOT NULL,
           CAST(i->>'completed_on' AS date) - CAST(i->>'opened_on' AS date)
      FROM jsonb_array_elements(investigations) i
$$;

CREATE FUNCTION accountability_case_final_action_rows(final_actions jsonb)
RETURNS TABLE (type text)
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT a->>'type' FROM jsonb_array_elements(final_actions) a
$$;

CREATE TABLE case_statistics (
    mission_acronym    varchar(12) NOT NULL,
    year               integer     NOT NULL,
    kind               varchar(30) NOT NULL,
    category           varchar(30),
    personnel_category varchar(40),
    status             varchar(40) NOT NULL,
    cases              bigint      NOT NULL,
    victims            bigint      NOT NULL,
    women              bigint      NOT NULL,
    girls              bigint      NOT NULL,
    men                bigint      NOT NULL,
    boys               bigint      NOT NULL,
    age_unknown        bigint      NOT NULL,
    killed             bigint      NOT NULL,
    injured            bigint      NOT NULL,
    identified         bigint      NOT NULL,
    arrested           bigint      NOT NULL,
    charged            bigint      NOT NULL,
    tried              bigint      NOT NULL,
    convicted          bigint      NOT NULL,
    acquitted          bigint      NOT NULL,
    CONSTRAINT case_statistics_key
        UNIQUE NULLS NOT DISTINCT (mission_acronym, year, kind, category, personnel_category, status)
);
-- Rows whose last case went; the triggers delete them at once.
CREATE INDEX case_statistics_emptied ON case_statistics (cases) WHERE cases = 0;

-- Investigations by entity, whether completed and in how many days: the medians need the counts of
-- each duration, not only their sum.
CREATE TABLE case_investigation_statistics (
    mission_acronym    varchar(12) NOT NULL,
    year               integer     NOT NULL,
    kind               varchar(30) NOT NULL,
    category           varchar(30),
    personnel_category varchar(40),
    status             varchar(40) NOT NULL,
    entity             text,
    completed          boolean     NOT NULL,
    days               integer,
    investigations     bigint      NOT NULL,
    CONSTRAINT case_investigation_statistics_key
        UNIQUE NULLS NOT DISTINCT (mission_acronym, year, kind, category, personnel_category, status, entity, completed, days)
);
CREATE INDEX case_investigation_statistics_emptied ON case_investigation_statistics (investigations)
    WHERE investigations = 0;

CREATE TABLE case_final_action_statistics (
    mission_acronym    varchar(12) NOT NULL,
    year               integer     NOT NULL,
    kind               varchar(30) NOT NULL,
    category           varchar(30),
    personnel_category varchar(40),
    status             varchar(40) NOT NULL,
    type               text,
    actions            bigint      NOT NULL,
    CONSTRAINT case_final_action_statistics_key
        UNIQUE NULLS NOT DISTINCT (mission_acronym, year, kind, category, personnel_category, status, type)
);
CREATE INDEX case_final_action_statistics_emptied ON case_final_action_statistics (actions) WHERE actions = 0;

-- The statements that add the cases of `changes` (a query of accountability_case rows with a
-- `sign` column: 1 for a row that came, -1 for a row that went) to the three tables, as text for
-- the trigger functions below and for the cases already there. An update that changes no statistic
-- adds nothing, so it neither writes nor locks a kept row. Rows are upserted in key order, so that
-- concurrent writers lock them in the same order; rows left without cases go.
CREATE FUNCTION case_statistics_statements(changes text) RETURNS text[]
LANGUAGE sql IMMUTABLE
AS $$
    SELECT ARRAY['WITH c AS (' || changes || '), delta AS (
        SELECT c.mission_acronym, CAST(extract(year FROM c.reported_on) AS integer) AS year, c.kind, c.category,
               c.personnel_category, c.status, sum(c.sign) AS cases, sum(c.sign * v.total) AS victims,
               sum(c.sign * v.women) AS women, sum(c.sign * v.girls) AS girls, sum(c.sign * v.men) AS men,
               sum(c.sign * v.boys) AS boys, sum(c.sign * v.age_unknown) AS age_unknown,
               sum(c.sign * coalesce(c.peacekeepers_killed, 0)) AS killed,
               sum(c.sign * coalesce(c.peacekeepers_injured, 0)) AS injured,
               sum(c.sign * coalesce(c.suspects_identified, 0)) AS identified,
               sum(c.sign * coalesce(c.suspects_arrested, 0)) AS arrested,
               sum(c.sign * coalesce(c.suspects_charged, 0)) AS charged,
               sum(c.sign * coalesce(c.suspects_tried, 0)) AS tried,
               sum(c.sign * coalesce(c.suspects_convicted, 0)) AS convicted,
               sum(c.sign * coalesce(c.suspects_acquitted, 0)) AS acquitted
          FROM c CROSS JOIN LATERAL accountability_case_victim_counts(c.victims) v
         GROUP BY 1, 2, 3, 4, 5, 6)
    INSERT INTO case_statistics AS s
    SELECT * FROM delta
     WHERE (cases, victims, women, girls, men, boys, age_unknown, killed, injured, identified, arrested, charged,
            tried, convicted, acquitted) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
     ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ON CONSTRAINT case_statistics_key DO UPDATE SET
        cases = s.cases + excluded.cases, victims = s.victims + excluded.victims, women = s.women + excluded.women,
        girls = s.girls + excluded.girls, men = s.men + excluded.men, boys = s.boys + excluded.boys,
        age_unknown = s.age_unknown + excluded.age_unknown, killed = s.killed + excluded.killed,
        injured = s.injured + excluded.injured, identified = s.identified + excluded.identified,
        arrested = s.arrested + excluded.arrested, charged = s.charged + excluded.charged,
        tried = s.tried + excluded.tried, convicted = s.convicted + excluded.convicted,
        acquitted = s.acquitted + excluded.acquitted',
    'DELETE FROM case_statistics WHERE cases = 0',
    'WITH c AS (' || changes || ')
    INSERT INTO case_investigation_statistics AS s
    SELECT c.mission_acronym, CAST(extract(year FROM c.reported_on) AS integer), c.kind, c.category,
           c.personnel_category, c.status, i.entity, i.completed, i.days, sum(c.sign)
      FROM c CROSS JOIN LATERAL accountability_case_investigation_rows(c.investigations) i
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 HAVING sum(c.sign) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
    ON CONFLICT ON CONSTRAINT case_investigation_statistics_key DO UPDATE SET
        investigations = s.investigations + excluded.investigations',
    'DELETE FROM case_investigation_statistics WHERE investigations = 0',
    'WITH c AS (' || changes || ')
    INSERT INTO case_final_action_statistics AS s
    SELECT c.mission_acronym, CAST(extract(year FROM c.reported_on) AS integer), c.kind, c.category,
           c.personnel_category, c.status, a.type, sum(c.sign)
      FROM c CROSS JOIN LATERAL accountability_case_final_action_rows(c.final_actions) a
     GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(c.sign) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT ON CONSTRAINT case_final_action_statistics_key DO UPDATE SET
        actions = s.actions + excluded.actions',
    'DELETE FROM case_final_action_statistics WHERE actions = 0']
$$;

-- One trigger function per kind of statement, each running the statements above over its
-- transition tables. Written out here from case_statistics_statements, so that PL/pgSQL plans them
-- once per session: planning them again on every write cost several milliseconds a case. Without
-- JIT, which costs seconds on a bulk statement and pays off on none. A migration that changes
-- case_statistics_statements writes these functions again the same way.
DO $$
DECLARE
    event record;
BEGIN
    FOR event IN SELECT * FROM (VALUES
        ('insert', 'SELECT 1 AS sign, n.* FROM new_cases n'),
        ('update', 'SELECT 1 AS sign, n.* FROM new_cases n UNION ALL SELECT -1, o.* FROM old_cases o'),
        ('delete', 'SELECT -1 AS sign, o.* FROM old_cases o')) AS e (name, changes)
    LOOP
        EXECUTE format('CREATE FUNCTION case_statistics_after_%s() RETURNS trigger LANGUAGE plpgsql SET jit = off AS %L',
                       event.name,
                       'BEGIN ' || array_to_string(case_statistics_statements(event.changes), '; ') || '; RETURN NULL; END');
    END LOOP;
END
$$;

CREATE FUNCTION case_statistics_truncate() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    TRUNCATE case_statistics, case_investigation_statistics, case_final_action_statistics;
    RETURN NULL;
END
$$;

CREATE TRIGGER case_statistics_insert AFTER INSERT ON accountability_case
    REFERENCING NEW TABLE AS new_cases FOR EACH STATEMENT EXECUTE FUNCTION case_statistics_after_insert();
CREATE TRIGGER case_statistics_update AFTER UPDATE ON accountability_case
    REFERENCING OLD TABLE AS old_cases NEW TABLE AS new_cases FOR EACH STATEMENT EXECUTE FUNCTION case_statistics_after_update();
CREATE TRIGGER case_statistics_delete AFTER DELETE ON accountability_case
    REFERENCING OLD TABLE AS old_cases FOR EACH STATEMENT EXECUTE FUNCTION case_statistics_after_delete();
CREATE TRIGGER case_statistics_truncate AFTER TRUNCATE ON accountability_case
    FOR EACH STATEMENT EXECUTE FUNCTION case_statistics_truncate();

-- The cases already there.
SET LOCAL jit = off;
DO $$
DECLARE
    statement text;
BEGIN
    FOREACH statement IN ARRAY case_statistics_statements('SELECT 1 AS sign, c.* FROM accountability_case c') LOOP
        EXECUTE statement;
    END LOOP;
END
$$;
