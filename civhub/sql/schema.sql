-- civhub data model: the contract between the pipelines (writers) and everything else (readers).
-- Each table states its grain: what one row is, and the key that makes it unique.
-- Municipality codes are the ELSTAT 2021 codes of data/reference/municipalities.csv.

-- Grain: one row per key/value setting of this database (schema version, synthetic flag, demo seed).
CREATE TABLE IF NOT EXISTS meta (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);

-- Grain: one row per current municipality (332, Kleisthenis 2019). Source: ELSTAT, see data/reference/SOURCES.md.
CREATE TABLE IF NOT EXISTS municipalities (
    code               VARCHAR PRIMARY KEY,
    name_el            VARCHAR NOT NULL,   -- official, upper case, genitive (ΚΟΜΟΤΗΝΗΣ)
    name_el_display    VARCHAR NOT NULL,   -- Δήμος Κομοτηνής
    name_en            VARCHAR NOT NULL,
    regional_unit_code VARCHAR NOT NULL,
    regional_unit_el   VARCHAR NOT NULL,
    region_code        VARCHAR NOT NULL,   -- NUTS-2 2021
    region_el          VARCHAR NOT NULL,   -- official, upper case, genitive (ΑΤΤΙΚΗΣ)
    region_en          VARCHAR NOT NULL,
    population_2021    INTEGER NOT NULL,
    area_km2           DOUBLE,
    elstat_code_2011   VARCHAR NOT NULL,   -- join key to the 2011 boundaries
    change_since_2011  VARCHAR NOT NULL,
    region_el_display  VARCHAR NOT NULL    -- Περιφέρεια Αττικής (data/reference/regions.csv); last, as schema 6 added it
);

-- Grain: one row per municipality that signed the Cooperation Pact.
CREATE TABLE IF NOT EXISTS pact (
    municipality_code VARCHAR PRIMARY KEY,
    signed_on         DATE NOT NULL,
    centre_opened_on  DATE,               -- the Centre of Active Citizens, when one opened
    load_id           INTEGER NOT NULL
);

-- Grain: one row per organization (org_id is the submitter's stable identifier).
CREATE TABLE IF NOT EXISTS organizations (
    org_id            VARCHAR PRIMARY KEY,
    name              VARCHAR NOT NULL,
    type              VARCHAR NOT NULL,   -- social_cooperative, solidarity_house, … (pipelines/kinds.py)
    municipality_code VARCHAR NOT NULL,
    founded_on        DATE,
    registry_number   VARCHAR,
    load_id           INTEGER NOT NULL
);

-- Grain: one row per municipal space (building, farmland) made available to organizations.
CREATE TABLE IF NOT EXISTS spaces (
    space_id          VARCHAR PRIMARY KEY,
    municipality_code VARCHAR NOT NULL,
    kind              VARCHAR NOT NULL,   -- building, farmland, other
    name              VARCHAR NOT NULL,
    size              DOUBLE NOT NULL,
    size_unit         VARCHAR NOT NULL,   -- m2 or stremma (1 stremma = 1,000 m²)
    available_from    DATE NOT NULL,
    available_to      DATE,
    host_org_id       VARCHAR,
    load_id           INTEGER NOT NULL
);

-- Grain: one row per activity (an event or a running service over a date range).
CREATE TABLE IF NOT EXISTS activities (
    activity_id       VARCHAR PRIMARY KEY,
    org_id            VARCHAR NOT NULL,   -- the lead organization
    municipality_code VARCHAR NOT NULL,
    start_date        DATE NOT NULL,
    end_date          DATE,
    category          VARCHAR NOT NULL,
    title             VARCHAR NOT NULL,
    beneficiaries     INTEGER,            -- people served
    service_units     DOUBLE,
    service_unit      VARCHAR,            -- food_parcel, clinic_visit, …
    space_id          VARCHAR,
    load_id           INTEGER NOT NULL
);

-- Grain: one row per (activity, partner organization); the lead is not repeated here.
CREATE TABLE IF NOT EXISTS activity_partners (
    activity_id VARCHAR NOT NULL,
    org_id      VARCHAR NOT NULL,
    PRIMARY KEY (activity_id, org_id)
);

-- Grain: one row per hour record; natural key (org_id, record_id), enforced by the loader
-- (no index: it would double the national-scale load time for ~10 % faster appends).
CREATE TABLE IF NOT EXISTS volunteer_hours (
    org_id            VARCHAR NOT NULL,
    record_id         VARCHAR NOT NULL,
    activity_id       VARCHAR,
    municipality_code VARCHAR NOT NULL,
    work_date         DATE NOT NULL,
    hours             DECIMAL(6, 2) NOT NULL,
    role_raw          VARCHAR,            -- the role as written
    role_category     VARCHAR NOT NULL,
    load_id           INTEGER NOT NULL,
    -- The volunteer: the first 64 bits of the HMAC-SHA256 of the submitted identifier, as a number
    -- (pipelines/pseudonym.py); the raw identifier is never stored.
    volunteer_no      UBIGINT NOT NULL
);

-- Grain: one row per (municipality, year, kind, organization) of municipal support; org_id '' = not tied to one.
CREATE TABLE IF NOT EXISTS municipal_support (
    municipality_code VARCHAR NOT NULL,
    year              INTEGER NOT NULL,
    org_id            VARCHAR NOT NULL,
    kind              VARCHAR NOT NULL,   -- space, utilities, staff, grant, other
    amount_eur        DECIMAL(14, 2) NOT NULL,
    load_id           INTEGER NOT NULL,
    PRIMARY KEY (municipality_code, year, kind, org_id)
);

-- Grain: one row per superseded version of a record (a corrected re-submission replaced it).
CREATE TABLE IF NOT EXISTS record_history (
    kind          VARCHAR NOT NULL,
    record_key    VARCHAR NOT NULL,       -- the natural key, parts joined by '|'
    old_values    JSON NOT NULL,
    old_load_id   INTEGER NOT NULL,
    replaced_by   INTEGER NOT NULL,       -- the load that replaced it
    replaced_at   TIMESTAMP NOT NULL
);

-- Grain: one row per file loaded (refused files change nothing, so they leave no row).
CREATE TABLE IF NOT EXISTS loads (
    load_id          INTEGER PRIMARY KEY,
    file_name        VARCHAR NOT NULL,
    sha256           VARCHAR NOT NULL,
    kind             VARCHAR NOT NULL,
    encoding         VARCHAR,
    delimiter        VARCHAR,
    sheet            VARCHAR,
    rows_read        BIGINT NOT NULL,
    rows_loaded      BIGINT NOT NULL,
    rows_updated     BIGINT NOT NULL,
    rows_duplicate   BIGINT NOT NULL,
    rows_quarantined BIGINT NOT NULL,
    blank_lines      BIGINT NOT NULL,
    ignored_columns  VARCHAR[] NOT NULL,  -- headers not used (names only, never values)
    status           VARCHAR NOT NULL,    -- loaded
    started_at       TIMESTAMP NOT NULL,
    finished_at      TIMESTAMP NOT NULL,
    headers          JSON                 -- each column's header as the file wrote it; NULL before schema 7
);

-- Grain: one row per refused row of a loaded file.
CREATE TABLE IF NOT EXISTS quarantine (
    load_id     INTEGER NOT NULL,
    line        BIGINT NOT NULL,          -- the line (CSV) or row (XLSX) as a spreadsheet shows it
    column_name VARCHAR,                  -- the canonical column, NULL for a whole-row reason
    value       VARCHAR,                  -- cut to 200 characters; never a personal-data value
    reason      VARCHAR NOT NULL,         -- a code of pipelines/messages.py
    params      JSON NOT NULL             -- the reason's parameters, rendered in Greek or English on display
);

-- Grain: one row per (load, note, subject): things loaded but worth a look.
CREATE TABLE IF NOT EXISTS quality_notes (
    load_id  INTEGER NOT NULL,
    note     VARCHAR NOT NULL,            -- unknown_role, over_24h_day
    subject  VARCHAR NOT NULL,            -- the role word, or the volunteer key and day
    rows     BIGINT NOT NULL,
    params   JSON NOT NULL
);

-- Reference: valuation of an hour of volunteer work by role category, over time (data/reference/valuation_rates.csv).
-- Grain: one row per (role_category, valid_from).
CREATE TABLE IF NOT EXISTS valuation_rates (
    role_category VARCHAR NOT NULL,
    valid_from    DATE NOT NULL,
    valid_to      DATE,                   -- exclusive; NULL = still in force
    low_eur       DECIMAL(8, 2) NOT NULL, -- statutory minimum wage per hour
    central_eur   DECIMAL(8, 2) NOT NULL, -- generalist social-services wage
    high_eur      DECIMAL(8, 2) NOT NULL, -- specialist wage of the role
    source        VARCHAR NOT NULL,
    PRIMARY KEY (role_category, valid_from)
);

-- Reference: words people write for a role -> role category. Grain: one row per folded word.
CREATE TABLE IF NOT EXISTS role_map (
    word          VARCHAR PRIMARY KEY,    -- folded (civhub.text.fold)
    role_category VARCHAR NOT NULL
);

-- Reference: euro value of one unit of service. Grain: one row per service unit.
CREATE TABLE IF NOT EXISTS service_unit_costs (
    service_unit  VARCHAR PRIMARY KEY,
    eur_per_unit  DECIMAL(10, 2) NOT NULL,
    is_assumption BOOLEAN NOT NULL,
    source        VARCHAR NOT NULL
);

-- Reference: imputed monthly rent of municipal space. Grain: one row per (space kind, size unit).
CREATE TABLE IF NOT EXISTS space_rent (
    kind               VARCHAR NOT NULL,
    size_unit          VARCHAR NOT NULL,
    eur_per_unit_month DECIMAL(10, 4) NOT NULL,
    is_assumption      BOOLEAN NOT NULL,
    source             VARCHAR NOT NULL,
    PRIMARY KEY (kind, size_unit)
);
