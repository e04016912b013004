-- An index for every filter and sort of the lists (issue 12), so that no page reads more than it
-- shows at any size or depth: bench/explain.md has the plans at a million cases.

-- The case list: newest report first, then id. Each equality filter gets the list's order after
-- it, so that a page is the first rows of one index range (accountability_case_mission and
-- accountability_case_reported, V5, serve the mission filter, the scope and the report dates).
DROP INDEX accountability_case_status;
DROP INDEX accountability_case_kind_category;
CREATE INDEX accountability_case_status ON accountability_case (status, reported_on DESC, id);
CREATE INDEX accountability_case_kind ON accountability_case (kind, reported_on DESC, id);
CREATE INDEX accountability_case_category ON accountability_case (category, reported_on DESC, id);

-- `reference` finds a text anywhere in the reference: trigrams.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX accountability_case_reference_text ON accountability_case USING gin (lower(reference) gin_trgm_ops);

-- The overdue rule (V8) splits in two: what depends on the case alone, the day its oldest open SEA
-- investigation was opened, which an index can hold; and the comparison with the day asked, which
-- stays a parameter. Declared immutable for the index: the cast reads ISO dates (all the service
-- writes) the same under every DateStyle.
CREATE FUNCTION accountability_case_open_since(category varchar, investigations jsonb) RETURNS date
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT min(CAST(i->>'opened_on' AS date))
      FROM jsonb_array_elements(coalesce(investigations, '[]')) i
     WHERE category = 'sea' AND i->>'completed_on' IS NULL
$$;

-- Still the one rule, with the same meaning and signature: some open investigation of an SEA case
-- is more than target_days old on on_day exactly when the oldest open one is. Never null for a
-- given day and target. A single expression, so PostgreSQL inlines it into a list query, where its
-- first half is the predicate of accountability_case_open_sea and its second half is checked in
-- that index.
CREATE OR REPLACE FUNCTION accountability_case_overdue(category varchar, investigations jsonb, on_day date, target_days integer)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT accountability_case_open_since(category, investigations) IS NOT NULL
       AND accountability_case_open_since(category, investigations) < on_day - target_days
$$;

-- The SEA cases with an open investigation, in list order: `overdue=true` reads them in order and
-- keeps those whose open_since is before the day asked (and, with a mission filter or a scope, of
-- those missions) without visiting the table.
CREATE INDEX accountability_case_open_sea
    ON accountability_case (reported_on DESC, id, accountability_case_open_since(category, investigations), mission_acronym)
    WHERE accountability_case_open_since(category, investigations) IS NOT NULL;

-- Filters combine: missions, kinds, statuses and categories are far from independent (a status
-- belongs to one kind, a crime has no category, missions differ), and a planner that assumed they
-- were would walk a whole index range for a combination that has few cases or none.
CREATE STATISTICS accountability_case_filters (mcv) ON mission_acronym, kind, status, category FROM accountability_case;
ANALYZE accountability_case;

-- Commitments: due date first (none last), then id, the sentinel written as in the query.
-- partnership_commitment_due (V6) serves the list; by status, this one.
CREATE INDEX partnership_commitment_status
    ON partnership_commitment (partnership_id, status, (coalesce(due_date, DATE '9999-12-31')), id);
