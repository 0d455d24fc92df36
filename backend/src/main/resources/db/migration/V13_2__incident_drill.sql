-- Drills (issue 10): any playbook can run as a drill. A drill is an incident like any other, flagged as such, with
-- the people taking part: notifications go to them alone, and reports keep drills apart from real incidents.
ALTER TABLE incident_incident ADD COLUMN drill BOOLEAN DEFAULT FALSE NOT NULL;
-- usernames, comma-separated
ALTER TABLE incident_incident ADD COLUMN participants VARCHAR(16000);
CREATE INDEX incident_incident_drill ON incident_incident (drill, started_at);
