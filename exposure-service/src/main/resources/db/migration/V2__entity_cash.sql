-- Cash and equivalents of an entity (USD), with the date and source of the figure: the CLEARING stress model counts
-- cash + horizonYears x revenue as external resources (docs/stress-models.md). Missing counts 0.
ALTER TABLE entity
    ADD COLUMN cash_usd    double precision CHECK (cash_usd >= 0 AND cash_usd < 'Infinity'),
    ADD COLUMN cash_as_of  date,
    ADD COLUMN cash_source text;
