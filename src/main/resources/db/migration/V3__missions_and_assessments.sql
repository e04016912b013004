-- Peacekeeping missions and their CPAS-style progress assessments per A4P+ priority.
CREATE TABLE mission (
    acronym              varchar(12)  PRIMARY KEY CHECK (acronym ~ '^[A-Z]{2,12}$'),
    name_en              varchar(300) NOT NULL,
    name_fr              varchar(300) NOT NULL,
    host_countries       varchar(3)[] NOT NULL DEFAULT '{}',
    host_territory       varchar(100),
    start_date           date         NOT NULL,
    end_date             date,
    mandate_resolution   integer,
    mandate_adopted_on   date,
    headquarters         varchar(100) NOT NULL,
    status               varchar(12)  NOT NULL CHECK (status IN ('active', 'transition', 'closed')),
    version              bigint       NOT NULL DEFAULT 0,
    created_at           timestamptz  NOT NULL DEFAULT now(),
    updated_at           timestamptz  NOT NULL DEFAULT now(),
    CHECK (end_date IS NULL OR end_date >= start_date),
    CHECK (status <> 'closed' OR end_date IS NOT NULL),
    CHECK ((mandate_resolution IS NULL) = (mandate_adopted_on IS NULL)),
    CHECK (cardinality(host_countries) > 0 OR host_territory IS NOT NULL)
);
CREATE INDEX mission_status ON mission (status, acronym);
CREATE INDEX mission_start_date ON mission (start_date, acronym);
CREATE INDEX mission_host_countries ON mission USING gin (host_countries);

CREATE TABLE assessment (
    id              uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    mission_acronym varchar(12)  NOT NULL REFERENCES mission (acronym),
    priority_code   varchar(8)   NOT NULL REFERENCES priority (code),
    period_start    date         NOT NULL CHECK (extract(day FROM period_start) = 1
                                                 AND extract(month FROM period_start) IN (1, 4, 7, 10)),
    rating          varchar(12)  NOT NULL CHECK (rating IN ('on_track', 'at_risk', 'off_track', 'not_assessed')),
    score           integer      CHECK (score BETWEEN 0 AND 100),
    narrative       varchar(4000),
    version         bigint       NOT NULL DEFAULT 0,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    updated_at      timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT assessment_one_per_period UNIQUE (mission_acronym, priority_code, period_start),
    CHECK ((rating = 'not_assessed') = (score IS NULL))
);
CREATE INDEX assessment_mission_period ON assessment (mission_acronym, period_start DESC, priority_code, id);
CREATE INDEX assessment_priority_period ON assessment (priority_code, period_start DESC);

CREATE TABLE assessment_indicator_value (
    assessment_id uuid          NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    indicator_id  uuid          NOT NULL REFERENCES indicator (id),
    value         numeric(14,4) NOT NULL,
    note          varchar(500),
    PRIMARY KEY (assessment_id, indicator_id)
);
CREATE INDEX assessment_indicator_value_indicator ON assessment_indicator_value (indicator_id);

-- The peacekeeping operations running when A4P+ was launched (March 2021). Mandates are given
-- only where the seed's source was certain; editors keep them current.
INSERT INTO mission (acronym, name_en, name_fr, host_countries, host_territory, start_date, end_date,
                     mandate_resolution, mandate_adopted_on, headquarters, status) VALUES
('MINURSO', 'United Nations Mission for the Referendum in Western Sahara',
 'Mission des Nations Unies pour l''organisation d''un référendum au Sahara occidental',
 '{}', 'Western Sahara', '1991-04-29', NULL, 2703, '2023-10-30', 'Laayoune', 'active'),
('MINUSCA', 'United Nations Multidimensional Integrated Stabilization Mission in the Central African Republic',
 'Mission multidimensionnelle intégrée des Nations Unies pour la stabilisation en République centrafricaine',
 '{CAF}', NULL, '2014-04-10', NULL, 2709, '2023-11-14', 'Bangui', 'active'),
('MINUSMA', 'United Nations Multidimensional Integrated Stabilization Mission in Mali',
 'Mission multidimensionnelle intégrée des Nations Unies pour la stabilisation au Mali',
 '{MLI}', NULL, '2013-04-25', '2023-12-31', 2690, '2023-06-30', 'Bamako', 'closed'),
('MONUSCO', 'United Nations Organization Stabilization Mission in the Democratic Republic of the Congo',
 'Mission de l''Organisation des Nations Unies pour la stabilisation en République démocratique du Congo',
 '{COD}', NULL, '2010-07-01', NULL, 2717, '2023-12-19', 'Kinshasa', 'active'),
('UNDOF', 'United Nations Disengagement Observer Force',
 'Force des Nations Unies chargée d''observer le dégagement',
 '{SYR}', 'Golan', '1974-05-31', NULL, NULL, NULL, 'Camp Faouar', 'active'),
('UNFICYP', 'United Nations Peacekeeping Force in Cyprus',
 'Force des Nations Unies chargée du maintien de la paix à Chypre',
 '{CYP}', NULL, '1964-03-04', NULL, NULL, NULL, 'Nicosia', 'active'),
('UNIFIL', 'United Nations Interim Force in Lebanon',
 'Force intérimaire des Nations Unies au Liban',
 '{LBN}', NULL, '1978-03-19', NULL, 2695, '2023-08-31', 'Naqoura', 'active'),
('UNISFA', 'United Nations Interim Security Force for Abyei',
 'Force intérimaire de sécurité des Nations Unies pour Abyei',
 '{SDN,SSD}', 'Abyei', '2011-06-27', NULL, NULL, NULL, 'Abyei', 'active'),
('UNMIK', 'United Nations Interim Administration Mission in Kosovo',
 'Mission d''administration intérimaire des Nations Unies au Kosovo',
 '{}', 'Kosovo', '1999-06-10', NULL, 1244, '1999-06-10', 'Pristina', 'active'),
('UNMISS', 'United Nations Mission in the Republic of South Sudan',
 'Mission des Nations Unies au Soudan du Sud',
 '{SSD}', NULL, '2011-07-09', NULL, NULL, NULL, 'Juba', 'active'),
('UNMOGIP', 'United Nations Military Observer Group in India and Pakistan',
 'Groupe d''observateurs militaires des Nations Unies dans l''Inde et le Pakistan',
 '{IND,PAK}', 'Jammu and Kashmir', '1949-01-24', NULL, 91, '1951-03-30', 'Islamabad and Srinagar', 'active'),
('UNTSO', 'United Nations Truce Supervision Organization',
 'Organisme des Nations Unies chargé de la surveillance de la trêve',
 '{EGY,ISR,JOR,LBN,SYR}', 'Middle East', '1948-05-29', NULL, 50, '1948-05-29', 'Jerusalem', 'active');
