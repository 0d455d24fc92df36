-- Knowledge base (S2.3): the product documentation agents answer from while the systems are down. Articles are
-- admin data edited over REST (not journal entries); each save keeps the version it replaced, so that who changed
-- what stays visible. Content is Markdown in Simplified Chinese and English; Traditional Chinese is optional and
-- falls back to the Simplified text when missing.

CREATE TABLE knowledge_article (
    id           UUID PRIMARY KEY,
    product      VARCHAR(60) NOT NULL,
    -- lower-case tags separated by commas
    tags         VARCHAR(500) NOT NULL,
    title_zh_cn  VARCHAR(200),
    title_en     VARCHAR(200),
    title_zh_tw  VARCHAR(200),
    body_zh_cn   VARCHAR(20000),
    body_en      VARCHAR(20000),
    body_zh_tw   VARCHAR(20000),
    -- 1 for the first save, one more for each later save: an edit must name the version it started from
    version      INT NOT NULL,
    archived     BOOLEAN NOT NULL,
    created_by   VARCHAR(40) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by   VARCHAR(40) NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX knowledge_article_updated ON knowledge_article (updated_at);

-- Every saved version of every article, the current one included.
CREATE TABLE knowledge_article_version (
    id           UUID PRIMARY KEY,
    article_id   UUID NOT NULL,
    version      INT NOT NULL,
    product      VARCHAR(60) NOT NULL,
    tags         VARCHAR(500) NOT NULL,
    title_zh_cn  VARCHAR(200),
    title_en     VARCHAR(200),
    title_zh_tw  VARCHAR(200),
    body_zh_cn   VARCHAR(20000),
    body_en      VARCHAR(20000),
    body_zh_tw   VARCHAR(20000),
    archived     BOOLEAN NOT NULL,
    saved_by     VARCHAR(40) NOT NULL,
    saved_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT knowledge_article_version_unique UNIQUE (article_id, version)
);
