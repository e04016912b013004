-- One log of full reads of sensitive records (platform/security/ReadLog), for every kind of record:
-- the reads of accountability cases move here from case_read, which goes.
CREATE TABLE read_log (
    id          bigserial    PRIMARY KEY,
    record_type varchar(40)  NOT NULL,
    record_id   uuid         NOT NULL,
    reader      varchar(200) NOT NULL,
    read_at     timestamptz  NOT NULL DEFAULT now(),
    view        varchar(20)  NOT NULL CHECK (view IN ('current', 'as_of'))
);
CREATE INDEX read_log_record ON read_log (record_type, record_id, read_at DESC, id DESC);

INSERT INTO read_log (id, record_type, record_id, reader, read_at, view)
SELECT id, 'accountability_case', case_id, reader, read_at, view FROM case_read;
SELECT setval(pg_get_serial_sequence('read_log', 'id'), (SELECT coalesce(max(id), 0) + 1 FROM read_log), false);

DROP TABLE case_read;
