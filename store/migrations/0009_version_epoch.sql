-- The epoch of the data version: a restore or a migration moves it on, and
-- a value cached in another epoch is never served, not even while a fresh
-- one is computed (store/memo.go). The version's number alone could come
-- back to a number seen before (a store restored into an empty one).
ALTER TABLE data_version ADD COLUMN epoch BIGINT NOT NULL DEFAULT 0;
