-- The platform: who may use the admin API, the control plane's own secrets, the gateway revision
-- and the data-plane nodes as the control plane sees them.

CREATE TABLE admin_user (
    username      varchar(64)   PRIMARY KEY,
    -- bcrypt (modular crypt format, "$2a$…"); the password itself is never stored
    password_hash varchar(128)  NOT NULL,
    role          varchar(16)   NOT NULL CHECK (role IN ('admin', 'editor', 'viewer')),
    created_at    timestamptz   NOT NULL
);

-- Generated once, at the first start of the first control plane, and shared by every replica:
-- 'jwt.signing-key' (the RSA key pair that signs admin tokens, PEM) and 'cluster.token'.
CREATE TABLE setting (
    key        varchar(64)  PRIMARY KEY,
    value      text         NOT NULL,
    created_at timestamptz  NOT NULL
);

-- One row: the number that grows with every change of live configuration. Nodes report the
-- revision they serve; a node is IN_SYNC when it serves this one.
CREATE TABLE gateway_revision (
    id         smallint     PRIMARY KEY CHECK (id = 1),
    revision   bigint       NOT NULL CHECK (revision >= 0),
    changed_at timestamptz  NOT NULL
);
INSERT INTO gateway_revision (id, revision, changed_at) VALUES (1, 0, now());

CREATE TABLE fleet_node (
    id               varchar(128)  PRIMARY KEY,
    address          varchar(512),
    version          varchar(64),
    applied_revision bigint        NOT NULL DEFAULT 0,
    connected        boolean       NOT NULL DEFAULT false,
    -- which connection (of which control-plane replica) holds the node now: a late close of an
    -- older connection must not mark a node that has already reconnected as disconnected
    session_id       varchar(32),
    connected_at     timestamptz,
    last_heartbeat   timestamptz,
    last_error       text
);
