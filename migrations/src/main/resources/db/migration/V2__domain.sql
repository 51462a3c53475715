-- The domain: APIs with their draft (integrations, routes), immutable deployments, and stages
-- that point at deployments, with the history of every re-pointing.
-- Ids are 10-character random [a-z0-9] strings; timestamps are UTC instants.

CREATE TABLE api (
    id                      varchar(10)   PRIMARY KEY,
    name                    varchar(128)  NOT NULL,
    description             varchar(1024),
    -- grows on every draft edit; the API's ETag
    revision                bigint        NOT NULL,
    -- the version the last deployment got; versions are never reused, even after a delete
    last_deployment_version integer       NOT NULL DEFAULT 0,
    created_at              timestamptz   NOT NULL,
    updated_at              timestamptz   NOT NULL
);

CREATE TABLE integration (
    id                       varchar(10)   PRIMARY KEY,
    api_id                   varchar(10)   NOT NULL REFERENCES api (id) ON DELETE CASCADE,
    type                     varchar(16)   NOT NULL CHECK (type IN ('HTTP_PROXY', 'MOCK')),
    -- HTTP_PROXY
    uri                      varchar(2048),
    method                   varchar(8),
    timeout_millis           integer,
    tls_insecure_skip_verify boolean,
    -- MOCK
    status_code              integer,
    headers                  jsonb,
    body                     text,
    revision                 bigint        NOT NULL,
    created_at               timestamptz   NOT NULL,
    updated_at               timestamptz   NOT NULL
);
CREATE INDEX integration_api ON integration (api_id, id);

CREATE TABLE route (
    id                 varchar(10)   PRIMARY KEY,
    api_id             varchar(10)   NOT NULL REFERENCES api (id) ON DELETE CASCADE,
    route_key          varchar(1024) NOT NULL,
    -- RouteKey.shape(): two keys of one shape cannot be told apart by a request
    route_shape        varchar(1024) NOT NULL,
    integration_id     varchar(10)   NOT NULL REFERENCES integration (id),
    authorization_type varchar(16)   NOT NULL,
    api_key_required   boolean       NOT NULL,
    revision           bigint        NOT NULL,
    created_at         timestamptz   NOT NULL,
    updated_at         timestamptz   NOT NULL,
    CONSTRAINT route_shape_unique UNIQUE (api_id, route_shape)
);
CREATE INDEX route_api_key ON route (api_id, route_key);
CREATE INDEX route_integration ON route (integration_id);

CREATE TABLE deployment (
    id           varchar(10)   PRIMARY KEY,
    api_id       varchar(10)   NOT NULL REFERENCES api (id) ON DELETE CASCADE,
    version      integer       NOT NULL,
    description  varchar(1024),
    -- SnapshotCodec.contentHash of the routes and integrations in content
    content_hash varchar(80)   NOT NULL,
    -- {"routes": [...], "integrations": [...]} in the snapshot contract's JSON form
    content      jsonb         NOT NULL,
    created_at   timestamptz   NOT NULL,
    created_by   varchar(128)  NOT NULL,
    CONSTRAINT deployment_version_unique UNIQUE (api_id, version)
);

CREATE TABLE stage (
    id            varchar(10)   PRIMARY KEY,
    api_id        varchar(10)   NOT NULL REFERENCES api (id) ON DELETE CASCADE,
    name          varchar(128)  NOT NULL,
    -- no cascade: a deployment a stage points at cannot be deleted
    deployment_id varchar(10)   REFERENCES deployment (id),
    description   varchar(1024),
    variables     jsonb         NOT NULL DEFAULT '{}',
    revision      bigint        NOT NULL,
    created_at    timestamptz   NOT NULL,
    updated_at    timestamptz   NOT NULL,
    CONSTRAINT stage_name_unique UNIQUE (api_id, name)
);
CREATE INDEX stage_deployment ON stage (deployment_id);

-- Deployment ids and versions are copied, not referenced: history outlives deleted deployments.
CREATE TABLE stage_history (
    seq                     bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    stage_id                varchar(10)   NOT NULL REFERENCES stage (id) ON DELETE CASCADE,
    at                      timestamptz   NOT NULL,
    actor                   varchar(128)  NOT NULL,
    action                  varchar(16)   NOT NULL CHECK (action IN ('DEPLOY', 'ROLLBACK')),
    reason                  varchar(1024),
    from_deployment_id      varchar(10),
    from_deployment_version integer,
    to_deployment_id        varchar(10)   NOT NULL,
    to_deployment_version   integer       NOT NULL
);
CREATE INDEX stage_history_stage ON stage_history (stage_id, seq);
