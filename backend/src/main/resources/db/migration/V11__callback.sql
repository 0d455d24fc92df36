-- Callbacks (S2.6): every customer captured by hand with a promised callback becomes a task with a due time, an owner,
-- its attempts and an outcome. Projected from the journal: the customer.captured entries (owned by capture: this
-- capability only reads them) and its own callback.* entries; rebuilt from it, never edited behind its back.

-- One task per promised callback (id: the customer.captured entry).
-- state: open, reached (closed: the customer was reached), failed (closed: the attempts ran out).
CREATE TABLE callback_task (
    id              UUID PRIMARY KEY,
    incident_id     UUID,
    customer_name   VARCHAR(100) NOT NULL,
    phone           VARCHAR(40) NOT NULL,
    account_id      VARCHAR(64),
    matter          VARCHAR(2000) NOT NULL,
    category        VARCHAR(60) NOT NULL,
    due_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    captured_by     VARCHAR(40) NOT NULL,
    captured_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    -- who calls; null while nobody was on shift to take it
    owner           VARCHAR(40),
    assigned_at     TIMESTAMP WITH TIME ZONE,
    -- the most attempts before the task closes unreached, as configured when the task was made
    max_attempts    INT NOT NULL,
    attempts        INT NOT NULL,
    last_outcome    VARCHAR(20),
    last_note       VARCHAR(500),
    last_attempt_at TIMESTAMP WITH TIME ZONE,
    last_attempt_by VARCHAR(40),
    state           VARCHAR(10) NOT NULL,
    closed_at       TIMESTAMP WITH TIME ZONE,
    last_seq        BIGINT NOT NULL
);
CREATE INDEX callback_task_owner ON callback_task (owner, state, due_at);
CREATE INDEX callback_task_incident ON callback_task (incident_id, state);

-- What happened to each task, in order: assigned (when made), attempted, reassigned (id: the entry; for the first
-- assignment, the task's id).
CREATE TABLE callback_event (
    id        UUID PRIMARY KEY,
    task_id   UUID NOT NULL,
    kind      VARCHAR(12) NOT NULL,
    outcome   VARCHAR(20),
    note      VARCHAR(500),
    actor     VARCHAR(40) NOT NULL,
    to_user   VARCHAR(40),
    at        TIMESTAMP WITH TIME ZONE NOT NULL,
    seq       BIGINT NOT NULL
);
CREATE INDEX callback_event_task ON callback_event (task_id, seq);
