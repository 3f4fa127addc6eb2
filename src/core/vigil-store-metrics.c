/* vigil-store-metrics.c — the overview's figures, computed with SQL aggregates
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The period's incidents are read once, through the detected_at index, and
 * folded in C (durations, targets, outcome mix, weekly trend): a single
 * pass is cheaper than one aggregate query per figure.  The figures about
 * the present (open incidents, workload) come from the stage index.
 *
 * Percentiles use the nearest-rank method (the p90 is a duration that 90 %
 * of the incidents did not exceed); the median of an even count is the mean
 * of the two middle values.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vigil-store-metrics.h"
#include "vigil-store-private.h"
#include "vigil-time.h"

#define DAY_SECONDS ((gint64) 86400)

static const char * const open_stages_sql =
  "('classification', 'investigation', 'containment', 'resolution')";

/* Response targets ------------------------------------------------------- */

void
vigil_metrics_targets_from_variant (VigilResponseTargets *targets,
                                    GVariant             *variant)
{
  GVariantIter iter;
  const char *severity;
  guint ack, contain, resolve;

  g_return_if_fail (targets != NULL);

  memset (targets, 0, sizeof *targets);
  if (variant == NULL || !g_variant_is_of_type (variant, G_VARIANT_TYPE ("a{s(uuu)}")))
    return;

  g_variant_iter_init (&iter, variant);
  while (g_variant_iter_next (&iter, "{&s(uuu)}", &severity, &ack, &contain, &resolve))
    {
      int i = vigil_vocab_index (VIGIL_VOCAB_SEVERITY, severity);
      if (i < 0 || i >= VIGIL_N_SEVERITIES)
        continue;
      targets->acknowledge[i] = ack;
      targets->contain[i] = contain;
      targets->resolve[i] = resolve;
    }
}

/* Periods ---------------------------------------------------------------- */

static GDate *
parse_date (const char  *text,
            const char  *which,
            GError     **error)
{
  unsigned y, m, d;
  char tail;
  GDate *date;

  if (text == NULL || strlen (text) != 10
      || sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3
      || text[4] != '-' || text[7] != '-'
      || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   /* TRANSLATORS: the first %s is “start” or “end” */
                   _("The %s of the period, “%s”, is not a date; expected YYYY-MM-DD "
                     "such as 2026-11-30"),
                   which, text ? text : "");
      return NULL;
    }

  date = g_date_new_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return date;
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static void
period_set (VigilPeriod *period,
            const GDate *from,
            const GDate *to)
{
  g_autoptr(GDate) after = g_date_copy (to);

  g_date_add_days (after, 1);
  period->from = format_date (from);
  period->to = format_date (to);
  period->from_iso = g_strconcat (period->from, "T00:00:00Z", NULL);
  {
    g_autofree char *a = format_date (after);
    period->until_iso = g_strconcat (a, "T00:00:00Z", NULL);
  }
  period->days = g_date_days_between (from, to) + 1;
}

gboolean
vigil_period_init (VigilPeriod  *period,
                   const char   *from,
                   const char   *to,
                   GError      **error)
{
  g_autoptr(GDate) d_from = NULL;
  g_autoptr(GDate) d_to = NULL;

  g_return_val_if_fail (period != NULL, FALSE);

  memset (period, 0, sizeof *period);
  d_from = parse_date (from, _("start"), error);
  if (d_from == NULL)
    return FALSE;
  d_to = parse_date (to, _("end"), error);
  if (d_to == NULL)
    return FALSE;
  if (g_date_compare (d_from, d_to) > 0)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("The period ends (%s) before it starts (%s); give the earlier date first"),
                   to, from);
      return FALSE;
    }
  period_set (period, d_from, d_to);
  return TRUE;
}

static GDate *
today (void)
{
  g_autoptr(GDateTime) now = vigil_time_now ();
  return g_date_new_dmy ((GDateDay) g_date_time_get_day_of_month (now),
                         (GDateMonth) g_date_time_get_month (now),
                         (GDateYear) g_date_time_get_year (now));
}

void
vigil_period_init_last_days (VigilPeriod *period,
                             guint        days)
{
  g_autoptr(GDate) to = today ();
  g_autoptr(GDate) from = g_date_copy (to);

  g_return_if_fail (period != NULL);
  g_return_if_fail (days > 0);

  memset (period, 0, sizeof *period);
  g_date_subtract_days (from, days - 1);
  period_set (period, from, to);
}

void
vigil_period_init_quarter (VigilPeriod *period)
{
  g_autoptr(GDate) now = today ();
  g_autoptr(GDate) from = NULL;
  g_autoptr(GDate) to = NULL;
  guint first_month;

  g_return_if_fail (period != NULL);

  memset (period, 0, sizeof *period);
  first_month = ((g_date_get_month (now) - 1) / 3) * 3 + 1;
  from = g_date_new_dmy (1, (GDateMonth) first_month, g_date_get_year (now));
  to = g_date_copy (from);
  g_date_add_months (to, 3);
  g_date_subtract_days (to, 1);
  period_set (period, from, to);
}

void
vigil_period_clear (VigilPeriod *period)
{
  g_clear_pointer (&period->from, g_free);
  g_clear_pointer (&period->to, g_free);
  g_clear_pointer (&period->from_iso, g_free);
  g_clear_pointer (&period->until_iso, g_free);
  period->days = 0;
}

/* Labels ----------------------------------------------------------------- */

const char *
vigil_metric_key (VigilMetric metric)
{
  static const char * const keys[] = {
    "time_to_detect", "time_to_acknowledge", "time_to_contain", "time_to_resolve",
  };
  g_return_val_if_fail (metric < VIGIL_N_METRICS, NULL);
  return keys[metric];
}

const char *
vigil_metric_label (VigilMetric metric)
{
  static const char * const labels[] = {
    N_("Time to detect"), N_("Time to acknowledge"), N_("Time to contain"),
    N_("Time to resolve"),
  };
  g_return_val_if_fail (metric < VIGIL_N_METRICS, NULL);
  return _(labels[metric]);
}

char *
vigil_format_duration (gint64 seconds)
{
  if (seconds < 0)
    return g_strdup ("—");
  if (seconds < 60)
    return g_strdup_printf (_("%d s"), (int) seconds);
  if (seconds < 3600)
    return g_strdup_printf (_("%d min"), (int) (seconds / 60));
  if (seconds < DAY_SECONDS)
    return g_strdup_printf (_("%d h %02d min"), (int) (seconds / 3600),
                            (int) (seconds % 3600 / 60));
  return g_strdup_printf (_("%d d %d h"), (int) (seconds / DAY_SECONDS),
                          (int) (seconds % DAY_SECONDS / 3600));
}

/* Computation ------------------------------------------------------------ */

static void
clear_count (gpointer data)
{
  VigilCount *c = data;
  g_free (c->key);
  g_free (c->label);
}

static void
clear_week (gpointer data)
{
  VigilWeek *w = data;
  g_free (w->week);
}

static GArray *
count_array_new (void)
{
  GArray *a = g_array_new (FALSE, TRUE, sizeof (VigilCount));
  g_array_set_clear_func (a, clear_count);
  return a;
}

void
vigil_metrics_free (VigilMetrics *m)
{
  if (m == NULL)
    return;
  vigil_period_clear (&m->period);
  g_clear_pointer (&m->by_category, g_array_unref);
  g_clear_pointer (&m->weeks, g_array_unref);
  g_clear_pointer (&m->by_team, g_array_unref);
  g_clear_pointer (&m->by_criticality, g_array_unref);
  g_clear_pointer (&m->top_assets, g_array_unref);
  g_clear_pointer (&m->open_by_analyst, g_array_unref);
  g_free (m);
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return x < y ? -1 : x > y;
}

static void
finish_durations (VigilDurationStats *stats,
                  GArray             *values)
{
  gint64 *v = (gint64 *) (gpointer) values->data;
  guint n = values->len;

  stats->count = n;
  if (n == 0)
    {
      stats->median = stats->p90 = -1;
      return;
    }
  qsort (v, n, sizeof (gint64), compare_gint64);
  stats->median = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  /* nearest rank: the ceil(0.9 n)-th smallest value */
  stats->p90 = v[(n * 9 + 9) / 10 - 1];
}

static int
severity_index (sqlite3_stmt *stmt,
                int           column)
{
  const char *s = (const char *) sqlite3_column_text (stmt, column);
  int i = s ? vigil_vocab_index (VIGIL_VOCAB_SEVERITY, s) : -1;
  return i >= 0 && i < VIGIL_N_SEVERITIES ? i : VIGIL_N_SEVERITIES;
}

/* The day number of 1970-01-01 + days: weeks are counted from a Monday. */
static gint64
floor_div (gint64 a,
           gint64 b)
{
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

static gboolean
step_error (VigilStore    *self,
            sqlite3_stmt  *stmt,
            int            rc,
            GError       **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;
  vigil_store_set_error (self, error, rc, NULL);
  sqlite3_reset (stmt);
  return FALSE;
}

static gboolean
scan_period (VigilStore                 *self,
             VigilMetrics               *m,
             const VigilResponseTargets *targets,
             gint64                      week0,
             GError                    **error)
{
  sqlite3_stmt *stmt;
  GArray *values[VIGIL_N_METRICS] = { NULL, };
  gboolean ok;
  gint64 by_category[16] = { 0, };
  guint n_categories;
  const VigilVocabEntry *categories = vigil_vocab_entries (VIGIL_VOCAB_CATEGORY, &n_categories);
  g_autoptr(GDateTime) now_dt = vigil_time_now ();
  gint64 now = g_date_time_to_unix (now_dt);
  int rc;

  stmt = vigil_store_prepare (self,
    "SELECT severity, resolution, stage = 'closed', category,"
    "       unixepoch (occurred_at), unixepoch (detected_at), unixepoch (acknowledged_at),"
    "       unixepoch (contained_at), unixepoch (resolved_at)"
    "  FROM incidents WHERE detected_at >= ?1 AND detected_at < ?2", error);
  if (stmt == NULL)
    return FALSE;
  vigil_bind_text (stmt, 1, m->period.from_iso);
  vigil_bind_text (stmt, 2, m->period.until_iso);

  for (guint i = 0; i < VIGIL_N_METRICS; i++)
    values[i] = g_array_sized_new (FALSE, FALSE, sizeof (gint64), 1024);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int sev = severity_index (stmt, 0);
      const char *resolution = (const char *) sqlite3_column_text (stmt, 1);
      gboolean closed = sqlite3_column_int (stmt, 2);
      const char *category = (const char *) sqlite3_column_text (stmt, 3);
      gboolean has[5];
      gint64 t[5];  /* occurred, detected, acknowledged, contained, resolved */

      for (int c = 0; c < 5; c++)
        {
          has[c] = sqlite3_column_type (stmt, 4 + c) != SQLITE_NULL;
          t[c] = sqlite3_column_int64 (stmt, 4 + c);
        }

      m->incidents++;
      m->by_severity[sev]++;
      if (closed)
        m->closed++;
      if (resolution != NULL)
        {
          int r = vigil_vocab_index (VIGIL_VOCAB_RESOLUTION, resolution);
          if (r >= 0 && r < VIGIL_N_RESOLUTIONS)
            m->by_resolution[r]++;
        }
      if (category != NULL)
        {
          int c = vigil_vocab_index (VIGIL_VOCAB_CATEGORY, category);
          if (c >= 0 && c < (int) G_N_ELEMENTS (by_category))
            by_category[c]++;
        }
      if (has[1] && m->weeks->len > 0)
        {
          gint64 w = (floor_div (t[1], DAY_SECONDS) - week0) / 7;
          if (w >= 0 && w < m->weeks->len)
            g_array_index (m->weeks, VigilWeek, w).opened++;
        }

      /* durations: detect = detected − occurred; the others from detection */
      for (guint k = 0; k < VIGIL_N_METRICS; k++)
        {
          int start = k == VIGIL_METRIC_DETECT ? 0 : 1;
          int end = k == VIGIL_METRIC_DETECT ? 1 : (int) k + 1;
          VigilDurationStats *d = &m->durations[k];

          if (!has[start] || !has[end])
            d->missing++;
          else if (t[end] < t[start])
            d->inconsistent++;
          else
            {
              gint64 v = t[end] - t[start];
              g_array_append_val (values[k], v);
            }
        }

      /* targets, from detection; a stage never reached on a closed incident
       * (a false positive is never contained) counts neither way */
      if (sev < VIGIL_N_SEVERITIES && has[1])
        for (guint k = 0; k < VIGIL_N_TARGETS; k++)
          {
            const guint *per_kind[VIGIL_N_TARGETS] = {
              targets ? targets->acknowledge : NULL, targets ? targets->contain : NULL,
              targets ? targets->resolve : NULL,
            };
            guint minutes = per_kind[k] ? per_kind[k][sev] : 0;
            VigilTargetStats *ts = &m->targets[sev][k];
            int end = (int) k + 2;

            if (minutes == 0)
              continue;
            if (has[end])
              {
                if (t[end] - t[1] <= (gint64) minutes * 60)
                  ts->met++;
                else
                  ts->breached++;
              }
            else if (!closed)
              {
                if (now - t[1] > (gint64) minutes * 60)
                  ts->breached++;
                else
                  ts->pending++;
              }
          }
    }
  ok = step_error (self, stmt, rc, error);
  for (guint k = 0; k < VIGIL_N_METRICS; k++)
    {
      finish_durations (&m->durations[k], values[k]);
      g_array_unref (values[k]);
    }
  if (!ok)
    return FALSE;

  for (guint c = 0; c < n_categories && c < G_N_ELEMENTS (by_category); c++)
    if (by_category[c] > 0)
      {
        VigilCount count = { 0, g_strdup (categories[c].key),
                             g_strdup (vigil_vocab_label (VIGIL_VOCAB_CATEGORY,
                                                          categories[c].key)),
                             by_category[c] };
        guint pos = 0;
        /* descending by count, stable on vocabulary order */
        while (pos < m->by_category->len
               && g_array_index (m->by_category, VigilCount, pos).count >= count.count)
          pos++;
        g_array_insert_val (m->by_category, pos, count);
      }
  return TRUE;
}

static gboolean
scan_closed_weeks (VigilStore    *self,
                   VigilMetrics  *m,
                   gint64         week0,
                   GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = vigil_store_prepare (self,
    "SELECT unixepoch (closed_at) FROM incidents"
    " WHERE stage = 'closed' AND closed_at >= ?1 AND closed_at < ?2", error);
  if (stmt == NULL)
    return FALSE;
  vigil_bind_text (stmt, 1, m->period.from_iso);
  vigil_bind_text (stmt, 2, m->period.until_iso);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 w = (floor_div (sqlite3_column_int64 (stmt, 0), DAY_SECONDS) - week0) / 7;
      if (w >= 0 && w < m->weeks->len)
        g_array_index (m->weeks, VigilWeek, w).closed++;
    }
  return step_error (self, stmt, rc, error);
}

static gboolean
scan_open (VigilStore    *self,
           VigilMetrics  *m,
           GError       **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(GHashTable) analysts = NULL;
  sqlite3_stmt *stmt;
  int rc;

  sql = g_strdup_printf ("SELECT stage, severity, count(*) FROM incidents"
                         " WHERE stage IN %s GROUP BY stage, severity", open_stages_sql);
  stmt = vigil_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigilStage stage = vigil_stage_from_key ((const char *) sqlite3_column_text (stmt, 0));
      int sev = severity_index (stmt, 1);
      gint64 n = sqlite3_column_int64 (stmt, 2);

      if (stage < VIGIL_STAGE_CLOSED)
        m->open_by_stage_severity[stage][sev] += n;
      m->open += n;
    }
  if (!step_error (self, stmt, rc, error))
    return FALSE;

  /* workload: one grouped pass gives both tiers and analysts */
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT g.tier, coalesce (g.assignee_id, 0), p.name, g.n"
                         "  FROM (SELECT tier, assignee_id, count(*) AS n FROM incidents"
                         "         WHERE stage IN %s GROUP BY tier, assignee_id) g"
                         "  LEFT JOIN people p ON p.id = g.assignee_id",
                         open_stages_sql);
  stmt = vigil_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  analysts = g_hash_table_new (g_direct_hash, g_direct_equal);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int tier = vigil_vocab_index (VIGIL_VOCAB_TIER, (const char *) sqlite3_column_text (stmt, 0));
      gint64 person = sqlite3_column_int64 (stmt, 1);
      gint64 n = sqlite3_column_int64 (stmt, 3);
      gpointer pos;

      if (tier >= 0 && tier < VIGIL_N_TIERS)
        m->open_by_tier[tier] += n;
      if (g_hash_table_lookup_extended (analysts, GSIZE_TO_POINTER ((gsize) person), NULL, &pos))
        g_array_index (m->open_by_analyst, VigilCount, GPOINTER_TO_UINT (pos)).count += n;
      else
        {
          VigilCount c = { person, NULL,
                           person ? vigil_column_dup (stmt, 2) : g_strdup (_("Unassigned")), n };
          g_hash_table_insert (analysts, GSIZE_TO_POINTER ((gsize) person),
                               GUINT_TO_POINTER (m->open_by_analyst->len));
          g_array_append_val (m->open_by_analyst, c);
        }
    }
  return step_error (self, stmt, rc, error);
}

static int
compare_count_desc (gconstpointer a,
                    gconstpointer b)
{
  const VigilCount *x = a, *y = b;
  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return g_strcmp0 (x->label, y->label);
}

/* Where incidents hit, in one pass over the period's affected assets
 * (rows come grouped by incident, so distinct incidents per team and per
 * criticality are counted without a temporary b-tree).  A team is the
 * team of the asset's business owner, or else the team owning the asset. */
static gboolean
lookup_name (VigilStore  *self,
             const char  *sql,
             gint64       id,
             char       **name,
             GError     **error)
{
  sqlite3_stmt *stmt = vigil_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *name = vigil_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      vigil_store_set_error (self, error, rc, NULL);
      return FALSE;
    }
  return TRUE;
}

#define ASSET_SCAN_SQL(hint) \
  "SELECT ia.incident_id, ia.asset_id, a.criticality," \
  "       coalesce (bo.team_id, a.owner_team_id, 0)" \
  "  FROM incidents i" \
  "  JOIN incident_assets ia ON ia.incident_id = i.id" \
  "  JOIN assets a " hint " ON a.id = ia.asset_id" \
  "  LEFT JOIN people bo ON bo.id = a.business_owner_id" \
  " WHERE i.detected_at >= ?1 AND i.detected_at < ?2"

static gboolean
scan_assets (VigilStore    *self,
             VigilMetrics  *m,
             GError       **error)
{
  g_autoptr(GHashTable) teams = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GHashTable) team_last = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GHashTable) assets = g_hash_table_new (g_direct_hash, g_direct_equal);
  gint64 crit_count[VIGIL_N_CRITICALITIES] = { 0, };
  gint64 crit_last[VIGIL_N_CRITICALITIES] = { 0, };
  guint n_crit;
  const VigilVocabEntry *crits = vigil_vocab_entries (VIGIL_VOCAB_CRITICALITY, &n_crit);
  GHashTableIter iter;
  gpointer key, value;
  sqlite3_stmt *stmt;
  int rc;

  /* assets_overview (schema 1) spares reading the assets' rows; a database
   * made before it was added falls back to the table */
  stmt = vigil_store_prepare (self, ASSET_SCAN_SQL ("INDEXED BY assets_overview"), NULL);
  if (stmt == NULL)
    stmt = vigil_store_prepare (self, ASSET_SCAN_SQL (""), error);
  if (stmt == NULL)
    return FALSE;
  vigil_bind_text (stmt, 1, m->period.from_iso);
  vigil_bind_text (stmt, 2, m->period.until_iso);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 incident = sqlite3_column_int64 (stmt, 0);
      gpointer asset = GSIZE_TO_POINTER ((gsize) sqlite3_column_int64 (stmt, 1));
      int crit = vigil_vocab_index (VIGIL_VOCAB_CRITICALITY,
                                    (const char *) sqlite3_column_text (stmt, 2));
      gpointer team = GSIZE_TO_POINTER ((gsize) sqlite3_column_int64 (stmt, 3));

      g_hash_table_insert (assets, asset,
                           GSIZE_TO_POINTER (GPOINTER_TO_SIZE (g_hash_table_lookup (assets, asset))
                                             + 1));
      if (crit >= 0 && crit < VIGIL_N_CRITICALITIES && crit_last[crit] != incident)
        {
          crit_last[crit] = incident;
          crit_count[crit]++;
        }
      if (team != NULL
          && GPOINTER_TO_SIZE (g_hash_table_lookup (team_last, team)) != (gsize) incident)
        {
          g_hash_table_insert (team_last, team, GSIZE_TO_POINTER ((gsize) incident));
          g_hash_table_insert (teams, team,
                               GSIZE_TO_POINTER (GPOINTER_TO_SIZE (g_hash_table_lookup (teams, team))
                                                 + 1));
        }
    }
  if (!step_error (self, stmt, rc, error))
    return FALSE;

  for (guint c = 0; c < n_crit && c < VIGIL_N_CRITICALITIES; c++)
    {
      VigilCount out = { 0, g_strdup (crits[c].key),
                         g_strdup (vigil_vocab_label (VIGIL_VOCAB_CRITICALITY, crits[c].key)),
                         crit_count[c] };
      g_array_append_val (m->by_criticality, out);
    }

  g_hash_table_iter_init (&iter, teams);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      VigilCount c = { (gint64) GPOINTER_TO_SIZE (key), NULL, NULL,
                       (gint64) GPOINTER_TO_SIZE (value) };
      if (!lookup_name (self, "SELECT name FROM teams WHERE id = ?1", c.id, &c.label, error))
        return FALSE;
      g_array_append_val (m->by_team, c);
    }
  g_array_sort (m->by_team, compare_count_desc);

  /* the ten most affected assets: ids and counts first, names for those */
  g_hash_table_iter_init (&iter, assets);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      VigilCount c = { (gint64) GPOINTER_TO_SIZE (key), NULL, NULL,
                       (gint64) GPOINTER_TO_SIZE (value) };
      guint pos = m->top_assets->len;

      /* insertion into a sorted list of at most ten (ties: lower id first) */
      while (pos > 0)
        {
          const VigilCount *prev = &g_array_index (m->top_assets, VigilCount, pos - 1);
          if (prev->count > c.count || (prev->count == c.count && prev->id < c.id))
            break;
          pos--;
        }
      if (pos < 10)
        {
          g_array_insert_val (m->top_assets, pos, c);
          if (m->top_assets->len > 10)
            g_array_remove_index (m->top_assets, 10);
        }
    }
  for (guint i = 0; i < m->top_assets->len; i++)
    {
      VigilCount *c = &g_array_index (m->top_assets, VigilCount, i);
      if (!lookup_name (self, "SELECT name FROM assets WHERE id = ?1", c->id, &c->label, error)
          || !lookup_name (self, "SELECT criticality FROM assets WHERE id = ?1", c->id, &c->key,
                           error))
        return FALSE;
    }
  return TRUE;
}

VigilMetrics *
vigil_store_compute_metrics (VigilStore                 *self,
                             const VigilPeriod          *period,
                             const VigilResponseTargets *targets,
                             GError                    **error)
{
  g_autoptr(VigilMetrics) m = NULL;
  VigilResponseTargets store_targets;
  g_autoptr(GDate) monday = NULL;
  g_autoptr(GDate) last = NULL;
  gint64 week0;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (period != NULL && period->from != NULL, NULL);

  m = g_new0 (VigilMetrics, 1);
  m->period.from = g_strdup (period->from);
  m->period.to = g_strdup (period->to);
  m->period.from_iso = g_strdup (period->from_iso);
  m->period.until_iso = g_strdup (period->until_iso);
  m->period.days = period->days;
  m->by_category = count_array_new ();
  m->by_team = count_array_new ();
  m->by_criticality = count_array_new ();
  m->top_assets = count_array_new ();
  m->open_by_analyst = count_array_new ();
  m->weeks = g_array_new (FALSE, TRUE, sizeof (VigilWeek));
  g_array_set_clear_func (m->weeks, clear_week);

  /* weeks from the Monday on or before the start to the week of the end */
  {
    GDate d;
    unsigned y, mo, da;

    sscanf (period->from, "%u-%u-%u", &y, &mo, &da);
    monday = g_date_new_dmy ((GDateDay) da, (GDateMonth) mo, (GDateYear) y);
    g_date_subtract_days (monday, g_date_get_weekday (monday) - G_DATE_MONDAY);
    sscanf (period->to, "%u-%u-%u", &y, &mo, &da);
    last = g_date_new_dmy ((GDateDay) da, (GDateMonth) mo, (GDateYear) y);
    d = *monday;
    while (g_date_compare (&d, last) <= 0)
      {
        VigilWeek w = { format_date (&d), 0, 0 };
        g_array_append_val (m->weeks, w);
        g_date_add_days (&d, 7);
      }
    /* day number since 1970-01-01 (Julian day 719163) */
    week0 = (gint64) g_date_get_julian (monday) - 719163;
  }

  if (targets == NULL)
    {
      vigil_store_get_response_targets (self, &store_targets);
      targets = &store_targets;
    }
  if (!scan_period (self, m, targets, week0, error)
      || !scan_closed_weeks (self, m, week0, error))
    return NULL;

  if (!scan_assets (self, m, error))
    return NULL;

  if (!scan_open (self, m, error))
    return NULL;
  g_array_sort (m->open_by_analyst, compare_count_desc);

  m->active_countermeasures = vigil_store_query_int (self,
    "SELECT count(*) FROM actions WHERE kind = 'countermeasure' AND status = 'active'", error);
  if (m->active_countermeasures < 0)
    return NULL;
  m->open_detection_requests = vigil_store_query_int (self,
    "SELECT count(*) FROM detection_requests WHERE status IN ('requested', 'accepted')", error);
  if (m->open_detection_requests < 0)
    return NULL;

  return g_steal_pointer (&m);
}

/* Lists for reports ------------------------------------------------------ */

void
vigil_incident_row_free (VigilIncidentRow *row)
{
  if (row == NULL)
    return;
  g_free (row->ref);
  g_free (row->title);
  g_free (row->stage);
  g_free (row->severity);
  g_free (row->category);
  g_free (row->assignee);
  g_free (row->detected_at);
  g_free (row->closed_at);
  g_free (row->resolution);
  g_free (row);
}

GPtrArray *
vigil_store_list_period_incidents (VigilStore        *self,
                                   const VigilPeriod *period,
                                   gboolean           major_only,
                                   GError           **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  stmt = vigil_store_prepare (self, major_only
    ? "SELECT i.ref, i.title, i.stage, i.severity, i.category, p.name, i.detected_at,"
      "       i.closed_at, i.resolution"
      "  FROM incidents i LEFT JOIN people p ON p.id = i.assignee_id"
      " WHERE i.detected_at >= ?1 AND i.detected_at < ?2"
      "   AND i.severity IN ('high', 'critical')"
      " ORDER BY i.severity = 'critical' DESC, i.detected_at, i.id"
    : "SELECT i.ref, i.title, i.stage, i.severity, i.category, p.name, i.detected_at,"
      "       i.closed_at, i.resolution"
      "  FROM incidents i LEFT JOIN people p ON p.id = i.assignee_id"
      " WHERE i.detected_at >= ?1 AND i.detected_at < ?2"
      " ORDER BY i.detected_at, i.id", error);
  if (stmt == NULL)
    return NULL;
  vigil_bind_text (stmt, 1, period->from_iso);
  vigil_bind_text (stmt, 2, period->until_iso);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_incident_row_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigilIncidentRow *row = g_new0 (VigilIncidentRow, 1);
      row->ref = vigil_column_dup (stmt, 0);
      row->title = vigil_column_dup (stmt, 1);
      row->stage = vigil_column_dup (stmt, 2);
      row->severity = vigil_column_dup (stmt, 3);
      row->category = vigil_column_dup (stmt, 4);
      row->assignee = vigil_column_dup (stmt, 5);
      row->detected_at = vigil_column_dup (stmt, 6);
      row->closed_at = vigil_column_dup (stmt, 7);
      row->resolution = vigil_column_dup (stmt, 8);
      g_ptr_array_add (rows, row);
    }
  if (!step_error (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&rows);
}

GPtrArray *
vigil_store_list_incident_section (VigilStore    *self,
                                   gint64         incident_id,
                                   VigilSection   section,
                                   GError       **error)
{
  static const char * const sql[] = {
    [VIGIL_SECTION_TIMELINE] =
      "SELECT at, actor, summary FROM timeline WHERE incident_id = ?1 ORDER BY at, id",
    [VIGIL_SECTION_ACTIONS] =
      "SELECT a.kind, a.title, a.status, coalesce (p.name, t.name, ''),"
      "       coalesce (a.done_at, a.due_at, ''), coalesce (a.cm_type, ''), a.applied_to"
      "  FROM actions a"
      "  LEFT JOIN people p ON p.id = a.owner_id"
      "  LEFT JOIN teams t ON t.id = a.owner_team_id"
      " WHERE a.incident_id = ?1 ORDER BY a.kind DESC, a.created_at, a.id",
    [VIGIL_SECTION_CONTACTS] =
      "SELECT c.at, coalesce (p.name, t.name, ''), c.channel, c.summary,"
      "       coalesce (c.follow_up_at, '')"
      "  FROM contacts c"
      "  LEFT JOIN people p ON p.id = c.person_id"
      "  LEFT JOIN teams t ON t.id = c.team_id"
      " WHERE c.incident_id = ?1 ORDER BY c.at, c.id",
    [VIGIL_SECTION_OBSERVABLES] =
      "SELECT type, value, CASE ioc WHEN 1 THEN 'IOC' ELSE '' END, tlp, note"
      "  FROM observables WHERE incident_id = ?1 ORDER BY type, value",
    [VIGIL_SECTION_ASSETS] =
      "SELECT a.name, a.criticality, ia.status, coalesce (t.name, ''), ia.note"
      "  FROM incident_assets ia"
      "  JOIN assets a ON a.id = ia.asset_id"
      "  LEFT JOIN teams t ON t.id = a.owner_team_id"
      " WHERE ia.incident_id = ?1 ORDER BY a.name",
  };
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (section <= VIGIL_SECTION_ASSETS, NULL);

  stmt = vigil_store_prepare (self, sql[section], error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, incident_id);
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int n = sqlite3_column_count (stmt);
      char **row = g_new0 (char *, n + 1);
      for (int c = 0; c < n; c++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, c);
          row[c] = g_strdup (text ? text : "");
        }
      g_ptr_array_add (rows, row);
    }
  if (!step_error (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&rows);
}
