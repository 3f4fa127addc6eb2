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
-- The alerts page's order, severity × asset criticality (4 × 4 … 1 × 1; no
-- asset counts as medium), kept on the row so that the first rows of
-- 200,000 come from an index instead of a sort of all of them.  The import
-- writes it; the triggers keep it for every other writer and for changes.
ALTER TABLE alerts ADD COLUMN triage_rank INTEGER NOT NULL DEFAULT 0;
UPDATE alerts SET triage_rank =
  (CASE severity WHEN 'critical' THEN 4 WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END) *
  coalesce((SELECT CASE criticality WHEN 'critical' THEN 4 WHEN 'high' THEN 3
                   WHEN 'medium' THEN 2 WHEN 'low' THEN 1 END
            FROM assets WHERE assets.id = alerts.asset_id), 2);
CREATE INDEX alerts_triage ON alerts(status, triage_rank);
CREATE INDEX alerts_triage_all ON alerts(triage_rank);
CREATE TRIGGER alerts_triage_insert AFTER INSERT ON alerts WHEN new.triage_rank = 0 BEGIN
  UPDATE alerts SET triage_rank =
    (CASE new.severity WHEN 'critical' THEN 4 WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END) *
    coalesce((SELECT CASE criticality WHEN 'critical' THEN 4 WHEN 'high' THEN 3
                     WHEN 'medium' THEN 2 WHEN 'low' THEN 1 END
              FROM assets WHERE assets.id = new.asset_id), 2)
  WHERE id = new.id;
END;
CREATE TRIGGER alerts_triage_update AFTER UPDATE OF severity, asset_id ON alerts BEGIN
  UPDATE alerts SET triage_rank =
    (CASE new.severity WHEN 'critical' THEN 4 WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END) *
    coalesce((SELECT CASE criticality WHEN 'critical' THEN 4 WHEN 'high' THEN 3
                     WHEN 'medium' THEN 2 WHEN 'low' THEN 1 END
              FROM assets WHERE assets.id = new.asset_id), 2)
  WHERE id = new.id;
END;
CREATE TRIGGER assets_triage_criticality AFTER UPDATE OF criticality ON assets BEGIN
  UPDATE alerts SET triage_rank =
    (CASE severity WHEN 'critical' THEN 4 WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END) *
    (CASE new.criticality WHEN 'critical' THEN 4 WHEN 'high' THEN 3 WHEN 'medium' THEN 2
     ELSE 1 END)
  WHERE asset_id = new.id;
END;

-- Overview and reports

SELECT 1;
