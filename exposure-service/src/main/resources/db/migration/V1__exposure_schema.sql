-- The exposure schema: the funding graph of DESIGN section 5.
-- Flyway runs this in schema "exposure" (quarkus.flyway.schemas).

CREATE TABLE entity (
    id               varchar(64)      PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]*$'),
    name             text             NOT NULL CHECK (name <> ''),
    kind             varchar(16)      NOT NULL CHECK (kind IN ('LISTED', 'PRIVATE', 'JV', 'FUND')),
    -- the instrument that values a listed entity; a symbol names at most one entity
    ticker           varchar(32)      UNIQUE,
    valuation_usd    double precision CHECK (valuation_usd > 0 AND valuation_usd < 'Infinity'),
    valuation_as_of  date,
    valuation_source text,
    revenue_usd      double precision CHECK (revenue_usd >= 0 AND revenue_usd < 'Infinity'),
    revenue_as_of    date,
    revenue_source   text,
    version          bigint           NOT NULL DEFAULT 0,
    created_at       timestamptz      NOT NULL DEFAULT now(),
    updated_at       timestamptz      NOT NULL DEFAULT now(),
    CHECK (kind <> 'LISTED' OR ticker IS NOT NULL),
    CHECK (kind = 'LISTED' OR valuation_usd IS NOT NULL)
);

-- Other symbols of the same company that baskets may hold (SoftBank's ADR SFTBY), in order.
CREATE TABLE entity_listing (
    entity_id varchar(64) NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
    position  integer     NOT NULL CHECK (position >= 0),
    symbol    varchar(32) NOT NULL UNIQUE,
    PRIMARY KEY (entity_id, position)
);

-- Directed edges; an entity cannot be deleted while an edge starts or ends at it.
CREATE TABLE edge (
    id          varchar(64)      PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]*$'),
    from_entity varchar(64)      NOT NULL REFERENCES entity (id) ON DELETE RESTRICT,
    to_entity   varchar(64)      NOT NULL REFERENCES entity (id) ON DELETE RESTRICT,
    kind        varchar(16)      NOT NULL CHECK (kind IN ('EQUITY', 'INVESTMENT', 'PURCHASE', 'GUARANTEE')),
    amount_usd  double precision CHECK (amount_usd >= 0 AND amount_usd < 'Infinity'),
    share       double precision CHECK (share >= 0 AND share <= 1),
    as_of       date             NOT NULL,
    source      text             NOT NULL DEFAULT '',
    confidence  varchar(8)       CHECK (confidence IN ('LOW', 'MEDIUM', 'HIGH')),
    estimated   boolean          NOT NULL DEFAULT false,
    note        text             NOT NULL DEFAULT '',
    source_row  varchar(32)      NOT NULL DEFAULT '',
    version     bigint           NOT NULL DEFAULT 0,
    created_at  timestamptz      NOT NULL DEFAULT now(),
    updated_at  timestamptz      NOT NULL DEFAULT now(),
    CHECK (from_entity <> to_entity),
    CHECK ((kind = 'EQUITY') = (share IS NOT NULL))
);

CREATE INDEX edge_from_idx ON edge (from_entity);
CREATE INDEX edge_to_idx ON edge (to_entity);
CREATE INDEX edge_as_of_idx ON edge (as_of);

-- One row, updated by every write to the graph: the update's row lock serialises writers, so a
-- whole-graph rule (the shares held in one entity sum to less than 1) is checked against the
-- graph as it really is; the revision counts the changes.
CREATE TABLE graph_revision (
    singleton  boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    revision   bigint      NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO graph_revision DEFAULT VALUES;

-- Seeds applied to this database: a seed is loaded in the same transaction that inserts its row,
-- so it is loaded once even with several instances starting together, and a seeded entity a user
-- later deletes stays deleted.
CREATE TABLE seed_applied (
    name       varchar(64) PRIMARY KEY,
    entities   integer     NOT NULL,
    edges      integer     NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
);
