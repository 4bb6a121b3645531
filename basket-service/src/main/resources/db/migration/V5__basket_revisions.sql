-- The audit trail of basket definitions, as ingest's revision tables are of prices and the registry: every version an
-- update replaced and the last version of a deleted basket, with its members in order. keep_basket_revision writes
-- one; a trigger calls it before an update that moves the version (Hibernate updates the basket row before it
-- rewrites the members, so they are still the old ones), and BasketStore calls it before a delete (Hibernate deletes
-- the members first). Rows are only ever added.
CREATE TABLE basket_revision (
    id          bigint           GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    basket_id   varchar(64)      NOT NULL,
    version     bigint           NOT NULL,
    name        text             NOT NULL,
    currency    char(3)          NOT NULL,
    base_date   date             NOT NULL,
    base_value  double precision NOT NULL,
    weighting   varchar(16)      NOT NULL,
    rebalance   varchar(16)      NOT NULL,
    members     jsonb            NOT NULL,
    stored_at   timestamptz      NOT NULL,
    replaced_at timestamptz      NOT NULL DEFAULT now(),
    deleted     boolean          NOT NULL
);

CREATE INDEX basket_revision_basket ON basket_revision (basket_id, version);

-- SET search_path FROM CURRENT: the service's connections do not have this schema on their path
CREATE FUNCTION keep_basket_revision(kept_id varchar, is_deleted boolean) RETURNS integer LANGUAGE sql
    SET search_path FROM CURRENT AS $$
    WITH kept AS (
        INSERT INTO basket_revision (basket_id, version, name, currency, base_date, base_value, weighting, rebalance,
                                     members, stored_at, deleted)
        SELECT b.id, b.version, b.name, b.currency, b.base_date, b.base_value, b.weighting, b.rebalance,
               COALESCE((SELECT jsonb_agg(jsonb_build_object('symbol', m.symbol, 'weight', m.weight)
                                          ORDER BY m.position)
                         FROM basket_member m WHERE m.basket_id = b.id), '[]'::jsonb),
               b.updated_at, is_deleted
        FROM basket b WHERE b.id = kept_id
        RETURNING 1)
    SELECT count(*)::integer FROM kept
$$;

CREATE FUNCTION keep_replaced_basket() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    PERFORM keep_basket_revision(OLD.id, false);
    RETURN NEW;
END
$$;

CREATE TRIGGER basket_keeps_its_revisions
    BEFORE UPDATE ON basket
    FOR EACH ROW
    WHEN (OLD.version IS DISTINCT FROM NEW.version)
    EXECUTE FUNCTION keep_replaced_basket();
