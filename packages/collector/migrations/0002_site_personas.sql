-- A site's persona rules (SPEC §6): a JSON array of {key, name, description, when},
-- validated by the admin API. NULL: the documented default set for shops.
ALTER TABLE sites ADD COLUMN personas TEXT;
