/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-store-migrations"

#include "config.h"

#include <glib/gi18n.h>

#include "awd-store-private.h"

/* The schema, as an ordered list of migrations keyed by PRAGMA user_version:
 * migration i takes a file from version i to i + 1 inside one transaction.
 * Never edit a migration that has shipped; append a new one. */

/* Tables of round content whose rows must not change once the round is final.
 * Each gets BEFORE INSERT/UPDATE/DELETE triggers (see below). */
#define FINAL_GUARD(table, round_expr_new, round_expr_old) \
  "CREATE TRIGGER " table "_final_insert BEFORE INSERT ON " table " " \
  "WHEN (SELECT status FROM round WHERE id = " round_expr_new ") = 'final' " \
  "BEGIN SELECT RAISE(ABORT, 'round is final'); END;\n" \
  "CREATE TRIGGER " table "_final_update BEFORE UPDATE ON " table " " \
  "WHEN (SELECT status FROM round WHERE id = " round_expr_old ") = 'final' " \
  "BEGIN SELECT RAISE(ABORT, 'round is final'); END;\n" \
  "CREATE TRIGGER " table "_final_delete BEFORE DELETE ON " table " " \
  "WHEN (SELECT status FROM round WHERE id = " round_expr_old ") = 'final' " \
  "BEGIN SELECT RAISE(ABORT, 'round is final'); END;\n"

static const char schema_v1[] =
  "CREATE TABLE round (\n"
  "  id            INTEGER PRIMARY KEY AUTOINCREMENT,\n" /* ids only grow */
  "  award         TEXT NOT NULL CHECK (length(award) > 0),\n"
  "  number        INTEGER NOT NULL CHECK (number > 0),\n"
  "  year          INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2999),\n"
  "  title         TEXT NOT NULL CHECK (length(title) > 0),\n"
  "  status        TEXT NOT NULL DEFAULT 'draft'\n"
  "                CHECK (status IN ('draft', 'nominating', 'scoring', 'final')),\n"
  "  scale_min     REAL NOT NULL DEFAULT 0,\n"
  "  scale_max     REAL NOT NULL DEFAULT 10,\n"
  "  scale_step    REAL NOT NULL DEFAULT 1 CHECK (scale_step > 0),\n"
  "  method        TEXT NOT NULL DEFAULT 'mean'\n"
  "                CHECK (method IN ('mean', 'median', 'trimmed', 'zscore')),\n"
  "  trim          INTEGER NOT NULL DEFAULT 1 CHECK (trim >= 0),\n"
  "  tie_break     TEXT NOT NULL DEFAULT 'none' CHECK (tie_break IN ('none', 'criteria')),\n"
  "  quorum        INTEGER NOT NULL DEFAULT 1 CHECK (quorum >= 1),\n"
  /* Set when the round is finalized: the frozen results live in `result`. */
  "  results_method   TEXT CHECK (results_method IN ('mean', 'median', 'trimmed', 'zscore')),\n"
  "  results_checksum TEXT CHECK (results_checksum GLOB '[0-9a-f]*' AND length(results_checksum) = 64),\n"
  "  finalized_at  TEXT,\n"
  "  CHECK (scale_max > scale_min),\n"
  "  CHECK ((status = 'final') = (results_checksum IS NOT NULL))\n"
  ");\n"

  "CREATE TABLE category (\n"
  "  id        INTEGER PRIMARY KEY,\n"
  "  round_id  INTEGER NOT NULL REFERENCES round (id) ON DELETE CASCADE,\n"
  "  position  INTEGER NOT NULL,\n"
  "  name      TEXT NOT NULL CHECK (length(name) > 0),\n"
  "  kind      TEXT NOT NULL DEFAULT 'jury' CHECK (kind IN ('jury', 'vote', 'direct')),\n"
  "  winner_id INTEGER REFERENCES nomination (id) ON DELETE SET NULL,\n"
  "  UNIQUE (round_id, name),\n"
  "  UNIQUE (id, round_id)\n"
  ");\n"

  "CREATE TABLE criterion (\n"
  "  id          INTEGER PRIMARY KEY,\n"
  "  round_id    INTEGER NOT NULL REFERENCES round (id) ON DELETE CASCADE,\n"
  "  position    INTEGER NOT NULL,\n"
  "  name        TEXT NOT NULL CHECK (length(name) > 0),\n"
  "  description TEXT,\n"
  "  weight      REAL NOT NULL DEFAULT 1 CHECK (weight > 0),\n"
  "  UNIQUE (id, round_id)\n"
  ");\n"
  "CREATE INDEX criterion_round ON criterion (round_id, position);\n"

  /* A juror sits on one round's panel; copying a round's set-up copies them. */
  "CREATE TABLE juror (\n"
  "  id               INTEGER PRIMARY KEY,\n"
  "  round_id         INTEGER NOT NULL REFERENCES round (id) ON DELETE CASCADE,\n"
  "  position         INTEGER NOT NULL,\n"
  "  name             TEXT NOT NULL CHECK (length(name) > 0),\n"
  "  affiliation      TEXT,\n"
  "  email            TEXT,\n"
  "  chair            INTEGER NOT NULL DEFAULT 0 CHECK (chair IN (0, 1)),\n"
  "  withdrawn        INTEGER NOT NULL DEFAULT 0 CHECK (withdrawn IN (0, 1)),\n"
  "  withdrawn_reason TEXT,\n"
  "  submitted        INTEGER NOT NULL DEFAULT 0 CHECK (submitted IN (0, 1)),\n"
  "  UNIQUE (round_id, name),\n"
  "  UNIQUE (id, round_id)\n"
  ");\n"
  "CREATE UNIQUE INDEX juror_one_chair ON juror (round_id) WHERE chair = 1;\n"

  "CREATE TABLE nomination (\n"
  "  id            INTEGER PRIMARY KEY,\n"
  "  round_id      INTEGER NOT NULL REFERENCES round (id) ON DELETE CASCADE,\n"
  "  category_id   INTEGER,\n"
  "  ref           TEXT NOT NULL CHECK (length(ref) > 0),\n"
  "  title         TEXT NOT NULL CHECK (length(title) > 0),\n"
  "  title_en      TEXT,\n"
  "  institution   TEXT,\n"
  "  city          TEXT,\n"
  "  region        TEXT,\n"
  "  country       TEXT CHECK (country IS NULL OR (length(country) = 2 AND country GLOB '[A-Z][A-Z]')),\n"
  "  period_start  TEXT CHECK (period_start IS NULL OR date(period_start) = period_start),\n"
  "  period_end    TEXT CHECK (period_end IS NULL OR date(period_end) = period_end),\n"
  "  summary       TEXT,\n"
  "  contact_name  TEXT,\n"
  "  contact_email TEXT,\n"
  "  contact_phone TEXT,\n"
  "  url           TEXT,\n"
  "  received      TEXT CHECK (received IS NULL OR date(received) = received),\n"
  "  status        TEXT NOT NULL DEFAULT 'received'\n"
  "                CHECK (status IN ('received', 'eligible', 'ineligible', 'withdrawn')),\n"
  "  status_reason TEXT,\n"
  /* The folded copy of the searchable fields (NFKC, casefold, ё→е), indexed
   * by nomination_fts; written by the store, never by hand. */
  "  search_text   TEXT NOT NULL DEFAULT '',\n"
  "  UNIQUE (round_id, ref),\n"
  "  UNIQUE (id, round_id),\n"
  "  FOREIGN KEY (category_id, round_id) REFERENCES category (id, round_id),\n"
  "  CHECK (period_start IS NULL OR period_end IS NULL OR period_start <= period_end)\n"
  ");\n"
  "CREATE INDEX nomination_category ON nomination (category_id);\n"
  "CREATE INDEX nomination_round_status ON nomination (round_id, status);\n"

  "CREATE VIRTUAL TABLE nomination_fts USING fts5 (\n"
  "  search_text, content = 'nomination', content_rowid = 'id',\n"
  "  tokenize = 'unicode61 remove_diacritics 0'\n"
  ");\n"
  "CREATE TRIGGER nomination_fts_insert AFTER INSERT ON nomination BEGIN\n"
  "  INSERT INTO nomination_fts (rowid, search_text) VALUES (NEW.id, NEW.search_text);\n"
  "END;\n"
  "CREATE TRIGGER nomination_fts_delete AFTER DELETE ON nomination BEGIN\n"
  "  INSERT INTO nomination_fts (nomination_fts, rowid, search_text)\n"
  "    VALUES ('delete', OLD.id, OLD.search_text);\n"
  "END;\n"
  "CREATE TRIGGER nomination_fts_update AFTER UPDATE OF search_text ON nomination BEGIN\n"
  "  INSERT INTO nomination_fts (nomination_fts, rowid, search_text)\n"
  "    VALUES ('delete', OLD.id, OLD.search_text);\n"
  "  INSERT INTO nomination_fts (rowid, search_text) VALUES (NEW.id, NEW.search_text);\n"
  "END;\n"

  "CREATE TABLE partner (\n"
  "  id            INTEGER PRIMARY KEY,\n"
  "  nomination_id INTEGER NOT NULL REFERENCES nomination (id) ON DELETE CASCADE,\n"
  "  position      INTEGER NOT NULL,\n"
  "  name          TEXT NOT NULL CHECK (length(name) > 0),\n"
  "  country       TEXT CHECK (country IS NULL OR (length(country) = 2 AND country GLOB '[A-Z][A-Z]'))\n"
  ");\n"
  "CREATE INDEX partner_nomination ON partner (nomination_id, position);\n"

  "CREATE TABLE attachment (\n"
  "  id            INTEGER PRIMARY KEY,\n"
  "  nomination_id INTEGER NOT NULL REFERENCES nomination (id) ON DELETE CASCADE,\n"
  "  name          TEXT NOT NULL CHECK (length(name) > 0),\n"
  "  mime_type     TEXT NOT NULL DEFAULT 'application/octet-stream',\n"
  "  size          INTEGER NOT NULL CHECK (size >= 0),\n"
  "  sha256        TEXT NOT NULL CHECK (length(sha256) = 64),\n"
  "  data          BLOB NOT NULL,\n"
  "  CHECK (length(data) = size)\n"
  ");\n"
  "CREATE INDEX attachment_nomination ON attachment (nomination_id);\n"

  /* Conflicts, scores and comments carry round_id so that composite foreign
   * keys prove juror, nomination and criterion belong to the same round. */
  "CREATE TABLE conflict (\n"
  "  round_id      INTEGER NOT NULL,\n"
  "  juror_id      INTEGER NOT NULL,\n"
  "  nomination_id INTEGER NOT NULL,\n"
  "  reason        TEXT,\n"
  "  PRIMARY KEY (juror_id, nomination_id),\n"
  "  FOREIGN KEY (juror_id, round_id) REFERENCES juror (id, round_id) ON DELETE CASCADE,\n"
  "  FOREIGN KEY (nomination_id, round_id) REFERENCES nomination (id, round_id) ON DELETE CASCADE\n"
  ") WITHOUT ROWID;\n"
  "CREATE INDEX conflict_nomination ON conflict (nomination_id);\n"

  "CREATE TABLE score (\n"
  "  round_id      INTEGER NOT NULL,\n"
  "  juror_id      INTEGER NOT NULL,\n"
  "  nomination_id INTEGER NOT NULL,\n"
  "  criterion_id  INTEGER NOT NULL,\n"
  "  value         REAL NOT NULL,\n"
  "  PRIMARY KEY (juror_id, nomination_id, criterion_id),\n"
  "  FOREIGN KEY (juror_id, round_id) REFERENCES juror (id, round_id) ON DELETE CASCADE,\n"
  "  FOREIGN KEY (nomination_id, round_id) REFERENCES nomination (id, round_id) ON DELETE CASCADE,\n"
  "  FOREIGN KEY (criterion_id, round_id) REFERENCES criterion (id, round_id) ON DELETE CASCADE\n"
  ") WITHOUT ROWID;\n"
  /* Every index here costs each of a million imported scores. None on
   * round_id: a round's scores are read through its jurors, each a range
   * of the primary key. score_nomination serves the cascade of a deleted
   * nomination (a round's deletion cascades to thousands). None on
   * criterion_id: a round has a handful of criteria, and the cascade of a
   * deleted one scans the table once (0.1-0.2 s at a million scores). */
  "CREATE INDEX score_nomination ON score (nomination_id);\n"

  "CREATE TABLE comment (\n"
  "  round_id      INTEGER NOT NULL,\n"
  "  juror_id      INTEGER NOT NULL,\n"
  "  nomination_id INTEGER NOT NULL,\n"
  "  text          TEXT NOT NULL,\n"
  "  PRIMARY KEY (juror_id, nomination_id),\n"
  "  FOREIGN KEY (juror_id, round_id) REFERENCES juror (id, round_id) ON DELETE CASCADE,\n"
  "  FOREIGN KEY (nomination_id, round_id) REFERENCES nomination (id, round_id) ON DELETE CASCADE\n"
  ") WITHOUT ROWID;\n"
  "CREATE INDEX comment_nomination ON comment (nomination_id);\n"

  "CREATE TABLE vote (\n"
  "  nomination_id INTEGER PRIMARY KEY REFERENCES nomination (id) ON DELETE CASCADE,\n"
  "  count         INTEGER NOT NULL CHECK (count >= 0)\n"
  ");\n"

  /* Decisions recorded before finalization: award marks and the chair's
   * note on a decided tie. */
  "CREATE TABLE award (\n"
  "  nomination_id INTEGER PRIMARY KEY REFERENCES nomination (id) ON DELETE CASCADE,\n"
  "  mark          TEXT CHECK (mark IN ('laureate', 'diploma')),\n"
  "  note          TEXT\n"
  ");\n"

  /* The frozen ranking of a finalized round. */
  "CREATE TABLE result (\n"
  "  round_id      INTEGER NOT NULL REFERENCES round (id) ON DELETE CASCADE,\n"
  "  nomination_id INTEGER NOT NULL REFERENCES nomination (id) ON DELETE CASCADE,\n"
  "  category_id   INTEGER REFERENCES category (id) ON DELETE CASCADE,\n"
  "  rank          INTEGER NOT NULL CHECK (rank >= 1),\n"
  "  score         REAL NOT NULL,\n"
  "  mark          TEXT CHECK (mark IN ('laureate', 'diploma')),\n"
  "  note          TEXT,\n"
  "  PRIMARY KEY (round_id, nomination_id)\n"
  ") WITHOUT ROWID;\n"

  /* The audit log: append-only, each row chained to the previous by SHA-256
   * over its own fields and the previous row's hash. round_id is a plain
   * integer, not a foreign key: the log outlives deleted rounds. */
  "CREATE TABLE audit (\n"
  "  id        INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  at        TEXT NOT NULL,\n"
  "  operator  TEXT NOT NULL,\n"
  "  round_id  INTEGER,\n"
  "  action    TEXT NOT NULL,\n"
  "  entity    TEXT NOT NULL,\n"
  "  entity_id INTEGER,\n"
  "  before    TEXT,\n"
  "  after     TEXT,\n"
  "  prev_hash TEXT NOT NULL,\n"
  "  hash      TEXT NOT NULL\n"
  ");\n"
  "CREATE INDEX audit_round ON audit (round_id, at);\n"
  "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN\n"
  "  SELECT RAISE(ABORT, 'the audit log is append-only');\n"
  "END;\n"
  "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN\n"
  "  SELECT RAISE(ABORT, 'the audit log is append-only');\n"
  "END;\n"

  /* A finalized round is read-only. The round row itself may change only to
   * leave the final status (reopening); it cannot be deleted while final. */
  "CREATE TRIGGER round_final_update BEFORE UPDATE ON round\n"
  "WHEN OLD.status = 'final' AND NEW.status = 'final' BEGIN\n"
  "  SELECT RAISE(ABORT, 'round is final');\n"
  "END;\n"
  "CREATE TRIGGER round_final_delete BEFORE DELETE ON round\n"
  "WHEN OLD.status = 'final' BEGIN\n"
  "  SELECT RAISE(ABORT, 'round is final');\n"
  "END;\n"
  "CREATE TRIGGER round_final_insert BEFORE INSERT ON round\n"
  "WHEN NEW.status = 'final' BEGIN\n"
  "  SELECT RAISE(ABORT, 'round is final');\n"
  "END;\n"
  FINAL_GUARD ("category", "NEW.round_id", "OLD.round_id")
  FINAL_GUARD ("criterion", "NEW.round_id", "OLD.round_id")
  FINAL_GUARD ("juror", "NEW.round_id", "OLD.round_id")
  FINAL_GUARD ("nomination", "NEW.round_id", "OLD.round_id")
  FINAL_GUARD ("conflict", "NEW.round_id", "OLD.round_id")
  FINAL_GUARD ("score", "NEW.round_id", "OLD.round_id")
  FINAL_GUARD ("comment", "NEW.round_id", "OLD.round_id")
  FINAL_GUARD ("partner", "(SELECT round_id FROM nomination WHERE id = NEW.nomination_id)",
               "(SELECT round_id FROM nomination WHERE id = OLD.nomination_id)")
  FINAL_GUARD ("attachment", "(SELECT round_id FROM nomination WHERE id = NEW.nomination_id)",
               "(SELECT round_id FROM nomination WHERE id = OLD.nomination_id)")
  FINAL_GUARD ("vote", "(SELECT round_id FROM nomination WHERE id = NEW.nomination_id)",
               "(SELECT round_id FROM nomination WHERE id = OLD.nomination_id)")
  FINAL_GUARD ("award", "(SELECT round_id FROM nomination WHERE id = NEW.nomination_id)",
               "(SELECT round_id FROM nomination WHERE id = OLD.nomination_id)")
  FINAL_GUARD ("result", "NEW.round_id", "OLD.round_id")
  ;

static const char * const migrations[] = {
  schema_v1,
};

int
awd_store_latest_schema_version (void)
{
  return G_N_ELEMENTS (migrations);
}

static gboolean
run_migration (AwdStore    *self,
               int          to_version,
               GError     **error)
{
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", to_version);

  if (!awd_store_begin (self, error))
    return FALSE;

  if (!awd_store_exec (self, migrations[to_version - 1], error) ||
      !awd_store_exec (self, "PRAGMA application_id = 1096238129", error) /* 0x41574431 */ ||
      !awd_store_exec (self, set_version, error) ||
      !awd_store_audit (self, 0, "migrate", "schema", to_version, NULL, set_version + 7, error))
    {
      awd_store_rollback (self);
      g_prefix_error (error, _("Could not upgrade the database to schema %d: "), to_version);
      return FALSE;
    }

  return awd_store_commit (self, error);
}

/* Brings the file up to the latest schema. Existing data is copied aside
 * with the backup API first (a "migrate" snapshot in the backups folder,
 * see awd-store-backups.h), so a failed or faulty migration loses nothing. */
gboolean
awd_store_migrate (AwdStore  *self,
                   GError   **error)
{
  int latest = awd_store_latest_schema_version ();

  if (self->schema_version >= latest)
    return TRUE;

  if (self->has_tables)
    {
      g_autofree char *backup = awd_store_take_snapshot (self, AWD_SNAPSHOT_REASON_MIGRATE, error);

      if (backup == NULL)
        return FALSE;
      g_message ("Backed up %s to %s before upgrading it", self->path, backup);
    }

  while (self->schema_version < latest)
    {
      if (!run_migration (self, self->schema_version + 1, error))
        return FALSE;
      self->schema_version++;
    }

  return TRUE;
}
