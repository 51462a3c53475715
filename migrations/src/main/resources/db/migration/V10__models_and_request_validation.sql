-- Models (named JSON Schemas, part of an API's
-- draft, frozen into deployments like authorizers) and route request validation.

CREATE TABLE model (
    id          varchar(10)   PRIMARY KEY,
    api_id      varchar(10)   NOT NULL REFERENCES api (id) ON DELETE CASCADE,
    name        varchar(128)  NOT NULL,
    description varchar(1024),
    schema      jsonb         NOT NULL,
    revision    bigint        NOT NULL,
    created_at  timestamptz   NOT NULL,
    updated_at  timestamptz   NOT NULL,
    UNIQUE (api_id, name)
);

-- {bodyModel, requiredParameters}; null: nothing is checked. bodyModel names a model of the API
-- (by name, as the contract does): a model a route uses cannot be deleted or renamed (409 MODEL_IN_USE)
ALTER TABLE route ADD COLUMN request_validation jsonb;
