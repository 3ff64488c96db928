-- Webhook notifications waiting for delivery (an outbox). Stored before the first attempt, so a
-- restart loses none; claimed with a lease (claimed_until) under FOR UPDATE SKIP LOCKED, so the
-- servers on one database share the work. Delivered rows are deleted; rows that failed for good
-- keep failed_at and the last outcome for inspection (purged after 30 days).
CREATE TABLE webhook_deliveries (
    event_id        uuid        PRIMARY KEY,            -- X-Webhook-Event-ID, the same on every attempt
    document_id     uuid        NOT NULL,               -- no foreign key: the event stays true if the document goes
    body            bytea       NOT NULL,               -- the exact JSON bytes sent
    attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    claimed_until   timestamptz,
    failed_at       timestamptz,
    last_outcome    text,
    created_at      timestamptz NOT NULL DEFAULT now()
);

-- The dispatcher's question: which pending deliveries are due?
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE failed_at IS NULL;
