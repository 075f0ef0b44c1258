-- Lineage: per-minute (bucket_minutes 1) and rolled-up hourly (60) traffic per edge, and the nodes' attributes.
-- Times are Unix milliseconds. Writers add with INSERT ... ON CONFLICT DO UPDATE SET records = records + excluded.records.

CREATE TABLE lineage_edge_buckets (
    from_node text NOT NULL,
    to_node text NOT NULL,
    kind text NOT NULL,
    bucket_minutes integer NOT NULL,
    bucket_start_ms bigint NOT NULL,
    records bigint NOT NULL,
    bytes bigint NOT NULL,
    first_seen_ms bigint NOT NULL,
    last_seen_ms bigint NOT NULL,
    CONSTRAINT pk_lineage_edge_buckets PRIMARY KEY (from_node, to_node, kind, bucket_minutes, bucket_start_ms)
);

CREATE INDEX ix_lineage_edge_buckets_start ON lineage_edge_buckets (bucket_start_ms);

CREATE TABLE lineage_nodes (
    id text NOT NULL,
    kind text NOT NULL,
    name text NOT NULL,
    attributes_json text NOT NULL,
    last_seen_ms bigint NOT NULL,
    CONSTRAINT pk_lineage_nodes PRIMARY KEY (id)
);
