/* vigil-cli-asset.c — vigilctl commands for the inventory: assets and documents
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "vigil-asset-import.h"
#include "vigil-cli-private.h"
#include "vigil-extract.h"
#include "vigil-store-assets.h"
#include "vigil-store-documents.h"

/* Shared helpers ------------------------------------------------------------------ */

/* "Name" → person id, or a usage error that says what matched */
static gboolean
resolve_person_option (VigilCli    *cli,
                       VigilStore  *store,
                       const char  *option,
                       const char  *value,
                       gint64      *id,
                       GError     **error)
{
  if (value == NULL)
    return TRUE;
  if (*value == '\0')
    {
      *id = -1;
      return TRUE;
    }
  *id = vigil_store_lookup_person_id (store, value);
  if (*id > 0)
    return TRUE;
  g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
               *id < 0 ? _("%s: several people are named “%s”; give an email or employee id")
                       : _("%s: no person “%s” in the organisation (give a name, email or "
                           "employee id)"), option, value);
  return FALSE;
}

static gboolean
resolve_team_option (VigilStore  *store,
                     const char  *value,
                     gint64      *id,
                     GError     **error)
{
  if (value == NULL)
    return TRUE;
  if (*value == '\0')
    {
      *id = -1;
      return TRUE;
    }
  *id = vigil_store_lookup_team_id (store, value);
  if (*id > 0)
    return TRUE;
  g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
               _("--team: no team “%s” in the organisation"), value);
  return FALSE;
}

/* asset import ----------------------------------------------------------------------- */

static int
cmd_asset_import (VigilCli  *cli,
                  int        argc,
                  char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilAssetImportReport) report = NULL;
  g_auto(GStrv) map = NULL;
  gboolean skip_invalid = FALSE, dry_run = FALSE, json = FALSE;
  VigilAssetImportFlags flags = 0;
  VigilStore *store;
  gboolean ok;
  int status;
  const GOptionEntry entries[] = {
    { "map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &map,
      N_("Read COLUMN as FIELD (name, kind, hostname, addresses, owner_team, contact, "
         "business_owner, criticality, environment, location, status, description, note, ignore)"),
      "COLUMN=FIELD" },
    { "skip-invalid", 0, 0, G_OPTION_ARG_NONE, &skip_invalid,
      N_("Import the valid rows and report the others"), NULL },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Check the file, write nothing"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the report as JSON"), NULL },
    { NULL }
  };

  if (!vigil_cli_parse (cli, "FILE", entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return vigil_cli_usage_error (cli, _("give one CSV file to import"));
  store = vigil_cli_open_store (cli, VIGIL_STORE_OPEN_DEFAULT);
  if (store == NULL)
    return VIGIL_EXIT_FAILED;

  if (skip_invalid)
    flags |= VIGIL_ASSET_IMPORT_SKIP_INVALID;
  if (dry_run)
    flags |= VIGIL_ASSET_IMPORT_DRY_RUN;
  ok = vigil_asset_import_file (store, argv[1], (const char * const *) map, flags, &report, &error);

  if (report != NULL && json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      json_builder_begin_object (b);
      vigil_cli_json_text (b, "format", report->format);
      json_builder_set_member_name (b, "imported");
      json_builder_add_boolean_value (b, ok);
#define COUNT(name, value) \
      json_builder_set_member_name (b, name); json_builder_add_int_value (b, value)
      COUNT ("rows", report->rows);
      COUNT ("created", report->created);
      COUNT ("updated", report->updated);
      COUNT ("invalid", report->invalid);
#undef COUNT
      json_builder_set_member_name (b, "problems");
      json_builder_begin_array (b);
      for (guint i = 0; i < report->problems->len; i++)
        json_builder_add_string_value (b, g_ptr_array_index (report->problems, i));
      json_builder_end_array (b);
      json_builder_set_member_name (b, "unresolved");
      json_builder_begin_array (b);
      for (guint i = 0; i < report->unresolved->len; i++)
        json_builder_add_string_value (b, g_ptr_array_index (report->unresolved, i));
      json_builder_end_array (b);
      json_builder_end_object (b);
      vigil_cli_print_builder (b);
    }
  else if (report != NULL)
    {
      for (guint i = 0; i < report->problems->len; i++)
        g_printerr ("%s: %s\n", argv[1], (char *) g_ptr_array_index (report->problems, i));
      for (guint i = 0; i < report->unresolved->len; i++)
        g_printerr ("%s: %s\n", argv[1], (char *) g_ptr_array_index (report->unresolved, i));
      if (ok)
        g_print (_("Read %u rows as %s: %u assets created, %u updated, %u rows skipped, "
                   "%u contacts or teams unresolved%s\n"),
                 report->rows, report->format, report->created, report->updated,
                 report->invalid, report->unresolved->len,
                 dry_run ? _(" (dry run: nothing written)") : "");
    }
  if (!ok)
    return vigil_cli_fail (cli, error);
  return VIGIL_EXIT_OK;
}

/* asset add / edit -------------------------------------------------------------------- */

typedef struct
{
  char  *name;
  char  *kind;
  char  *hostname;
  char **addresses;
  char  *team;
  char  *contact;
  char  *business_owner;
  char  *criticality;
  char  *environment;
  char  *location;
  char  *status;
  char  *description;
} AssetOptions;

static void
asset_options_clear (AssetOptions *o)
{
  g_free (o->name);
  g_free (o->kind);
  g_free (o->hostname);
  g_strfreev (o->addresses);
  g_free (o->team);
  g_free (o->contact);
  g_free (o->business_owner);
  g_free (o->criticality);
  g_free (o->environment);
  g_free (o->location);
  g_free (o->status);
  g_free (o->description);
}

static int
asset_add_or_edit (VigilCli  *cli,
                   int        argc,
                   char     **argv,
                   gboolean   edit)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *addresses = NULL;
  AssetOptions o = { 0 };
  VigilAssetFields f = { 0 };
  VigilStore *store;
  int status;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &o.name, N_("New name"), "NAME" },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &o.kind, N_("Kind (server, workstation, router, …)"), "KIND" },
    { "hostname", 0, 0, G_OPTION_ARG_STRING, &o.hostname, N_("Host name"), "HOST" },
    { "address", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.addresses, N_("IP address or CIDR (repeat)"), "ADDR" },
    { "team", 0, 0, G_OPTION_ARG_STRING, &o.team, N_("Owner team"), "TEAM" },
    { "contact", 0, 0, G_OPTION_ARG_STRING, &o.contact, N_("Technical contact (name, email or employee id)"), "PERSON" },
    { "business-owner", 0, 0, G_OPTION_ARG_STRING, &o.business_owner, N_("Business owner"), "PERSON" },
    { "criticality", 0, 0, G_OPTION_ARG_STRING, &o.criticality, N_("low, medium, high or critical"), "LEVEL" },
    { "environment", 0, 0, G_OPTION_ARG_STRING, &o.environment, N_("production, staging, …"), "ENV" },
    { "location", 0, 0, G_OPTION_ARG_STRING, &o.location, N_("Site, room or cloud region"), "WHERE" },
    { "status", 0, 0, G_OPTION_ARG_STRING, &o.status, N_("active, planned, retired, …"), "STATUS" },
    { "description", 0, 0, G_OPTION_ARG_STRING, &o.description, N_("Description"), "TEXT" },
    { NULL }
  };

  if (!vigil_cli_parse (cli, "NAME", edit ? entries : entries + 1, &argc, &argv, &status))
    {
      asset_options_clear (&o);
      return status;
    }
  if (argc != 2)
    {
      asset_options_clear (&o);
      return vigil_cli_usage_error (cli, _("give the asset's name"));
    }
  store = vigil_cli_open_store (cli, VIGIL_STORE_OPEN_DEFAULT);
  if (store == NULL)
    {
      asset_options_clear (&o);
      return VIGIL_EXIT_FAILED;
    }

  if (o.addresses != NULL)
    addresses = g_strjoinv (" ", o.addresses);
  f.name = edit ? o.name : argv[1];
  f.kind = o.kind;
  f.hostname = o.hostname;
  f.addresses = addresses;
  f.criticality = o.criticality;
  f.environment = o.environment;
  f.location = o.location;
  f.status = o.status;
  f.description = o.description;
  if (!resolve_team_option (store, o.team, &f.owner_team_id, &error)
      || !resolve_person_option (cli, store, "--contact", o.contact, &f.tech_contact_id, &error)
      || !resolve_person_option (cli, store, "--business-owner", o.business_owner,
                                 &f.business_owner_id, &error))
    goto fail;

  if (edit)
    {
      g_autoptr(VigilAsset) asset = vigil_store_find_asset (store, argv[1], &error);
      if (asset == NULL || !vigil_store_update_asset (store, vigil_asset_get_id (asset), &f, &error))
        goto fail;
      g_print (_("Updated %s\n"), o.name ? o.name : vigil_asset_get_name (asset));
    }
  else
    {
      /* creating: -1 (clear) means nothing */
      f.owner_team_id = MAX (f.owner_team_id, 0);
      f.tech_contact_id = MAX (f.tech_contact_id, 0);
      f.business_owner_id = MAX (f.business_owner_id, 0);
      if (vigil_store_create_asset (store, &f, &error) == 0)
        goto fail;
      g_print (_("Added %s\n"), argv[1]);
    }
  asset_options_clear (&o);
  return VIGIL_EXIT_OK;

fail:
  asset_options_clear (&o);
  return vigil_cli_fail (cli, error);
}

static int
cmd_asset_add (VigilCli  *cli,
               int        argc,
               char     **argv)
{
  return asset_add_or_edit (cli, argc, argv, FALSE);
}

static int
cmd_asset_edit (VigilCli  *cli,
                int        argc,
                char     **argv)
{
  return asset_add_or_edit (cli, argc, argv, TRUE);
}

/* asset link -------------------------------------------------------------------------- */

static int
cmd_asset_link (VigilCli  *cli,
                int        argc,
                char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilAsset) from = NULL;
  g_autoptr(VigilAsset) to = NULL;
  g_autofree char *depends_on = NULL, *hosted_on = NULL, *connects_to = NULL, *note = NULL;
  gboolean remove = FALSE;
  const char *kind = NULL, *other = NULL;
  VigilStore *store;
  int status;
  const GOptionEntry entries[] = {
    { "depends-on", 0, 0, G_OPTION_ARG_STRING, &depends_on, N_("NAME depends on OTHER"), "OTHER" },
    { "hosted-on", 0, 0, G_OPTION_ARG_STRING, &hosted_on, N_("NAME runs on OTHER"), "OTHER" },
    { "connects-to", 0, 0, G_OPTION_ARG_STRING, &connects_to, N_("NAME talks to OTHER"), "OTHER" },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A note on the link"), "TEXT" },
    { "remove", 0, 0, G_OPTION_ARG_NONE, &remove, N_("Remove the link instead"), NULL },
    { NULL }
  };

  if (!vigil_cli_parse (cli, "NAME", entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return vigil_cli_usage_error (cli, _("give the asset's name"));
  if ((depends_on != NULL) + (hosted_on != NULL) + (connects_to != NULL) != 1)
    return vigil_cli_usage_error (cli, _("give one of --depends-on, --hosted-on or --connects-to"));
  kind = depends_on ? VIGIL_ASSET_DEPENDS_ON : hosted_on ? VIGIL_ASSET_HOSTED_ON
                                                         : VIGIL_ASSET_CONNECTS_TO;
  other = depends_on ? depends_on : hosted_on ? hosted_on : connects_to;

  store = vigil_cli_open_store (cli, VIGIL_STORE_OPEN_DEFAULT);
  if (store == NULL)
    return VIGIL_EXIT_FAILED;
  from = vigil_store_find_asset (store, argv[1], &error);
  if (from != NULL)
    to = vigil_store_find_asset (store, other, &error);
  if (to == NULL)
    return vigil_cli_fail (cli, error);
  if (remove)
    {
      if (!vigil_store_unlink_assets (store, vigil_asset_get_id (from), vigil_asset_get_id (to),
                                      kind, &error))
        return vigil_cli_fail (cli, error);
      g_print (_("%s no longer %s %s\n"), vigil_asset_get_name (from), kind, vigil_asset_get_name (to));
      return VIGIL_EXIT_OK;
    }
  if (!vigil_store_link_assets (store, vigil_asset_get_id (from), vigil_asset_get_id (to), kind,
                                note, &error))
    return vigil_cli_fail (cli, error);
  g_print ("%s %s %s\n", vigil_asset_get_name (from), kind, vigil_asset_get_name (to));
  return VIGIL_EXIT_OK;
}

/* asset list / show ------------------------------------------------------------------- */

static void
add_addresses (JsonBuilder *b,
               const char  *addresses)
{
  g_auto(GStrv) parts = g_strsplit (addresses ? addresses : "", " ", -1);

  json_builder_set_member_name (b, "addresses");
  json_builder_begin_array (b);
  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      json_builder_add_string_value (b, parts[i]);
  json_builder_end_array (b);
}

static void
add_asset_summary (JsonBuilder *b,
                   VigilAsset  *a)
{
  json_builder_set_member_name (b, "id");
  json_builder_add_int_value (b, vigil_asset_get_id (a));
  vigil_cli_json_text (b, "name", vigil_asset_get_name (a));
  vigil_cli_json_text (b, "kind", vigil_asset_get_kind (a));
  vigil_cli_json_optional (b, "hostname", vigil_asset_get_hostname (a));
  add_addresses (b, vigil_asset_get_addresses (a));
  vigil_cli_json_text (b, "criticality", vigil_asset_get_criticality (a));
  vigil_cli_json_text (b, "environment", vigil_asset_get_environment (a));
  vigil_cli_json_text (b, "location", vigil_asset_get_location (a));
  vigil_cli_json_text (b, "status", vigil_asset_get_status (a));
  vigil_cli_json_optional (b, "owner_team", vigil_asset_get_owner_team_name (a));
}

static int
cmd_asset_list (VigilCli  *cli,
                int        argc,
                char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(JsonBuilder) b = NULL;
  g_autofree char *search = NULL;
  gboolean json = FALSE;
  VigilStore *store;
  int status;
  const GOptionEntry entries[] = {
    { "search", 0, 0, G_OPTION_ARG_STRING, &search, N_("Only the assets matching these words"), "Q" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  if (!vigil_cli_parse (cli, NULL, entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return vigil_cli_usage_error (cli, _("unexpected argument “%s”"), argv[1]);
  store = vigil_cli_open_store (cli, VIGIL_STORE_OPEN_DEFAULT);
  if (store == NULL)
    return VIGIL_EXIT_FAILED;
  ids = vigil_store_list_asset_ids (store, search, VIGIL_ASSET_SORT_NAME, FALSE, &error);
  if (ids == NULL)
    return vigil_cli_fail (cli, error);

  if (json)
    {
      b = json_builder_new ();
      json_builder_begin_array (b);
    }
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(VigilAsset) a = vigil_store_get_asset (store, g_array_index (ids, gint64, i), &error);
      if (a == NULL)
        return vigil_cli_fail (cli, error);
      if (json)
        {
          json_builder_begin_object (b);
          add_asset_summary (b, a);
          json_builder_end_object (b);
        }
      else
        g_print ("%-32s %-16s %-8s %-24s %s\n", vigil_asset_get_name (a), vigil_asset_get_kind (a),
                 vigil_asset_get_criticality (a), vigil_asset_get_owner_team_name (a),
                 vigil_asset_get_addresses (a));
    }
  if (json)
    {
      json_builder_end_array (b);
      vigil_cli_print_builder (b);
    }
  return VIGIL_EXIT_OK;
}

static void
add_contact (JsonBuilder *b,
             const char  *member,
             GPtrArray   *contacts,
             const char  *role)
{
  json_builder_set_member_name (b, member);
  for (guint i = 0; i < contacts->len; i++)
    {
      VigilAssetContact *c = g_ptr_array_index (contacts, i);
      if (g_str_equal (c->role, role))
        {
          json_builder_begin_object (b);
          vigil_cli_json_text (b, "name", c->name);
          vigil_cli_json_optional (b, "email", c->email);
          vigil_cli_json_optional (b, "phone", c->phone ? c->phone : c->mobile);
          vigil_cli_json_optional (b, "team", c->team);
          json_builder_end_object (b);
          return;
        }
    }
  json_builder_add_null_value (b);
}

static void
add_links (JsonBuilder *b,
           const char  *member,
           GPtrArray   *links,
           gint64       id,
           const char  *kind,
           gboolean     incoming)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_array (b);
  for (guint i = 0; i < links->len; i++)
    {
      VigilAssetLink *l = g_ptr_array_index (links, i);
      if (kind != NULL && !g_str_equal (l->kind, kind))
        continue;
      if (!incoming && l->from_id == id)
        json_builder_add_string_value (b, l->to_name);
      else if (incoming && l->to_id == id)
        json_builder_add_string_value (b, l->from_name);
    }
  json_builder_end_array (b);
}

static int
cmd_asset_show (VigilCli  *cli,
                int        argc,
                char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilAsset) a = NULL;
  g_autoptr(GPtrArray) contacts = NULL, links = NULL, events = NULL;
  g_autoptr(GArray) documents = NULL;
  g_autoptr(JsonBuilder) b = NULL;
  gboolean json = FALSE;
  VigilStore *store;
  gint64 id;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  if (!vigil_cli_parse (cli, "NAME", entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return vigil_cli_usage_error (cli, _("give the asset's name"));
  store = vigil_cli_open_store (cli, VIGIL_STORE_OPEN_DEFAULT);
  if (store == NULL)
    return VIGIL_EXIT_FAILED;
  a = vigil_store_find_asset (store, argv[1], &error);
  if (a == NULL)
    return vigil_cli_fail (cli, error);
  id = vigil_asset_get_id (a);
  contacts = vigil_store_list_asset_contacts (store, id, &error);
  if (contacts != NULL)
    links = vigil_store_list_asset_links (store, id, 1, &error);
  if (links != NULL)
    events = vigil_store_list_asset_events (store, id, &error);
  if (events != NULL)
    documents = vigil_store_list_linked_document_ids (store, id, 0, 0, &error);
  if (documents == NULL)
    return vigil_cli_fail (cli, error);

  b = json_builder_new ();
  json_builder_begin_object (b);
  add_asset_summary (b, a);
  vigil_cli_json_text (b, "description", vigil_asset_get_description (a));
  add_contact (b, "contact", contacts, "tech-contact");
  add_contact (b, "business_owner", contacts, "business-owner");
  add_contact (b, "team_lead", contacts, "team-lead");
  add_links (b, "depends_on", links, id, VIGIL_ASSET_DEPENDS_ON, FALSE);
  add_links (b, "hosted_on", links, id, VIGIL_ASSET_HOSTED_ON, FALSE);
  add_links (b, "connects_to", links, id, VIGIL_ASSET_CONNECTS_TO, FALSE);
  add_links (b, "used_by", links, id, NULL, TRUE);
  json_builder_set_member_name (b, "documents");
  json_builder_begin_array (b);
  for (guint i = 0; i < documents->len; i++)
    {
      g_autoptr(VigilDocument) d = vigil_store_get_document (store, g_array_index (documents, gint64, i), NULL);
      if (d == NULL)
        continue;
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_int_value (b, vigil_document_get_id (d));
      vigil_cli_json_text (b, "title", vigil_document_get_title (d));
      vigil_cli_json_text (b, "kind", vigil_document_get_kind (d));
      vigil_cli_json_text (b, "sha256", vigil_document_get_sha256 (d));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "events");
  json_builder_begin_array (b);
  for (guint i = 0; i < events->len; i++)
    {
      VigilAssetEvent *e = g_ptr_array_index (events, i);
      json_builder_begin_object (b);
      vigil_cli_json_text (b, "kind", e->kind);
      vigil_cli_json_text (b, "ref", e->ref);
      vigil_cli_json_text (b, "title", e->title);
      vigil_cli_json_optional (b, "severity", e->severity);
      vigil_cli_json_text (b, "state", e->state);
      vigil_cli_json_optional (b, "at", e->at);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  if (json)
    {
      vigil_cli_print_builder (b);
      return VIGIL_EXIT_OK;
    }

  g_print ("%s (%s, %s)\n", vigil_asset_get_name (a), vigil_asset_get_kind (a),
           vigil_asset_get_criticality (a));
  if (*vigil_asset_get_hostname (a))
    g_print (_("  Host name:       %s\n"), vigil_asset_get_hostname (a));
  g_print (_("  Addresses:       %s\n"), vigil_asset_get_addresses (a));
  g_print (_("  Owner team:      %s\n"), vigil_asset_get_owner_team_name (a));
  for (guint i = 0; i < contacts->len; i++)
    {
      VigilAssetContact *c = g_ptr_array_index (contacts, i);
      g_print ("  %-16s %s <%s> %s\n", c->role, c->name, c->email ? c->email : "",
               c->phone ? c->phone : (c->mobile ? c->mobile : ""));
    }
  for (guint i = 0; i < links->len; i++)
    {
      VigilAssetLink *l = g_ptr_array_index (links, i);
      g_print ("  %s %s %s\n", l->from_name, l->kind, l->to_name);
    }
  for (guint i = 0; i < documents->len; i++)
    {
      g_autoptr(VigilDocument) d = vigil_store_get_document (store, g_array_index (documents, gint64, i), NULL);
      if (d != NULL)
        g_print (_("  Document:        %s (%s)\n"), vigil_document_get_title (d), vigil_document_get_kind (d));
    }
  for (guint i = 0; i < events->len; i++)
    {
      VigilAssetEvent *e = g_ptr_array_index (events, i);
      g_print ("  %-8s %s %s [%s]\n", e->kind, e->ref, e->title, e->state);
    }
  return VIGIL_EXIT_OK;
}

/* doc add ---------------------------------------------------------------------------------- */

static int
cmd_doc_add (VigilCli  *cli,
             int        argc,
             char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL, *kind = NULL, *version = NULL, *date = NULL, *tlp = NULL;
  g_autofree char *team = NULL, *replaces = NULL;
  g_auto(GStrv) assets = NULL;
  g_auto(GStrv) incidents = NULL;
  g_autoptr(GArray) asset_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) incident_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  VigilDocumentFields f = { 0 };
  gboolean no_index = FALSE;
  VigilStore *store;
  int status;
  const GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("Title (default: the file name)"), "T" },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind,
      N_("architecture, network-diagram, runbook, procedure, contract, inventory or other"), "K" },
    { "version", 0, 0, G_OPTION_ARG_STRING, &version, N_("Version"), "V" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("Date of the document"), "DATE" },
    { "tlp", 0, 0, G_OPTION_ARG_STRING, &tlp, N_("clear, green, amber, amber+strict or red"), "T" },
    { "team", 0, 0, G_OPTION_ARG_STRING, &team, N_("Owner team (also linked)"), "T" },
    { "asset", 0, 0, G_OPTION_ARG_STRING_ARRAY, &assets, N_("Link to this asset (repeat)"), "NAME" },
    { "incident", 0, 0, G_OPTION_ARG_STRING_ARRAY, &incidents, N_("Link to this incident (repeat)"), "REF" },
    { "replaces", 0, 0, G_OPTION_ARG_STRING, &replaces,
      N_("A new version of this document (id, SHA-256 or title); the older one is kept"), "DOC" },
    { "no-index", 0, 0, G_OPTION_ARG_NONE, &no_index, N_("Leave the text extraction to the app"), NULL },
    { NULL }
  };

  if (!vigil_cli_parse (cli, "FILE…", entries, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return vigil_cli_usage_error (cli, _("give the file to add"));
  store = vigil_cli_open_store (cli, VIGIL_STORE_OPEN_DEFAULT);
  if (store == NULL)
    return VIGIL_EXIT_FAILED;

  f.title = title;
  f.kind = kind;
  f.version = version;
  f.doc_date = date;
  f.tlp = tlp;
  if (!resolve_team_option (store, team, &f.owner_team_id, &error))
    return vigil_cli_fail (cli, error);
  f.owner_team_id = MAX (f.owner_team_id, 0);
  if (replaces != NULL)
    {
      g_autoptr(VigilDocument) older = vigil_store_find_document (store, replaces, &error);
      if (older == NULL)
        return vigil_cli_fail (cli, error);
      f.previous_id = vigil_document_get_id (older);
    }
  for (guint i = 0; assets != NULL && assets[i] != NULL; i++)
    {
      g_autoptr(VigilAsset) a = vigil_store_find_asset (store, assets[i], &error);
      gint64 id;
      if (a == NULL)
        return vigil_cli_fail (cli, error);
      id = vigil_asset_get_id (a);
      g_array_append_val (asset_ids, id);
    }
  for (guint i = 0; incidents != NULL && incidents[i] != NULL; i++)
    {
      g_autoptr(VigilIncident) inc = vigil_store_find_incident (store, incidents[i], &error);
      gint64 id;
      if (inc == NULL)
        return vigil_cli_fail (cli, error);
      id = vigil_incident_get_id (inc);
      g_array_append_val (incident_ids, id);
    }

  /* one transaction: a link that fails leaves no document behind */
  if (!vigil_store_begin (store, &error))
    return vigil_cli_fail (cli, error);
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(VigilDocument) d = NULL;
      gboolean existing = FALSE;
      gint64 id = vigil_store_add_document (store, argv[i], &f, &existing, &error);

      if (id == 0)
        goto fail;
      for (guint k = 0; k < asset_ids->len; k++)
        if (!vigil_store_link_document (store, id, g_array_index (asset_ids, gint64, k), 0, 0, &error))
          goto fail;
      for (guint k = 0; k < incident_ids->len; k++)
        if (!vigil_store_link_document (store, id, 0, 0, g_array_index (incident_ids, gint64, k), &error))
          goto fail;
      if (f.owner_team_id > 0 && !vigil_store_link_document (store, id, 0, f.owner_team_id, 0, &error))
        goto fail;
      d = vigil_store_get_document (store, id, &error);
      if (d == NULL)
        goto fail;
      if (existing)
        g_print (_("%s is already archived as “%s” (document %" PRId64 "); links added\n"),
                 argv[i], vigil_document_get_title (d), id);
      else
        g_print (_("Added “%s” (document %" PRId64 ", %s, sha256 %s)\n"),
                 vigil_document_get_title (d), id, vigil_document_get_media_type (d),
                 vigil_document_get_sha256 (d));
    }
  if (!vigil_store_commit (store, &error))
    return vigil_cli_fail (cli, error);

  if (!no_index)
    {
      guint done = 0, failed = 0;
      if (!vigil_extract_pending_sync (store, NULL, &done, &failed, &error))
        return vigil_cli_fail (cli, error);
      if (failed > 0)
        g_printerr (_("vigilctl: %s: the text of %u document(s) could not be read; see "
                      "“vigilctl doc list”\n"), cli->command, failed);
    }
  return VIGIL_EXIT_OK;

fail:
  vigil_store_rollback (store);
  return vigil_cli_fail (cli, error);
}

/* doc list / search ---------------------------------------------------------------------- */

static int
cmd_doc_list (VigilCli  *cli,
              int        argc,
              char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(JsonBuilder) b = NULL;
  g_autofree char *asset = NULL;
  gboolean json = FALSE;
  VigilStore *store;
  int status;
  const GOptionEntry entries[] = {
    { "asset", 0, 0, G_OPTION_ARG_STRING, &asset, N_("Only the documents of this asset"), "NAME" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  if (!vigil_cli_parse (cli, NULL, entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return vigil_cli_usage_error (cli, _("unexpected argument “%s”"), argv[1]);
  store = vigil_cli_open_store (cli, VIGIL_STORE_OPEN_DEFAULT);
  if (store == NULL)
    return VIGIL_EXIT_FAILED;
  if (asset != NULL)
    {
      g_autoptr(VigilAsset) a = vigil_store_find_asset (store, asset, &error);
      if (a != NULL)
        ids = vigil_store_list_linked_document_ids (store, vigil_asset_get_id (a), 0, 0, &error);
    }
  else
    ids = vigil_store_list_document_ids (store, NULL, &error);
  if (ids == NULL)
    return vigil_cli_fail (cli, error);

  b = json_builder_new ();
  json_builder_begin_array (b);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(VigilDocument) d = vigil_store_get_document (store, id, &error);
      g_autoptr(GPtrArray) links = NULL;

      if (d == NULL)
        return vigil_cli_fail (cli, error);
      links = vigil_store_list_document_links (store, id, &error);
      if (links == NULL)
        return vigil_cli_fail (cli, error);
      if (!json)
        {
          g_print ("%4" PRId64 "  %-40s %-16s %-6s %-8s %s%s%s\n", id,
                   vigil_document_get_title (d), vigil_document_get_kind (d),
                   vigil_document_get_tlp (d), vigil_document_get_text_status (d),
                   vigil_document_get_filename (d),
                   *vigil_document_get_text_error (d) ? " — " : "",
                   vigil_document_get_text_error (d));
          continue;
        }
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_int_value (b, id);
      vigil_cli_json_text (b, "title", vigil_document_get_title (d));
      vigil_cli_json_text (b, "filename", vigil_document_get_filename (d));
      vigil_cli_json_text (b, "kind", vigil_document_get_kind (d));
      vigil_cli_json_text (b, "version", vigil_document_get_version (d));
      vigil_cli_json_optional (b, "date", vigil_document_get_doc_date (d));
      vigil_cli_json_text (b, "tlp", vigil_document_get_tlp (d));
      vigil_cli_json_optional (b, "owner_team", vigil_document_get_owner_team_name (d));
      vigil_cli_json_text (b, "media_type", vigil_document_get_media_type (d));
      json_builder_set_member_name (b, "size");
      json_builder_add_int_value (b, vigil_document_get_size (d));
      vigil_cli_json_text (b, "sha256", vigil_document_get_sha256 (d));
      json_builder_set_member_name (b, "previous_id");
      if (vigil_document_get_previous_id (d) > 0)
        json_builder_add_int_value (b, vigil_document_get_previous_id (d));
      else
        json_builder_add_null_value (b);
      vigil_cli_json_text (b, "text_status", vigil_document_get_text_status (d));
      vigil_cli_json_optional (b, "text_error", vigil_document_get_text_error (d));
      json_builder_set_member_name (b, "links");
      json_builder_begin_array (b);
      for (guint k = 0; k < links->len; k++)
        {
          VigilDocumentLink *l = g_ptr_array_index (links, k);
          json_builder_begin_object (b);
          vigil_cli_json_text (b, "kind", l->kind);
          json_builder_set_member_name (b, "id");
          json_builder_add_int_value (b, l->id);
          vigil_cli_json_text (b, "name", l->name);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  if (json)
    vigil_cli_print_builder (b);
  return VIGIL_EXIT_OK;
}

/* The snippet with its markers as [ ] */
static char *
plain_snippet (const char *snippet)
{
  g_autofree char *open = NULL;
  g_autoptr(GString) s = g_string_new (snippet ? snippet : "");

  g_string_replace (s, VIGIL_SNIPPET_START, "[", 0);
  g_string_replace (s, VIGIL_SNIPPET_END, "]", 0);
  g_string_replace (s, "\n", " ", 0);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static int
cmd_doc_search (VigilCli  *cli,
                int        argc,
                char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *query = NULL;
  gboolean json = FALSE;
  int limit = 20;
  VigilStore *store;
  int status;
  const GOptionEntry entries[] = {
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("At most N results (20)"), "N" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  if (!vigil_cli_parse (cli, "QUERY", entries, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return vigil_cli_usage_error (cli, _("give the words to search for"));
  store = vigil_cli_open_store (cli, VIGIL_STORE_OPEN_DEFAULT);
  if (store == NULL)
    return VIGIL_EXIT_FAILED;
  query = g_strjoinv (" ", argv + 1);
  hits = vigil_store_search_inventory (store, query, (guint) CLAMP (limit, 1, 1000), &error);
  if (hits == NULL)
    return vigil_cli_fail (cli, error);

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      json_builder_begin_array (b);
      for (guint i = 0; i < hits->len; i++)
        {
          VigilSearchHit *h = g_ptr_array_index (hits, i);
          g_autofree char *snippet = plain_snippet (h->snippet);
          json_builder_begin_object (b);
          vigil_cli_json_text (b, "kind", h->kind);
          json_builder_set_member_name (b, "id");
          json_builder_add_int_value (b, h->id);
          vigil_cli_json_text (b, "title", h->title);
          vigil_cli_json_text (b, "subtitle", h->subtitle);
          vigil_cli_json_text (b, "snippet", snippet);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      vigil_cli_print_builder (b);
      return VIGIL_EXIT_OK;
    }
  for (guint i = 0; i < hits->len; i++)
    {
      VigilSearchHit *h = g_ptr_array_index (hits, i);
      g_autofree char *snippet = plain_snippet (h->snippet);
      g_print ("%-8s %4" PRId64 "  %s — %s\n         %s\n", h->kind, h->id, h->title,
               h->subtitle, snippet);
    }
  if (hits->len == 0)
    g_printerr (_("Nothing matches “%s”\n"), query);
  return VIGIL_EXIT_OK;
}

static int
cmd_doc_link (VigilCli  *cli,
              int        argc,
              char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilDocument) d = NULL;
  g_autofree char *asset = NULL, *team = NULL, *incident = NULL;
  gboolean remove = FALSE;
  gint64 asset_id = 0, team_id = 0, incident_id = 0;
  VigilStore *store;
  int status;
  const GOptionEntry entries[] = {
    { "asset", 0, 0, G_OPTION_ARG_STRING, &asset, N_("The asset"), "NAME" },
    { "team", 0, 0, G_OPTION_ARG_STRING, &team, N_("The team"), "TEAM" },
    { "incident", 0, 0, G_OPTION_ARG_STRING, &incident, N_("The incident"), "REF" },
    { "remove", 0, 0, G_OPTION_ARG_NONE, &remove, N_("Remove the link instead"), NULL },
    { NULL }
  };

  if (!vigil_cli_parse (cli, "DOC", entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return vigil_cli_usage_error (cli, _("give the document (id, SHA-256 or title)"));
  if ((asset != NULL) + (team != NULL) + (incident != NULL) != 1)
    return vigil_cli_usage_error (cli, _("give one of --asset, --team or --incident"));
  store = vigil_cli_open_store (cli, VIGIL_STORE_OPEN_DEFAULT);
  if (store == NULL)
    return VIGIL_EXIT_FAILED;
  d = vigil_store_find_document (store, argv[1], &error);
  if (d == NULL)
    return vigil_cli_fail (cli, error);
  if (asset != NULL)
    {
      g_autoptr(VigilAsset) a = vigil_store_find_asset (store, asset, &error);
      if (a == NULL)
        return vigil_cli_fail (cli, error);
      asset_id = vigil_asset_get_id (a);
    }
  else if (team != NULL && !resolve_team_option (store, team, &team_id, &error))
    return vigil_cli_fail (cli, error);
  else if (incident != NULL)
    {
      g_autoptr(VigilIncident) inc = vigil_store_find_incident (store, incident, &error);
      if (inc == NULL)
        return vigil_cli_fail (cli, error);
      incident_id = vigil_incident_get_id (inc);
    }
  if (remove ? !vigil_store_unlink_document (store, vigil_document_get_id (d), asset_id, team_id,
                                             incident_id, &error)
             : !vigil_store_link_document (store, vigil_document_get_id (d), asset_id, team_id,
                                           incident_id, &error))
    return vigil_cli_fail (cli, error);
  return VIGIL_EXIT_OK;
}

const VigilCliCommand vigil_cli_asset_commands[] = {
  { "asset import", "FILE [--map COLUMN=FIELD]… [--skip-invalid] [--dry-run] [--json]",
    N_("Import assets from a CSV export (NetBox, Snipe-IT, GLPI, DFIR-IRIS or mapped)"),
    cmd_asset_import },
  { "asset add", "NAME [--kind K] [--address A]… [--team T] [--contact P] [--criticality C] …",
    N_("Add an asset"), cmd_asset_add },
  { "asset edit", "NAME [--name N] [--kind K] [--address A]… [--team T] [--contact P] …",
    N_("Change an asset"), cmd_asset_edit },
  { "asset link", "NAME --depends-on|--hosted-on|--connects-to OTHER [--remove]",
    N_("Record a dependency between two assets"), cmd_asset_link },
  { "asset list", "[--search Q] [--json]", N_("List the assets"), cmd_asset_list },
  { "asset show", "NAME [--json]",
    N_("Show an asset with its contacts, dependencies, documents and incidents"), cmd_asset_show },
  { "doc add", "FILE… [--title T] [--kind K] [--version V] [--tlp T] [--team T] [--asset NAME]…",
    N_("Archive documents (content-addressed; the files are not changed)"), cmd_doc_add },
  { "doc link", "DOC --asset NAME|--team T|--incident REF [--remove]",
    N_("Link a document to an asset, a team or an incident"), cmd_doc_link },
  { "doc list", "[--asset NAME] [--json]", N_("List the archived documents"), cmd_doc_list },
  { "doc search", "QUERY [--json]", N_("Search assets and documents (text included)"),
    cmd_doc_search },
  { NULL }
};
