/* vigil-import-json.c — a small, fast JSON tokenizer for the alert importers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vigil-error.h"
#include "vigil-import-json.h"

void
vigil_json_doc_init (VigilJsonDoc *doc)
{
  memset (doc, 0, sizeof *doc);
}

void
vigil_json_doc_clear (VigilJsonDoc *doc)
{
  g_free (doc->tokens);
  memset (doc, 0, sizeof *doc);
}

static inline int
add_token (VigilJsonDoc *doc,
           guint8        type,
           gsize         start)
{
  VigilJsonToken *t;

  if (doc->n_tokens == doc->alloc)
    {
      doc->alloc = MAX (64, doc->alloc * 2);
      doc->tokens = g_renew (VigilJsonToken, doc->tokens, doc->alloc);
    }
  t = &doc->tokens[doc->n_tokens];
  t->type = type;
  t->escaped = 0;
  t->start = (guint32) start;
  t->end = (guint32) start;
  t->size = 0;
  t->next = doc->n_tokens + 1;
  return (int) doc->n_tokens++;
}

static gboolean
fail (GError     **error,
      gsize        pos,
      const char  *what)
{
  g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
               _("invalid JSON at byte %" G_GSIZE_FORMAT ": %s"), pos + 1, what);
  return FALSE;
}

#define IS_WS(c) ((c) == ' ' || (c) == '\t' || (c) == '\n' || (c) == '\r')

/* States of the grammar around the current container. */
enum { EXPECT_VALUE, EXPECT_KEY_OR_END, EXPECT_KEY, EXPECT_COLON,
       EXPECT_COMMA_OR_END, EXPECT_VALUE_OR_END, DONE };

gboolean
vigil_json_parse (VigilJsonDoc  *doc,
                  const char    *text,
                  gsize          len,
                  GError       **error)
{
  int stack[VIGIL_JSON_MAX_DEPTH];
  int depth = 0;
  int state = EXPECT_VALUE;
  gsize i = 0;

  doc->text = text;
  doc->len = len;
  doc->n_tokens = 0;

  if (len >= G_MAXUINT32)
    return fail (error, 0, _("the text is too long"));

  while (i < len)
    {
      guchar c = (guchar) text[i];
      int tok;

      if (IS_WS (c))
        {
          i++;
          continue;
        }

      if (state == DONE)
        return fail (error, i, _("unexpected text after the value"));

      if (state == EXPECT_COLON)
        {
          if (c != ':')
            return fail (error, i, _("expected “:”"));
          state = EXPECT_VALUE;
          i++;
          continue;
        }

      if (state == EXPECT_COMMA_OR_END)
        {
          VigilJsonToken *parent = &doc->tokens[stack[depth - 1]];

          if (c == ',')
            {
              state = parent->type == VIGIL_JSON_OBJECT ? EXPECT_KEY : EXPECT_VALUE;
              i++;
              continue;
            }
          if ((c == '}' && parent->type == VIGIL_JSON_OBJECT) ||
              (c == ']' && parent->type == VIGIL_JSON_ARRAY))
            goto close_container;
          return fail (error, i, _("expected “,” or the end of the object or array"));
        }

      if (c == '}' || c == ']')
        {
          if (depth == 0)
            return fail (error, i, _("unbalanced closing bracket"));
          if ((state == EXPECT_KEY_OR_END && c == '}') ||
              (state == EXPECT_VALUE_OR_END && c == ']'))
            goto close_container;
          return fail (error, i, _("unexpected closing bracket"));
        }

      if (state == EXPECT_KEY_OR_END || state == EXPECT_KEY)
        {
          if (c != '"')
            return fail (error, i, _("expected a member name in quotes"));
        }

      /* a value, or a key (a string) */
      if (c == '"')
        {
          gsize j = i + 1;
          gboolean escaped = FALSE;

          for (;;)
            {
              if (j >= len)
                return fail (error, i, _("unterminated string"));
              c = (guchar) text[j];
              if (c == '"')
                break;
              if (c == '\\')
                {
                  escaped = TRUE;
                  if (j + 1 >= len)
                    return fail (error, j, _("unterminated string"));
                  c = (guchar) text[j + 1];
                  if (c == 'u')
                    {
                      if (j + 5 >= len || !g_ascii_isxdigit (text[j + 2]) ||
                          !g_ascii_isxdigit (text[j + 3]) || !g_ascii_isxdigit (text[j + 4]) ||
                          !g_ascii_isxdigit (text[j + 5]))
                        return fail (error, j, _("bad \\u escape"));
                      j += 6;
                      continue;
                    }
                  if (strchr ("\"\\/bfnrt", c) == NULL || c == '\0')
                    return fail (error, j, _("bad escape"));
                  j += 2;
                  continue;
                }
              if (c < 0x20)
                return fail (error, j, _("control character in a string"));
              j++;
            }
          tok = add_token (doc, VIGIL_JSON_STRING, i + 1);
          doc->tokens[tok].end = (guint32) j;
          doc->tokens[tok].escaped = escaped;
          i = j + 1;
          if (state == EXPECT_KEY_OR_END || state == EXPECT_KEY)
            {
              doc->tokens[stack[depth - 1]].size++;
              state = EXPECT_COLON;
              continue;
            }
        }
      else if (c == '{' || c == '[')
        {
          if (depth == VIGIL_JSON_MAX_DEPTH)
            return fail (error, i, _("nested too deeply"));
          tok = add_token (doc, c == '{' ? VIGIL_JSON_OBJECT : VIGIL_JSON_ARRAY, i);
          if (depth > 0 && doc->tokens[stack[depth - 1]].type == VIGIL_JSON_ARRAY)
            doc->tokens[stack[depth - 1]].size++;
          stack[depth++] = tok;
          state = c == '{' ? EXPECT_KEY_OR_END : EXPECT_VALUE_OR_END;
          i++;
          continue;
        }
      else if (c == '-' || g_ascii_isdigit (c))
        {
          gsize j = i;

          if (text[j] == '-')
            j++;
          if (j >= len || !g_ascii_isdigit (text[j]))
            return fail (error, i, _("bad number"));
          while (j < len && g_ascii_isdigit (text[j]))
            j++;
          if (j < len && text[j] == '.')
            {
              j++;
              if (j >= len || !g_ascii_isdigit (text[j]))
                return fail (error, i, _("bad number"));
              while (j < len && g_ascii_isdigit (text[j]))
                j++;
            }
          if (j < len && (text[j] == 'e' || text[j] == 'E'))
            {
              j++;
              if (j < len && (text[j] == '+' || text[j] == '-'))
                j++;
              if (j >= len || !g_ascii_isdigit (text[j]))
                return fail (error, i, _("bad number"));
              while (j < len && g_ascii_isdigit (text[j]))
                j++;
            }
          tok = add_token (doc, VIGIL_JSON_NUMBER, i);
          doc->tokens[tok].end = (guint32) j;
          i = j;
        }
      else if (len - i >= 4 && memcmp (text + i, "true", 4) == 0)
        {
          tok = add_token (doc, VIGIL_JSON_TRUE, i);
          doc->tokens[tok].end = (guint32) (i + 4);
          i += 4;
        }
      else if (len - i >= 5 && memcmp (text + i, "false", 5) == 0)
        {
          tok = add_token (doc, VIGIL_JSON_FALSE, i);
          doc->tokens[tok].end = (guint32) (i + 5);
          i += 5;
        }
      else if (len - i >= 4 && memcmp (text + i, "null", 4) == 0)
        {
          tok = add_token (doc, VIGIL_JSON_NULL, i);
          doc->tokens[tok].end = (guint32) (i + 4);
          i += 4;
        }
      else
        return fail (error, i, _("unexpected character"));

      /* a scalar value was added */
      if (depth > 0 && doc->tokens[stack[depth - 1]].type == VIGIL_JSON_ARRAY)
        doc->tokens[stack[depth - 1]].size++;
      state = depth > 0 ? EXPECT_COMMA_OR_END : DONE;
      continue;

    close_container:
      {
        int open = stack[--depth];
        doc->tokens[open].end = (guint32) (i + 1);
        doc->tokens[open].next = doc->n_tokens;
        state = depth > 0 ? EXPECT_COMMA_OR_END : DONE;
        i++;
      }
    }

  if (state != DONE)
    return fail (error, len, depth > 0 ? _("the text ends inside an object or array")
                                       : _("no value"));
  return TRUE;
}

static inline gboolean
key_equals (VigilJsonDoc   *doc,
            VigilJsonToken *t,
            const char     *key,
            gsize           key_len)
{
  if (t->escaped)
    {
      g_autofree char *k = vigil_json_dup (doc, (int) (t - doc->tokens));
      return strlen (k) == key_len && memcmp (k, key, key_len) == 0;
    }
  return t->end - t->start == key_len && memcmp (doc->text + t->start, key, key_len) == 0;
}

static int
get_n (VigilJsonDoc *doc,
       int           obj,
       const char   *key,
       gsize         key_len)
{
  guint i, end;

  if (obj < 0 || doc->tokens[obj].type != VIGIL_JSON_OBJECT)
    return -1;
  end = doc->tokens[obj].next;
  for (i = obj + 1; i < end; i = doc->tokens[i + 1].next)
    if (key_equals (doc, &doc->tokens[i], key, key_len))
      return (int) i + 1;
  return -1;
}

int
vigil_json_get (VigilJsonDoc *doc,
                int           obj,
                const char   *key)
{
  return get_n (doc, obj, key, strlen (key));
}

int
vigil_json_path (VigilJsonDoc *doc,
                 int           obj,
                 const char   *path)
{
  const char *dot;
  int found;

  found = get_n (doc, obj, path, strlen (path));
  if (found >= 0)
    return found;
  dot = strchr (path, '.');
  while (dot != NULL)
    {
      int child = get_n (doc, obj, path, dot - path);
      if (child >= 0)
        {
          found = vigil_json_path (doc, child, dot + 1);
          if (found >= 0)
            return found;
        }
      dot = strchr (dot + 1, '.');
    }
  return -1;
}

static gunichar
hex4 (const char *p)
{
  gunichar c = 0;

  for (int k = 0; k < 4; k++)
    c = (c << 4) | (gunichar) g_ascii_xdigit_value (p[k]);
  return c;
}

static void
append_utf8 (GString *s,
             gunichar c)
{
  if (!g_unichar_validate (c))
    c = 0xFFFD;
  g_string_append_unichar (s, c);
}

char *
vigil_json_dup (VigilJsonDoc *doc,
                int           tok)
{
  VigilJsonToken *t;
  const char *p, *end;
  GString *s;

  if (tok < 0)
    return NULL;
  t = &doc->tokens[tok];
  switch (t->type)
    {
    case VIGIL_JSON_NUMBER:
    case VIGIL_JSON_TRUE:
    case VIGIL_JSON_FALSE:
      return g_strndup (doc->text + t->start, t->end - t->start);
    case VIGIL_JSON_STRING:
      break;
    default:
      return NULL;
    }
  if (!t->escaped)
    return g_strndup (doc->text + t->start, t->end - t->start);

  s = g_string_sized_new (t->end - t->start);
  for (p = doc->text + t->start, end = doc->text + t->end; p < end; p++)
    {
      if (*p != '\\')
        {
          g_string_append_c (s, *p);
          continue;
        }
      p++;
      switch (*p)
        {
        case 'b': g_string_append_c (s, '\b'); break;
        case 'f': g_string_append_c (s, '\f'); break;
        case 'n': g_string_append_c (s, '\n'); break;
        case 'r': g_string_append_c (s, '\r'); break;
        case 't': g_string_append_c (s, '\t'); break;
        case 'u':
          {
            gunichar c = (gunichar) hex4 (p + 1);
            p += 4;
            if (c >= 0xD800 && c < 0xDC00 && p + 6 < end && p[1] == '\\' && p[2] == 'u')
              {
                gunichar lo = (gunichar) hex4 (p + 3);
                if (lo >= 0xDC00 && lo < 0xE000)
                  {
                    c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
                    p += 6;
                  }
              }
            if (c == 0)
              c = 0xFFFD;  /* no NUL inside C strings */
            append_utf8 (s, c);
          }
          break;
        default:
          g_string_append_c (s, *p);
        }
    }
  return g_string_free (s, FALSE);
}

char *
vigil_json_dup_path (VigilJsonDoc *doc,
                     int           obj,
                     const char   *path)
{
  return vigil_json_dup (doc, vigil_json_path (doc, obj, path));
}

gboolean
vigil_json_int64 (VigilJsonDoc *doc,
                  int           tok,
                  gint64       *out)
{
  char buf[32];
  VigilJsonToken *t;
  gsize n;
  char *end;

  if (tok < 0)
    return FALSE;
  t = &doc->tokens[tok];
  if (t->type != VIGIL_JSON_NUMBER && (t->type != VIGIL_JSON_STRING || t->escaped))
    return FALSE;
  n = t->end - t->start;
  if (n == 0 || n >= sizeof buf)
    return FALSE;
  memcpy (buf, doc->text + t->start, n);
  buf[n] = '\0';
  *out = g_ascii_strtoll (buf, &end, 10);
  return end != buf && (*end == '\0' || *end == '.');
}

char *
vigil_json_dup_raw (VigilJsonDoc *doc,
                    int           tok)
{
  VigilJsonToken *t;

  if (tok < 0)
    return NULL;
  t = &doc->tokens[tok];
  if (t->type == VIGIL_JSON_STRING)
    return g_strndup (doc->text + t->start - 1, t->end - t->start + 2);
  return g_strndup (doc->text + t->start, t->end - t->start);
}
