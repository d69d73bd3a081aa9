CREATE TABLE carts (
    id          text PRIMARY KEY,
    customer_id text NOT NULL REFERENCES customers (id),
    currency    char(3) NOT NULL,
    status      text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'checked_out')),
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);

CREATE INDEX carts_customer_idx ON carts (customer_id, created_at);

CREATE TABLE cart_items (
    cart_id          text NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
    product_id       text NOT NULL,
    sku              text NOT NULL,
    name             text NOT NULL,
    unit_price_minor bigint NOT NULL,
    quantity         integer NOT NULL CHECK (quantity > 0),
    added_at         timestamptz NOT NULL,
    PRIMARY KEY (cart_id, product_id)
);
