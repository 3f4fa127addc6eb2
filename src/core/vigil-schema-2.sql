-- Vigil schema, migration 2.
--
-- Schema 1 has landed; databases made with it must keep every record.
-- This migration only adds: indexes, columns with defaults, new tables.
-- It runs in one transaction together with the user_version bump
-- (see migrate() in vigil-store.c), so a failure leaves version 1 intact.
-- Each feature keeps its statements under its own heading.

-- Incident board

-- Incident record
-- The shared-value lookup names these indexes (INDEXED BY); databases made
-- by an early schema 1 lack them.
CREATE INDEX IF NOT EXISTS alerts_src_addr ON alerts(src_addr);
CREATE INDEX IF NOT EXISTS alerts_dst_addr ON alerts(dst_addr);

-- Organization

-- Inventory and documents

-- Alert intake
-- An alert group's first event, out of the alerts row: an import rewrites a
-- group's row (count, last seen) once per batch, and without the raw event
-- the row is a quarter of the size, so a batch rewrites fewer pages.
-- Rows imported before this table keep alerts.raw; readers take either.
CREATE TABLE alert_raw (
  alert_id  INTEGER PRIMARY KEY REFERENCES alerts(id) ON DELETE CASCADE,
  raw       TEXT NOT NULL
);

-- Overview and reports

SELECT 1;
