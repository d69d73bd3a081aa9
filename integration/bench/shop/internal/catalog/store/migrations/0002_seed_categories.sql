INSERT INTO categories (id, slug, name, parent_id) VALUES
    ('cat_01hzx0000000000000000000a0', 'apparel',     'Apparel',     NULL),
    ('cat_01hzx0000000000000000000a1', 't-shirts',    'T-shirts',    'cat_01hzx0000000000000000000a0'),
    ('cat_01hzx0000000000000000000a2', 'hoodies',     'Hoodies',     'cat_01hzx0000000000000000000a0'),
    ('cat_01hzx0000000000000000000b0', 'home',        'Home',        NULL),
    ('cat_01hzx0000000000000000000b1', 'kitchen',     'Kitchen',     'cat_01hzx0000000000000000000b0'),
    ('cat_01hzx0000000000000000000c0', 'stationery',  'Stationery',  NULL)
ON CONFLICT (id) DO NOTHING;
