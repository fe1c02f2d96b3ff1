-- A field of DataType CustomObject (a custom field set) has sub-fields mx_CustomObject_1..N, kept
-- with it as a JSON array of their definitions; every other field has none.

ALTER TABLE activity_fields ADD COLUMN sub_fields TEXT NOT NULL DEFAULT '[]';
