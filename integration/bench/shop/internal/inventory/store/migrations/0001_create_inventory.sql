CREATE TABLE stock (
    sku        text PRIMARY KEY,
    on_hand    integer NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
    reserved   integer NOT NULL DEFAULT 0 CHECK (reserved >= 0),
    updated_at timestamptz NOT NULL,
    CONSTRAINT stock_reserved_within_on_hand CHECK (reserved <= on_hand)
);

CREATE TABLE stock_movements (
    id         bigserial PRIMARY KEY,
    sku        text NOT NULL REFERENCES stock (sku),
    delta      integer NOT NULL,
    reason     text NOT NULL,
    created_at timestamptz NOT NULL
);

CREATE TABLE reservations (
    id         text PRIMARY KEY,
    order_id   text NOT NULL UNIQUE,
    state      text NOT NULL CHECK (state IN ('pending', 'committed', 'released')),
    expires_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

CREATE INDEX reservations_pending_idx ON reservations (expires_at) WHERE state = 'pending';

CREATE TABLE reservation_lines (
    reservation_id text NOT NULL REFERENCES reservations (id) ON DELETE CASCADE,
    sku            text NOT NULL,
    quantity       integer NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (reservation_id, sku)
);
