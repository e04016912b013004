-- Change feed (issue 13): a transactional outbox read in an order that never skips a committed event,
-- and the webhook subscriptions that push it.

-- One row per committed change, written in the changing transaction. txid is that transaction's id:
-- readers only see rows whose txid is below the oldest transaction still running
-- (pg_snapshot_xmin(pg_current_snapshot())) and read them in (txid, position) order, so a transaction
-- that started earlier but commits later can never land behind a reader's cursor.
CREATE TABLE event (
    txid            xid8        NOT NULL DEFAULT pg_current_xact_id(),
    position        bigint      GENERATED ALWAYS AS IDENTITY,
    id              uuid        NOT NULL DEFAULT gen_random_uuid(),
    type            text        NOT NULL,
    subject         text        NOT NULL,
    mission_acronym text,
    data            jsonb       NOT NULL,
    occurred_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (txid, position)
);
CREATE INDEX event_occurred_at ON event (occurred_at);

-- Wakes long-polls and webhook workers on every replica when a transaction that wrote events commits
-- (one notification per transaction: PostgreSQL folds identical ones).
CREATE FUNCTION event_committed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('a4p_events', '');
    RETURN NULL;
END $$;
CREATE TRIGGER event_committed AFTER INSERT ON event
    FOR EACH STATEMENT EXECUTE FUNCTION event_committed();

-- How far retention has deleted: a cursor at or before this point answers 410.
CREATE TABLE event_purge (
    singleton        boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    through_txid     xid8    NOT NULL,
    through_position bigint  NOT NULL
);
INSERT INTO event_purge (through_txid, through_position) VALUES ('0', 0);

CREATE TABLE webhook_subscription (
    id              uuid        PRIMARY KEY,
    url             text        NOT NULL,
    types           text[]      NOT NULL,
    missions        text[]      NOT NULL,
    -- the creating token's missions claim (NULL: all missions); deliveries never leave it
    scope           text[],
    secret          text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('active', 'paused', 'failing')),
    created_at      timestamptz NOT NULL,
    created_by      text        NOT NULL,
    version         bigint      NOT NULL DEFAULT 0,
    -- the feed position up to which deliveries have been queued for this subscription
    fanned_txid     xid8        NOT NULL,
    fanned_position bigint      NOT NULL
);
CREATE INDEX webhook_subscription_list ON webhook_subscription (created_at DESC, id);

CREATE TABLE webhook_delivery (
    id               uuid        PRIMARY KEY,
    subscription_id  uuid        NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    event_txid       xid8        NOT NULL,
    event_position   bigint      NOT NULL,
    event_id         uuid        NOT NULL,
    event_type       text        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('pending', 'retrying', 'succeeded', 'failed')),
    attempts         integer     NOT NULL DEFAULT 0,
    first_failed_at  timestamptz,
    last_attempt_at  timestamptz,
    last_status_code integer,
    last_duration_ms bigint,
    last_error       text,
    next_attempt_at  timestamptz,
    created_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
    UNIQUE (subscription_id, event_txid, event_position)
);
CREATE INDEX webhook_delivery_open ON webhook_delivery (subscription_id, event_txid, event_position)
    WHERE status IN ('pending', 'retrying');
CREATE INDEX webhook_delivery_list ON webhook_delivery (subscription_id, created_at DESC, id);
