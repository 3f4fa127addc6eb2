/* vigil-address-match.c — longest-prefix match of addresses against an inventory
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One hash table keyed by (family, prefix length, masked address bytes),
 * and per family the prefix lengths in use: a lookup masks the address at
 * each length in use, longest first, so it costs one hash lookup per
 * distinct length (usually two: the hosts and a few network sizes).
 */
#include "config.h"

#include <arpa/inet.h>
#include <string.h>

#include "vigil-address-match.h"

typedef struct
{
  guint8 family;  /* 4, 6, or 0 for text */
  guint8 len;     /* prefix length */
  guint8 bytes[16];
} Key;

typedef struct
{
  Key    key;
  gint64 id;
  int    rank;
} Entry;

struct _VigilAddressMatch
{
  GHashTable *entries;        /* Key → Entry (the key is the entry's first member) */
  GHashTable *text;           /* other text → Entry */
  gboolean    lengths[2][129];
  int         longest[2];     /* the longest length in use, -1 = none */
};

static guint
key_hash (gconstpointer p)
{
  const Key *k = p;
  guint h = 2166136261u;
  const guint8 *b = (const guint8 *) k;

  for (gsize i = 0; i < sizeof *k; i++)
    h = (h ^ b[i]) * 16777619u;
  return h;
}

static gboolean
key_equal (gconstpointer a,
           gconstpointer b)
{
  return memcmp (a, b, sizeof (Key)) == 0;
}

VigilAddressMatch *
vigil_address_match_new (void)
{
  VigilAddressMatch *self = g_new0 (VigilAddressMatch, 1);

  self->entries = g_hash_table_new_full (key_hash, key_equal, NULL, g_free);
  self->text = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->longest[0] = self->longest[1] = -1;
  return self;
}

void
vigil_address_match_free (VigilAddressMatch *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->entries);
  g_hash_table_unref (self->text);
  g_free (self);
}

/* Parses an IPv4 or IPv6 address; an IPv4-mapped IPv6 address becomes IPv4. */
static gboolean
parse_address (const char *text,
               gsize       n,
               Key        *key)
{
  char buf[INET6_ADDRSTRLEN + 1];
  static const guint8 mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };

  if (n == 0 || n >= sizeof buf)
    return FALSE;
  memcpy (buf, text, n);
  buf[n] = '\0';
  memset (key, 0, sizeof *key);
  if (inet_pton (AF_INET, buf, key->bytes) == 1)
    {
      key->family = 4;
      key->len = 32;
      return TRUE;
    }
  if (inet_pton (AF_INET6, buf, key->bytes) != 1)
    return FALSE;
  if (memcmp (key->bytes, mapped, sizeof mapped) == 0)
    {
      memmove (key->bytes, key->bytes + 12, 4);
      memset (key->bytes + 4, 0, 12);
      key->family = 4;
      key->len = 32;
      return TRUE;
    }
  key->family = 6;
  key->len = 128;
  return TRUE;
}

static void
mask (Key *key,
      int  len)
{
  int bytes = key->family == 4 ? 4 : 16;

  key->len = (guint8) len;
  for (int i = 0; i < bytes; i++)
    {
      int keep = CLAMP (len - i * 8, 0, 8);
      key->bytes[i] &= (guint8) (0xff00 >> keep);
    }
}

static void
keep_best (GHashTable *table,
           gpointer    key,
           Entry      *entry)
{
  Entry *old = g_hash_table_lookup (table, key);

  if (old == NULL)
    {
      g_hash_table_insert (table, key, entry);
      return;
    }
  if (entry->rank > old->rank)
    {
      old->id = entry->id;
      old->rank = entry->rank;
    }
  if (key != (gpointer) entry)
    g_free (key);
  g_free (entry);
}

gboolean
vigil_address_match_add (VigilAddressMatch *self,
                         const char        *entry,
                         gint64             id,
                         int                rank)
{
  const char *slash;
  Entry *e;
  Key key;
  gsize n;

  g_return_val_if_fail (self != NULL, FALSE);
  if (entry == NULL)
    return FALSE;
  while (g_ascii_isspace (*entry))
    entry++;
  n = strlen (entry);
  while (n > 0 && (g_ascii_isspace (entry[n - 1]) || entry[n - 1] == ',' || entry[n - 1] == ';'))
    n--;
  if (n == 0)
    return FALSE;

  slash = memchr (entry, '/', n);
  if (parse_address (entry, slash ? (gsize) (slash - entry) : n, &key))
    {
      int max = key.family == 4 ? 32 : 128, len = max;
      int f = key.family == 4 ? 0 : 1;

      if (slash != NULL)
        {
          char *end;
          gint64 v;

          if (!g_ascii_isdigit (slash[1]))
            return FALSE;
          v = g_ascii_strtoll (slash + 1, &end, 10);
          if ((gsize) (end - entry) != n || v < 0 || v > max)
            return FALSE;
          len = (int) v;
        }
      mask (&key, len);
      e = g_new (Entry, 1);
      e->key = key;
      e->id = id;
      e->rank = rank;
      self->lengths[f][len] = TRUE;
      self->longest[f] = MAX (self->longest[f], len);
      keep_best (self->entries, &e->key, e);
      return TRUE;
    }

  e = g_new0 (Entry, 1);
  e->id = id;
  e->rank = rank;
  keep_best (self->text, g_strndup (entry, n), e);
  return TRUE;
}

gboolean
vigil_address_match_lookup (VigilAddressMatch *self,
                            const char        *address,
                            gint64            *id,
                            int               *rank,
                            int               *host_bits)
{
  Key key, probe;
  Entry *e;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (id != NULL && rank != NULL && host_bits != NULL, FALSE);
  if (address == NULL || *address == '\0')
    return FALSE;

  if (parse_address (address, strlen (address), &key))
    {
      int f = key.family == 4 ? 0 : 1;
      int max = key.family == 4 ? 32 : 128;

      for (int len = self->longest[f]; len >= 0; len--)
        {
          if (!self->lengths[f][len])
            continue;
          probe = key;
          mask (&probe, len);
          e = g_hash_table_lookup (self->entries, &probe);
          if (e != NULL)
            {
              *id = e->id;
              *rank = e->rank;
              *host_bits = max - len;
              return TRUE;
            }
        }
      return FALSE;
    }

  e = g_hash_table_lookup (self->text, address);
  if (e == NULL)
    return FALSE;
  *id = e->id;
  *rank = e->rank;
  *host_bits = 0;
  return TRUE;
}

guint
vigil_address_match_size (VigilAddressMatch *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return g_hash_table_size (self->entries) + g_hash_table_size (self->text);
}
