-- A site's feedback prompts (SPEC §5, §6): a JSON array of
-- {id, about, on, path, question, labels, comment, sample, delay_ms}, validated by the admin
-- API and served to the SDK by GET /v1/sites/{site}/config. NULL: no prompts.
ALTER TABLE sites ADD COLUMN prompts TEXT;
