-- The audit trail of bar corrections: every version of a daily bar that a REPLACE write overwrote, with when it had
-- been stored and when it was replaced. Rows are only ever added.
CREATE TABLE daily_bar_revision (
    id          bigint           GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    symbol      varchar(32)      NOT NULL REFERENCES instrument (symbol),
    date        date             NOT NULL,
    open        double precision NOT NULL,
    high        double precision NOT NULL,
    low         double precision NOT NULL,
    close       double precision NOT NULL,
    volume      bigint           NOT NULL,
    stored_at   timestamptz      NOT NULL,
    replaced_at timestamptz      NOT NULL DEFAULT now()
);

CREATE INDEX daily_bar_revision_symbol_date ON daily_bar_revision (symbol, date);
