/* vigil-markdown.c — Markdown to Pango markup, for the document preview
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "vigil-markdown.h"

static void
append_escaped (GString    *out,
                const char *text,
                gsize       length)
{
  g_autofree char *escaped = g_markup_escape_text (text, (gssize) length);
  g_string_append (out, escaped);
}

/* Finds the closing `marker` after `p`, on the same line; NULL if none. */
static const char *
find_closing (const char *p,
              const char *marker)
{
  gsize n = strlen (marker);
  const char *end = strstr (p, marker);

  if (end == NULL || end == p)
    return NULL;
  /* "* " is a list bullet or a lone star, not emphasis */
  if (g_ascii_isspace (*p) || g_ascii_isspace (end[-1]))
    return NULL;
  (void) n;
  return end;
}

static void inline_markup (GString *out, const char *text, gsize length);

static gboolean
try_span (GString     *out,
          const char **pp,
          const char  *end,
          const char  *marker,
          const char  *open,
          const char  *close,
          gboolean     nested)
{
  gsize n = strlen (marker);
  const char *p = *pp;
  g_autofree char *rest = NULL;
  const char *closing;

  if ((gsize) (end - p) <= n * 2 || strncmp (p, marker, n) != 0)
    return FALSE;
  rest = g_strndup (p + n, end - p - n);
  closing = find_closing (rest, marker);
  if (closing == NULL)
    return FALSE;
  g_string_append (out, open);
  if (nested)
    inline_markup (out, rest, closing - rest);
  else
    append_escaped (out, rest, closing - rest);
  g_string_append (out, close);
  *pp = p + n + (closing - rest) + n;
  return TRUE;
}

static void
inline_markup (GString    *out,
               const char *text,
               gsize       length)
{
  const char *p = text;
  const char *end = text + length;

  while (p < end)
    {
      const char *next;

      if (try_span (out, &p, end, "`", "<tt>", "</tt>", FALSE)
          || try_span (out, &p, end, "**", "<b>", "</b>", TRUE)
          || try_span (out, &p, end, "__", "<b>", "</b>", TRUE)
          || try_span (out, &p, end, "*", "<i>", "</i>", TRUE)
          || try_span (out, &p, end, "_", "<i>", "</i>", TRUE))
        continue;

      /* [text](url) shows its text, underlined */
      if (*p == '[')
        {
          const char *close = memchr (p, ']', end - p);
          if (close != NULL && close + 1 < end && close[1] == '(')
            {
              const char *paren = memchr (close, ')', end - close);
              if (paren != NULL)
                {
                  g_string_append (out, "<u>");
                  inline_markup (out, p + 1, close - p - 1);
                  g_string_append (out, "</u>");
                  p = paren + 1;
                  continue;
                }
            }
        }

      next = g_utf8_next_char (p);
      if (next > end)
        next = end;
      append_escaped (out, p, next - p);
      p = next;
    }
}

static const char *
skip_spaces (const char *p)
{
  while (*p == ' ' || *p == '\t')
    p++;
  return p;
}

char *
vigil_markdown_to_pango (const char *markdown,
                         gssize      length)
{
  g_autofree char *valid = NULL;
  g_auto(GStrv) lines = NULL;
  GString *out = g_string_new (NULL);
  gboolean in_code = FALSE;

  if (markdown == NULL)
    return g_string_free (out, FALSE);
  valid = g_utf8_make_valid (markdown, length);
  lines = g_strsplit (valid, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = lines[i];
      gsize len = strlen (line);
      const char *body;
      guint indent;

      if (len > 0 && line[len - 1] == '\r')
        line[--len] = '\0';
      body = skip_spaces (line);
      indent = (guint) (body - line);

      if (g_str_has_prefix (body, "```") || g_str_has_prefix (body, "~~~"))
        {
          in_code = !in_code;
          continue;
        }
      if (in_code)
        {
          g_string_append (out, "<tt>");
          append_escaped (out, line, len);
          g_string_append (out, "</tt>\n");
          continue;
        }

      if (*body == '#')
        {
          guint level = 0;
          static const char * const sizes[] = { "xx-large", "x-large", "large", "large", "medium", "medium" };

          while (body[level] == '#' && level < 6)
            level++;
          if (body[level] == ' ' || body[level] == '\0')
            {
              const char *title = skip_spaces (body + level);
              g_string_append_printf (out, "<span size=\"%s\" weight=\"bold\">", sizes[level - 1]);
              inline_markup (out, title, strlen (title));
              g_string_append (out, "</span>\n");
              continue;
            }
        }

      if ((g_str_has_prefix (body, "---") || g_str_has_prefix (body, "***")
           || g_str_has_prefix (body, "___")) && strspn (body, "-*_ ") == strlen (body))
        {
          g_string_append (out, "──────────\n");
          continue;
        }

      if (*body == '>')
        {
          const char *quote = skip_spaces (body + 1);
          g_string_append (out, "<i>│ ");
          inline_markup (out, quote, strlen (quote));
          g_string_append (out, "</i>\n");
          continue;
        }

      if ((*body == '-' || *body == '*' || *body == '+') && body[1] == ' ')
        {
          const char *item = skip_spaces (body + 2);
          const char *box = "";

          if (g_str_has_prefix (item, "[ ] "))
            box = "☐ ", item += 4;
          else if (g_str_has_prefix (item, "[x] ") || g_str_has_prefix (item, "[X] "))
            box = "☑ ", item += 4;
          for (guint k = 0; k < indent / 2; k++)
            g_string_append (out, "    ");
          g_string_append_printf (out, "  • %s", box);
          inline_markup (out, item, strlen (item));
          g_string_append_c (out, '\n');
          continue;
        }

      if (g_ascii_isdigit (*body))
        {
          gsize digits = strspn (body, "0123456789");
          if ((body[digits] == '.' || body[digits] == ')') && body[digits + 1] == ' ')
            {
              const char *item = skip_spaces (body + digits + 2);
              for (guint k = 0; k < indent / 2; k++)
                g_string_append (out, "    ");
              g_string_append (out, "  ");
              append_escaped (out, body, digits);
              g_string_append (out, ". ");
              inline_markup (out, item, strlen (item));
              g_string_append_c (out, '\n');
              continue;
            }
        }

      inline_markup (out, line, len);
      g_string_append_c (out, '\n');
    }

  /* no trailing blank lines */
  while (out->len > 0 && out->str[out->len - 1] == '\n')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}
