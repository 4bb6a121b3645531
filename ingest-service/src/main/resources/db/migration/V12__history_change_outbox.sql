-- The change entries of the price stream, made durable: each history change (new or corrected daily bars, a corporate
-- action added or deleted) records its entry here in the transaction that makes the change, and a relay appends it to
-- the stream and deletes it once Redis took it. An entry is never lost to a Redis outage or to a restart between the
-- commit and the append; it may be appended twice (the relay stopped between the append and the delete), which is
-- harmless: a change entry only moves answer generations.
--
-- claimed_until leases a row to one relay attempt (of any replica), so that replicas do not append the same rows at
-- once; a row whose lease passed (the attempt failed, or its process died) is taken again.
CREATE TABLE history_change_outbox (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind text NOT NULL,
    symbols text[] NOT NULL,
    claimed_until timestamptz NOT NULL DEFAULT '-infinity'
);
