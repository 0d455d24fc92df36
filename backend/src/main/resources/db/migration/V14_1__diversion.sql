-- Diversion (S7.2): the library of approved IVR messages, call scripts and chat auto-replies, and which of them are
-- switched on for which incident. diversion_active is projected from the journal (diversion.activated/deactivated,
-- and incident.resolved switching all of an incident's messages off); the library is configuration.
CREATE TABLE diversion_message (
    id          UUID PRIMARY KEY,
    -- ivr, chat or script
    channel     VARCHAR(10) NOT NULL,
    title       VARCHAR(200) NOT NULL,
    text_zh_cn  VARCHAR(4000),
    text_en     VARCHAR(4000),
    text_zh_tw  VARCHAR(4000),
    created_by  VARCHAR(40) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    approved_by VARCHAR(40),
    approved_at TIMESTAMP WITH TIME ZONE
);

CREATE TABLE diversion_active (
    message_id   UUID PRIMARY KEY,
    incident_id  UUID NOT NULL,
    channel      VARCHAR(10) NOT NULL,
    activated_by VARCHAR(40) NOT NULL,
    activated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    seq          BIGINT NOT NULL
);
CREATE INDEX diversion_active_incident ON diversion_active (incident_id);
