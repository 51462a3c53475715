-- Bumped whenever a user's password changes; every admin token and console session carries the
-- number it was issued with, so tokens issued before the change are refused from then on.
ALTER TABLE admin_user ADD COLUMN credentials_version integer NOT NULL DEFAULT 0;
