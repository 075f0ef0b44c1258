-- Registry tables: schemas by global id, the subject versions that hold them, compatibility configs and modes.
-- Must match Governance.Storage's EF Core model (tests/Governance.Storage.Tests proves it). The context column leaves
-- room for Confluent contexts: '' is the default context. Configs and modes store the global level under subject ''.

CREATE TABLE configs (
    context text NOT NULL,
    subject text NOT NULL,
    compatibility text,
    normalize boolean,
    compatibility_group text,
    validate_fields boolean,
    alias text,
    CONSTRAINT pk_configs PRIMARY KEY (context, subject)
);

CREATE TABLE modes (
    context text NOT NULL,
    subject text NOT NULL,
    mode text NOT NULL,
    CONSTRAINT pk_modes PRIMARY KEY (context, subject)
);

-- Immutable once inserted; identity_hash finds the id an identical schema already has.
CREATE TABLE schemas (
    context text NOT NULL,
    id integer NOT NULL,
    schema_type text NOT NULL,
    schema_text text NOT NULL,
    identity_hash text NOT NULL,
    metadata_json text,
    rule_set_json text,
    CONSTRAINT pk_schemas PRIMARY KEY (context, id)
);

CREATE TABLE schema_references (
    context text NOT NULL,
    schema_id integer NOT NULL,
    position integer NOT NULL,
    name text NOT NULL,
    subject text NOT NULL,
    version integer NOT NULL,
    CONSTRAINT pk_schema_references PRIMARY KEY (context, schema_id, position),
    CONSTRAINT fk_schema_references_schemas FOREIGN KEY (context, schema_id) REFERENCES schemas (context, id) ON DELETE CASCADE
);

-- A soft delete sets deleted; a permanent delete removes the row.
CREATE TABLE subject_versions (
    context text NOT NULL,
    subject text NOT NULL,
    version integer NOT NULL,
    schema_id integer NOT NULL,
    deleted boolean NOT NULL,
    CONSTRAINT pk_subject_versions PRIMARY KEY (context, subject, version),
    CONSTRAINT fk_subject_versions_schemas FOREIGN KEY (context, schema_id) REFERENCES schemas (context, id) ON DELETE RESTRICT
);

CREATE INDEX ix_schema_references_subject_version ON schema_references (context, subject, version);

CREATE INDEX ix_schemas_identity_hash ON schemas (context, identity_hash);

CREATE INDEX ix_subject_versions_schema_id ON subject_versions (context, schema_id);
