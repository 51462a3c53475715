-- Response shaping: response parameter mapping of HTTP_PROXY and FUNCTION integrations, and the
-- gateway responses of an API (the gateway's own answers, customised by type). Both are part of the
-- draft, frozen into deployments by their content.

-- {"404": {"overwrite:statuscode": "410", "remove:header.Server": ""}, "5XX": {...}}; null: none
ALTER TABLE integration ADD COLUMN response_parameters jsonb;

CREATE TABLE gateway_response (
    api_id      varchar(10)  NOT NULL REFERENCES api (id) ON DELETE CASCADE,
    -- a GatewayResponseType: DEFAULT_4XX, DEFAULT_5XX, MISSING_ROUTE, INVALID_API_KEY, ...
    type        varchar(32)  NOT NULL,
    -- null keeps the built-in status
    status_code integer      CHECK (status_code BETWEEN 100 AND 599),
    headers     jsonb        NOT NULL DEFAULT '{}',
    -- null keeps the built-in {"message": "..."}
    body        text,
    revision    bigint       NOT NULL,
    created_at  timestamptz  NOT NULL,
    updated_at  timestamptz  NOT NULL,
    PRIMARY KEY (api_id, type)
);
