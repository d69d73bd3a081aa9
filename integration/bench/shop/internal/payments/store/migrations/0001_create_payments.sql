CREATE TABLE payments (
    id              text PRIMARY KEY,
    order_id        text NOT NULL,
    idempotency_key text NOT NULL,
    status          text NOT NULL,
    amount_minor    bigint NOT NULL CHECK (amount_minor > 0),
    currency        char(3) NOT NULL,
    refunded_minor  bigint NOT NULL DEFAULT 0,
    decline_reason  text NOT NULL DEFAULT '',
    card_last4      text NOT NULL DEFAULT '',
    processor_ref   text NOT NULL DEFAULT '',
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    CONSTRAINT payments_idempotency_key UNIQUE (idempotency_key),
    CONSTRAINT payments_refund_within_amount CHECK (refunded_minor BETWEEN 0 AND amount_minor)
);

CREATE INDEX payments_order_idx ON payments (order_id);

CREATE TABLE refunds (
    id           text PRIMARY KEY,
    payment_id   text NOT NULL REFERENCES payments (id),
    amount_minor bigint NOT NULL CHECK (amount_minor > 0),
    reason       text NOT NULL,
    created_at   timestamptz NOT NULL
);
