-- The journal: every fact, once. seq is assigned by the one writer that holds journal_head's row lock,
-- inside the transaction that inserts the entry, so sequence order is commit order and pulls by
-- "seq > cursor" never skip an entry that commits late.
CREATE TABLE journal_entry (
    seq         BIGINT PRIMARY KEY,
    id          UUID NOT NULL,
    kind        VARCHAR(64) NOT NULL,
    incident    UUID,
    -- the hash chain an entry belongs to: its incident's id, or 'journal' for entries of no incident
    stream      VARCHAR(64) NOT NULL,
    actor       VARCHAR(64) NOT NULL,
    device      VARCHAR(128) NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    payload     VARCHAR(16384) NOT NULL,
    prev_hash   CHAR(64) NOT NULL,
    hash        CHAR(64) NOT NULL,
    -- the device's id is the idempotency key: a resend can never be stored twice
    CONSTRAINT journal_entry_id UNIQUE (id)
);
CREATE INDEX journal_entry_stream ON journal_entry (stream, seq);

-- One row; its lock serializes writers (on every node) and it holds the last sequence number handed out.
CREATE TABLE journal_head (
    id       INT PRIMARY KEY,
    last_seq BIGINT NOT NULL
);
INSERT INTO journal_head (id, last_seq) VALUES (1, 0);
