-- Issue 5: authorizers (part of an API's draft, frozen into deployments like routes and
-- integrations), route authorization, request parameter mapping of HTTP integrations, and CORS per
-- API (live configuration, like keys and plans: no deployment needed).

CREATE TABLE authorizer (
    id                      varchar(10)   PRIMARY KEY,
    api_id                  varchar(10)   NOT NULL REFERENCES api (id) ON DELETE CASCADE,
    name                    varchar(128)  NOT NULL,
    type                    varchar(16)   NOT NULL CHECK (type IN ('JWT', 'CUSTOM')),
    -- JWT
    issuer                  varchar(2048),
    audiences               jsonb,
    jwks_uri                varchar(2048),
    identity_source         varchar(256),
    -- CUSTOM
    uri                     varchar(2048),
    identity_sources        jsonb,
    result_ttl_seconds      integer,
    timeout_millis          integer,
    enable_simple_responses boolean,
    payload_format_version  varchar(8),
    revision                bigint        NOT NULL,
    created_at              timestamptz   NOT NULL,
    updated_at              timestamptz   NOT NULL
);
CREATE INDEX authorizer_api ON authorizer (api_id, id);

-- no cascade: an authorizer a route uses cannot be deleted (409 AUTHORIZER_IN_USE)
ALTER TABLE route ADD COLUMN authorizer_id varchar(10) REFERENCES authorizer (id);
-- JSON array of scope names; JWT routes only
ALTER TABLE route ADD COLUMN authorization_scopes jsonb NOT NULL DEFAULT '[]';
CREATE INDEX route_authorizer ON route (authorizer_id);

-- HTTP_PROXY: {"overwrite:header.X-User": "$context.authorizer.claims.sub", ...}
ALTER TABLE integration ADD COLUMN request_parameters jsonb;

-- {allowOrigins, allowMethods, allowHeaders, exposeHeaders, maxAge, allowCredentials}; null: no CORS
ALTER TABLE api ADD COLUMN cors jsonb;
