CREATE TABLE orders (
    id             text PRIMARY KEY,
    customer_id    text NOT NULL REFERENCES customers (id),
    cart_id        text NOT NULL UNIQUE REFERENCES carts (id),
    status         text NOT NULL,
    currency       char(3) NOT NULL,
    subtotal_minor bigint NOT NULL,
    shipping_minor bigint NOT NULL,
    tax_minor      bigint NOT NULL,
    total_minor    bigint NOT NULL,
    reservation_id text,
    payment_id     text,
    failure_reason text NOT NULL DEFAULT '',
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL
);

CREATE INDEX orders_customer_idx ON orders (customer_id, created_at, id);

CREATE TABLE order_lines (
    order_id         text NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    position         integer NOT NULL,
    product_id       text NOT NULL,
    sku              text NOT NULL,
    name             text NOT NULL,
    unit_price_minor bigint NOT NULL,
    quantity         integer NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (order_id, position)
);
