-- LeadSquared keeps a lead's Phone unique in an organisation, as its EmailAddress is: new writes of
-- a phone another lead has are refused unless the organisation lets leads share phones.
ALTER TABLE organisations ADD COLUMN shared_phones INTEGER NOT NULL DEFAULT 0;
