-- The audit trail of the registry and of corporate actions, as daily_bar_revision is of bars: every version of an
-- instrument that an update replaced (only when a field changed), and every corporate action deleted (the documented
-- way to correct one is delete, then add). Written by triggers, so no path of the service can skip them; rows are only
-- ever added.
CREATE TABLE instrument_revision (
    id                 bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    symbol             varchar(32)  NOT NULL REFERENCES instrument (symbol),
    name               text         NOT NULL,
    currency           char(3)      NOT NULL,
    exchange           text         NOT NULL,
    kind               varchar(16)  NOT NULL,
    shares_outstanding bigint,
    version            bigint       NOT NULL,
    stored_at          timestamptz  NOT NULL,
    replaced_at        timestamptz  NOT NULL DEFAULT now()
);

CREATE INDEX instrument_revision_symbol ON instrument_revision (symbol, version);

-- SET search_path FROM CURRENT: the service's connections do not have this schema on their path
CREATE FUNCTION keep_instrument_revision() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    INSERT INTO instrument_revision (symbol, name, currency, exchange, kind, shares_outstanding, version, stored_at)
    VALUES (OLD.symbol, OLD.name, OLD.currency, OLD.exchange, OLD.kind, OLD.shares_outstanding, OLD.version,
            OLD.updated_at);
    RETURN NEW;
END
$$;

CREATE TRIGGER instrument_keeps_its_revisions
    BEFORE UPDATE ON instrument
    FOR EACH ROW
    WHEN ((OLD.name, OLD.currency, OLD.exchange, OLD.kind, OLD.shares_outstanding)
          IS DISTINCT FROM (NEW.name, NEW.currency, NEW.exchange, NEW.kind, NEW.shares_outstanding))
    EXECUTE FUNCTION keep_instrument_revision();

CREATE TABLE corporate_action_revision (
    id          bigint           GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    symbol      varchar(32)      NOT NULL REFERENCES instrument (symbol),
    ex_date     date             NOT NULL,
    kind        varchar(16)      NOT NULL,
    ratio       double precision,
    amount      double precision,
    stored_at   timestamptz      NOT NULL,
    deleted_at  timestamptz      NOT NULL DEFAULT now()
);

CREATE INDEX corporate_action_revision_symbol ON corporate_action_revision (symbol, ex_date);

CREATE FUNCTION keep_corporate_action_revision() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    INSERT INTO corporate_action_revision (symbol, ex_date, kind, ratio, amount, stored_at)
    VALUES (OLD.symbol, OLD.ex_date, OLD.kind, OLD.ratio, OLD.amount, OLD.created_at);
    RETURN OLD;
END
$$;

CREATE TRIGGER corporate_action_keeps_its_revisions
    BEFORE DELETE ON corporate_action
    FOR EACH ROW
    EXECUTE FUNCTION keep_corporate_action_revision();
