/* vigil-address-match.h — link an address to the most specific asset address or range
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An inventory lists hosts (10.0.0.5, 2001:db8::5) and networks in CIDR
 * notation (10.20.0.0/16, 2001:db8:40::/48).  A lookup returns the asset of
 * the most specific entry that holds the address: the exact host first,
 * then the longest prefix.  IPv4 and IPv6 (an IPv4-mapped IPv6 address is
 * its IPv4 address); text that is not an address matches only itself.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _VigilAddressMatch VigilAddressMatch;

VigilAddressMatch *vigil_address_match_new  (void);
void               vigil_address_match_free (VigilAddressMatch *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilAddressMatch, vigil_address_match_free)

/* `entry` is an address, a CIDR range ("10.20.0.0/16"; host bits are
 * ignored) or other text.  When two assets list the same entry, the one of
 * the higher `rank` (criticality) is kept.  Returns FALSE for an empty entry
 * or a prefix length out of range. */
gboolean vigil_address_match_add    (VigilAddressMatch *self,
                                     const char        *entry,
                                     gint64             id,
                                     int                rank);

/* The asset of the most specific entry holding `address`: returns TRUE and
 * sets `id`, `rank` and `host_bits` (the bits the entry leaves open: 0 for
 * an exact address, 16 for a /16 when matching an IPv4 address). */
gboolean vigil_address_match_lookup (VigilAddressMatch *self,
                                     const char        *address,
                                     gint64            *id,
                                     int               *rank,
                                     int               *host_bits);

guint    vigil_address_match_size   (VigilAddressMatch *self);

G_END_DECLS
