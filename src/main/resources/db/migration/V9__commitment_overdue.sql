-- The one definition of an overdue commitment: its due date has passed (today is the caller's UTC
-- day) and it is still planned or in progress. Every commitment query and every single commitment
-- read ask this function; no other code states the rule. Never null (a commitment without a due
-- date is not overdue), so NOT gives the commitments that are not overdue. A plain, immutable SQL
-- function, which the planner can inline into the queries that call it.
CREATE FUNCTION partnership_commitment_overdue(due_date date, status text, today date) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT due_date IS NOT NULL AND due_date < today AND status IN ('planned', 'in_progress') $$;
