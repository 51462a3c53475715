-- Keys and plans reach the nodes (issue 3): stages get throttles, and the requests nodes admit for
-- API keys are counted here, fleet-wide, so every node enforces the same quota.

-- A stage's default throttle for each of its routes (both set or both null), and settings per route
-- key: {"GET /pets/{id}": {"throttle": {"rateLimit": 50.0, "burstLimit": 100}}}. Settings of a live
-- stage reach nodes without a deployment (as in Amazon API Gateway HTTP APIs).
ALTER TABLE stage
    ADD COLUMN rate_limit     double precision CHECK (rate_limit > 0),
    ADD COLUMN burst_limit    integer          CHECK (burst_limit >= 1),
    ADD COLUMN route_settings jsonb            NOT NULL DEFAULT '{}',
    ADD CONSTRAINT stage_throttle_whole CHECK ((rate_limit IS NULL) = (burst_limit IS NULL));

-- Requests admitted per API key, usage plan and UTC day, summed over every node. No foreign keys on
-- purpose: usage is history (what was served, for billing and audits) and outlives a deleted key or
-- plan, and a node's report must never fail because an admin deleted a key a moment earlier. The
-- control plane only adds counts for keys and plans that exist when the report arrives, and shows
-- only the keys subscribed to a plan, so rows of deleted keys are kept but never read.
CREATE TABLE usage_day (
    key_id  varchar(10)  NOT NULL,
    plan_id varchar(10)  NOT NULL,
    day     date         NOT NULL,
    used    bigint       NOT NULL CHECK (used >= 0),
    PRIMARY KEY (key_id, plan_id, day)
);
CREATE INDEX usage_day_plan ON usage_day (plan_id, day);

-- The last usage report stored per node boot: a report whose seq is not above it was counted already
-- (nodes resend unconfirmed reports after a reconnect). Rows not updated for 7 days are deleted.
CREATE TABLE usage_report_seq (
    node_id    varchar(128)  NOT NULL,
    boot_id    varchar(64)   NOT NULL,
    last_seq   bigint        NOT NULL CHECK (last_seq >= 1),
    updated_at timestamptz   NOT NULL,
    PRIMARY KEY (node_id, boot_id)
);
CREATE INDEX usage_report_seq_updated ON usage_report_seq (updated_at);
