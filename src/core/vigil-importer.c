/* vigil-importer.c — the importer interface, the record reader, shared helpers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "vigil-error.h"
#include "vigil-importer.h"

/* ---- Events ------------------------------------------------------------- */

void
vigil_alert_event_init (VigilAlertEvent *ev)
{
  memset (ev, 0, sizeof *ev);
}

static void
observable_clear (gpointer data)
{
  VigilAlertObservable *o = data;

  g_free (o->type);
  g_free (o->value);
}

void
vigil_alert_event_clear (VigilAlertEvent *ev)
{
  g_free (ev->source_name);
  g_free (ev->source_ref);
  g_free (ev->type);
  g_free (ev->title);
  g_free (ev->description);
  g_free (ev->rule);
  g_free (ev->severity_raw);
  g_free (ev->src_addr);
  g_free (ev->dst_addr);
  g_free (ev->proto);
  g_free (ev->hostname);
  g_free (ev->time);
  if (ev->observables != NULL)
    g_array_unref (ev->observables);
  vigil_alert_event_init (ev);
}

void
vigil_alert_event_add_observable (VigilAlertEvent *ev,
                                  const char      *type,
                                  const char      *value,
                                  gboolean         ioc)
{
  VigilAlertObservable o;

  if (value == NULL || *value == '\0' || type == NULL)
    return;
  if (ev->observables == NULL)
    {
      ev->observables = g_array_new (FALSE, FALSE, sizeof (VigilAlertObservable));
      g_array_set_clear_func (ev->observables, observable_clear);
    }
  for (guint i = 0; i < ev->observables->len; i++)
    {
      VigilAlertObservable *old = &g_array_index (ev->observables, VigilAlertObservable, i);
      if (strcmp (old->type, type) == 0 && strcmp (old->value, value) == 0)
        {
          old->ioc |= ioc;
          return;
        }
    }
  o.type = g_strdup (type);
  o.value = g_strdup (value);
  o.ioc = ioc;
  g_array_append_val (ev->observables, o);
}

/* ---- The registry --------------------------------------------------------- */

extern const VigilImporterClass vigil_import_suricata_class;
extern const VigilImporterClass vigil_import_wazuh_class;
extern const VigilImporterClass vigil_import_thehive_class;
extern const VigilImporterClass vigil_import_iris_class;
extern const VigilImporterClass vigil_import_misp_class;
extern const VigilImporterClass vigil_import_zeek_class;
extern const VigilImporterClass vigil_import_csv_class;

static const VigilImporterClass * const importers[] = {
  &vigil_import_suricata_class,
  &vigil_import_wazuh_class,
  &vigil_import_thehive_class,
  &vigil_import_iris_class,
  &vigil_import_misp_class,
  &vigil_import_zeek_class,
  &vigil_import_csv_class,
  NULL
};

const VigilImporterClass * const *
vigil_importer_list (void)
{
  return importers;
}

const VigilImporterClass *
vigil_importer_find (const char *name)
{
  for (guint i = 0; importers[i] != NULL; i++)
    if (g_strcmp0 (importers[i]->name, name) == 0)
      return importers[i];
  return NULL;
}

VigilImporter *
vigil_importer_new (const char  *name,
                    GError     **error)
{
  const VigilImporterClass *klass = vigil_importer_find (name);
  VigilImporter *self;

  if (klass == NULL)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("Unknown alert format “%s”; expected suricata, wazuh, thehive, iris, "
                     "misp, zeek or csv"), name ? name : "");
      return NULL;
    }
  self = klass->create ();
  self->klass = klass;
  return self;
}

void
vigil_importer_free (VigilImporter *self)
{
  if (self == NULL)
    return;
  g_free (self->mapping);
  self->klass->free (self);
}

VigilImportResult
vigil_importer_parse (VigilImporter        *self,
                      const char           *record,
                      gsize                 len,
                      VigilAlertEventFunc   func,
                      gpointer              user_data,
                      GError              **error)
{
  return self->klass->parse (self, record, len, func, user_data, error);
}

/* ---- The reader ----------------------------------------------------------- */

#define CHUNK (256 * 1024)

struct _VigilImportReader
{
  char             *path;       /* NULL for standard input */
  int               fd;
  struct stat       st;         /* of the open file, to notice rotation */
  gboolean          follow;
  volatile int     *stop;
  VigilImportFrame  frame;
  gboolean          json_values; /* framing JSON values (chosen or detected) */
  gboolean          started;     /* the first byte was examined */
  gboolean          in_array;    /* inside a top-level array */
  gboolean          eof;
  char             *buf;
  gsize             alloc;
  gsize             start;       /* first unconsumed byte */
  gsize             end;         /* bytes filled */
  guint64           line;        /* line of buf[start] */
  gboolean          discarding;  /* skipping the rest of an over-long record */
};

static gboolean
open_file (VigilImportReader  *self,
           GError            **error)
{
  int fd = g_open (self->path, O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_IO, _("Cannot read %s: %s"),
                   self->path, g_strerror (saved));
      return FALSE;
    }
  if (fstat (fd, &self->st) != 0)
    memset (&self->st, 0, sizeof self->st);
  self->fd = fd;
  return TRUE;
}

VigilImportReader *
vigil_import_reader_new (const char         *path,
                         VigilImportFrame    frame,
                         gboolean            follow,
                         volatile int       *stop,
                         GError            **error)
{
  g_autofree VigilImportReader *self = g_new0 (VigilImportReader, 1);

  self->frame = frame;
  self->json_values = frame == VIGIL_IMPORT_FRAME_JSON_VALUES;
  self->stop = stop;
  self->line = 1;
  self->fd = -1;
  if (g_strcmp0 (path, "-") == 0 || path == NULL)
    {
      self->fd = 0;
      self->follow = FALSE;
    }
  else
    {
      self->path = g_strdup (path);
      self->follow = follow;
      if (!open_file (self, error))
        {
          g_free (self->path);
          return NULL;
        }
    }
  self->alloc = CHUNK * 2;
  self->buf = g_malloc (self->alloc);
  return g_steal_pointer (&self);
}

void
vigil_import_reader_free (VigilImportReader *self)
{
  if (self == NULL)
    return;
  if (self->fd > 0)
    close (self->fd);
  g_free (self->path);
  g_free (self->buf);
  g_free (self);
}

static gboolean
stopped (VigilImportReader *self)
{
  return self->stop != NULL && *self->stop != 0;
}

/* Reads more bytes; returns the count, 0 at end of file, -1 on error. */
static gssize
fill (VigilImportReader  *self,
      GError            **error)
{
  gssize n;

  if (self->start > 0 && (self->start == self->end || self->start > self->alloc / 2))
    {
      memmove (self->buf, self->buf + self->start, self->end - self->start);
      self->end -= self->start;
      self->start = 0;
    }
  if (self->alloc - self->end < CHUNK)
    {
      self->alloc = MAX (self->alloc * 2, self->end + CHUNK);
      self->buf = g_realloc (self->buf, self->alloc);
    }
  do
    n = read (self->fd, self->buf + self->end, self->alloc - self->end - 1);
  while (n < 0 && errno == EINTR && !stopped (self));
  if (n < 0)
    {
      int saved = errno;
      if (saved == EINTR)
        return 0;
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_IO, _("Cannot read %s: %s"),
                   self->path ? self->path : _("standard input"), g_strerror (saved));
      return -1;
    }
  self->end += n;
  return n;
}

/* Following: has the file at our path been replaced or truncated? */
static gboolean
rotated (VigilImportReader *self)
{
  struct stat now;
  off_t pos;

  if (g_stat (self->path, &now) != 0)
    return FALSE;  /* moved away and not yet recreated: wait */
  if (now.st_ino != self->st.st_ino || now.st_dev != self->st.st_dev)
    return TRUE;
  pos = lseek (self->fd, 0, SEEK_CUR);
  return pos >= 0 && now.st_size < pos;
}

static void
count_lines (VigilImportReader *self,
             const char        *from,
             const char        *to)
{
  /* memchr is vectorised; a byte loop was 3 % of a 1M-alert import */
  for (const char *p = from; p < to && (p = memchr (p, '\n', to - p)) != NULL; p++)
    self->line++;
}

/* Finds the end of the record at buf[start]; returns its length and the
 * number of bytes to consume, or FALSE when more data is needed. */
static gboolean
frame_line (VigilImportReader *self,
            gsize             *len,
            gsize             *consume)
{
  const char *p = self->buf + self->start;
  gsize avail = self->end - self->start;
  const char *nl;

  if (self->frame == VIGIL_IMPORT_FRAME_CSV_ROWS)
    {
      gboolean quoted = FALSE;
      nl = NULL;
      for (gsize i = 0; i < avail; i++)
        {
          if (p[i] == '"')
            quoted = !quoted;
          else if (p[i] == '\n' && !quoted)
            {
              nl = p + i;
              break;
            }
        }
    }
  else
    nl = memchr (p, '\n', avail);

  if (nl == NULL)
    return FALSE;
  *consume = nl - p + 1;
  *len = nl - p;
  if (*len > 0 && p[*len - 1] == '\r')
    (*len)--;
  return TRUE;
}

/* JSON values: skips white space and array punctuation, then frames one
 * value.  Returns FALSE when more data is needed. */
static gboolean
frame_json (VigilImportReader *self,
            gsize             *skip,
            gsize             *len,
            gsize             *consume,
            gboolean           at_eof)
{
  const char *p = self->buf + self->start;
  gsize avail = self->end - self->start;
  gsize i = 0, j;
  long depth = 0;
  gboolean in_string = FALSE;

  for (;;)
    {
      while (i < avail && (p[i] == ' ' || p[i] == '\t' || p[i] == '\n' || p[i] == '\r' ||
                           (self->in_array && p[i] == ',')))
        i++;
      if (i >= avail)
        {
          *skip = i;
          return FALSE;
        }
      if (p[i] == '[' && !self->in_array && depth == 0)
        {
          /* a top-level array: its items are the records */
          self->in_array = TRUE;
          i++;
          continue;
        }
      if (p[i] == ']' && self->in_array)
        {
          self->in_array = FALSE;
          i++;
          continue;
        }
      break;
    }
  *skip = i;

  if (p[i] != '{' && p[i] != '[')
    {
      /* not an object: the rest of the line is one (malformed) record */
      const char *nl = memchr (p + i, '\n', avail - i);
      if (nl == NULL && !at_eof)
        return FALSE;
      *len = (nl ? (gsize) (nl - p) : avail) - i;
      *consume = i + *len;
      return TRUE;
    }

  for (j = i; j < avail; j++)
    {
      char c = p[j];
      if (in_string)
        {
          if (c == '\\')
            j++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        depth++;
      else if (c == '}' || c == ']')
        {
          if (--depth == 0)
            {
              *len = j + 1 - i;
              *consume = j + 1;
              return TRUE;
            }
        }
    }
  if (at_eof)
    {
      /* truncated: hand over what there is so it is reported */
      *len = avail - i;
      *consume = avail;
      return TRUE;
    }
  return FALSE;
}

VigilReadResult
vigil_import_reader_next (VigilImportReader  *self,
                          const char        **record,
                          gsize              *len,
                          guint64            *line,
                          GError            **error)
{
  for (;;)
    {
      gsize skip = 0, rlen = 0, consume = 0;
      gboolean found;

      if (stopped (self))
        return VIGIL_READ_EOF;

      if (!self->started && self->end > self->start)
        {
          gsize k = self->start;
          while (k < self->end && g_ascii_isspace (self->buf[k]))
            k++;
          if (k < self->end)
            {
              self->started = TRUE;
              if (self->frame == VIGIL_IMPORT_FRAME_LINES && self->buf[k] == '[')
                self->json_values = TRUE;
            }
        }

      if (self->discarding)
        {
          const char *nl = memchr (self->buf + self->start, '\n', self->end - self->start);
          if (nl != NULL)
            {
              self->start = nl - self->buf + 1;
              self->line++;
              self->discarding = FALSE;
              continue;
            }
          self->start = self->end;
          found = FALSE;
        }
      else if (self->json_values)
        found = frame_json (self, &skip, &rlen, &consume, self->eof && !self->follow);
      else
        found = frame_line (self, &rlen, &consume);

      if (!found && !self->discarding && !self->json_values && self->eof && !self->follow &&
          self->end > self->start)
        {
          /* a last line without a newline */
          found = TRUE;
          rlen = consume = self->end - self->start;
        }

      if (found)
        {
          const char *rec = self->buf + self->start + skip;
          const char *bad;

          count_lines (self, self->buf + self->start, rec);
          *line = self->line;
          count_lines (self, rec, self->buf + self->start + consume);
          self->start += consume;
          *record = rec;
          *len = rlen;
          if (!g_utf8_validate_len (rec, rlen, &bad))
            {
              g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                           _("not UTF-8 text (byte %" G_GSIZE_FORMAT " of the record)"),
                           (gsize) (bad - rec) + 1);
              return VIGIL_READ_BAD_TEXT;
            }
          return VIGIL_READ_RECORD;
        }

      if (self->json_values && skip > 0)
        {
          count_lines (self, self->buf + self->start, self->buf + self->start + skip);
          self->start += skip;
        }

      if (!self->discarding && self->end - self->start > VIGIL_IMPORT_MAX_RECORD)
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                       _("record longer than %d MiB; skipped"),
                       VIGIL_IMPORT_MAX_RECORD / (1024 * 1024));
          *line = self->line;
          if (self->json_values)
            self->json_values = FALSE;  /* resynchronise on lines */
          self->discarding = TRUE;
          self->start = self->end;
          return VIGIL_READ_TOO_LONG;
        }

      if (self->eof)
        {
          if (!self->follow)
            return VIGIL_READ_EOF;
          if (rotated (self))
            {
              close (self->fd);
              self->fd = -1;
              if (!open_file (self, error))
                return VIGIL_READ_ERROR;
              self->start = self->end = 0;
              self->line = 1;
              self->eof = FALSE;
              self->started = FALSE;
              self->in_array = FALSE;
              self->discarding = FALSE;
              self->json_values = self->frame == VIGIL_IMPORT_FRAME_JSON_VALUES;
              return VIGIL_READ_ROTATED;
            }
          g_usleep (100 * 1000);
          self->eof = FALSE;
          {
            gssize n = fill (self, error);
            if (n < 0)
              return VIGIL_READ_ERROR;
            if (n == 0)
              {
                self->eof = TRUE;
                return VIGIL_READ_IDLE;
              }
          }
          continue;
        }

      {
        gssize n = fill (self, error);
        if (n < 0)
          return VIGIL_READ_ERROR;
        if (n == 0)
          {
            if (stopped (self))
              return VIGIL_READ_EOF;
            self->eof = TRUE;
          }
      }
    }
}

/* ---- Helpers -------------------------------------------------------------- */

static gint64
days_from_civil (gint64 y,
                 int    m,
                 int    d)
{
  gint64 era;
  unsigned yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = (unsigned) (y - era * 400);
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + (gint64) doe - 719468;
}

char *
vigil_import_time_unix (gint64 t)
{
  gint64 days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
  gint64 secs = t - days * 86400;
  gint64 z = days + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  unsigned doe = (unsigned) (z - era * 146097);
  unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 y = (gint64) yoe + era * 400;
  unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  unsigned mp = (5 * doy + 2) / 153;
  unsigned d = doy - (153 * mp + 2) / 5 + 1;
  unsigned m = mp < 10 ? mp + 3 : mp - 9;

  y += m <= 2;
  if (y < 0 || y > 9999)
    return g_strdup_printf ("%04" PRId64 "-%02u-%02uT%02d:%02d:%02dZ", y, m, d,
                            (int) (secs / 3600), (int) (secs / 60 % 60), (int) (secs % 60));
  /* every alert goes through here: digits by hand, not printf */
  {
    char *out = g_strdup ("0000-00-00T00:00:00Z");
    const unsigned parts[] = { (unsigned) y / 100, (unsigned) y % 100, m, d,
                               (unsigned) (secs / 3600), (unsigned) (secs / 60 % 60),
                               (unsigned) (secs % 60) };
    static const guint8 at[] = { 0, 2, 5, 8, 11, 14, 17 };

    for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
      {
        out[at[i]] = '0' + parts[i] / 10;
        out[at[i] + 1] = '0' + parts[i] % 10;
      }
    return out;
  }
}

static inline int
digits (const char *p,
        int         n)
{
  int v = 0;
  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return -1;
      v = v * 10 + (p[i] - '0');
    }
  return v;
}

char *
vigil_import_time (const char *text)
{
  int y, mo, d, h = 0, mi = 0, s = 0;
  const char *p;
  gint64 t, offset = 0;

  if (text == NULL || *text == '\0')
    return NULL;

  /* epoch seconds or milliseconds */
  if (g_ascii_isdigit (text[0]) && strchr (text, '-') == NULL && strchr (text, ':') == NULL)
    {
      char *end;
      double v = g_ascii_strtod (text, &end);
      if (*end != '\0' || v < 0)
        return NULL;
      if (v > 1e11)
        v /= 1000.0;  /* milliseconds */
      return vigil_import_time_unix ((gint64) v);
    }

  if (strlen (text) < 10 || text[4] != '-' || text[7] != '-')
    return NULL;
  y = digits (text, 4);
  mo = digits (text + 5, 2);
  d = digits (text + 8, 2);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > 31)
    return NULL;
  p = text + 10;
  if (*p == 'T' || *p == ' ')
    {
      p++;
      h = digits (p, 2);
      if (h < 0 || p[2] != ':')
        return NULL;
      mi = digits (p + 3, 2);
      if (mi < 0)
        return NULL;
      p += 5;
      if (*p == ':')
        {
          s = digits (p + 1, 2);
          if (s < 0)
            return NULL;
          p += 3;
        }
      if (*p == '.' || *p == ',')
        {
          p++;
          while (g_ascii_isdigit (*p))
            p++;
        }
      if (*p == 'Z' || *p == 'z')
        p++;
      else if (*p == '+' || *p == '-')
        {
          int sign = *p == '-' ? -1 : 1;
          int oh = digits (p + 1, 2), om = 0;
          if (oh < 0)
            return NULL;
          p += 3;
          if (*p == ':')
            p++;
          if (g_ascii_isdigit (*p))
            {
              om = digits (p, 2);
              if (om < 0)
                return NULL;
              p += 2;
            }
          offset = sign * (oh * 3600 + om * 60);
        }
      if (*p != '\0')
        return NULL;
      if (h > 23 || mi > 59 || s > 60)
        return NULL;
    }
  else if (*p != '\0')
    return NULL;

  t = days_from_civil (y, mo, d) * 86400 + h * 3600 + mi * 60 + MIN (s, 59) - offset;
  return vigil_import_time_unix (t);
}

const char *
vigil_import_observable_type (const char *t)
{
  static const struct { const char *tool; const char *type; } map[] = {
    { "ip", "ip" }, { "ip-src", "ip" }, { "ip-dst", "ip" }, { "ip-src|port", "ip" },
    { "ip-dst|port", "ip" }, { "domain", "domain" }, { "fqdn", "domain" },
    { "hostname", "hostname" }, { "url", "url" }, { "uri", "url" }, { "link", "url" },
    { "md5", "md5" }, { "sha1", "sha1" }, { "sha256", "sha256" }, { "mail", "email" },
    { "email", "email" }, { "email-src", "email" }, { "email-dst", "email" },
    { "mail_subject", "other" }, { "user", "account" }, { "user-account", "account" },
    { "account", "account" }, { "username", "account" }, { "filename", "filename" },
    { "file", "filename" }, { "registry", "registry" }, { "regkey", "registry" },
    { "regkey|value", "registry" }, { "filename|md5", "md5" }, { "filename|sha1", "sha1" },
    { "filename|sha256", "sha256" }, { "domain|ip", "domain" },
  };

  if (t == NULL)
    return "other";
  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_ascii_strcasecmp (map[i].tool, t) == 0)
      return map[i].type;
  return "other";
}
