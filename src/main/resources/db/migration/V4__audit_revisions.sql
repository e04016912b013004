-- Envers revisions (common/AuditRevision.java): who changed audited records, when, and why.
CREATE SEQUENCE audit_revision_seq INCREMENT BY 50;
CREATE TABLE audit_revision (
    id     bigint      PRIMARY KEY,
    at     timestamptz NOT NULL,
    actor  varchar(200) NOT NULL,
    reason varchar(2000)
);
