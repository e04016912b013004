-- Host-country partnerships (A4P+ P7): one per mission and host country, with the agreement in
-- force (SOFA, SOMA, MoU), focal points, the resolution 2589 focal point and the transition plan;
-- their joint commitments and the violations of the agreement. Focal points and benchmarks are
-- JSON arrays of the partnership row, so that every revision of a partnership holds all of them.
-- No seed rows: the agreements' dates and symbols are entered by editors from the texts themselves.
CREATE TABLE host_country_partnership (
    id                          uuid         PRIMARY KEY,
    mission_acronym             varchar(12)  NOT NULL REFERENCES mission (acronym),
    country_code                varchar(3)   NOT NULL CHECK (country_code ~ '^[A-Z]{3}$'),
    status                      varchar(12)  NOT NULL CHECK (status IN ('negotiating', 'in_force', 'suspended', 'terminated')),
    agreement_type              varchar(10)  NOT NULL CHECK (agreement_type IN ('sofa', 'soma', 'mou', 'other')),
    agreement_title             varchar(300),
    agreement_signed_date       date,
    agreement_in_force_date     date,
    agreement_document_symbol   varchar(100),
    focal_points                jsonb        NOT NULL DEFAULT '[]',
    resolution_2589_focal_point jsonb,
    transition_phase            varchar(12)  CHECK (transition_phase IN ('planning', 'drawdown', 'handover', 'closed')),
    transition_benchmarks       jsonb        NOT NULL DEFAULT '[]',
    version                     bigint       NOT NULL DEFAULT 0,
    created_at                  timestamptz  NOT NULL DEFAULT now(),
    updated_at                  timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT host_country_partnership_one_per_country UNIQUE (mission_acronym, country_code),
    CHECK (agreement_in_force_date IS NULL OR agreement_signed_date IS NULL
           OR agreement_in_force_date >= agreement_signed_date),
    CHECK (transition_phase IS NOT NULL OR transition_benchmarks = '[]'::jsonb)
);
-- The unique constraint's index serves the mission filter and the (mission, country) keyset order.
CREATE INDEX host_country_partnership_country ON host_country_partnership (country_code, mission_acronym);
CREATE INDEX host_country_partnership_status ON host_country_partnership (status, mission_acronym, country_code);
CREATE INDEX host_country_partnership_agreement_type ON host_country_partnership (agreement_type, mission_acronym, country_code);

CREATE TABLE partnership_commitment (
    id              uuid          PRIMARY KEY,
    partnership_id  uuid          NOT NULL REFERENCES host_country_partnership (id),
    description     varchar(1000) NOT NULL,
    area            varchar(30)   NOT NULL CHECK (area IN ('safety_and_security', 'performance', 'transition',
                                                           'accountability', 'other')),
    priority_code   varchar(8)    REFERENCES priority (code),
    owner           varchar(20)   NOT NULL CHECK (owner IN ('mission', 'host_government', 'joint')),
    due_date        date,
    status          varchar(12)   NOT NULL CHECK (status IN ('planned', 'in_progress', 'met', 'missed', 'dropped')),
    version         bigint        NOT NULL DEFAULT 0,
    created_at      timestamptz   NOT NULL DEFAULT now(),
    updated_at      timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX partnership_commitment_due ON partnership_commitment (partnership_id, (coalesce(due_date, DATE '9999-12-31')), id);
CREATE INDEX partnership_commitment_open_due ON partnership_commitment (partnership_id, due_date)
    WHERE status IN ('planned', 'in_progress');

CREATE TABLE partnership_violation (
    id               uuid          PRIMARY KEY,
    partnership_id   uuid          NOT NULL REFERENCES host_country_partnership (id),
    occurred_on      date          NOT NULL,
    type             varchar(40)   NOT NULL CHECK (type IN ('movement_restriction_land', 'movement_restriction_air',
                                                            'movement_restriction_river', 'denial_of_access',
                                                            'arrest_or_detention', 'harassment_or_assault', 'threat',
                                                            'impoundment', 'import_customs_obstruction',
                                                            'flight_clearance_denial', 'visa_denial', 'other')),
    perpetrator      varchar(20)   NOT NULL CHECK (perpetrator IN ('government_forces', 'non_state_actor', 'unknown')),
    location         varchar(200),
    description      varchar(2000),
    raised_through   varchar(20)   CHECK (raised_through IN ('note_verbale', 'meeting', 'letter')),
    status           varchar(12)   NOT NULL CHECK (status IN ('recorded', 'raised', 'resolved', 'unresolved')),
    resolution_date  date,
    resolution_note  varchar(2000),
    version          bigint        NOT NULL DEFAULT 0,
    created_at       timestamptz   NOT NULL DEFAULT now(),
    updated_at       timestamptz   NOT NULL DEFAULT now(),
    CHECK ((status = 'resolved') = (resolution_date IS NOT NULL)),
    CHECK (resolution_date IS NULL OR resolution_date >= occurred_on)
);
CREATE INDEX partnership_violation_occurred ON partnership_violation (partnership_id, occurred_on DESC, id);
CREATE INDEX partnership_violation_type ON partnership_violation (partnership_id, type, occurred_on DESC);
CREATE INDEX partnership_violation_status ON partnership_violation (partnership_id, status, occurred_on DESC);

-- Envers history of the three tables.
CREATE TABLE host_country_partnership_aud (
    id                          uuid         NOT NULL,
    rev                         bigint       NOT NULL REFERENCES audit_revision (id),
    revtype                     smallint,
    mission_acronym             varchar(12),
    country_code                varchar(3),
    status                      varchar(12),
    agreement_type              varchar(10),
    agreement_title             varchar(300),
    agreement_signed_date       date,
    agreement_in_force_date     date,
    agreement_document_symbol   varchar(100),
    focal_points                jsonb,
    resolution_2589_focal_point jsonb,
    transition_phase            varchar(12),
    transition_benchmarks       jsonb,
    created_at                  timestamptz,
    updated_at                  timestamptz,
    PRIMARY KEY (id, rev)
);

CREATE TABLE partnership_commitment_aud (
    id              uuid          NOT NULL,
    rev             bigint        NOT NULL REFERENCES audit_revision (id),
    revtype         smallint,
    partnership_id  uuid,
    description     varchar(1000),
    area            varchar(30),
    priority_code   varchar(8),
    owner           varchar(20),
    due_date        date,
    status          varchar(12),
    created_at      timestamptz,
    updated_at      timestamptz,
    PRIMARY KEY (id, rev)
);

CREATE TABLE partnership_violation_aud (
    id               uuid          NOT NULL,
    rev              bigint        NOT NULL REFERENCES audit_revision (id),
    revtype          smallint,
    partnership_id   uuid,
    occurred_on      date,
    type             varchar(40),
    perpetrator      varchar(20),
    location         varchar(200),
    description      varchar(2000),
    raised_through   varchar(20),
    status           varchar(12),
    resolution_date  date,
    resolution_note  varchar(2000),
    created_at       timestamptz,
    updated_at       timestamptz,
    PRIMARY KEY (id, rev)
);
