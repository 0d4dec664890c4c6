-- Schema 3 -> 4: the volunteer is stored as volunteer_no only (the first 64 bits of the HMAC, see
-- pipelines/pseudonym.py); the 64-character hexadecimal HMAC took more room and time than the rest of the row.
ALTER TABLE volunteer_hours DROP COLUMN volunteer_key;
