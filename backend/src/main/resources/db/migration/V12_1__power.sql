-- Power (issue 10, S3): short announcements to the staff on shift, and outages property management announces ahead
-- (S3.3) with the warnings before them and the plan for the window. Projected from the journal, except the outages
-- themselves and their plans, which the manager enters as plain data; the warnings are rows a sweep watches.

-- An announcement (announcement.posted): its text in the language it was written in, or in all three when the
-- server wrote it (a warning); the site it is for (null: every site).
CREATE TABLE power_announcement (
    id          UUID PRIMARY KEY,
    site        VARCHAR(40),
    outage      UUID,
    text_zh_cn  VARCHAR(1000),
    text_en     VARCHAR(1000),
    text_zh_tw  VARCHAR(1000),
    posted_by   VARCHAR(40) NOT NULL,
    posted_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    seq         BIGINT NOT NULL
);
CREATE INDEX power_announcement_posted ON power_announcement (posted_at);

-- A planned outage: the window, what property management said, when to warn before it (ISO-8601 durations,
-- comma-separated), and when its plan started (outage.started) or it was called off.
CREATE TABLE power_outage (
    id            UUID PRIMARY KEY,
    site          VARCHAR(40) NOT NULL,
    starts_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    source        VARCHAR(500),
    warn_before   VARCHAR(100) NOT NULL,
    created_by    VARCHAR(40) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at    TIMESTAMP WITH TIME ZONE,
    cancelled_at  TIMESTAMP WITH TIME ZONE,
    cancelled_by  VARCHAR(40)
);

-- The plan for the window, item by item: area is where (who works from where), queues (which are diverted),
-- switch (what is switched over) or other. done_* come from outage.item.done entries.
CREATE TABLE power_outage_item (
    id        UUID PRIMARY KEY,
    outage    UUID NOT NULL,
    position  INT NOT NULL,
    area      VARCHAR(20) NOT NULL,
    text      VARCHAR(500) NOT NULL,
    done_by   VARCHAR(40),
    done_at   TIMESTAMP WITH TIME ZONE,
    seq       BIGINT
);
CREATE INDEX power_outage_item_outage ON power_outage_item (outage, position);

-- What the sweep must do and when: a warning (stage: the ISO duration before the start) or the start itself
-- (stage 'start'). id: outage + '/' + stage. recorded_at: done (the entries' ids are derived from the id).
CREATE TABLE power_warning (
    id           VARCHAR(80) PRIMARY KEY,
    outage       UUID NOT NULL,
    stage        VARCHAR(30) NOT NULL,
    due_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX power_warning_due ON power_warning (recorded_at, due_at);
