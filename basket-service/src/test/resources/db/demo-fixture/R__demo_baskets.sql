-- Test fixture: the two demo baskets of demo/baskets.json, in every test database (quarkus.flyway.locations of the
-- test profile). A repeatable migration runs after every versioned one, so the schema is complete when it inserts.
INSERT INTO basket (id, name, currency, base_date, base_value, weighting, rebalance)
VALUES ('team-google', 'Team Google', 'USD', DATE '2025-10-29', 100, 'EQUAL', 'NONE'),
       ('team-openai', 'Team OpenAI', 'USD', DATE '2025-10-29', 100, 'EQUAL', 'NONE');

INSERT INTO basket_member (basket_id, position, symbol, weight)
SELECT 'team-google', ord - 1, symbol, 1.0::double precision / 5
FROM unnest(ARRAY['GOOGL', 'AVGO', 'CLS', 'LITE', 'TTMI']) WITH ORDINALITY AS m (symbol, ord);

INSERT INTO basket_member (basket_id, position, symbol, weight)
SELECT 'team-openai', ord - 1, symbol, 1.0::double precision / 6
FROM unnest(ARRAY['NVDA', 'MSFT', 'SFTBY', 'ORCL', 'AMD', 'CRWV']) WITH ORDINALITY AS m (symbol, ord);
