-- One-minute bars of the stored ticks, kept up to date by the statement that stores the ticks (one transaction).
-- minute is the bar's UTC minute start. Open and close are the prices of the first and the last tick of the minute in
-- tick order (ts, source, trade_id); their keys are kept so that a late or out-of-order tick merges exactly: an
-- earlier tick replaces the open, a later one the close, and every new tick adds to volume and tick_count. A resend
-- stores no tick and so changes no bar. Retention of ticks does not drop minute bars.
CREATE TABLE minute_bar (
    symbol         varchar(32)      NOT NULL,
    minute         timestamptz      NOT NULL,
    open           double precision NOT NULL,
    high           double precision NOT NULL,
    low            double precision NOT NULL,
    close          double precision NOT NULL,
    volume         bigint           NOT NULL,
    tick_count     bigint           NOT NULL,
    open_ts        timestamptz      NOT NULL,
    open_source    varchar(64)      NOT NULL,
    open_trade_id  varchar(64)      NOT NULL,
    close_ts       timestamptz      NOT NULL,
    close_source   varchar(64)      NOT NULL,
    close_trade_id varchar(64)      NOT NULL,
    PRIMARY KEY (symbol, minute)
);

INSERT INTO minute_bar
SELECT symbol, minute,
       (array_agg(price ORDER BY ts, source, trade_id))[1], max(price), min(price),
       (array_agg(price ORDER BY ts DESC, source DESC, trade_id DESC))[1], sum(size), count(*),
       min(ts), (array_agg(source ORDER BY ts, source, trade_id))[1], (array_agg(trade_id ORDER BY ts, source, trade_id))[1],
       max(ts), (array_agg(source ORDER BY ts DESC, source DESC, trade_id DESC))[1],
       (array_agg(trade_id ORDER BY ts DESC, source DESC, trade_id DESC))[1]
FROM (SELECT *, date_bin('1 minute', ts, timestamptz 'epoch') AS minute FROM tick) AS ticks
GROUP BY symbol, minute;
