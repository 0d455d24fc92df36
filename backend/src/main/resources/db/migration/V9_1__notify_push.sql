-- Web Push: the devices where a person turned notifications on (the browser's push subscription), and the
-- server's VAPID key pair, one for all nodes (a subscription is bound to the public key it was made with).
CREATE TABLE notify_push_subscription (
    -- SHA-256 of the endpoint, hex: the endpoint itself can be long
    id         CHAR(64) PRIMARY KEY,
    username   VARCHAR(40) NOT NULL,
    endpoint   VARCHAR(2000) NOT NULL,
    -- the browser's P-256 public key (uncompressed point) and auth secret, base64url
    p256dh     VARCHAR(200) NOT NULL,
    auth       VARCHAR(100) NOT NULL,
    user_agent VARCHAR(300),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_ok_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX notify_push_subscription_user ON notify_push_subscription (username);

CREATE TABLE notify_vapid (
    id          INT PRIMARY KEY,
    -- uncompressed P-256 point, base64url (what browsers take as applicationServerKey)
    public_key  VARCHAR(200) NOT NULL,
    -- PKCS#8, base64
    private_key VARCHAR(500) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
