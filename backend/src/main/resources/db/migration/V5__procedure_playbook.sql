-- Playbooks: the specification as data, one per incident kind, every edit a new version. Versions are never
-- changed or deleted: a running incident keeps the version it started with, and a rebuild of the projections
-- must find the same version again (the one in force when the incident opened).
CREATE TABLE procedure_playbook (
    kind       VARCHAR(20) NOT NULL,
    version    INT NOT NULL,
    -- the YAML as the admin wrote it (comments and all), docs/playbooks.md
    yaml       VARCHAR(65536) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    -- 'system' for the versions shipped with Stormdesk
    created_by VARCHAR(40) NOT NULL,
    PRIMARY KEY (kind, version)
);
