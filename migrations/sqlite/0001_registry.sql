-- Registry tables: schemas by global id, the subject versions that hold them, compatibility configs and modes.
-- Must match Governance.Storage's EF Core model (tests/Governance.Storage.Tests proves it). The context column leaves
-- room for Confluent contexts: '' is the default context. Configs and modes store the global level under subject ''.

CREATE TABLE "configs" (
    "context" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "compatibility" TEXT NULL,
    "normalize" INTEGER NULL,
    "compatibility_group" TEXT NULL,
    "validate_fields" INTEGER NULL,
    "alias" TEXT NULL,
    CONSTRAINT "pk_configs" PRIMARY KEY ("context", "subject")
);

CREATE TABLE "modes" (
    "context" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    CONSTRAINT "pk_modes" PRIMARY KEY ("context", "subject")
);

-- Immutable once inserted; identity_hash finds the id an identical schema already has.
CREATE TABLE "schemas" (
    "context" TEXT NOT NULL,
    "id" INTEGER NOT NULL,
    "schema_type" TEXT NOT NULL,
    "schema_text" TEXT NOT NULL,
    "identity_hash" TEXT NOT NULL,
    "metadata_json" TEXT NULL,
    "rule_set_json" TEXT NULL,
    CONSTRAINT "pk_schemas" PRIMARY KEY ("context", "id")
);

CREATE TABLE "schema_references" (
    "context" TEXT NOT NULL,
    "schema_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "pk_schema_references" PRIMARY KEY ("context", "schema_id", "position"),
    CONSTRAINT "fk_schema_references_schemas" FOREIGN KEY ("context", "schema_id") REFERENCES "schemas" ("context", "id") ON DELETE CASCADE
);

-- A soft delete sets deleted; a permanent delete removes the row.
CREATE TABLE "subject_versions" (
    "context" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "schema_id" INTEGER NOT NULL,
    "deleted" INTEGER NOT NULL,
    CONSTRAINT "pk_subject_versions" PRIMARY KEY ("context", "subject", "version"),
    CONSTRAINT "fk_subject_versions_schemas" FOREIGN KEY ("context", "schema_id") REFERENCES "schemas" ("context", "id") ON DELETE RESTRICT
);

CREATE INDEX "ix_schema_references_subject_version" ON "schema_references" ("context", "subject", "version");

CREATE INDEX "ix_schemas_identity_hash" ON "schemas" ("context", "identity_hash");

CREATE INDEX "ix_subject_versions_schema_id" ON "subject_versions" ("context", "schema_id");
