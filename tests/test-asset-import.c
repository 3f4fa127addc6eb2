/* test-asset-import.c — asset CSV import: header mapping for each known export,
 * --map, contact resolution, updates by name, malformed files
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "vigil-asset-import.h"
#include "vigil-store-assets.h"
#include "vigil-store-private.h"
#include "vigil-test-util.h"

static VigilStore *
store_with_org (void)
{
  VigilStore *store = vigil_test_store_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (vigil_store_exec (store,
    "INSERT INTO teams (id, name, kind, created_at, updated_at) VALUES "
    " (1, 'Infrastructure', 'it', 'x', 'x'), (2, 'Dunder-Mifflin, Inc.', 'business', 'x', 'x');"
    "INSERT INTO people (id, employee_id, name, team_id, email, phone, created_at, updated_at) VALUES "
    " (1, 'E100', 'Ada Lovelace', 1, 'ada@example.org', '+1 555 0100', 'x', 'x'),"
    " (2, 'gmccrackem2a', 'Gage McCrackem', 2, 'gage@example.org', NULL, 'x', 'x'),"
    " (3, 'E300', 'Pat Smith', 1, 'pat1@example.org', NULL, 'x', 'x'),"
    " (4, 'E301', 'Pat Smith', 1, 'pat2@example.org', NULL, 'x', 'x');", &error));
  g_assert_no_error (error);
  return store;
}

static VigilAssetImportReport *
import (VigilStore            *store,
        const char            *csv,
        const char * const    *map,
        VigilAssetImportFlags  flags,
        gboolean               expect_ok)
{
  g_autoptr(GError) error = NULL;
  VigilAssetImportReport *report = NULL;
  gboolean ok = vigil_asset_import_data (store, csv, strlen (csv), map, flags, &report, &error);

  if (expect_ok)
    g_assert_no_error (error);
  else
    g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
  g_assert_true (ok == expect_ok);
  return report;
}

static VigilAsset *
get (VigilStore *store,
     const char *name)
{
  g_autoptr(GError) error = NULL;
  VigilAsset *asset = vigil_store_find_asset (store, name, &error);
  g_assert_no_error (error);
  return asset;
}

static void
test_formats (void)
{
  g_autoptr(VigilStore) store = store_with_org ();
  const struct
  {
    const char *format;
    const char *csv;
    const char *name;
    const char *kind;
    const char *addresses;
    const char *team;
    const char *contact;
    const char *owner;
  } cases[] = {
    { "netbox-devices",
      "name,role,tenant,manufacturer,device_type,platform,site,location,rack,position,face,status,"
      "serial,asset_tag,airflow,primary_ip4,description\n"
      "dmi01-akron-rtr01,Router,\"Dunder-Mifflin, Inc.\",Cisco,ISR 1111-8P,Cisco IOS,DM-Akron,,"
      "Comms closet,4.0,front,active,,,,192.0.2.1/24,Edge router\n",
      "dmi01-akron-rtr01", "Router", "192.0.2.1/24", "Dunder-Mifflin, Inc.", "", "" },
    { "netbox-virtual-machines",
      "name,status,site,cluster,role,tenant,platform,vcpus,memory,disk,primary_ip4,description\n"
      "vm1,active,,DO-AMS3,Application Server,,Ubuntu Linux 20.04,,,,198.51.100.7,\n",
      "vm1", "virtual-machine", "198.51.100.7", "", "", "" },
    { "snipe-it",
      "Company,Name,Asset Tag,Category,Supplier,Manufacturer,Location,Order Number,Model,Model Notes,"
      "Model Number,Asset Notes,Purchase Date,Purchase Cost,Checkout Type,Checked Out To: Username,"
      "Checked Out To: First Name,Checked Out To: Last Name,Checked Out To: Email,Checked Out To: Location\n"
      "Infrastructure,Dragline,WBH-2841795,Laptop,Krajcik LLC,Botsford,Lindgren,5504512275,Chase,,"
      "9351IS25A51,notes,2022-11-14,1292.94,User,gmccrackem2a,Gage,McCrackem,nobody@bing.com,\"\"\n",
      "WBH-2841795", "Laptop", "", "Infrastructure", "", "Gage McCrackem" },
    { "glpi",
      "Name,Entity,Status,Manufacturer,Serial number,Type,Model,Operating system - Name,Location,"
      "Last update,Technician in charge of the hardware,Group in charge of the hardware,User,IP\n"
      "PC-0042,Root entity,In use,Dell,ABC123,Desktop,OptiPlex,Windows 11,HQ > Floor 2,2026-01-01,"
      "ada@example.org,Infrastructure,E300,10.0.4.2\n",
      "PC-0042", "Desktop", "10.0.4.2", "Infrastructure", "Ada Lovelace", "Pat Smith" },
    { "dfir-iris",
      "asset_name,asset_type_name,asset_description,asset_ip,asset_domain,asset_tags\n"
      "DC01,Windows - DC,Domain controller,10.0.0.10,corp.example,tier0|ad\n",
      "DC01", "Windows - DC", "10.0.0.10", "", "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(VigilAssetImportReport) report = NULL;
      g_autoptr(VigilAsset) a = NULL;

      g_test_message ("format %s", cases[i].format);
      report = import (store, cases[i].csv, NULL, 0, TRUE);
      g_assert_cmpstr (report->format, ==, cases[i].format);
      g_assert_cmpuint (report->created, ==, 1);
      a = get (store, cases[i].name);
      g_assert_cmpstr (vigil_asset_get_kind (a), ==, cases[i].kind);
      g_assert_cmpstr (vigil_asset_get_addresses (a), ==, cases[i].addresses);
      g_assert_cmpstr (vigil_asset_get_owner_team_name (a), ==, cases[i].team);
      g_assert_cmpstr (vigil_asset_get_tech_contact_name (a), ==, cases[i].contact);
      g_assert_cmpstr (vigil_asset_get_business_owner_name (a), ==, cases[i].owner);
    }
}

static void
test_generic_map (void)
{
  g_autoptr(VigilStore) store = store_with_org ();
  g_autoptr(VigilAssetImportReport) report = NULL;
  g_autoptr(VigilAsset) a = NULL;
  g_autoptr(GError) error = NULL;
  const char *csv = "Server,IP Address,Owner Team,Technical Contact,Business Owner,Criticality,Rack\n"
                    "mail-01,10.0.0.25; 10.0.0.26,infrastructure,Ada Lovelace,E100,High,R12\n";
  const char *map[] = { "Server=name", "rack=location", NULL };
  const char *bad_field[] = { "Server=colour", NULL };
  const char *bad_column[] = { "Nope=name", NULL };

  /* no name column: an error that says how to map one */
  g_assert_false (vigil_asset_import_data (store, csv, strlen (csv), NULL, 0, &report, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
  g_assert_nonnull (strstr (error->message, "--map"));
  g_clear_error (&error);
  g_clear_pointer (&report, vigil_asset_import_report_free);

  g_assert_false (vigil_asset_import_data (store, csv, strlen (csv), bad_field, 0, NULL, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_false (vigil_asset_import_data (store, csv, strlen (csv), bad_column, 0, NULL, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
  g_clear_error (&error);

  report = import (store, csv, map, 0, TRUE);
  g_assert_cmpuint (report->created, ==, 1);
  a = get (store, "mail-01");
  g_assert_cmpstr (vigil_asset_get_addresses (a), ==, "10.0.0.25 10.0.0.26");
  g_assert_cmpstr (vigil_asset_get_criticality (a), ==, "high");
  g_assert_cmpstr (vigil_asset_get_location (a), ==, "R12");
  g_assert_cmpstr (vigil_asset_get_owner_team_name (a), ==, "Infrastructure");
  g_assert_cmpstr (vigil_asset_get_tech_contact_name (a), ==, "Ada Lovelace");
  g_assert_cmpstr (vigil_asset_get_business_owner_name (a), ==, "Ada Lovelace");
}

static void
test_contacts_and_updates (void)
{
  g_autoptr(VigilStore) store = store_with_org ();
  g_autoptr(VigilAssetImportReport) report = NULL;
  g_autoptr(VigilAsset) a = NULL;
  const char *csv =
    "name,contact,business_owner,criticality,addresses,description\n"
    "a1,ada@example.org,gmccrackem2a,low,10.0.0.1,first\n"
    "a2,Ada Lovelace,Pat Smith,medium,,\n"
    "a3,Someone Unknown,Someone Unknown,high,,\n"
    "a4,Someone Unknown,,critical,,\n";
  const char *again =
    "name,contact,criticality,addresses\n"
    "a1,,critical,10.0.0.9\n"
    "a5,E100,,\n";

  report = import (store, csv, NULL, 0, TRUE);
  g_assert_cmpuint (report->created, ==, 4);
  /* by email, by employee id, by name; unresolved ones are reported, once per value */
  a = get (store, "a1");
  g_assert_cmpstr (vigil_asset_get_tech_contact_name (a), ==, "Ada Lovelace");
  g_assert_cmpstr (vigil_asset_get_business_owner_name (a), ==, "Gage McCrackem");
  g_clear_object (&a);
  a = get (store, "a2");
  g_assert_cmpstr (vigil_asset_get_tech_contact_name (a), ==, "Ada Lovelace");
  g_assert_cmpint (vigil_asset_get_business_owner_id (a), ==, 0);
  g_clear_object (&a);
  a = get (store, "a3");
  g_assert_cmpint (vigil_asset_get_tech_contact_id (a), ==, 0);
  g_clear_object (&a);
  g_assert_cmpuint (report->unresolved->len, ==, 3);
  g_assert_nonnull (strstr (g_ptr_array_index (report->unresolved, 0), "several people"));
  g_assert_nonnull (strstr (g_ptr_array_index (report->unresolved, 1), "line 4 and 1 more"));
  g_assert_nonnull (strstr (g_ptr_array_index (report->unresolved, 1), "Someone Unknown"));

  /* re-import updates by name; empty cells keep what is there */
  g_clear_pointer (&report, vigil_asset_import_report_free);
  report = import (store, again, NULL, 0, TRUE);
  g_assert_cmpuint (report->created, ==, 1);
  g_assert_cmpuint (report->updated, ==, 1);
  g_assert_cmpint (vigil_store_count (store, VIGIL_KIND_ASSET), ==, 5);
  a = get (store, "a1");
  g_assert_cmpstr (vigil_asset_get_criticality (a), ==, "critical");
  g_assert_cmpstr (vigil_asset_get_addresses (a), ==, "10.0.0.9");
  g_assert_cmpstr (vigil_asset_get_tech_contact_name (a), ==, "Ada Lovelace");
  g_assert_cmpstr (vigil_asset_get_description (a), ==, "first");
  g_assert_cmpint (vigil_store_query_int (store, "SELECT count(*) FROM asset_addresses WHERE "
                                                 "address = '10.0.0.1'", NULL), ==, 0);
  g_assert_cmpint (vigil_store_query_int (store, "SELECT count(*) FROM asset_addresses WHERE "
                                                 "address = '10.0.0.9'", NULL), ==, 1);
}

static void
test_malformed (void)
{
  g_autoptr(VigilStore) store = store_with_org ();
  const struct { const char *csv; const char *line; } cases[] = {
    { "name,kind\nok1,server\n\"broken,server\nok2,server\n", "line 3" },
    { "name,kind\nok1,server\nok2,server,extra\n", "line 3" },
    { "name,kind\r\nok1,server\r\n\r\nbad\xff\xfe,server\r\n", "line 4" },
    { "name,kind,criticality\nok1,server,high\n\"multi\nline\",server,low\nok3,server,severe\n", "line 5" },
    { "name,kind\nok1,server\n,server\n", "line 3" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(VigilAssetImportReport) report = NULL;
      const char *where;

      g_test_message ("case %u", i);
      g_assert_false (vigil_asset_import_data (store, cases[i].csv, strlen (cases[i].csv), NULL, 0,
                                               &report, &error));
      g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
      where = report && report->problems->len ? g_ptr_array_index (report->problems, 0) : error->message;
      g_test_message ("%s", where);
      g_assert_true (g_str_has_prefix (where, cases[i].line));
      g_assert_cmpint (vigil_store_count (store, VIGIL_KIND_ASSET), ==, 0);
    }

  /* --skip-invalid imports the valid rows and reports the rest */
  {
    g_autoptr(VigilAssetImportReport) report = import (store, cases[1].csv, NULL,
                                                       VIGIL_ASSET_IMPORT_SKIP_INVALID, TRUE);
    g_assert_cmpuint (report->created, ==, 1);
    g_assert_cmpuint (report->invalid, ==, 1);
    g_assert_cmpuint (report->problems->len, ==, 1);
  }

  /* an empty file */
  {
    g_autoptr(GError) error = NULL;
    g_assert_false (vigil_asset_import_data (store, "", 0, NULL, 0, NULL, &error));
    g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
    g_clear_error (&error);
    g_assert_false (vigil_asset_import_data (store, " \n\n", 3, NULL, 0, NULL, &error));
    g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
  }
}

static void
test_samples (void)
{
  const char *samples = vigil_test_samples_dir ();
  const struct { const char *file; const char *format; guint rows; const char *some; } files[] = {
    { "netbox-demo-v3.6-devices.csv", "netbox-devices", 72, "dmi01-akron-rtr01" },
    { "netbox-demo-v3.6-virtual-machines.csv", "netbox-virtual-machines", 180, "vm1" },
    { "snipeit-assets-sample-slice.csv", "snipe-it", 7, "WBH-2841795" },
  };
  g_autoptr(VigilStore) store = NULL;

  if (samples == NULL)
    {
      g_test_skip ("no samples folder");
      return;
    }
  store = store_with_org ();
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (samples, "asset-inventory-csv", files[i].file, NULL);
      g_autoptr(VigilAssetImportReport) report = NULL;
      g_autoptr(VigilAssetImportReport) again = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(VigilAsset) a = NULL;

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        continue;
      g_assert_true (vigil_asset_import_file (store, path, NULL, 0, &report, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (report->format, ==, files[i].format);
      g_assert_cmpuint (report->rows, ==, files[i].rows);
      g_assert_cmpuint (report->invalid, ==, 0);
      a = get (store, files[i].some);
      /* a second import only updates */
      g_assert_true (vigil_asset_import_file (store, path, NULL, 0, &again, &error));
      g_assert_cmpuint (again->created, ==, 0);
    }
}

int
main (int    argc,
      char **argv)
{
  vigil_test_init (&argc, &argv);
  g_test_add_func ("/asset-import/formats", test_formats);
  g_test_add_func ("/asset-import/generic-map", test_generic_map);
  g_test_add_func ("/asset-import/contacts-updates", test_contacts_and_updates);
  g_test_add_func ("/asset-import/malformed", test_malformed);
  g_test_add_func ("/asset-import/samples", test_samples);
  return g_test_run ();
}
