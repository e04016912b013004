-- The one rule for an overdue accountability case (A4P+ timeliness of SEA investigations): a sexual
-- exploitation and abuse case with an investigation still open, on `on_day`, more than `target_days`
-- after it was opened. Case lists filter by it and show it; a single case asks it of its own state
-- (now, as of a past instant, or just written), so Java never restates it.
CREATE FUNCTION accountability_case_overdue(category varchar, investigations jsonb, on_day date, target_days integer)
RETURNS boolean
LANGUAGE sql STABLE
AS $$
    SELECT coalesce(category = 'sea', false) AND EXISTS (
        SELECT 1 FROM jsonb_array_elements(coalesce(investigations, '[]')) i
         WHERE i->>'completed_on' IS NULL
           AND on_day - CAST(i->>'opened_on' AS date) > target_days)
$$;
