-- Presence (S2.4): nobody leaves the system without permission. Requests to leave and their decisions, and each
-- person's state, are projected from the journal (presence.* entries, rebuilt from it); when each person's app last
-- answered is not a fact of the log but a heartbeat, kept apart so that a rebuild leaves it alone.

-- One row per request to leave (id: the presence.leave-requested entry).
-- state: pending, allowed, refused, returned (back after an allowed leave).
CREATE TABLE presence_request (
    id               UUID PRIMARY KEY,
    username         VARCHAR(40) NOT NULL,
    reason           VARCHAR(200) NOT NULL,
    expected_back_at TIMESTAMP WITH TIME ZONE NOT NULL,
    requested_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    incident_id      UUID,
    state            VARCHAR(10) NOT NULL,
    decided_by       VARCHAR(40),
    decided_at       TIMESTAMP WITH TIME ZONE,
    decision_note    VARCHAR(200),
    returned_at      TIMESTAMP WITH TIME ZONE,
    last_seq         BIGINT NOT NULL
);
CREATE INDEX presence_request_user ON presence_request (username, requested_at);
CREATE INDEX presence_request_state ON presence_request (state);

-- Each person's state as their entries left it. state: present, asked (waiting for a decision), on_leave (allowed
-- away), away (away without leave: marked so by themselves, a manager, or the server when their app fell silent).
CREATE TABLE presence_person (
    username    VARCHAR(40) PRIMARY KEY,
    state       VARCHAR(10) NOT NULL,
    since       TIMESTAMP WITH TIME ZONE NOT NULL,
    request_id  UUID,
    -- why away: self, marked, silent
    away_reason VARCHAR(10),
    last_seq    BIGINT NOT NULL
);

-- When each person's app last answered (a heartbeat about once a minute while it is open and signed in).
CREATE TABLE presence_seen (
    username VARCHAR(40) PRIMARY KEY,
    seen_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
