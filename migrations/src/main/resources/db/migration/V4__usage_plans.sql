-- Usage plans: a throttle and a quota for the API stages they cover, and the API keys subscribed to
-- them. Plans reach the nodes in a later step; for now they are kept and checked, not enforced.

CREATE TABLE usage_plan (
    id           varchar(10)       PRIMARY KEY,
    name         varchar(128)      NOT NULL,
    description  varchar(1024),
    -- the plan's throttle: both set or both null
    rate_limit   double precision  CHECK (rate_limit > 0),
    burst_limit  integer           CHECK (burst_limit >= 1),
    -- the plan's quota: all set or all null
    quota_limit  bigint            CHECK (quota_limit >= 1),
    quota_period varchar(8)        CHECK (quota_period IN ('DAY', 'WEEK', 'MONTH')),
    quota_offset integer           CHECK (quota_offset >= 0),
    -- grows on every change; the plan's ETag
    revision     bigint            NOT NULL,
    created_at   timestamptz       NOT NULL,
    updated_at   timestamptz       NOT NULL,
    CONSTRAINT usage_plan_throttle_whole CHECK ((rate_limit IS NULL) = (burst_limit IS NULL)),
    CONSTRAINT usage_plan_quota_whole
        CHECK ((quota_limit IS NULL) = (quota_period IS NULL) AND (quota_limit IS NULL) = (quota_offset IS NULL))
);

-- The API stages a plan covers, in the order given. Deleting the stage (or its API) takes it out of
-- every plan.
CREATE TABLE usage_plan_stage (
    id         bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id    varchar(10)   NOT NULL REFERENCES usage_plan (id) ON DELETE CASCADE,
    api_id     varchar(10)   NOT NULL,
    stage      varchar(128)  NOT NULL,
    position   integer       NOT NULL,
    -- per route key: {"GET /pets": {"rateLimit": 5.0, "burstLimit": 10}}
    throttle   jsonb         NOT NULL DEFAULT '{}',
    CONSTRAINT usage_plan_stage_unique UNIQUE (plan_id, api_id, stage),
    CONSTRAINT usage_plan_stage_stage FOREIGN KEY (api_id, stage) REFERENCES stage (api_id, name) ON DELETE CASCADE
);
CREATE INDEX usage_plan_stage_api_stage ON usage_plan_stage (api_id, stage);

-- Subscriptions. A key holds at most one plan per API stage; the control plane checks that rule
-- (it spans two tables), under row locks on the plan and the key.
CREATE TABLE usage_plan_key (
    id         bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id    varchar(10)   NOT NULL REFERENCES usage_plan (id) ON DELETE CASCADE,
    key_id     varchar(10)   NOT NULL REFERENCES api_key (id) ON DELETE CASCADE,
    created_at timestamptz   NOT NULL,
    CONSTRAINT usage_plan_key_unique UNIQUE (plan_id, key_id)
);
CREATE INDEX usage_plan_key_key ON usage_plan_key (key_id);
