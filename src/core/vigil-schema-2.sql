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
-- The assets' search indexes, lighter to write (an import of 20,000 assets
-- spent most of its time in them): assets_fts reads its text from the assets
-- table instead of keeping a copy (external content; snippet() and
-- highlight() read it there), and neither keeps prefix indexes (a prefix
-- query scans the matching terms, 1–4 ms on 20,000 assets).  Same tables,
-- columns and tokenizer, so every query stays as it was; the triggers keep
-- them in step as before (schema 1's insert triggers serve unchanged).  assets_meta_fts keeps its own copy (the names of
-- teams and people in it change without the asset row changing) and schema
-- 1's triggers, which name it, but no column sizes: it is only asked which
-- assets match, never ranked.
DROP TRIGGER IF EXISTS assets_fts_update;
DROP TRIGGER IF EXISTS assets_fts_delete;
DROP TABLE IF EXISTS assets_fts;
DROP TABLE IF EXISTS assets_meta_fts;
CREATE VIRTUAL TABLE assets_fts USING fts5(
  name, hostname, addresses, description,
  content = 'assets', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER assets_fts_update AFTER UPDATE OF name, hostname, addresses, description ON assets
BEGIN
  INSERT INTO assets_fts (assets_fts, rowid, name, hostname, addresses, description)
  VALUES ('delete', old.id, old.name, old.hostname, old.addresses, old.description);
  INSERT INTO assets_fts (rowid, name, hostname, addresses, description)
  VALUES (new.id, new.name, new.hostname, new.addresses, new.description);
END;
CREATE TRIGGER assets_fts_delete AFTER DELETE ON assets BEGIN
  INSERT INTO assets_fts (assets_fts, rowid, name, hostname, addresses, description)
  VALUES ('delete', old.id, old.name, old.hostname, old.addresses, old.description);
END;
INSERT INTO assets_fts (assets_fts) VALUES ('rebuild');

CREATE VIRTUAL TABLE assets_meta_fts USING fts5(
  kind, location, environment, status, criticality, owner_team, tech_contact, business_owner,
  columnsize = 0, tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO assets_meta_fts (rowid, kind, location, environment, status, criticality,
                             owner_team, tech_contact, business_owner)
  SELECT a.id, a.kind, a.location, a.environment, a.status, a.criticality,
         t.name, p.name, b.name
  FROM assets a
  LEFT JOIN teams t ON t.id = a.owner_team_id
  LEFT JOIN people p ON p.id = a.tech_contact_id
  LEFT JOIN people b ON b.id = a.business_owner_id
  ORDER BY a.id;

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
-- An import touches a group's last_seen once per batch; with last_seen in
-- two indexes each touch moved the row in both.  No query orders or filters
-- alerts by last_seen alone any more (the page uses triage_rank), so the
-- time leaves both indexes.
DROP INDEX IF EXISTS alerts_last_seen;
DROP INDEX IF EXISTS alerts_status;
CREATE INDEX alerts_status ON alerts(status, severity);

-- Overview and reports

SELECT 1;
