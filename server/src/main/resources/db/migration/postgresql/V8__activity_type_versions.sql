-- A type's version grows with every change to it or its fields, so that a copy held in memory can
-- be checked against the row with one number, read together with the activity being updated.
ALTER TABLE activity_types ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
