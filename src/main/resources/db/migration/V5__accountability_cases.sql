-- Accountability cases: misconduct by peacekeepers (including SEA, A4P+ P5) and crimes against
-- peacekeepers (P4). Sub-records (victims, investigations, actions, requests, paternity claims)
-- are JSON arrays of the case row, so that every revision of a case holds all of them.
CREATE TABLE case_reference_counter (
    mission_acronym varchar(12) NOT NULL REFERENCES mission (acronym),
    year            integer     NOT NULL,
    last_number     integer     NOT NULL,
    PRIMARY KEY (mission_acronym, year)
);

CREATE TABLE accountability_case (
    id                          uuid         PRIMARY KEY,
    reference                   varchar(30)  NOT NULL UNIQUE,
    kind                        varchar(30)  NOT NULL CHECK (kind IN ('misconduct', 'crime_against_peacekeepers')),
    mission_acronym             varchar(12)  NOT NULL REFERENCES mission (acronym),
    status                      varchar(40)  NOT NULL,
    status_before_dormant       varchar(40),
    reported_on                 date         NOT NULL,
    incident_date               date,
    incident_date_precision     varchar(10)  NOT NULL CHECK (incident_date_precision IN ('day', 'month', 'year', 'unknown')),
    closed_on                   date,
    -- misconduct
    category                    varchar(30)  CHECK (category IN ('sea', 'other_misconduct')),
    misconduct_level            integer      CHECK (misconduct_level IN (1, 2)),
    sea_type                    varchar(30),
    sea_subtype                 varchar(40),
    misconduct_type             varchar(100),
    personnel_category          varchar(40),
    alleged_perpetrators        integer      CHECK (alleged_perpetrators >= 0),
    perpetrator_nationality     varchar(3),
    victims                     jsonb        NOT NULL DEFAULT '[]',
    investigations              jsonb        NOT NULL DEFAULT '[]',
    interim_actions             jsonb        NOT NULL DEFAULT '[]',
    final_actions               jsonb        NOT NULL DEFAULT '[]',
    member_state_requests       jsonb        NOT NULL DEFAULT '[]',
    paternity_claims            jsonb        NOT NULL DEFAULT '[]',
    -- crimes against peacekeepers
    crime_type                  varchar(30),
    location_admin_area         varchar(200),
    location_description        varchar(500),
    peacekeepers_killed         integer      CHECK (peacekeepers_killed >= 0),
    peacekeepers_injured        integer      CHECK (peacekeepers_injured >= 0),
    attributed_group            varchar(200),
    national_case_number        varchar(100),
    court                       varchar(200),
    suspects_identified         integer      CHECK (suspects_identified >= 0),
    suspects_arrested           integer      CHECK (suspects_arrested >= 0),
    suspects_charged            integer      CHECK (suspects_charged >= 0),
    suspects_tried              integer      CHECK (suspects_tried >= 0),
    suspects_convicted          integer      CHECK (suspects_convicted >= 0),
    suspects_acquitted          integer      CHECK (suspects_acquitted >= 0),
    version                     bigint       NOT NULL DEFAULT 0,
    created_at                  timestamptz  NOT NULL DEFAULT now(),
    updated_at                  timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX accountability_case_mission ON accountability_case (mission_acronym, reported_on DESC, id);
CREATE INDEX accountability_case_reported ON accountability_case (reported_on DESC, id);
CREATE INDEX accountability_case_status ON accountability_case (status);
CREATE INDEX accountability_case_kind_category ON accountability_case (kind, category);

-- Envers history of the case rows.
CREATE TABLE accountability_case_aud (
    id                          uuid         NOT NULL,
    rev                         bigint       NOT NULL REFERENCES audit_revision (id),
    revtype                     smallint,
    reference                   varchar(30),
    kind                        varchar(30),
    mission_acronym             varchar(12),
    status                      varchar(40),
    status_before_dormant       varchar(40),
    reported_on                 date,
    incident_date               date,
    incident_date_precision     varchar(10),
    closed_on                   date,
    category                    varchar(30),
    misconduct_level            integer,
    sea_type                    varchar(30),
    sea_subtype                 varchar(40),
    misconduct_type             varchar(100),
    personnel_category          varchar(40),
    alleged_perpetrators        integer,
    perpetrator_nationality     varchar(3),
    victims                     jsonb,
    investigations              jsonb,
    interim_actions             jsonb,
    final_actions               jsonb,
    member_state_requests       jsonb,
    paternity_claims            jsonb,
    crime_type                  varchar(30),
    location_admin_area         varchar(200),
    location_description        varchar(500),
    peacekeepers_killed         integer,
    peacekeepers_injured        integer,
    attributed_group            varchar(200),
    national_case_number        varchar(100),
    court                       varchar(200),
    suspects_identified         integer,
    suspects_arrested           integer,
    suspects_charged            integer,
    suspects_tried              integer,
    suspects_convicted          integer,
    suspects_acquitted          integer,
    created_at                  timestamptz,
    updated_at                  timestamptz,
    PRIMARY KEY (id, rev)
);

-- Who read the full (unredacted) view of which case, and when.
CREATE TABLE case_read (
    id       bigserial    PRIMARY KEY,
    case_id  uuid         NOT NULL REFERENCES accountability_case (id) ON DELETE CASCADE,
    reader   varchar(200) NOT NULL,
    read_at  timestamptz  NOT NULL DEFAULT now(),
    view     varchar(20)  NOT NULL
);
CREATE INDEX case_read_case ON case_read (case_id, read_at DESC, id);
