-- Projections of the journal (rebuilt from it, never edited behind its back).
CREATE TABLE incident_incident (
    id              UUID PRIMARY KEY,
    kind            VARCHAR(20) NOT NULL,
    -- 'center', or 'seat:A-03' for equipment: reports of the same kind and scope join one incident
    scope           VARCHAR(80) NOT NULL,
    seat            VARCHAR(40),
    severity        VARCHAR(10) NOT NULL,
    state           VARCHAR(15) NOT NULL,
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    opened_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    acknowledged_at TIMESTAMP WITH TIME ZONE,
    acknowledged_by VARCHAR(40),
    recovered_at    TIMESTAMP WITH TIME ZONE,
    resolved_by     VARCHAR(40),
    report_count    INT NOT NULL,
    reporter_count  INT NOT NULL,
    last_seq        BIGINT NOT NULL
);
CREATE INDEX incident_incident_scope ON incident_incident (kind, scope, started_at);
CREATE INDEX incident_incident_state ON incident_incident (state, started_at);

CREATE TABLE incident_report (
    id          UUID PRIMARY KEY,
    incident_id UUID NOT NULL,
    reporter    VARCHAR(40) NOT NULL,
    kind        VARCHAR(20) NOT NULL,
    seat        VARCHAR(40),
    note        VARCHAR(2000),
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    seq         BIGINT NOT NULL
);
CREATE INDEX incident_report_incident ON incident_report (incident_id, reporter);
