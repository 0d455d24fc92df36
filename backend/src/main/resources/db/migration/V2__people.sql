CREATE TABLE people_user (
    username      VARCHAR(40) PRIMARY KEY,
    display_name  VARCHAR(80) NOT NULL,
    -- comma-separated role names (agent, supervisor, manager, leadership, maintenance, spokesperson, admin)
    roles         VARCHAR(200) NOT NULL,
    team          VARCHAR(40),
    seat          VARCHAR(40),
    -- PBKDF2; NULL for people who use API tokens only
    password_hash VARCHAR(200),
    active        BOOLEAN NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Personal API tokens, kept as their SHA-256: the token itself is shown once and never stored.
CREATE TABLE people_token (
    token_hash CHAR(64) PRIMARY KEY,
    username   VARCHAR(40) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Outside parties called in an emergency: vendors, property management, departments, company personnel.
CREATE TABLE people_contact (
    id           VARCHAR(40) PRIMARY KEY,
    name         VARCHAR(120) NOT NULL,
    organization VARCHAR(120) NOT NULL,
    category     VARCHAR(20) NOT NULL,
    phone        VARCHAR(40),
    email        VARCHAR(120),
    supports     VARCHAR(200)
);
