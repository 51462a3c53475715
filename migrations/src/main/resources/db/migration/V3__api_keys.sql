-- API keys. The value is shown once, when the key is created (or brought by a CSV import); only its
-- SHA-256 and a short display prefix are kept, so a copy of the database hands out no keys.

CREATE TABLE api_key (
    id             varchar(10)   PRIMARY KEY,
    name           varchar(128)  NOT NULL,
    description    varchar(1024),
    enabled        boolean       NOT NULL,
    -- SHA-256 of the value, lowercase hex; nodes will look keys up by it
    key_hash       char(64)      NOT NULL,
    -- the value's first characters, so people can tell their keys apart
    display_prefix varchar(16)   NOT NULL,
    -- grows on every change; the key's ETag
    revision       bigint        NOT NULL,
    created_at     timestamptz   NOT NULL,
    updated_at     timestamptz   NOT NULL,
    last_used_at   timestamptz,
    CONSTRAINT api_key_hash_unique UNIQUE (key_hash)
);
