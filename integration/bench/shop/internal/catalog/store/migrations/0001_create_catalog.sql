CREATE TABLE categories (
    id         text PRIMARY KEY,
    slug       text NOT NULL UNIQUE,
    name       text NOT NULL,
    parent_id  text REFERENCES categories (id),
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE products (
    id          text PRIMARY KEY,
    sku         text NOT NULL,
    name        text NOT NULL,
    description text NOT NULL DEFAULT '',
    category_id text NOT NULL REFERENCES categories (id),
    price_minor bigint NOT NULL CHECK (price_minor >= 0),
    currency    char(3) NOT NULL,
    active      boolean NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    CONSTRAINT products_sku_key UNIQUE (sku)
);

CREATE INDEX products_listing_idx ON products (created_at, id) WHERE active;
CREATE INDEX products_category_idx ON products (category_id, created_at, id);
