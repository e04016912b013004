-- Reference data (priorities and indicators, missions) is cached in each replica
-- (platform/persistence/ReferenceCache). Every change to its tables, whoever makes it, announces
-- the topic on the channel the replicas listen on; PostgreSQL delivers the notification only when
-- the changing transaction commits, and never for one that rolls back.
CREATE FUNCTION announce_reference_change() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM pg_notify('a4p_reference_changed', TG_ARGV[0]);
    RETURN NULL;
END
$$;

CREATE TRIGGER priority_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON priority
    FOR EACH STATEMENT EXECUTE FUNCTION announce_reference_change('priorities');
CREATE TRIGGER indicator_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON indicator
    FOR EACH STATEMENT EXECUTE FUNCTION announce_reference_change('priorities');
CREATE TRIGGER mission_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON mission
    FOR EACH STATEMENT EXECUTE FUNCTION announce_reference_change('missions');
