-- Emergency supplies (S4.2): what each site keeps (fans, torches, UPS, first-aid kits...), the readiness rule the
-- administrator sets for each kind, and the site's size the rule is in proportion to. The counts are projected from
-- supplies.counted entries (a count can be taken offline); the rules and sizes are configuration (plain REST).

-- A site's size for the rules: its seats.
CREATE TABLE supplies_site (
    code       VARCHAR(40) PRIMARY KEY,
    seats      INT NOT NULL,
    updated_by VARCHAR(40) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- At least at_least of a kind, and at least one per per_seats seats when set (id: 'hq/fan').
CREATE TABLE supplies_rule (
    id         VARCHAR(81) PRIMARY KEY,
    site       VARCHAR(40) NOT NULL,
    kind       VARCHAR(40) NOT NULL,
    per_seats  INT,
    at_least   INT NOT NULL,
    updated_by VARCHAR(40) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT supplies_rule_once UNIQUE (site, kind)
);

-- The last count of a kind at a site (id: 'hq/fan').
CREATE TABLE supplies_stock (
    id         VARCHAR(81) PRIMARY KEY,
    site       VARCHAR(40) NOT NULL,
    kind       VARCHAR(40) NOT NULL,
    quantity   INT NOT NULL,
    counted_by VARCHAR(40) NOT NULL,
    counted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    note       VARCHAR(500),
    last_seq   BIGINT NOT NULL,
    CONSTRAINT supplies_stock_once UNIQUE (site, kind)
);
