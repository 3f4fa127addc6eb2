-- vigil-schema-1.sql — Vigil database schema, version 1
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Times are ISO 8601 text in UTC ("2026-11-30T12:00:00Z") so they sort and
-- compare as text and read the same in sqlite3, PostgreSQL and JSON.
-- Vocabulary keys (stages, severities, …) are the ones in DESIGN.md, checked
-- here so no code path can store anything else.

CREATE TABLE teams (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
  kind        TEXT NOT NULL DEFAULT 'business'
              CHECK (kind IN ('security', 'it', 'business', 'external')),
  parent_id   INTEGER REFERENCES teams(id) ON DELETE SET NULL,
  lead_id     INTEGER REFERENCES people(id) ON DELETE SET NULL,
  email       TEXT,
  phone       TEXT,
  description TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE INDEX teams_parent ON teams(parent_id);

CREATE TABLE people (
  id           INTEGER PRIMARY KEY,
  employee_id  TEXT UNIQUE,
  name         TEXT NOT NULL CHECK (length(name) > 0),
  title        TEXT NOT NULL DEFAULT '',
  team_id      INTEGER REFERENCES teams(id) ON DELETE SET NULL,
  -- the reporting line: one manager per person
  manager_id   INTEGER REFERENCES people(id) ON DELETE SET NULL
               CHECK (manager_id IS NULL OR manager_id <> id),
  email        TEXT UNIQUE COLLATE NOCASE,
  phone        TEXT,
  mobile       TEXT,
  location     TEXT,
  on_call      INTEGER NOT NULL DEFAULT 0 CHECK (on_call IN (0, 1)),
  active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);
CREATE INDEX people_team ON people(team_id);
CREATE INDEX people_manager ON people(manager_id);

-- roles such as ciso, cio, soc-l1, soc-l2, soc-l3, csirt, it-ops, dpo
CREATE TABLE person_roles (
  person_id  INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  role       TEXT NOT NULL CHECK (length(role) > 0),
  PRIMARY KEY (person_id, role)
) WITHOUT ROWID;
CREATE INDEX person_roles_role ON person_roles(role);

CREATE TABLE assets (
  id                 INTEGER PRIMARY KEY,
  name               TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
  kind               TEXT NOT NULL DEFAULT 'server',
  hostname           TEXT,
  addresses          TEXT NOT NULL DEFAULT '',  -- space-separated IPs / CIDRs
  owner_team_id      INTEGER REFERENCES teams(id) ON DELETE SET NULL,
  tech_contact_id    INTEGER REFERENCES people(id) ON DELETE SET NULL,
  business_owner_id  INTEGER REFERENCES people(id) ON DELETE SET NULL,
  criticality        TEXT NOT NULL DEFAULT 'medium'
                     CHECK (criticality IN ('low', 'medium', 'high', 'critical')),
  environment        TEXT NOT NULL DEFAULT 'production',
  location           TEXT NOT NULL DEFAULT '',
  status             TEXT NOT NULL DEFAULT 'active',
  description        TEXT NOT NULL DEFAULT '',
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL
);
CREATE INDEX assets_owner_team ON assets(owner_team_id);
CREATE INDEX assets_tech_contact ON assets(tech_contact_id);
CREATE INDEX assets_business_owner ON assets(business_owner_id);
CREATE INDEX assets_hostname ON assets(hostname COLLATE NOCASE);
-- overview: where incidents hit, without reading the assets' rows (vigil-store-metrics.c)
CREATE INDEX assets_overview ON assets(id, criticality, owner_team_id, business_owner_id);

-- one row per address, so alerts link to assets by an index lookup
CREATE TABLE asset_addresses (
  asset_id  INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
  address   TEXT NOT NULL,
  PRIMARY KEY (address, asset_id)
) WITHOUT ROWID;
CREATE INDEX asset_addresses_asset ON asset_addresses(asset_id);

CREATE TABLE asset_dependencies (
  from_id  INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
  to_id    INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
  kind     TEXT NOT NULL DEFAULT 'depends-on'
           CHECK (kind IN ('depends-on', 'hosted-on', 'connects-to')),
  note     TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (from_id, to_id, kind),
  CHECK (from_id <> to_id)
) WITHOUT ROWID;
CREATE INDEX asset_dependencies_to ON asset_dependencies(to_id);

CREATE TABLE incidents (
  id               INTEGER PRIMARY KEY,
  ref              TEXT NOT NULL UNIQUE CHECK (ref GLOB 'INC-[0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]*'),
  title            TEXT NOT NULL CHECK (length(title) > 0),
  description      TEXT NOT NULL DEFAULT '',
  stage            TEXT NOT NULL DEFAULT 'classification'
                   CHECK (stage IN ('classification', 'investigation', 'containment',
                                    'resolution', 'closed')),
  severity         TEXT CHECK (severity IN ('low', 'medium', 'high', 'critical')),
  impact           INTEGER CHECK (impact BETWEEN 1 AND 3),   -- 1 high … 3 low
  urgency          INTEGER CHECK (urgency BETWEEN 1 AND 3),  -- 1 high … 3 low
  priority         INTEGER CHECK (priority BETWEEN 1 AND 4), -- P1 … P4
  category         TEXT CHECK (category IN ('abusive-content', 'malicious-code',
                     'information-gathering', 'intrusion-attempts', 'intrusions',
                     'availability', 'information-content-security', 'fraud',
                     'vulnerable', 'other')),
  tlp              TEXT NOT NULL DEFAULT 'amber'
                   CHECK (tlp IN ('clear', 'green', 'amber', 'amber+strict', 'red')),
  pap              TEXT NOT NULL DEFAULT 'amber'
                   CHECK (pap IN ('clear', 'green', 'amber', 'red')),
  tier             TEXT NOT NULL DEFAULT 'l1' CHECK (tier IN ('l1', 'l2', 'l3', 'csirt')),
  assignee_id      INTEGER REFERENCES people(id) ON DELETE SET NULL,
  owner_team_id    INTEGER REFERENCES teams(id) ON DELETE SET NULL,
  occurred_at      TEXT,
  detected_at      TEXT,
  acknowledged_at  TEXT,
  contained_at     TEXT,
  resolved_at      TEXT,
  closed_at        TEXT,
  due_at           TEXT,  -- response due time
  resolution       TEXT CHECK (resolution IN ('true-positive', 'false-positive', 'benign',
                                              'duplicate')),
  impact_status    TEXT NOT NULL DEFAULT 'unknown'
                   CHECK (impact_status IN ('unknown', 'no-impact', 'with-impact',
                                            'not-applicable')),
  summary          TEXT NOT NULL DEFAULT '',  -- closure summary
  lessons          TEXT NOT NULL DEFAULT '',  -- lessons learned
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  CHECK (stage <> 'closed' OR (resolution IS NOT NULL AND length(summary) > 0))
);
CREATE INDEX incidents_stage ON incidents(stage, severity, updated_at);
CREATE INDEX incidents_closed ON incidents(stage, closed_at);
CREATE INDEX incidents_detected ON incidents(detected_at);
CREATE INDEX incidents_assignee ON incidents(assignee_id);
CREATE INDEX incidents_owner_team ON incidents(owner_team_id);
-- overview: the workload of open incidents by tier and analyst, and a period's
-- figures (vigil-store-metrics.c), each read from the index alone
CREATE INDEX incidents_workload ON incidents(stage, tier, assignee_id);
CREATE INDEX incidents_period ON incidents(detected_at, severity, stage, resolution, category,
                                           occurred_at, acknowledged_at, contained_at, resolved_at);

CREATE TABLE stage_history (
  id           INTEGER PRIMARY KEY,
  incident_id  INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  from_stage   TEXT,
  to_stage     TEXT NOT NULL,
  actor        TEXT NOT NULL,
  at           TEXT NOT NULL,
  reason       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX stage_history_incident ON stage_history(incident_id, at);

-- Append-only: no code path updates or deletes a row (triggers below).
CREATE TABLE timeline (
  id           INTEGER PRIMARY KEY,
  incident_id  INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  at           TEXT NOT NULL,   -- when it happened (event time)
  recorded_at  TEXT NOT NULL,   -- when it was written
  actor        TEXT NOT NULL,
  kind         TEXT NOT NULL,   -- created, stage, field, escalation, note, action, …
  summary      TEXT NOT NULL,
  field        TEXT,
  before       TEXT,
  after        TEXT
);
CREATE INDEX timeline_incident ON timeline(incident_id, at);
CREATE TRIGGER timeline_no_update BEFORE UPDATE ON timeline
BEGIN SELECT RAISE(ABORT, 'the timeline is append-only'); END;

CREATE TABLE incident_assets (
  incident_id  INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  asset_id     INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
  status       TEXT NOT NULL DEFAULT 'tbd'
               CHECK (status IN ('tbd', 'compromised', 'not-compromised', 'unknown')),
  note         TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (incident_id, asset_id)
) WITHOUT ROWID;
CREATE INDEX incident_assets_asset ON incident_assets(asset_id);

CREATE TABLE actions (
  id              INTEGER PRIMARY KEY,
  incident_id     INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  kind            TEXT NOT NULL DEFAULT 'task' CHECK (kind IN ('task', 'countermeasure')),
  title           TEXT NOT NULL CHECK (length(title) > 0),
  description     TEXT NOT NULL DEFAULT '',
  stage           TEXT CHECK (stage IN ('classification', 'investigation', 'containment',
                                        'resolution', 'closed')),
  owner_team_id   INTEGER REFERENCES teams(id) ON DELETE SET NULL,
  owner_id        INTEGER REFERENCES people(id) ON DELETE SET NULL,
  due_at          TEXT,
  -- tasks: todo, in-progress, done, cancelled; countermeasures: pending, active, removed
  status          TEXT NOT NULL DEFAULT 'todo'
                  CHECK ((kind = 'task' AND status IN ('todo', 'in-progress', 'done', 'cancelled'))
                      OR (kind = 'countermeasure' AND status IN ('pending', 'active', 'removed'))),
  cm_type         TEXT CHECK (cm_type IN ('block', 'isolation', 'password-reset',
                                          'monitoring', 'other')),
  applied_to      TEXT NOT NULL DEFAULT '',  -- where a countermeasure is applied
  applied_by      TEXT NOT NULL DEFAULT '',
  playbook        TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  done_at         TEXT
);
CREATE INDEX actions_incident ON actions(incident_id, kind, status);
CREATE INDEX actions_open ON actions(kind, status);

-- the contact log: who was contacted, when, how, and who must be contacted again
CREATE TABLE contacts (
  id              INTEGER PRIMARY KEY,
  incident_id     INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  person_id       INTEGER REFERENCES people(id) ON DELETE SET NULL,
  team_id         INTEGER REFERENCES teams(id) ON DELETE SET NULL,
  channel         TEXT NOT NULL CHECK (channel IN ('phone', 'email', 'chat', 'meeting', 'other')),
  direction       TEXT NOT NULL DEFAULT 'outbound' CHECK (direction IN ('outbound', 'inbound')),
  at              TEXT NOT NULL,
  summary         TEXT NOT NULL DEFAULT '',
  follow_up_at    TEXT,            -- contact again by
  follow_up_done  INTEGER NOT NULL DEFAULT 0 CHECK (follow_up_done IN (0, 1)),
  actor           TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  CHECK (person_id IS NOT NULL OR team_id IS NOT NULL)
);
CREATE INDEX contacts_incident ON contacts(incident_id, at);
CREATE INDEX contacts_follow_up ON contacts(follow_up_done, follow_up_at);

CREATE TABLE observables (
  id           INTEGER PRIMARY KEY,
  incident_id  INTEGER REFERENCES incidents(id) ON DELETE CASCADE,
  alert_id     INTEGER REFERENCES alerts(id) ON DELETE CASCADE,
  type         TEXT NOT NULL CHECK (type IN ('ip', 'domain', 'url', 'md5', 'sha1', 'sha256',
                 'email', 'account', 'hostname', 'filename', 'registry', 'other')),
  value        TEXT NOT NULL CHECK (length(value) > 0),
  ioc          INTEGER NOT NULL DEFAULT 0 CHECK (ioc IN (0, 1)),
  tlp          TEXT NOT NULL DEFAULT 'amber'
               CHECK (tlp IN ('clear', 'green', 'amber', 'amber+strict', 'red')),
  note         TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL,
  CHECK (incident_id IS NOT NULL OR alert_id IS NOT NULL)
);
CREATE INDEX observables_value ON observables(type, value);
CREATE INDEX observables_incident ON observables(incident_id);
CREATE INDEX observables_alert ON observables(alert_id);

-- deduplicated alert groups: one row per dedup key, with a count of repeats
CREATE TABLE alerts (
  id            INTEGER PRIMARY KEY,
  source        TEXT NOT NULL,            -- suricata, wazuh, thehive, iris, misp, zeek, csv, …
  source_ref    TEXT,
  type          TEXT NOT NULL DEFAULT '',
  dedup_key     TEXT NOT NULL UNIQUE,
  title         TEXT NOT NULL,
  description   TEXT NOT NULL DEFAULT '',
  rule          TEXT NOT NULL DEFAULT '',  -- rule or signature
  severity      TEXT NOT NULL DEFAULT 'medium'
                CHECK (severity IN ('low', 'medium', 'high', 'critical')),
  src_addr      TEXT,
  src_port      INTEGER,
  dst_addr      TEXT,
  dst_port      INTEGER,
  proto         TEXT,
  hostname      TEXT,
  status        TEXT NOT NULL DEFAULT 'new'
                CHECK (status IN ('new', 'promoted', 'merged', 'dismissed', 'suppressed')),
  dismiss_reason TEXT CHECK (dismiss_reason IN ('false-positive', 'benign', 'duplicate')),
  incident_id   INTEGER REFERENCES incidents(id) ON DELETE SET NULL,
  asset_id      INTEGER REFERENCES assets(id) ON DELETE SET NULL,
  count         INTEGER NOT NULL DEFAULT 1 CHECK (count >= 1),
  first_seen    TEXT NOT NULL,
  last_seen     TEXT NOT NULL,
  raw           TEXT,                     -- the first event as received
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
CREATE INDEX alerts_status ON alerts(status, severity, last_seen);
CREATE INDEX alerts_incident ON alerts(incident_id);
CREATE INDEX alerts_asset ON alerts(asset_id);
CREATE INDEX alerts_last_seen ON alerts(last_seen);
-- incident record: an alert's addresses are its implicit ip observables, so
-- the shared-value lookup searches them by index too
CREATE INDEX alerts_src_addr ON alerts(src_addr);
CREATE INDEX alerts_dst_addr ON alerts(dst_addr);

CREATE TABLE suppression_rules (
  id          INTEGER PRIMARY KEY,
  source      TEXT,
  rule        TEXT NOT NULL,
  asset_id    INTEGER REFERENCES assets(id) ON DELETE CASCADE,
  reason      TEXT NOT NULL DEFAULT '',
  expires_at  TEXT,
  actor       TEXT NOT NULL,
  created_at  TEXT NOT NULL
);

CREATE TABLE auto_promotion_rules (
  id               INTEGER PRIMARY KEY,
  name             TEXT NOT NULL,
  min_severity     TEXT NOT NULL CHECK (min_severity IN ('low', 'medium', 'high', 'critical')),
  min_criticality  TEXT CHECK (min_criticality IN ('low', 'medium', 'high', 'critical')),
  source           TEXT,
  enabled          INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  created_at       TEXT NOT NULL
);

CREATE TABLE detection_requests (
  id           INTEGER PRIMARY KEY,
  incident_id  INTEGER REFERENCES incidents(id) ON DELETE SET NULL,
  alert_id     INTEGER REFERENCES alerts(id) ON DELETE SET NULL,
  team_id      INTEGER REFERENCES teams(id) ON DELETE SET NULL,
  what         TEXT NOT NULL CHECK (length(what) > 0),
  where_       TEXT NOT NULL DEFAULT '',
  why          TEXT NOT NULL DEFAULT '',
  status       TEXT NOT NULL DEFAULT 'requested'
               CHECK (status IN ('requested', 'accepted', 'deployed', 'rejected')),
  actor        TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);
CREATE INDEX detection_requests_status ON detection_requests(status);

CREATE TABLE playbooks (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  category    TEXT,
  description TEXT NOT NULL DEFAULT '',
  steps       TEXT NOT NULL DEFAULT '[]',  -- JSON array of {title, stage, team, kind}
  updated_at  TEXT NOT NULL,
  -- incident record: 1 = applied by itself when an incident gets this
  -- category (created or classified); 0 = applied by hand only
  auto_apply  INTEGER NOT NULL DEFAULT 1 CHECK (auto_apply IN (0, 1))
);
CREATE INDEX playbooks_category ON playbooks(category);

-- Incident record: playbooks pre-fill the actions of an incident when it is
-- created with a category or classified, whatever code path writes the
-- incident.  A playbook is applied once per incident (its actions carry its
-- name); steps name their owner team, matched by name when it exists.
CREATE TRIGGER incidents_playbook_insert AFTER INSERT ON incidents
WHEN new.category IS NOT NULL BEGIN
  INSERT INTO timeline (incident_id, at, recorded_at, actor, kind, summary, field, before, after)
  SELECT new.id, new.created_at, new.created_at, 'playbook', 'playbook',
         'Playbook applied: ' || p.name, 'playbook', NULL, p.name
  FROM playbooks p
  WHERE p.category = new.category AND p.auto_apply = 1 AND json_valid(p.steps)
    AND json_array_length(p.steps) > 0;
  INSERT INTO actions (incident_id, kind, title, description, stage, owner_team_id, status,
                       cm_type, playbook, created_at, updated_at)
  SELECT new.id, coalesce(json_extract(s.value, '$.kind'), 'task'),
         json_extract(s.value, '$.title'), coalesce(json_extract(s.value, '$.description'), ''),
         json_extract(s.value, '$.stage'),
         (SELECT t.id FROM teams t WHERE t.name = json_extract(s.value, '$.team') COLLATE NOCASE),
         CASE json_extract(s.value, '$.kind') WHEN 'countermeasure' THEN 'pending' ELSE 'todo' END,
         CASE json_extract(s.value, '$.kind') WHEN 'countermeasure'
              THEN coalesce(json_extract(s.value, '$.cm_type'), 'other') END,
         p.name, new.created_at, new.created_at
  FROM playbooks p, json_each(p.steps) s
  WHERE p.category = new.category AND p.auto_apply = 1 AND json_valid(p.steps);
END;
CREATE TRIGGER incidents_playbook_classify AFTER UPDATE OF category ON incidents
WHEN new.category IS NOT NULL AND new.category IS NOT old.category BEGIN
  INSERT INTO timeline (incident_id, at, recorded_at, actor, kind, summary, field, before, after)
  SELECT new.id, new.updated_at, new.updated_at, 'playbook', 'playbook',
         'Playbook applied: ' || p.name, 'playbook', NULL, p.name
  FROM playbooks p
  WHERE p.category = new.category AND p.auto_apply = 1 AND json_valid(p.steps)
    AND json_array_length(p.steps) > 0
    AND NOT EXISTS (SELECT 1 FROM actions x WHERE x.incident_id = new.id AND x.playbook = p.name);
  INSERT INTO actions (incident_id, kind, title, description, stage, owner_team_id, status,
                       cm_type, playbook, created_at, updated_at)
  SELECT new.id, coalesce(json_extract(s.value, '$.kind'), 'task'),
         json_extract(s.value, '$.title'), coalesce(json_extract(s.value, '$.description'), ''),
         json_extract(s.value, '$.stage'),
         (SELECT t.id FROM teams t WHERE t.name = json_extract(s.value, '$.team') COLLATE NOCASE),
         CASE json_extract(s.value, '$.kind') WHEN 'countermeasure' THEN 'pending' ELSE 'todo' END,
         CASE json_extract(s.value, '$.kind') WHEN 'countermeasure'
              THEN coalesce(json_extract(s.value, '$.cm_type'), 'other') END,
         p.name, new.updated_at, new.updated_at
  FROM playbooks p, json_each(p.steps) s
  WHERE p.category = new.category AND p.auto_apply = 1 AND json_valid(p.steps)
    AND NOT EXISTS (SELECT 1 FROM actions x WHERE x.incident_id = new.id AND x.playbook = p.name);
END;

CREATE TABLE documents (
  id             INTEGER PRIMARY KEY,
  sha256         TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
  title          TEXT NOT NULL CHECK (length(title) > 0),
  filename       TEXT NOT NULL DEFAULT '',
  media_type     TEXT NOT NULL DEFAULT 'application/octet-stream',
  size           INTEGER NOT NULL DEFAULT 0,
  kind           TEXT NOT NULL DEFAULT 'other'
                 CHECK (kind IN ('architecture', 'network-diagram', 'runbook', 'procedure',
                                 'contract', 'inventory', 'other')),
  version        TEXT NOT NULL DEFAULT '',
  doc_date       TEXT,
  tlp            TEXT NOT NULL DEFAULT 'amber'
                 CHECK (tlp IN ('clear', 'green', 'amber', 'amber+strict', 'red')),
  owner_team_id  INTEGER REFERENCES teams(id) ON DELETE SET NULL,
  previous_id    INTEGER REFERENCES documents(id) ON DELETE SET NULL,  -- older version
  text_status    TEXT NOT NULL DEFAULT 'pending'
                 CHECK (text_status IN ('pending', 'done', 'failed', 'none')),
  text_error     TEXT,
  added_at       TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);
CREATE INDEX documents_owner_team ON documents(owner_team_id);
CREATE INDEX documents_previous ON documents(previous_id);

CREATE TABLE document_links (
  document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  asset_id     INTEGER REFERENCES assets(id) ON DELETE CASCADE,
  team_id      INTEGER REFERENCES teams(id) ON DELETE CASCADE,
  incident_id  INTEGER REFERENCES incidents(id) ON DELETE CASCADE,
  CHECK ((asset_id IS NOT NULL) + (team_id IS NOT NULL) + (incident_id IS NOT NULL) = 1),
  UNIQUE (document_id, asset_id, team_id, incident_id)
);
CREATE INDEX document_links_asset ON document_links(asset_id);
CREATE INDEX document_links_team ON document_links(team_id);
CREATE INDEX document_links_incident ON document_links(incident_id);

-- Full-text search.  Each FTS row's rowid is its record's id.  The tables
-- keep their own copy of the text (FTS5 in SQLite 3.40 cannot delete from a
-- contentless table), kept in step by the triggers below.
CREATE VIRTUAL TABLE incidents_fts USING fts5(
  ref, title, description, observables,
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');

CREATE TRIGGER incidents_fts_insert AFTER INSERT ON incidents BEGIN
  INSERT INTO incidents_fts (rowid, ref, title, description, observables)
  VALUES (new.id, new.ref, new.title, new.description, '');
END;
CREATE TRIGGER incidents_fts_update AFTER UPDATE OF ref, title, description ON incidents BEGIN
  UPDATE incidents_fts SET ref = new.ref, title = new.title, description = new.description
  WHERE rowid = new.id;
END;
CREATE TRIGGER incidents_fts_delete AFTER DELETE ON incidents BEGIN
  DELETE FROM incidents_fts WHERE rowid = old.id;
END;
CREATE TRIGGER observables_fts_insert AFTER INSERT ON observables
WHEN new.incident_id IS NOT NULL BEGIN
  UPDATE incidents_fts
  SET observables = (SELECT group_concat(value, ' ') FROM observables
                     WHERE incident_id = new.incident_id)
  WHERE rowid = new.incident_id;
END;
CREATE TRIGGER observables_fts_delete AFTER DELETE ON observables
WHEN old.incident_id IS NOT NULL BEGIN
  UPDATE incidents_fts
  SET observables = coalesce((SELECT group_concat(value, ' ') FROM observables
                              WHERE incident_id = old.incident_id), '')
  WHERE rowid = old.incident_id;
END;

CREATE VIRTUAL TABLE people_fts USING fts5(
  employee_id, name, title, email,
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
CREATE TRIGGER people_fts_insert AFTER INSERT ON people BEGIN
  INSERT INTO people_fts (rowid, employee_id, name, title, email)
  VALUES (new.id, new.employee_id, new.name, new.title, new.email);
END;
CREATE TRIGGER people_fts_update AFTER UPDATE OF employee_id, name, title, email ON people BEGIN
  UPDATE people_fts SET employee_id = new.employee_id, name = new.name, title = new.title,
                        email = new.email
  WHERE rowid = new.id;
END;
CREATE TRIGGER people_fts_delete AFTER DELETE ON people BEGIN
  DELETE FROM people_fts WHERE rowid = old.id;
END;

CREATE VIRTUAL TABLE assets_fts USING fts5(
  name, hostname, addresses, description,
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
CREATE TRIGGER assets_fts_insert AFTER INSERT ON assets BEGIN
  INSERT INTO assets_fts (rowid, name, hostname, addresses, description)
  VALUES (new.id, new.name, new.hostname, new.addresses, new.description);
END;
CREATE TRIGGER assets_fts_update AFTER UPDATE OF name, hostname, addresses, description ON assets
BEGIN
  UPDATE assets_fts SET name = new.name, hostname = new.hostname, addresses = new.addresses,
                        description = new.description
  WHERE rowid = new.id;
END;
CREATE TRIGGER assets_fts_delete AFTER DELETE ON assets BEGIN
  DELETE FROM assets_fts WHERE rowid = old.id;
END;

-- Inventory (added for the asset filter): the words of an asset that are not
-- its own text — kind, place, state and the names of its owner team and
-- contacts — so that a filter keystroke over 20,000 assets is two FTS
-- lookups instead of LIKE on every row.  Kept in step by the triggers below,
-- including when a team or a person is renamed.  Rowid = asset id.
CREATE VIRTUAL TABLE assets_meta_fts USING fts5(
  kind, location, environment, status, criticality, owner_team, tech_contact, business_owner,
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
CREATE TRIGGER assets_meta_fts_insert AFTER INSERT ON assets BEGIN
  INSERT INTO assets_meta_fts (rowid, kind, location, environment, status, criticality,
                               owner_team, tech_contact, business_owner)
  VALUES (new.id, new.kind, new.location, new.environment, new.status, new.criticality,
          (SELECT name FROM teams WHERE id = new.owner_team_id),
          (SELECT name FROM people WHERE id = new.tech_contact_id),
          (SELECT name FROM people WHERE id = new.business_owner_id));
END;
CREATE TRIGGER assets_meta_fts_update AFTER UPDATE OF kind, location, environment, status,
  criticality, owner_team_id, tech_contact_id, business_owner_id ON assets BEGIN
  UPDATE assets_meta_fts SET kind = new.kind, location = new.location,
    environment = new.environment, status = new.status, criticality = new.criticality,
    owner_team = (SELECT name FROM teams WHERE id = new.owner_team_id),
    tech_contact = (SELECT name FROM people WHERE id = new.tech_contact_id),
    business_owner = (SELECT name FROM people WHERE id = new.business_owner_id)
  WHERE rowid = new.id;
END;
CREATE TRIGGER assets_meta_fts_delete AFTER DELETE ON assets BEGIN
  DELETE FROM assets_meta_fts WHERE rowid = old.id;
END;
CREATE TRIGGER assets_meta_fts_team AFTER UPDATE OF name ON teams BEGIN
  UPDATE assets_meta_fts SET owner_team = new.name
  WHERE rowid IN (SELECT id FROM assets WHERE owner_team_id = new.id);
END;
CREATE TRIGGER assets_meta_fts_person AFTER UPDATE OF name ON people BEGIN
  UPDATE assets_meta_fts SET tech_contact = new.name
  WHERE rowid IN (SELECT id FROM assets WHERE tech_contact_id = new.id);
  UPDATE assets_meta_fts SET business_owner = new.name
  WHERE rowid IN (SELECT id FROM assets WHERE business_owner_id = new.id);
END;
-- Inventory: the asset list sorts by name without case, in this index's order.
CREATE INDEX assets_name_nocase ON assets(name COLLATE NOCASE);

-- documents: title and file name at insert; the extracted body is written by
-- the text extractor (UPDATE documents_fts SET body = … WHERE rowid = id).
CREATE VIRTUAL TABLE documents_fts USING fts5(
  title, filename, body,
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts (rowid, title, filename, body)
  VALUES (new.id, new.title, new.filename, '');
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, filename ON documents BEGIN
  UPDATE documents_fts SET title = new.title, filename = new.filename WHERE rowid = new.id;
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
  DELETE FROM documents_fts WHERE rowid = old.id;
END;

-- per-year counters for INC-YYYY-NNNN references
CREATE TABLE ref_counters (
  year  INTEGER PRIMARY KEY,
  last  INTEGER NOT NULL
);

-- small key/value settings that belong to the database, not to one desk
CREATE TABLE meta (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
) WITHOUT ROWID;
