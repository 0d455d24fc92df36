-- The roster: who is on shift, where, in which position and with which skills. Roll calls, call trees,
-- callbacks, presence and surge moves read it. Plain data kept by managers (entered or imported by CSV).
CREATE TABLE roster_shift (
    id         VARCHAR(40) PRIMARY KEY,
    username   VARCHAR(40) NOT NULL,
    site       VARCHAR(40) NOT NULL,
    starts_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    -- inbound, outbound, chat, support, supervisor, manager, maintenance, other
    position   VARCHAR(20) NOT NULL,
    -- comma-separated skill tags (voice, chat, en, billing...)
    skills     VARCHAR(200) NOT NULL,
    created_by VARCHAR(40) NOT NULL,
    CONSTRAINT roster_shift_order CHECK (ends_at > starts_at)
);
CREATE INDEX roster_shift_time ON roster_shift (starts_at, ends_at);
CREATE INDEX roster_shift_person ON roster_shift (username, starts_at);
