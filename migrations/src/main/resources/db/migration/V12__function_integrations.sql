-- FUNCTION integrations: the Lambda proxy event's payload format version ("1.0" or "2.0").
-- uri and timeout_millis are shared with HTTP_PROXY; the column is null for the other types.
ALTER TABLE integration ADD COLUMN payload_format_version text;
ALTER TABLE integration DROP CONSTRAINT integration_type_check;
ALTER TABLE integration ADD CONSTRAINT integration_type_check CHECK (type IN ('HTTP_PROXY', 'MOCK', 'FUNCTION'));
ALTER TABLE integration ADD CONSTRAINT integration_payload_format_version_check
    CHECK (payload_format_version IS NULL OR payload_format_version IN ('1.0', '2.0'));
