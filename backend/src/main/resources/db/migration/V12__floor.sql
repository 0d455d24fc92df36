-- The floor (issue 10): sites, floors drawn as a grid, the equipment at each seat, who sits where, and
-- each device's faults. Seats keep their global codes (reports name a seat by its code alone).

CREATE TABLE site_site (
    code       VARCHAR(40) PRIMARY KEY,
    name       VARCHAR(80) NOT NULL
);

-- id: site + '/' + code
CREATE TABLE site_floor (
    id         VARCHAR(61) PRIMARY KEY,
    site       VARCHAR(40) NOT NULL,
    code       VARCHAR(20) NOT NULL,
    name       VARCHAR(80) NOT NULL,
    grid_rows  INT         NOT NULL,
    grid_cols  INT         NOT NULL,
    CONSTRAINT site_floor_code UNIQUE (site, code)
);

-- Seats made before sites existed belong to the first site, 'hq'; they get a place on the grid when the
-- admin draws the floor.
ALTER TABLE site_seat ADD COLUMN site VARCHAR(40) DEFAULT 'hq' NOT NULL;
ALTER TABLE site_seat ADD COLUMN grid_row INT;
ALTER TABLE site_seat ADD COLUMN grid_col INT;
-- Two seats never share a square of one floor's grid.
ALTER TABLE site_seat ADD CONSTRAINT site_seat_square UNIQUE (site, floor, grid_row, grid_col);

-- What stands at a seat: one device of each kind (pc, monitor, headset, phone).
-- id: seat + '/' + kind
CREATE TABLE site_equipment (
    id         VARCHAR(61) PRIMARY KEY,
    seat       VARCHAR(40) NOT NULL,
    kind       VARCHAR(20) NOT NULL,
    label      VARCHAR(80),
    CONSTRAINT site_equipment_kind UNIQUE (seat, kind)
);

-- Who sits where (a projection of seat.* entries). The primary key on the seat is what keeps two agents off
-- one seat whatever the application does; the unique username keeps one agent on one seat.
CREATE TABLE site_occupancy (
    seat       VARCHAR(40) PRIMARY KEY,
    username   VARCHAR(40) NOT NULL,
    since      TIMESTAMP WITH TIME ZONE NOT NULL,
    moved_by   VARCHAR(40) NOT NULL,
    seq        BIGINT      NOT NULL,
    CONSTRAINT site_occupancy_person UNIQUE (username)
);

-- People moved off the phones to other work (S1.2), while they are.
CREATE TABLE site_other_work (
    username   VARCHAR(40) PRIMARY KEY,
    work       VARCHAR(200) NOT NULL,
    since      TIMESTAMP WITH TIME ZONE NOT NULL,
    moved_by   VARCHAR(40) NOT NULL,
    seq        BIGINT      NOT NULL
);

-- Each device's faults (S1.1, S1.4): opened by an equipment report naming the seat (and the device), closed
-- when maintenance marks it fixed or the manager resolves the incident. 'seat' as the device: not named.
CREATE TABLE site_fault (
    id           UUID        PRIMARY KEY,
    seat         VARCHAR(40) NOT NULL,
    device       VARCHAR(20) NOT NULL,
    incident     UUID        NOT NULL,
    reported_by  VARCHAR(40) NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    reports      INT         NOT NULL,
    fixed_at     TIMESTAMP WITH TIME ZONE,
    fixed_by     VARCHAR(40),
    note         VARCHAR(500),
    -- maintenance is told by a notice the sweep records (its id derived from the fault's)
    notified     BOOLEAN     DEFAULT FALSE NOT NULL,
    seq          BIGINT      NOT NULL
);
CREATE INDEX site_fault_open ON site_fault (seat, fixed_at);
CREATE INDEX site_fault_incident ON site_fault (incident);
CREATE INDEX site_fault_unnotified ON site_fault (notified);

INSERT INTO site_site (code, name) SELECT DISTINCT 'hq', 'HQ' FROM site_seat;
INSERT INTO site_floor (id, site, code, name, grid_rows, grid_cols)
    SELECT DISTINCT 'hq/' || floor, 'hq', floor, floor, 8, 12 FROM site_seat;
