-- Capture: customers taken down by hand while the systems are down (S2.5), and their way into the CRM
-- afterwards. Projected from the journal (customer.captured, customer.backfilled, customer.backfill-rejected,
-- customer.purged): rebuilt from it, never edited behind its back.

-- One row per captured customer (id: the customer.captured entry).
-- state: captured (outstanding), backfilled (in the CRM, with its reference), rejected (will not go in, with why).
CREATE TABLE capture_record (
    id              UUID PRIMARY KEY,
    incident_id     UUID,
    name            VARCHAR(100) NOT NULL,
    -- E.164 (+8613800138000), whatever way it was typed
    phone           VARCHAR(20) NOT NULL,
    account_id      VARCHAR(64),
    matter          VARCHAR(2000) NOT NULL,
    category        VARCHAR(20) NOT NULL,
    callback_promised BOOLEAN NOT NULL,
    callback_due_at TIMESTAMP WITH TIME ZONE,
    -- panel (typed during the call) or paper (typed in from a paper form afterwards)
    source          VARCHAR(10) NOT NULL,
    paper_form_no   VARCHAR(40),
    state           VARCHAR(12) NOT NULL,
    captured_by     VARCHAR(40) NOT NULL,
    device          VARCHAR(128) NOT NULL,
    captured_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    crm_reference   VARCHAR(100),
    backfilled_by   VARCHAR(40),
    backfilled_at   TIMESTAMP WITH TIME ZONE,
    reject_reason   VARCHAR(500),
    rejected_by     VARCHAR(40),
    rejected_at     TIMESTAMP WITH TIME ZONE,
    last_seq        BIGINT NOT NULL
);
CREATE INDEX capture_record_incident ON capture_record (incident_id, state);
CREATE INDEX capture_record_state ON capture_record (state, captured_at);
CREATE INDEX capture_record_by ON capture_record (captured_by, captured_at);

-- Every view of a full (unmasked) captured record by someone other than its author: who, when, which record.
-- Not a projection: an audit trail an administrator lists. Kept as long as the records' retention.
CREATE TABLE capture_view (
    id          UUID PRIMARY KEY,
    record_id   UUID NOT NULL,
    viewer      VARCHAR(40) NOT NULL,
    viewed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    -- record (one record opened), export (in an export of outstanding records)
    what        VARCHAR(10) NOT NULL
);
CREATE INDEX capture_view_at ON capture_view (viewed_at);

-- The administrator's capture settings (one row, id 1): the CRM webhook and how long records are kept.
CREATE TABLE capture_setting (
    id              INT PRIMARY KEY,
    webhook_url     VARCHAR(500),
    -- signs each webhook body (HMAC-SHA256, header X-Stormdesk-Signature: sha256=<hex>)
    webhook_secret  VARCHAR(200),
    retention_days  INT NOT NULL,
    updated_by      VARCHAR(40) NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row per record the CRM webhook must post (an outbox): due time, attempts, the last error. A locked sweep
-- claims due rows; done when the CRM answered with a reference (and the back-fill entry is stored).
CREATE TABLE capture_delivery (
    record_id     UUID PRIMARY KEY,
    state         VARCHAR(10) NOT NULL,
    attempts      INT NOT NULL,
    due_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_until TIMESTAMP WITH TIME ZONE,
    last_error    VARCHAR(500),
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX capture_delivery_due ON capture_delivery (state, due_at);

-- Each purge of captured records past the retention period (id: the customer.purged entry): when, the cut-off,
-- how many. Projected from the journal like the records.
CREATE TABLE capture_purge (
    id          UUID PRIMARY KEY,
    purged_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    cutoff      TIMESTAMP WITH TIME ZONE NOT NULL,
    purged      INT NOT NULL,
    purged_by   VARCHAR(40) NOT NULL
);
