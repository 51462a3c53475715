-- Every admin change, from the admin API and the console alike: who, when, what, on which object.
-- Written in the transaction of the change itself, so a refused or rolled-back change leaves none.
CREATE TABLE audit_event (
    id          bigserial     PRIMARY KEY,
    at          timestamptz   NOT NULL,
    -- the admin user's name
    actor       varchar(128)  NOT NULL,
    -- CREATE, UPDATE, DELETE, DEPLOY, ROLLBACK, IMPORT, SUBSCRIBE, UNSUBSCRIBE
    action      varchar(32)   NOT NULL,
    -- API, ROUTE, INTEGRATION, DEPLOYMENT, STAGE, API_KEY, USAGE_PLAN, USER
    object_type varchar(32)   NOT NULL,
    object_id   varchar(300)  NOT NULL,
    summary     varchar(1000) NOT NULL
);
CREATE INDEX audit_event_at ON audit_event (at);
CREATE INDEX audit_event_actor ON audit_event (actor, id);
