-- Schema 6 -> 7: each load keeps its file's own header of every column it read, so that the refused rows
-- can name a column as the file does («Ώρες», not hours). Older loads have none, and keep the canonical names.
ALTER TABLE loads ADD COLUMN headers JSON;
