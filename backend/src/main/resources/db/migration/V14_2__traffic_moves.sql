-- Pulling staff onto the lines in a surge (S7.1): who was moved from outbound or support work to which queue, for which
-- incident, and when they were sent back. Projected from the journal (traffic.staff.moved, traffic.staff.returned).
CREATE TABLE traffic_move (
    id          UUID PRIMARY KEY,
    username    VARCHAR(40) NOT NULL,
    queue       VARCHAR(40) NOT NULL,
    incident_id UUID NOT NULL,
    position    VARCHAR(20) NOT NULL,
    moved_by    VARCHAR(40) NOT NULL,
    moved_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    returned_by VARCHAR(40),
    returned_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX traffic_move_open ON traffic_move (username, returned_at);
CREATE INDEX traffic_move_incident ON traffic_move (incident_id);
