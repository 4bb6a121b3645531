-- Demo data is loaded only by devstack's demo loader now (demo/baskets.json, through the API), never by a migration.
-- V2 stays as it is (an applied migration keeps its checksum), and this removes what V2 inserted wherever nobody has
-- touched it since: inserted before the next migration was recorded (Flyway records a migration at its start, so V2's
-- own row is older than its inserts), never updated (version 0, updated_at = created_at), and still V2's exact
-- definition and members. A basket that was edited, or created again under the same id later, stays.
DELETE FROM basket b
USING (VALUES ('team-google', 'Team Google', ARRAY['GOOGL', 'AVGO', 'CLS', 'LITE', 'TTMI']::varchar[]),
              ('team-openai', 'Team OpenAI', ARRAY['NVDA', 'MSFT', 'SFTBY', 'ORCL', 'AMD', 'CRWV']::varchar[]))
    AS seed (id, name, symbols)
WHERE b.id = seed.id
  AND b.name = seed.name AND b.currency = 'USD' AND b.base_date = DATE '2025-10-29' AND b.base_value = 100
  AND b.weighting = 'EQUAL' AND b.rebalance = 'NONE'
  AND b.version = 0 AND b.updated_at = b.created_at
  AND b.created_at < (SELECT min(after_v2.installed_on) FROM "${flyway:defaultSchema}"."${flyway:table}" after_v2
                      WHERE after_v2.installed_rank > (SELECT v2.installed_rank FROM "${flyway:defaultSchema}"."${flyway:table}" v2
                                                       WHERE v2.version = '2' AND v2.success))
  AND (SELECT array_agg(m.symbol ORDER BY m.position) FROM basket_member m WHERE m.basket_id = b.id) = seed.symbols
  AND NOT EXISTS (SELECT 1 FROM basket_member m
                  WHERE m.basket_id = b.id AND m.weight <> 1.0::double precision / cardinality(seed.symbols));
