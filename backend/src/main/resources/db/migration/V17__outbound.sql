-- Outbound work (S7.3, S7.4): the daily plan's tasks and what happened to each. Projected from the journal's
-- outbound.* entries (planned, reallocated, attempted) and rebuilt from it, never edited behind its back.

-- One task per planned call (id: its outbound.planned entry).
-- state: open, done (closed: the call's purpose was met), closed (closed: refused, wrong number, or attempts ran out).
CREATE TABLE outbound_task (
    id              UUID PRIMARY KEY,
    plan_day        DATE NOT NULL,
    campaign        VARCHAR(100) NOT NULL,
    customer_name   VARCHAR(100) NOT NULL,
    phone           VARCHAR(40) NOT NULL,
    -- 1 is the most important
    priority        INT NOT NULL,
    due_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the skill an agent needs for it (a language, a product); null: anyone
    skill           VARCHAR(30),
    note            VARCHAR(500),
    -- who calls; null while nobody had room for it
    assignee        VARCHAR(40),
    assigned_at     TIMESTAMP WITH TIME ZONE,
    max_attempts    INT NOT NULL,
    attempts        INT NOT NULL,
    last_outcome    VARCHAR(20),
    last_note       VARCHAR(500),
    last_attempt_at TIMESTAMP WITH TIME ZONE,
    state           VARCHAR(10) NOT NULL,
    closed_at       TIMESTAMP WITH TIME ZONE,
    planned_by      VARCHAR(40) NOT NULL,
    planned_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seq        BIGINT NOT NULL
);
CREATE INDEX outbound_task_assignee ON outbound_task (assignee, state, priority, due_at);
CREATE INDEX outbound_task_day ON outbound_task (plan_day, state);
CREATE INDEX outbound_task_open ON outbound_task (state, priority, due_at);

-- What happened to each task, in order: planned (with its first agent), reallocated (to another agent, or to nobody),
-- attempted (id: the entry; a reallocation entry moves many tasks, so its events are keyed by entry and task).
CREATE TABLE outbound_event (
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
CREATE INDEX outbound_event_task ON outbound_event (task_id, seq);
