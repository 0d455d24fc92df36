-- Notifications. notify_delivery is an outbox: a row per recipient and channel, written by a projection of the
-- journal in the transaction that stores the entry that calls for it, so that nothing to send is ever lost;
-- a sweep claims due rows (a conditional UPDATE on claimed_until, so two nodes never send one delivery twice),
-- sends, and records the outcome as a journal entry whose projection updates the row.

-- Channel settings, edited by administrators. settings holds the channel's fields as a JSON object (URLs,
-- secrets, SMTP host, SMS templates); the API never answers the secret ones.
CREATE TABLE notify_channel (
    channel    VARCHAR(20) PRIMARY KEY,
    enabled    BOOLEAN NOT NULL,
    settings   VARCHAR(8000) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by VARCHAR(40) NOT NULL
);

-- How notifications reach a person outside the app (email address, mobile number) and in which language:
-- the people directory keeps who people are, this table how notifications find them.
CREATE TABLE notify_person (
    username VARCHAR(40) PRIMARY KEY,
    email    VARCHAR(200),
    phone    VARCHAR(40),
    -- zh-CN, en or zh-TW; NULL: the center's default (stormdesk.notify.language)
    language VARCHAR(10)
);

CREATE TABLE notify_delivery (
    id              UUID PRIMARY KEY,
    -- the journal entry that called for it (escalation.fired, notice.requested, incident.opened)
    entry_id        UUID NOT NULL,
    entry_kind      VARCHAR(40) NOT NULL,
    incident_id     UUID,
    -- 'user:leader', 'contact:property', or 'group' for a group robot (DingTalk, WeCom, Feishu, Slack, webhook)
    recipient       VARCHAR(80) NOT NULL,
    channel         VARCHAR(20) NOT NULL,
    -- an email address, a phone number or a username; NULL for group robots, whose URL stays in the settings
    address         VARCHAR(200),
    -- the text in each language, as JSON {"zh-CN": ..., "en": ..., "zh-TW": ...}
    message         VARCHAR(8000) NOT NULL,
    state           VARCHAR(10) NOT NULL,
    attempts        INT NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    -- a sender working on it until then (a node that dies mid-send leaves the row to be claimed again)
    claimed_until   TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(1000),
    sent_at         TIMESTAMP WITH TIME ZONE,
    -- in-app notices: when the person marked it read
    read_at         TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    -- a rebuild or a replay of the journal never doubles a message
    CONSTRAINT notify_delivery_once UNIQUE (entry_id, recipient, channel)
);
CREATE INDEX notify_delivery_due ON notify_delivery (state, channel, next_attempt_at);
CREATE INDEX notify_delivery_incident ON notify_delivery (incident_id, created_at);
CREATE INDEX notify_delivery_inbox ON notify_delivery (address, channel, created_at);
