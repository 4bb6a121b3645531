-- The basket schema: basket definitions and their members (DESIGN section 4).
-- Flyway runs this in schema "basket" (quarkus.flyway.schemas).

CREATE TABLE basket (
    id         varchar(64)      PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]*$'),
    name       text             NOT NULL CHECK (name <> ''),
    currency   char(3)          NOT NULL,
    base_date  date             NOT NULL,
    base_value double precision NOT NULL CHECK (base_value > 0 AND base_value < 'Infinity'),
    weighting  varchar(16)      NOT NULL CHECK (weighting IN ('EQUAL', 'CUSTOM')),
    rebalance  varchar(16)      NOT NULL CHECK (rebalance IN ('NONE', 'MONTHLY', 'QUARTERLY')),
    version    bigint           NOT NULL DEFAULT 0,
    created_at timestamptz      NOT NULL DEFAULT now(),
    updated_at timestamptz      NOT NULL DEFAULT now()
);

-- Members in definition order; a symbol appears at most once per basket.
CREATE TABLE basket_member (
    basket_id varchar(64)      NOT NULL REFERENCES basket (id) ON DELETE CASCADE,
    position  integer          NOT NULL CHECK (position >= 0),
    symbol    varchar(32)      NOT NULL,
    weight    double precision NOT NULL CHECK (weight >= 0 AND weight <= 1),
    PRIMARY KEY (basket_id, position),
    UNIQUE (basket_id, symbol)
);
