-- After the incident: reviews with their follow-up actions, and the read model the reports are computed from.
-- Everything here is projected from the journal (rebuilt from it, never edited behind its back): the report
-- tables read other capabilities' entries by kind, so that the numbers need none of their tables.

-- A resolved incident's review (id: the incident). Written by a manager (review.written, each write a new version
-- that replaces the text), approved by leadership (review.approved: a later write returns it to draft).
CREATE TABLE report_review (
    incident_id   UUID PRIMARY KEY,
    what_happened VARCHAR(4000) NOT NULL,
    impact        VARCHAR(4000) NOT NULL,
    went_well     VARCHAR(4000) NOT NULL,
    to_change     VARCHAR(4000) NOT NULL,
    state         VARCHAR(10) NOT NULL,
    version       INT NOT NULL,
    written_by    VARCHAR(40) NOT NULL,
    written_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    approved_by   VARCHAR(40),
    approved_at   TIMESTAMP WITH TIME ZONE,
    last_seq      BIGINT NOT NULL
);

-- The follow-up actions of a review (id: given by the writer's device, stable across versions). state: open, done.
CREATE TABLE report_action (
    id          UUID PRIMARY KEY,
    incident_id UUID NOT NULL,
    position    INT NOT NULL,
    text        VARCHAR(1000) NOT NULL,
    owner       VARCHAR(40) NOT NULL,
    due_on      DATE NOT NULL,
    state       VARCHAR(10) NOT NULL,
    done_by     VARCHAR(40),
    done_at     TIMESTAMP WITH TIME ZONE,
    note        VARCHAR(500),
    last_seq    BIGINT NOT NULL
);
CREATE INDEX report_action_owner ON report_action (owner, state);
CREATE INDEX report_action_incident ON report_action (incident_id);

-- One row per incident, with the times the incident projection settles by the same rules (the earlier of the
-- device's and the server's clock; the first acknowledgement and resolution stand), its site (given by the
-- report, else the first reporter's shift in the roster) and whether it is a drill.
CREATE TABLE report_incident (
    id              UUID PRIMARY KEY,
    kind            VARCHAR(20) NOT NULL,
    severity        VARCHAR(20) NOT NULL,
    site            VARCHAR(40),
    drill           BOOLEAN NOT NULL,
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    acknowledged_at TIMESTAMP WITH TIME ZONE,
    recovered_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX report_incident_started ON report_incident (started_at);

-- Every escalation that fired (id: its escalation.fired entry) and when it was first acknowledged.
CREATE TABLE report_escalation (
    firing          UUID PRIMARY KEY,
    incident_id     UUID,
    timer_id        VARCHAR(80) NOT NULL,
    clause          VARCHAR(20),
    level           INT NOT NULL,
    fired_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    ack_within      VARCHAR(40),
    acknowledged_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX report_escalation_fired ON report_escalation (fired_at);

-- Every customer captured by hand (id: its customer.captured entry), its back-fill and its callback.
CREATE TABLE report_customer (
    id                UUID PRIMARY KEY,
    incident_id       UUID,
    captured_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    callback_promised BOOLEAN NOT NULL,
    callback_due_at   TIMESTAMP WITH TIME ZONE,
    reached_at        TIMESTAMP WITH TIME ZONE,
    backfilled_at     TIMESTAMP WITH TIME ZONE,
    rejected_at       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX report_customer_captured ON report_customer (captured_at);

-- Every callback attempt (id: its callback.attempted entry).
CREATE TABLE report_callback (
    id           UUID PRIMARY KEY,
    task_id      VARCHAR(80),
    incident_id  UUID,
    outcome      VARCHAR(20) NOT NULL,
    attempted_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX report_callback_at ON report_callback (attempted_at);
