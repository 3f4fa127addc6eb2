/* vigil-import-json.h — a small, fast JSON tokenizer for the alert importers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One event is one short JSON text; building a json-glib tree for each of a
 * million lines costs more than everything else an import does, so the
 * importers tokenize into a flat array (no allocation per value) and read
 * the few members they need.  The tokenizer checks the grammar fully and
 * refuses nesting deeper than a limit, so hostile input cannot exhaust the
 * stack.  Strings are returned unescaped on demand.
 */
#pragma once

#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

typedef enum
{
  VIGIL_JSON_OBJECT,
  VIGIL_JSON_ARRAY,
  VIGIL_JSON_STRING,
  VIGIL_JSON_NUMBER,
  VIGIL_JSON_TRUE,
  VIGIL_JSON_FALSE,
  VIGIL_JSON_NULL,
} VigilJsonType;

typedef struct
{
  guint8  type;      /* VigilJsonType */
  guint8  escaped;   /* a string with backslash escapes */
  guint32 start;     /* byte offsets in the text: a string without its quotes */
  guint32 end;
  guint32 size;      /* members (objects: keys and values count as one pair) or items */
  guint32 next;      /* index of the token after this value and its children */
} VigilJsonToken;

typedef struct
{
  const char     *text;
  gsize           len;
  VigilJsonToken *tokens;
  guint           n_tokens;
  guint           alloc;
} VigilJsonDoc;

#define VIGIL_JSON_MAX_DEPTH 64

void      vigil_json_doc_init    (VigilJsonDoc  *doc);
void      vigil_json_doc_clear   (VigilJsonDoc  *doc);
/* Tokenizes one JSON value (surrounding white space allowed); on error sets
 * a message naming the byte offset. */
gboolean  vigil_json_parse       (VigilJsonDoc  *doc,
                                  const char    *text,
                                  gsize          len,
                                  GError       **error);
/* The value of member `key` of object token `obj`, or -1. */
int       vigil_json_get         (VigilJsonDoc  *doc,
                                  int            obj,
                                  const char    *key);
/* Dotted path ("alert.signature") from `obj`; a key may itself contain a
 * dot when it is found whole first ("id.orig_h"). */
int       vigil_json_path        (VigilJsonDoc  *doc,
                                  int            obj,
                                  const char    *path);
/* A string, a number or a boolean as text (numbers as written, so 64-bit
 * ids keep every digit); NULL for objects, arrays, null and -1. */
char     *vigil_json_dup         (VigilJsonDoc  *doc,
                                  int            tok);
char     *vigil_json_dup_path    (VigilJsonDoc  *doc,
                                  int            obj,
                                  const char    *path);
/* A number, or a string holding one ("36679"). */
gboolean  vigil_json_int64       (VigilJsonDoc  *doc,
                                  int            tok,
                                  gint64        *out);
/* The raw text of a value (its JSON, including quotes for strings). */
char     *vigil_json_dup_raw     (VigilJsonDoc  *doc,
                                  int            tok);
/* Child `i` of array `arr` by walking; use vigil_json_first/next to iterate. */
static inline int
vigil_json_first (VigilJsonDoc *doc, int container)
{
  return (container >= 0 && doc->tokens[container].size > 0) ? container + 1 : -1;
}

/* Is token `tok` the string `text` (without escapes)? */
static inline gboolean
vigil_json_string_is (VigilJsonDoc *doc, int tok, const char *text)
{
  VigilJsonToken *t;
  gsize n = strlen (text);

  if (tok < 0)
    return FALSE;
  t = &doc->tokens[tok];
  return t->type == VIGIL_JSON_STRING && t->end - t->start == n &&
         memcmp (doc->text + t->start, text, n) == 0;
}

/* Iterating: for (int i = vigil_json_first (doc, arr); i >= 0; i = vigil_json_next (doc, arr, i)) */
static inline int
vigil_json_next (VigilJsonDoc *doc, int container, int child)
{
  guint n = doc->tokens[child].next;
  if (doc->tokens[container].type == VIGIL_JSON_OBJECT)
    n = doc->tokens[n].next;  /* child was a key: skip its value */
  return n < doc->tokens[container].next ? (int) n : -1;
}

G_END_DECLS
