-- Escalation: what each incident's playbook asks of people, projected from the journal (rebuilt from it,
-- never edited behind its back), and the timers as rows that a locked sweep fires (never in-memory threads,
-- so that a restart loses nothing and two nodes fire each timer once).

-- The playbook version an incident started with, and the facts its timers depend on.
CREATE TABLE escalation_incident (
    incident_id      UUID PRIMARY KEY,
    kind             VARCHAR(20) NOT NULL,
    playbook_version INT NOT NULL,
    started_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    acknowledged_at  TIMESTAMP WITH TIME ZONE,
    resolved_at      TIMESTAMP WITH TIME ZONE
);

-- One row per level of each timer of an incident. Level 1 is made when the incident opens (due at its start
-- plus the timer's "after"); level n+1 when level n fires and asks for an acknowledgement (due at the firing
-- plus "ack-within"). state: pending, fired, acknowledged, cancelled, superseded (fired, unanswered, and the
-- next level has fired since).
CREATE TABLE escalation_timer (
    id              UUID PRIMARY KEY,
    incident_id     UUID NOT NULL,
    timer_id        VARCHAR(60) NOT NULL,
    level           INT NOT NULL,
    clause          VARCHAR(10) NOT NULL,
    -- resolved or acknowledged: which fact of the incident makes the timer unnecessary
    unless_fact     VARCHAR(15),
    -- comma-separated: role:leadership,user:lee,contact:property
    audience        VARCHAR(1000) NOT NULL,
    -- ISO-8601 duration, or NULL when no acknowledgement is asked
    ack_within      VARCHAR(30),
    due_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    state           VARCHAR(15) NOT NULL,
    -- a sweep's claim: another node leaves the row alone until then (a sweep that died lets it go)
    claimed_until   TIMESTAMP WITH TIME ZONE,
    -- the escalation.fired entry, when it fired
    firing          UUID,
    fired_at        TIMESTAMP WITH TIME ZONE,
    acknowledged_at TIMESTAMP WITH TIME ZONE,
    acknowledged_by VARCHAR(40),
    cancelled_at    TIMESTAMP WITH TIME ZONE,
    -- resolved (the incident was), acknowledged (the incident was), answered (an earlier level was acknowledged)
    cancel_reason   VARCHAR(15),
    -- the escalation.cancelled entry that put the cancellation into the management log
    cancel_logged   BOOLEAN NOT NULL,
    CONSTRAINT escalation_timer_level UNIQUE (incident_id, timer_id, level)
);
CREATE INDEX escalation_timer_due ON escalation_timer (state, due_at);
CREATE INDEX escalation_timer_firing ON escalation_timer (firing);

-- Checklist steps done or skipped (a step with no row is open).
-- id: derived from the incident and the step, so that a rebuild finds the same row.
CREATE TABLE escalation_step (
    id          UUID PRIMARY KEY,
    incident_id UUID NOT NULL,
    step_id     VARCHAR(60) NOT NULL,
    -- done or skipped
    state       VARCHAR(10) NOT NULL,
    done_by     VARCHAR(40) NOT NULL,
    done_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    reason      VARCHAR(500),
    entry_id    UUID NOT NULL,
    CONSTRAINT escalation_step_once UNIQUE (incident_id, step_id)
);

-- The latest mark on each call of an incident's call tree (the journal keeps every mark).
CREATE TABLE escalation_call (
    id          UUID PRIMARY KEY,
    incident_id UUID NOT NULL,
    target      VARCHAR(80) NOT NULL,
    reached     BOOLEAN NOT NULL,
    note        VARCHAR(500),
    marked_by   VARCHAR(40) NOT NULL,
    marked_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    entry_id    UUID NOT NULL,
    CONSTRAINT escalation_call_once UNIQUE (incident_id, target)
);
