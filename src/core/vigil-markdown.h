/* vigil-markdown.h — Markdown to Pango markup, for the document preview
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Headings, bold, italic, inline code and code blocks, bulleted and
 * numbered lists, block quotes, links (their text) and rules.  Every
 * character of the source is escaped, so the result is always valid markup
 * whatever the document contains.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *vigil_markdown_to_pango (const char *markdown,
                               gssize      length);

G_END_DECLS
