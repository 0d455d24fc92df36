-- Traffic: the queues of the telephony and chat platforms, their interval samples, each queue's learned normal
-- pattern (baseline) and the state of its surge detector, and the surges detected (S7.1). Samples are facts from
-- machines, not from people on the floor, so they are plain rows rather than journal entries; a surge that opens an
-- incident does so through the journal (a report.filed by the server, carrying the evidence).

-- A queue the platforms report on. interval_seconds fixes the length of its samples (and of its baseline slots).
CREATE TABLE traffic_queue (
    code             VARCHAR(40) PRIMARY KEY,
    name             VARCHAR(200) NOT NULL,
    channel          VARCHAR(10) NOT NULL,
    interval_seconds INT NOT NULL,
    -- the service-level target: the share answered within answer_within seconds
    target           DOUBLE PRECISION NOT NULL,
    answer_within    INT NOT NULL,
    -- mean patience of callers in seconds for Erlang A; NULL: Erlang C
    patience         INT,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One interval of one queue as the platform measured it; the first sample of an interval is the one kept.
CREATE TABLE traffic_sample (
    queue            VARCHAR(40) NOT NULL,
    interval_start   TIMESTAMP WITH TIME ZONE NOT NULL,
    interval_seconds INT NOT NULL,
    offered          INT NOT NULL,
    answered         INT NOT NULL,
    abandoned        INT NOT NULL,
    aht              DOUBLE PRECISION NOT NULL,
    waiting_now      INT NOT NULL,
    longest_wait     INT NOT NULL,
    agents_staffed   INT NOT NULL,
    agents_available INT NOT NULL,
    received_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (queue, interval_start)
);

-- The learned normal offered volume of a queue per weekly slot (weekday and time of day in the center's zone):
-- an exponentially weighted mean (plain mean over the first observations).
CREATE TABLE traffic_baseline (
    queue VARCHAR(40) NOT NULL,
    slot  INT NOT NULL,
    n     INT NOT NULL,
    mean_offered DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (queue, slot)
);

-- The detector's state per queue, so that live detection continues where it stopped.
-- dispersion: the queue's overdispersion (variance over mean of offered around its baseline);
-- cusum: the one-sided CUSUM of standardized residuals; run_start: where its current run began.
CREATE TABLE traffic_detector (
    queue          VARCHAR(40) PRIMARY KEY,
    dispersion     DOUBLE PRECISION NOT NULL,
    dispersion_n   INT NOT NULL,
    cusum          DOUBLE PRECISION NOT NULL,
    run_start      TIMESTAMP WITH TIME ZONE,
    calm           INT NOT NULL,
    open_intervals INT NOT NULL,
    last_interval  TIMESTAMP WITH TIME ZONE,
    open_surge     UUID,
    recent_level   DOUBLE PRECISION NOT NULL,
    aht            DOUBLE PRECISION NOT NULL
);

-- A detected surge: from the interval its evidence began to the interval it ended (NULL while it lasts), the
-- interval that gave it away (detected_at), its peak against the expected volume, and the incident it opened or
-- proposes. state: open, ended. action: opened (an incident), proposed (waiting for a manager), replayed (history).
CREATE TABLE traffic_surge (
    id             UUID PRIMARY KEY,
    queue          VARCHAR(40) NOT NULL,
    started_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    detected_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at       TIMESTAMP WITH TIME ZONE,
    peak_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    peak_offered   INT NOT NULL,
    peak_expected  DOUBLE PRECISION NOT NULL,
    peak_z         DOUBLE PRECISION NOT NULL,
    score          DOUBLE PRECISION NOT NULL,
    state          VARCHAR(10) NOT NULL,
    action         VARCHAR(10) NOT NULL,
    incident_id    UUID
);
CREATE INDEX traffic_surge_queue ON traffic_surge (queue, started_at);

-- Settings an administrator changes: surge.action = open | propose.
CREATE TABLE traffic_setting (
    name  VARCHAR(40) PRIMARY KEY,
    setting_value VARCHAR(200) NOT NULL
);
INSERT INTO traffic_setting (name, setting_value) VALUES ('surge.action', 'propose');
