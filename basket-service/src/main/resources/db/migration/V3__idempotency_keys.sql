-- Client request ids of creates (gRPC request_id, REST Idempotency-Key) with the answer each create got, so that a
-- retried create is answered the same and stores nothing new. A key is kept 7 days (IdempotentCreates.RETENTION_DAYS
-- in grpc-support): later creates remove the expired ones. response is the serialized gRPC answer; it is only null
-- inside the transaction of the create that claimed the key.
CREATE TABLE idempotency_key (
    request_id varchar(128) PRIMARY KEY,
    digest     varchar(64)  NOT NULL,
    response   bytea,
    created_at timestamptz  NOT NULL DEFAULT now()
);

CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at);
