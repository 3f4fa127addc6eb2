/* vigil-observable.c — checking and finding observables (pure functions)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "vigil-error.h"
#include "vigil-observable.h"
#include "vigil-vocab.h"

#define MAX_VALUE_LENGTH 8192

/* Analysts paste indicators "defanged" so nobody clicks them by accident. */
static char *
refang (const char *text)
{
  static const struct { const char *from, *to; } pairs[] = {
    { "[.]", "." }, { "(.)", "." }, { "{.}", "." }, { "[dot]", "." }, { "[:]", ":" },
    { "[@]", "@" }, { "[at]", "@" }, { "hxxps://", "https://" }, { "hxxp://", "http://" },
    { "HXXPS://", "https://" }, { "HXXP://", "http://" }, { "fxp://", "ftp://" },
  };
  GString *s = g_string_new (text);

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    g_string_replace (s, pairs[i].from, pairs[i].to, 0);
  return g_string_free (s, FALSE);
}

static gboolean
is_hex (const char *s)
{
  for (; *s; s++)
    if (!g_ascii_isxdigit (*s))
      return FALSE;
  return TRUE;
}

static gboolean
valid_ipv4 (const char *s)
{
  int parts = 0;

  while (*s)
    {
      int digits = 0, value = 0;

      while (g_ascii_isdigit (*s))
        {
          value = value * 10 + (*s - '0');
          digits++;
          s++;
          if (digits > 3)
            return FALSE;
        }
      if (digits == 0 || value > 255)
        return FALSE;
      parts++;
      if (*s == '.')
        {
          s++;
          if (*s == '\0')
            return FALSE;
        }
      else if (*s != '\0')
        return FALSE;
    }
  return parts == 4;
}

static gboolean
valid_ipv6 (const char *s)
{
  g_autoptr(GInetAddress) address = NULL;

  if (strchr (s, ':') == NULL)
    return FALSE;
  address = g_inet_address_new_from_string (s);
  return address != NULL && g_inet_address_get_family (address) == G_SOCKET_FAMILY_IPV6;
}

static gboolean
valid_label (const char *label,
             gsize       length)
{
  if (length == 0 || length > 63 || label[0] == '-' || label[length - 1] == '-')
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalnum (label[i]) && label[i] != '-' && label[i] != '_')
      return FALSE;
  return TRUE;
}

/* A DNS name; `min_labels` 2 for a domain, 1 for a host name.  International
 * names are checked in their ASCII (punycode) form. */
static gboolean
valid_dns_name (const char *name,
                int         min_labels)
{
  g_autofree char *ascii = NULL;
  const char *p, *last_label = NULL;
  int labels = 0;

  if (g_hostname_is_non_ascii (name))
    {
      ascii = g_hostname_to_ascii (name);
      if (ascii == NULL)
        return FALSE;
      name = ascii;
    }
  if (*name == '\0' || strlen (name) > 253)
    return FALSE;

  p = name;
  while (TRUE)
    {
      const char *dot = strchr (p, '.');
      gsize length = dot ? (gsize) (dot - p) : strlen (p);

      if (!valid_label (p, length))
        return FALSE;
      labels++;
      last_label = p;
      if (dot == NULL)
        break;
      p = dot + 1;
    }
  if (labels < min_labels)
    return FALSE;
  if (min_labels >= 2)
    {
      /* a top-level domain is letters (or an xn-- IDN label), never a number */
      if (g_str_has_prefix (last_label, "xn--"))
        return TRUE;
      if (strlen (last_label) < 2)
        return FALSE;
      for (p = last_label; *p; p++)
        if (!g_ascii_isalpha (*p))
          return FALSE;
    }
  return TRUE;
}

static gboolean
valid_email (const char *s)
{
  const char *at = strrchr (s, '@');

  if (at == NULL || at == s || strlen (at + 1) == 0 || (at - s) > 64)
    return FALSE;
  for (const char *p = s; p < at; p++)
    if (g_ascii_isspace (*p) || *p == '<' || *p == '>' || *p == ',' || *p == ';' || *p == '@'
        || *p == '(' || *p == ')' || *p == '[' || *p == ']' || *p == '"')
      return FALSE;
  return valid_dns_name (at + 1, 2);
}

static gboolean
has_control (const char *s)
{
  for (; *s; s++)
    if ((guchar) *s < 0x20 || *s == 0x7f)
      return TRUE;
  return FALSE;
}

char *
vigil_observable_normalize (const char  *type,
                            const char  *value,
                            GError     **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *v = NULL;

  g_return_val_if_fail (type != NULL, NULL);
  g_return_val_if_fail (value != NULL, NULL);

  if (!vigil_vocab_validate (VIGIL_VOCAB_OBSERVABLE_TYPE, type, error))
    return NULL;
  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("The value is not valid UTF-8 text"));
      return NULL;
    }
  trimmed = g_strstrip (g_strdup (value));
  if (*trimmed == '\0')
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION, _("The value is empty"));
      return NULL;
    }
  if (strlen (trimmed) > MAX_VALUE_LENGTH)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("The value is longer than %d bytes"), MAX_VALUE_LENGTH);
      return NULL;
    }
  if (has_control (trimmed))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("The value contains a line break or a control character"));
      return NULL;
    }

  if (g_str_equal (type, "ip"))
    {
      v = refang (trimmed);
      if (valid_ipv4 (v))
        return g_steal_pointer (&v);
      if (valid_ipv6 (v))
        {
          g_autoptr(GInetAddress) address = g_inet_address_new_from_string (v);
          return g_inet_address_to_string (address);
        }
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("“%s” is not an IP address: expected IPv4 as four numbers from 0 to 255 "
                     "(192.0.2.10) or an IPv6 address (2001:db8::1)"), trimmed);
      return NULL;
    }
  if (g_str_equal (type, "domain") || g_str_equal (type, "hostname"))
    {
      gboolean domain = g_str_equal (type, "domain");
      g_autofree char *lower = NULL;
      gsize length;

      v = refang (trimmed);
      length = strlen (v);
      if (length > 1 && v[length - 1] == '.')
        v[length - 1] = '\0';  /* the root dot of a fully qualified name */
      lower = g_utf8_strdown (v, -1);
      if (!valid_ipv4 (lower) && valid_dns_name (lower, domain ? 2 : 1))
        return g_steal_pointer (&lower);
      if (domain)
        g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                     _("“%s” is not a domain name: expected labels of letters, digits and "
                       "hyphens separated by dots, ending in a top-level domain "
                       "(example.com)"), trimmed);
      else
        g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                     _("“%s” is not a host name: expected letters, digits and hyphens, "
                       "optionally with dots (web-01 or web-01.corp.example)"), trimmed);
      return NULL;
    }
  if (g_str_equal (type, "url"))
    {
      g_autoptr(GUri) uri = NULL;
      const char *host;

      v = refang (trimmed);
      uri = g_uri_parse (v, G_URI_FLAGS_NON_DNS | G_URI_FLAGS_ENCODED, NULL);
      host = uri ? g_uri_get_host (uri) : NULL;
      if (uri == NULL || host == NULL || *host == '\0' || strstr (v, "://") == NULL
          || strchr (v, ' ') != NULL)
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                       _("“%s” is not a URL: expected a scheme and a host "
                         "(https://example.com/path)"), trimmed);
          return NULL;
        }
      return g_steal_pointer (&v);
    }
  if (g_str_equal (type, "md5") || g_str_equal (type, "sha1") || g_str_equal (type, "sha256"))
    {
      gsize expected = g_str_equal (type, "md5") ? 32 : g_str_equal (type, "sha1") ? 40 : 64;
      const char *name = g_str_equal (type, "md5") ? "MD5"
                         : g_str_equal (type, "sha1") ? "SHA-1" : "SHA-256";
      gsize length = strlen (trimmed);

      if (!is_hex (trimmed))
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                       _("“%s” is not a %s hash: it must contain only hexadecimal digits "
                         "(0–9, a–f)"), trimmed, name);
          return NULL;
        }
      if (length != expected)
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                       _("A %s hash is %" G_GSIZE_FORMAT " hexadecimal digits; this one has %"
                         G_GSIZE_FORMAT), name, expected, length);
          return NULL;
        }
      return g_ascii_strdown (trimmed, -1);
    }
  if (g_str_equal (type, "email"))
    {
      char *at;

      v = refang (trimmed);
      if (g_str_has_prefix (v, "mailto:"))
        memmove (v, v + 7, strlen (v + 7) + 1);
      if (!valid_email (v))
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                       _("“%s” is not an e-mail address: expected name@example.com"), trimmed);
          return NULL;
        }
      /* the domain part is case-insensitive; the local part is kept as written */
      at = strrchr (v, '@');
      {
        g_autofree char *domain = g_utf8_strdown (at + 1, -1);
        g_autofree char *local = g_strndup (v, at - v);
        return g_strconcat (local, "@", domain, NULL);
      }
    }
  if (g_str_equal (type, "registry"))
    {
      static const char * const hives[] = {
        "HKEY_", "HKLM", "HKCU", "HKCR", "HKU", "HKCC", NULL
      };
      g_autofree char *upper = g_ascii_strup (trimmed, -1);

      for (guint i = 0; hives[i]; i++)
        if (g_str_has_prefix (upper, hives[i]))
          return g_steal_pointer (&trimmed);
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("“%s” is not a registry key: expected a path that starts with its hive "
                     "(HKLM\\Software\\…, HKEY_CURRENT_USER\\…)"), trimmed);
      return NULL;
    }
  if (g_str_equal (type, "account") && strchr (trimmed, ' ') != NULL
      && strchr (trimmed, '\\') == NULL)
    {
      /* "DOMAIN\first last" style names have a backslash; bare spaces are a typo */
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("“%s” is not an account name: account names have no spaces "
                     "(jdoe, CORP\\jdoe, jdoe@example.com)"), trimmed);
      return NULL;
    }

  /* filename, account, other: any single line of text */
  return g_steal_pointer (&trimmed);
}

gboolean
vigil_observable_is_valid (const char *type,
                           const char *value)
{
  g_autofree char *normalized = vigil_observable_normalize (type, value, NULL);
  return normalized != NULL;
}

void
vigil_observable_suggestion_free (VigilObservableSuggestion *suggestion)
{
  if (suggestion == NULL)
    return;
  g_free (suggestion->type);
  g_free (suggestion->value);
  g_free (suggestion);
}

/* Extraction ------------------------------------------------------------ */

/* Dotted words that end like file names are not domains ("invoice.pdf"). */
static gboolean
looks_like_file (const char *token)
{
  static const char * const extensions[] = {
    "exe", "dll", "sys", "bat", "cmd", "ps", "vbs", "js", "jar", "py", "sh", "msi", "scr",
    "lnk", "hta", "txt", "log", "csv", "doc", "docx", "docm", "xls", "xlsx", "xlsm", "ppt",
    "pptx", "pdf", "rtf", "zip", "rar", "gz", "tgz", "iso", "img", "png", "jpg", "jpeg", "gif",
    "html", "htm", "php", "aspx", "json", "xml", "yml", "yaml", "tmp", "dat", "bin", "eml",
    "msg", "conf", "ini", "db", "sql", "bak", "old", "md", "so", "ko", NULL
  };
  const char *dot = strrchr (token, '.');
  g_autofree char *ext = NULL;

  if (dot == NULL)
    return FALSE;
  ext = g_ascii_strdown (dot + 1, -1);
  return g_strv_contains (extensions, ext);
}

static gboolean
is_trailing_punct (char c)
{
  return strchr (".,;:!?)]}>\"'`*", c) != NULL;
}

static gboolean
is_leading_punct (char c)
{
  return strchr ("([{<\"'`*", c) != NULL;
}

static void
add_suggestion (GPtrArray  *out,
                GHashTable *seen,
                const char *type,
                char       *value)
{
  g_autofree char *key = g_strconcat (type, "\n", value, NULL);
  VigilObservableSuggestion *s;

  if (g_hash_table_contains (seen, key))
    {
      g_free (value);
      return;
    }
  g_hash_table_add (seen, g_steal_pointer (&key));
  s = g_new0 (VigilObservableSuggestion, 1);
  s->type = g_strdup (type);
  s->value = value;
  g_ptr_array_add (out, s);
}

static void
consider_token (GPtrArray  *out,
                GHashTable *seen,
                char       *token)
{
  gsize length;
  char *normalized;

  /* strip wrapping punctuation; "[.]" inside stays for re-fanging */
  while (*token && is_leading_punct (*token) && !g_str_has_prefix (token, "[.]"))
    token++;
  length = strlen (token);
  while (length > 0 && is_trailing_punct (token[length - 1]))
    token[--length] = '\0';
  if (length < 4)
    return;

  if (strstr (token, "://") != NULL)
    {
      if ((normalized = vigil_observable_normalize ("url", token, NULL)) != NULL)
        {
          g_autoptr(GUri) uri = g_uri_parse (normalized, G_URI_FLAGS_NON_DNS |
                                             G_URI_FLAGS_ENCODED, NULL);
          const char *host = uri ? g_uri_get_host (uri) : NULL;

          add_suggestion (out, seen, "url", normalized);
          if (host != NULL)
            {
              if ((normalized = vigil_observable_normalize ("ip", host, NULL)) != NULL)
                add_suggestion (out, seen, "ip", normalized);
              else if ((normalized = vigil_observable_normalize ("domain", host, NULL)) != NULL)
                add_suggestion (out, seen, "domain", normalized);
            }
        }
      return;
    }
  if (strchr (token, '@') != NULL || strstr (token, "[@]") != NULL)
    {
      if ((normalized = vigil_observable_normalize ("email", token, NULL)) != NULL)
        add_suggestion (out, seen, "email", normalized);
      return;
    }
  if (is_hex (token) && (length == 32 || length == 40 || length == 64))
    {
      add_suggestion (out, seen, length == 32 ? "md5" : length == 40 ? "sha1" : "sha256",
                      g_ascii_strdown (token, -1));
      return;
    }
  {
    /* 198.51.100.23:443 — an IPv4 address with its port */
    char *colon = strchr (token, ':');
    if (colon != NULL && strchr (colon + 1, ':') == NULL && colon[1] != '\0')
      {
        gboolean port = TRUE;
        for (const char *p = colon + 1; *p; p++)
          port &= g_ascii_isdigit (*p);
        if (port)
          {
            *colon = '\0';
            if ((normalized = vigil_observable_normalize ("ip", token, NULL)) != NULL &&
                strchr (normalized, ':') == NULL)
              {
                add_suggestion (out, seen, "ip", normalized);
                return;
              }
            g_free (normalized);
            *colon = ':';
          }
      }
  }
  if ((normalized = vigil_observable_normalize ("ip", token, NULL)) != NULL)
    {
      /* an IPv6 needs at least two colons, so "12:30" is not one */
      if (strchr (token, ':') == NULL || strchr (strchr (token, ':') + 1, ':') != NULL)
        add_suggestion (out, seen, "ip", normalized);
      else
        g_free (normalized);
      return;
    }
  if (strchr (token, '.') != NULL || strstr (token, "[.]") != NULL)
    {
      g_autofree char *fanged = refang (token);

      if (looks_like_file (fanged))
        return;
      if ((normalized = vigil_observable_normalize ("domain", fanged, NULL)) != NULL)
        add_suggestion (out, seen, "domain", normalized);
    }
}

GPtrArray *
vigil_observable_extract (const char *text)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_observable_suggestion_free);
  g_auto(GStrv) tokens = NULL;

  if (text == NULL || *text == '\0')
    return out;

  tokens = g_strsplit_set (text, " \t\r\n,;|", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    if (g_utf8_validate (tokens[i], -1, NULL))
      consider_token (out, seen, tokens[i]);
  return out;
}
