CREATE TABLE site_seat (
    code  VARCHAR(40) PRIMARY KEY,
    floor VARCHAR(20) NOT NULL,
    zone  VARCHAR(20) NOT NULL
);
