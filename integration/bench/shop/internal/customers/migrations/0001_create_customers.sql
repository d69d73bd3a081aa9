CREATE TABLE customers (
    id         text PRIMARY KEY,
    email      text NOT NULL,
    name       text NOT NULL,
    card_token text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL
);

CREATE UNIQUE INDEX customers_email_key ON customers (lower(email));
