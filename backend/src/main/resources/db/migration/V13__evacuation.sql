-- Evacuation (S5.1, S5.2, S5.3): each site's assembly point and evacuation procedure (configuration, plain REST),
-- the answer to a fire alarm (fault, test or real), the roll call a real alarm starts, and the alarm zones of each
-- site with their state. Everything but the site settings and the zone list is projected from the journal
-- (rebuilt from it, never edited behind its back).

-- A site's evacuation settings; the code is the plain site code the roster uses (the demo's is 'hq').
CREATE TABLE evacuation_site (
    code           VARCHAR(40) PRIMARY KEY,
    name           VARCHAR(100) NOT NULL,
    assembly_point VARCHAR(500) NOT NULL,
    -- the site's evacuation procedure, shown on the marshal's tablet (cached there for offline use)
    procedure_text VARCHAR(4000) NOT NULL,
    updated_by     VARCHAR(40) NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The latest answer to "fault, test or real?" for a fire incident (every answer stays in the log).
CREATE TABLE evacuation_triage (
    incident_id UUID PRIMARY KEY,
    answer      VARCHAR(10) NOT NULL,
    site        VARCHAR(40) NOT NULL,
    answered_by VARCHAR(40) NOT NULL,
    answered_at TIMESTAMP WITH TIME ZONE NOT NULL,
    note        VARCHAR(500),
    last_seq    BIGINT NOT NULL
);

-- One roll call per incident, started by a real alarm (id: the incident). state: open, closed.
CREATE TABLE evacuation_rollcall (
    incident_id    UUID PRIMARY KEY,
    site           VARCHAR(40) NOT NULL,
    drill          BOOLEAN NOT NULL,
    assembly_point VARCHAR(500) NOT NULL,
    state          VARCHAR(10) NOT NULL,
    started_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    started_by     VARCHAR(40) NOT NULL,
    closed_at      TIMESTAMP WITH TIME ZONE,
    closed_by      VARCHAR(40),
    close_reason   VARCHAR(500),
    -- the counts when it closed, 'safe/absent/missing/unknown' (later marks still update the people)
    closed_counts  VARCHAR(60),
    last_seq       BIGINT NOT NULL
);

-- Each person of a roll call: those on shift on the site when it started (listed), and anyone marked who was not.
-- status: unknown, missing, absent, safe. Marks only ever raise it (safe over absent over missing), so marks that
-- arrive late or twice, from phones and tablets alike, give the same result in any order.
CREATE TABLE evacuation_person (
    -- derived from the incident and the username
    id           UUID PRIMARY KEY,
    incident_id  UUID NOT NULL,
    username     VARCHAR(40) NOT NULL,
    display_name VARCHAR(80) NOT NULL,
    position     VARCHAR(20),
    listed       BOOLEAN NOT NULL,
    status       VARCHAR(10) NOT NULL,
    marked_by    VARCHAR(40),
    marked_at    TIMESTAMP WITH TIME ZONE,
    via          VARCHAR(10),
    marks        INT NOT NULL,
    last_seq     BIGINT NOT NULL,
    CONSTRAINT evacuation_person_once UNIQUE (incident_id, username)
);

-- The alarm zones of each site (configuration) and their current state (projected from alarm.zone.set entries).
-- state: normal, alarm, fault, isolated, disabled, test.
CREATE TABLE evacuation_zone (
    -- site and code: 'hq/Z1'
    id         VARCHAR(81) PRIMARY KEY,
    site       VARCHAR(40) NOT NULL,
    code       VARCHAR(40) NOT NULL,
    name       VARCHAR(100) NOT NULL,
    floor      VARCHAR(20),
    state      VARCHAR(10) NOT NULL,
    changed_by VARCHAR(40),
    changed_at TIMESTAMP WITH TIME ZONE,
    note       VARCHAR(500),
    last_seq   BIGINT NOT NULL,
    CONSTRAINT evacuation_zone_once UNIQUE (site, code)
);
