-- How the logger's file was read (delimiter, header row, time column and format, temperature column, °F, decimal
-- comma), so the next file of the same storage unit is read the same way without typing it again. Null for files
-- imported before it was kept.
alter table storage_logger_import add column layout jsonb;
