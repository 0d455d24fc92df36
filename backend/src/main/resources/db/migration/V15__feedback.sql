-- Feedback: customer contacts from the CRM and the chat platform (S6.1) and the suspected problems found in them,
-- handed to the responsible department (S6.2). Contacts are data from outside (not journal entries); a problem's
-- lifecycle (raised, confirmed, dismissed, escalated) is projected from the journal, while its counts grow with
-- the contacts that join it. The deadline to answer is a row a locked sweep watches, never an in-memory thread.

-- One row per contact taken; external_id is the CRM's or chat platform's own id, when it gives one (a resend with
-- the same id is answered "duplicate"). Kept as long as stormdesk.feedback.retention says.
CREATE TABLE feedback_contact (
    id          UUID PRIMARY KEY,
    external_id VARCHAR(100) UNIQUE,
    contact_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    channel     VARCHAR(20) NOT NULL,
    reason      VARCHAR(64),
    product     VARCHAR(100),
    region      VARCHAR(100),
    text        VARCHAR(2000),
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the suspected problem it raised or joined, if any
    problem_id  UUID
);
CREATE INDEX feedback_contact_at ON feedback_contact (contact_at);
CREATE INDEX feedback_contact_problem ON feedback_contact (problem_id);

-- One row per suspected problem (id: the problem's, named in its feedback.problem.raised entry).
-- state: open (waiting for the department), confirmed (became or joined an incident), dismissed (with a reason).
CREATE TABLE feedback_problem (
    id              UUID PRIMARY KEY,
    label           VARCHAR(200) NOT NULL,
    keys_text       VARCHAR(4000) NOT NULL,
    product         VARCHAR(100),
    reason          VARCHAR(64),
    contacts        INT NOT NULL,
    flags           INT NOT NULL,
    current_level   DOUBLE PRECISION NOT NULL,
    expected_level  DOUBLE PRECISION NOT NULL,
    first_seen      TIMESTAMP WITH TIME ZONE NOT NULL,
    raised_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen       TIMESTAMP WITH TIME ZONE NOT NULL,
    -- up to five sample contacts, as JSON
    samples         VARCHAR(12000) NOT NULL,
    rule_id         UUID,
    department      VARCHAR(40),
    department_name VARCHAR(200),
    audience        VARCHAR(1000) NOT NULL,
    answer_due_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_until   TIMESTAMP WITH TIME ZONE,
    escalated_at    TIMESTAMP WITH TIME ZONE,
    state           VARCHAR(10) NOT NULL,
    answered_by     VARCHAR(40),
    answered_at     TIMESTAMP WITH TIME ZONE,
    -- from raised to the department's answer: the time to verify
    verify_seconds  BIGINT,
    incident_id     UUID,
    note            VARCHAR(500),
    last_seq        BIGINT NOT NULL
);
CREATE INDEX feedback_problem_raised ON feedback_problem (raised_at);
CREATE INDEX feedback_problem_due ON feedback_problem (state, answer_due_at);

-- The routing rules an administrator sets, tried in position order; the first that matches routes a problem.
-- match_on: product (the problem's most named product), reason (a reason code of it), phrase (words in its label
-- or samples). department: a contact id from the contacts directory; roles: extra audience (comma separated).
CREATE TABLE feedback_rule (
    id             UUID PRIMARY KEY,
    position       INT NOT NULL,
    match_on       VARCHAR(10) NOT NULL,
    pattern        VARCHAR(100) NOT NULL,
    department     VARCHAR(40) NOT NULL,
    roles          VARCHAR(200) NOT NULL,
    answer_minutes INT NOT NULL,
    created_by     VARCHAR(40) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Agents' "many customers are saying this" flags (id: the feedback.flag.raised entry).
CREATE TABLE feedback_flag (
    id         UUID PRIMARY KEY,
    text       VARCHAR(500) NOT NULL,
    reason     VARCHAR(64),
    product    VARCHAR(100),
    flagged_by VARCHAR(40) NOT NULL,
    flagged_at TIMESTAMP WITH TIME ZONE NOT NULL,
    problem_id UUID
);
CREATE INDEX feedback_flag_at ON feedback_flag (flagged_at);
