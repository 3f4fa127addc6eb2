-- Vigil schema, migration 2.
--
-- Schema 1 has landed; databases made with it must keep every record.
-- This migration only adds: indexes, columns with defaults, new tables.
-- It runs in one transaction together with the user_version bump
-- (see migrate() in vigil-store.c), so a failure leaves version 1 intact.
-- Each feature keeps its statements under its own heading.

-- Incident board

-- Incident record

-- Organization

-- Inventory and documents

-- Alert intake

-- Overview and reports

SELECT 1;
