-- Sources added by an admin's bot command live in the store beside the ones
-- the config file declares (added_by = 0).
ALTER TABLE sources ADD COLUMN added_by BIGINT NOT NULL DEFAULT 0;
ALTER TABLE sources ADD COLUMN added_at BIGINT NOT NULL DEFAULT 0;
