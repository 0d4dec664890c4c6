-- Schema 1 -> 2: volunteer_no, the first 64 bits of volunteer_key as a number (see schema.sql).
ALTER TABLE volunteer_hours ADD COLUMN volunteer_no UBIGINT;
UPDATE volunteer_hours SET volunteer_no = CAST('0x' || volunteer_key[1:16] AS UBIGINT);
ALTER TABLE volunteer_hours ALTER COLUMN volunteer_no SET NOT NULL;
