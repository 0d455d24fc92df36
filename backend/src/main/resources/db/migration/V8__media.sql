-- Media: inquiries from people who say they are journalists (S8.1, S8.2), the spokesperson of each incident and
-- the statements leadership approves (S8.3). Projected from the journal (rebuilt from it, never edited behind its
-- back); the acknowledgement deadline of an inquiry is a row a locked sweep watches, never an in-memory thread.

-- The media register: one row per inquiry (id: the media.inquiry.filed entry).
-- state: new, with_manager (acknowledged), referred (to the spokesperson), answered, declined.
CREATE TABLE media_inquiry (
    id              UUID PRIMARY KEY,
    incident_id     UUID,
    outlet          VARCHAR(200) NOT NULL,
    name            VARCHAR(200) NOT NULL,
    position        VARCHAR(200) NOT NULL,
    subject         VARCHAR(2000) NOT NULL,
    contact         VARCHAR(200) NOT NULL,
    deadline        VARCHAR(100),
    language        VARCHAR(10),
    -- the S8.2 reminder (staff never give interviews themselves) was on the filer's screen
    reminder_shown  BOOLEAN NOT NULL,
    state           VARCHAR(15) NOT NULL,
    filed_by        VARCHAR(40) NOT NULL,
    filed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    -- when leadership is told if no manager has acknowledged it by then
    ack_due_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    -- a sweep's claim: another node leaves the row alone until then
    claimed_until   TIMESTAMP WITH TIME ZONE,
    escalated_at    TIMESTAMP WITH TIME ZONE,
    acknowledged_by VARCHAR(40),
    acknowledged_at TIMESTAMP WITH TIME ZONE,
    referred_to     VARCHAR(40),
    referred_by     VARCHAR(40),
    referred_at     TIMESTAMP WITH TIME ZONE,
    closed_by       VARCHAR(40),
    closed_at       TIMESTAMP WITH TIME ZONE,
    note            VARCHAR(500),
    last_seq        BIGINT NOT NULL
);
CREATE INDEX media_inquiry_filed ON media_inquiry (filed_at);
CREATE INDEX media_inquiry_due ON media_inquiry (state, ack_due_at);

-- Every designation of a spokesperson (id: the entry); the latest of an incident is the one in force, the
-- earlier ones stay as the record of each change.
CREATE TABLE media_spokesperson (
    id            UUID PRIMARY KEY,
    incident_id   UUID NOT NULL,
    username      VARCHAR(40) NOT NULL,
    previous      VARCHAR(40),
    designated_by VARCHAR(40) NOT NULL,
    designated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    seq           BIGINT NOT NULL
);
CREATE INDEX media_spokesperson_incident ON media_spokesperson (incident_id, seq);

-- Each version of each statement (id: the media.statement.drafted entry). A new draft of a statement is its
-- next version; review and approval are of one version, by leadership.
CREATE TABLE media_statement (
    id          UUID PRIMARY KEY,
    statement_id UUID NOT NULL,
    version     INT NOT NULL,
    incident_id UUID,
    -- internal or public
    audience    VARCHAR(10) NOT NULL,
    text_zh_cn  VARCHAR(4000),
    text_en     VARCHAR(4000),
    text_zh_tw  VARCHAR(4000),
    drafted_by  VARCHAR(40) NOT NULL,
    drafted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    reviewed_by VARCHAR(40),
    reviewed_at TIMESTAMP WITH TIME ZONE,
    review_note VARCHAR(500),
    approved_by VARCHAR(40),
    approved_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT media_statement_version UNIQUE (statement_id, version)
);
