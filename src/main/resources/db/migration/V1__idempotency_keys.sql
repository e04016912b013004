-- Idempotency-Key records for creating POSTs (common/Idempotency.java).
CREATE TABLE idempotency_key (
    caller              text        NOT NULL,
    idempotency_key     text        NOT NULL,
    request_fingerprint text        NOT NULL,
    response_status     integer,
    response_headers    jsonb,
    response_body       text,
    created_at          timestamptz NOT NULL DEFAULT now(),
    expires_at          timestamptz NOT NULL,
    PRIMARY KEY (caller, idempotency_key)
);
CREATE INDEX idempotency_key_expires_at ON idempotency_key (expires_at);
