-- What nodes served, per node and minute, from the traffic counters in their heartbeats: the
-- console's dashboard charts. Rows older than a day are pruned by the control plane.
CREATE TABLE traffic_minute (
    node_id         varchar(128)  NOT NULL,
    -- the start of the minute (UTC)
    minute          timestamptz   NOT NULL,
    requests        bigint        NOT NULL,
    client_errors   bigint        NOT NULL,
    server_errors   bigint        NOT NULL,
    -- requests per latency bucket; bounds in the contract (Traffic.LATENCY_BOUNDS_MILLIS)
    latency_buckets bigint[]      NOT NULL,
    PRIMARY KEY (node_id, minute)
);
CREATE INDEX traffic_minute_minute ON traffic_minute (minute);
