/* test-importers.c — each alert importer on real samples and on bad input
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "vigil-import-json.h"
#include "vigil-store-alerts.h"
#include "vigil-test-util.h"

/* What the tests keep of an event. */
typedef struct
{
  char    *title, *rule, *severity_raw, *src, *dst, *time, *source_ref, *hostname, *type;
  gint64   src_port, dst_port;
  gboolean keyed;
  GPtrArray *observables;  /* "type:value" */
} Seen;

static void
seen_free (gpointer data)
{
  Seen *s = data;
  g_free (s->title); g_free (s->rule); g_free (s->severity_raw); g_free (s->src);
  g_free (s->dst); g_free (s->time); g_free (s->source_ref); g_free (s->hostname);
  g_free (s->type);
  g_ptr_array_unref (s->observables);
  g_free (s);
}

typedef struct
{
  GPtrArray *events;
  guint      skipped, headers, malformed;
  GPtrArray *errors;  /* "line: reason" */
} Run;

static gboolean
collect (VigilAlertEvent  *ev,
         gpointer          user_data,
         GError          **error)
{
  Run *run = user_data;
  Seen *s = g_new0 (Seen, 1);

  s->title = g_strdup (ev->title);
  s->rule = g_strdup (ev->rule);
  s->severity_raw = g_strdup (ev->severity_raw);
  s->src = g_strdup (ev->src_addr);
  s->dst = g_strdup (ev->dst_addr);
  s->time = g_strdup (ev->time);
  s->source_ref = g_strdup (ev->source_ref);
  s->hostname = g_strdup (ev->hostname);
  s->type = g_strdup (ev->type);
  s->src_port = ev->src_port;
  s->dst_port = ev->dst_port;
  s->keyed = ev->keyed;
  s->observables = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; ev->observables && i < ev->observables->len; i++)
    {
      VigilAlertObservable *o = &g_array_index (ev->observables, VigilAlertObservable, i);
      g_ptr_array_add (s->observables, g_strdup_printf ("%s:%s", o->type, o->value));
    }
  g_assert_true (ev->raw != NULL && ev->raw_len > 0);
  g_ptr_array_add (run->events, s);
  return TRUE;
}

static void
run_clear (Run *run)
{
  g_ptr_array_unref (run->events);
  g_ptr_array_unref (run->errors);
}

static void
run_file (Run        *run,
          const char *format,
          const char *path,
          const char *mapping)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilImporter) importer = vigil_importer_new (format, &error);
  g_autoptr(VigilImportReader) reader = NULL;

  g_assert_no_error (error);
  importer->mapping = g_strdup (mapping);
  reader = vigil_import_reader_new (path, importer->klass->frame, FALSE, NULL, &error);
  g_assert_no_error (error);
  run->events = g_ptr_array_new_with_free_func (seen_free);
  run->errors = g_ptr_array_new_with_free_func (g_free);
  run->skipped = run->headers = run->malformed = 0;

  for (;;)
    {
      g_autoptr(GError) local = NULL;
      const char *record;
      gsize len;
      guint64 line;
      VigilReadResult r = vigil_import_reader_next (reader, &record, &len, &line, &local);

      if (r == VIGIL_READ_EOF)
        break;
      g_assert_cmpint (r, !=, VIGIL_READ_ERROR);
      if (r != VIGIL_READ_RECORD)
        {
          run->malformed++;
          g_ptr_array_add (run->errors, g_strdup_printf ("%" G_GUINT64_FORMAT ": %s", line,
                                                         local->message));
          continue;
        }
      switch (vigil_importer_parse (importer, record, len, collect, run, &local))
        {
        case VIGIL_IMPORT_EVENT: break;
        case VIGIL_IMPORT_SKIPPED: run->skipped++; break;
        case VIGIL_IMPORT_HEADER: run->headers++; break;
        case VIGIL_IMPORT_MALFORMED:
          run->malformed++;
          g_ptr_array_add (run->errors, g_strdup_printf ("%" G_GUINT64_FORMAT ": %s", line,
                                                         local->message));
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

static char *
sample (const char *rel)
{
  const char *dir = vigil_test_samples_dir ();
  char *path;

  if (dir == NULL)
    return NULL;
  path = g_build_filename (dir, rel, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    g_clear_pointer (&path, g_free);
  return path;
}

#define SAMPLE_OR_SKIP(var, rel) \
  g_autofree char *var = sample (rel); \
  if (var == NULL) { g_test_skip ("sample " rel " is not available"); return; }

static gboolean
has_observable (Seen       *s,
                const char *tv)
{
  for (guint i = 0; i < s->observables->len; i++)
    if (strcmp (s->observables->pdata[i], tv) == 0)
      return TRUE;
  return FALSE;
}

static char *
write_temp (const char *name,
            const char *contents,
            gssize      len)
{
  g_autofree char *dir = vigil_test_tmpdir ();
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
  return path;
}

/* ---- the tokenizer and times ---- */

static void
test_json_tokenizer (void)
{
  g_autoptr(GError) error = NULL;
  VigilJsonDoc doc;
  const char *text = "{\"a\": {\"b\": [1, \"x\\u00e9\\n\", true]}, \"id.orig_h\": \"1.2.3.4\", "
                     "\"big\": 18446744073709551615, \"s\": \"\\ud83d\\ude00\"}";
  g_autofree char *deep = NULL;
  g_autofree char *v = NULL;
  int arr;

  vigil_json_doc_init (&doc);
  g_assert_true (vigil_json_parse (&doc, text, strlen (text), &error));
  g_assert_no_error (error);
  arr = vigil_json_path (&doc, 0, "a.b");
  g_assert_cmpint (doc.tokens[arr].size, ==, 3);
  v = vigil_json_dup (&doc, vigil_json_next (&doc, arr, vigil_json_first (&doc, arr)));
  g_assert_cmpstr (v, ==, "xé\n");
  g_clear_pointer (&v, g_free);
  v = vigil_json_dup_path (&doc, 0, "id.orig_h");
  g_assert_cmpstr (v, ==, "1.2.3.4");
  g_clear_pointer (&v, g_free);
  v = vigil_json_dup_path (&doc, 0, "big");  /* every digit of a 64-bit id */
  g_assert_cmpstr (v, ==, "18446744073709551615");
  g_clear_pointer (&v, g_free);
  v = vigil_json_dup_path (&doc, 0, "s");
  g_assert_cmpstr (v, ==, "😀");
  g_clear_pointer (&v, g_free);

  for (const char * const *bad = (const char * const[]) { "{", "{\"a\":}", "[1,]", "{\"a\" 1}",
                                                         "\"\\x\"", "tru", "{} {}", "",
                                                         "{\"a\":1,}", "01x", NULL };
       *bad; bad++)
    {
      g_assert_false (vigil_json_parse (&doc, *bad, strlen (*bad), &error));
      g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
      g_clear_error (&error);
    }

  /* nesting deeper than the limit is refused, not recursed into */
  deep = g_strnfill (100000, '[');
  g_assert_false (vigil_json_parse (&doc, deep, 100000, &error));
  g_assert_nonnull (strstr (error->message, "nested"));
  vigil_json_doc_clear (&doc);
}

static void
test_times (void)
{
  struct { const char *in, *out; } cases[] = {
    { "2018-03-24T14:37:19.037299-0600", "2018-03-24T20:37:19Z" },
    { "2019-01-02T03:50:11.315110", "2019-01-02T03:50:11Z" },
    { "2020-04-17T00:17:53.159+0000", "2020-04-17T00:17:53Z" },
    { "2018-03-24T17:15:20.629574Z", "2018-03-24T17:15:20Z" },
    { "2018-01-01T01:00:00+02:00", "2017-12-31T23:00:00Z" },
    { "1521911720.629574", "2018-03-24T17:15:20Z" },
    { "1495012062014", "2017-05-17T09:07:42Z" },
    { "2016-06-11", "2016-06-11T00:00:00Z" },
    { "yesterday", NULL },
    { "2018-13-01T00:00:00Z", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *t = vigil_import_time (cases[i].in);
      g_assert_cmpstr (t, ==, cases[i].out);
    }
}

/* ---- formats on their samples ---- */

static void
test_suricata_samples (void)
{
  SAMPLE_OR_SKIP (wrccdc, "suricata-eve-ndjson/fh-wrccdc-2018-alerts.eve.ndjson");
  SAMPLE_OR_SKIP (honeypot, "suricata-eve-ndjson/fh-honeypot-2018-alerts.eve.ndjson");
  SAMPLE_OR_SKIP (array, "suricata-eve-ndjson/fh-honeypot-2018-alerts-only.array.json");
  SAMPLE_OR_SKIP (mixed, "suricata-eve-ndjson/tenzir-eve-mixed-event-types.eve.ndjson");
  Run run;
  Seen *s;

  run_file (&run, "suricata", wrccdc, NULL);
  g_assert_cmpuint (run.events->len, ==, 207);
  g_assert_cmpuint (run.malformed, ==, 0);
  s = run.events->pdata[0];
  g_assert_cmpstr (s->title, ==, "ET SCAN Potential SSH Scan");
  g_assert_cmpstr (s->rule, ==, "2001219");
  g_assert_cmpstr (s->severity_raw, ==, "2");
  g_assert_cmpstr (s->time, ==, "2018-03-24T20:37:19Z");  /* -0600 */
  g_assert_cmpstr (s->source_ref, ==, "928532049924531");
  g_assert_cmpstr (s->dst, ==, "10.47.8.150");
  g_assert_cmpint (s->dst_port, ==, 22);
  g_assert_true (has_observable (s, "ip:10.47.8.150"));
  g_assert_false (has_observable (s, "ip:0.0.0.0"));
  run_clear (&run);

  /* no UTC offset at all: taken as UTC */
  run_file (&run, "suricata", honeypot, NULL);
  g_assert_cmpuint (run.events->len, ==, 44);
  for (guint i = 0; i < run.events->len; i++)
    g_assert_true (g_str_has_suffix (((Seen *) run.events->pdata[i])->time, "Z"));
  run_clear (&run);

  /* the same alerts as a JSON array, streamed item by item */
  run_file (&run, "suricata", array, NULL);
  g_assert_cmpuint (run.events->len, ==, 44);
  g_assert_cmpuint (run.malformed, ==, 0);
  run_clear (&run);

  /* one alert among dns, fileinfo, flow, http, netflow, quic (spaced JSON too) */
  run_file (&run, "suricata", mixed, NULL);
  g_assert_cmpuint (run.events->len, ==, 1);
  g_assert_cmpuint (run.skipped, ==, 6);
  g_assert_cmpuint (run.malformed, ==, 0);
  run_clear (&run);
}

static void
test_suricata_variants (void)
{
  const char *text =
    "{\"timestamp\":\"2026-11-30T10:00:00.1+0100\",\"flow_id\":18446744073709551615,"
    "\"event_type\":\"alert\",\"src_ip\":\"10.0.0.1\",\"src_port\":\"4444\",\"dest_ip\":\"10.0.0.2\","
    "\"dest_port\":80,\"proto\":\"TCP\",\"alert\":{\"signature_id\":\"1\",\"signature\":\"S\","
    "\"severity\":\"1\",\"tx_id\":3,\"metadata\":{\"x\":[\"y\"]}}}\n"
    "{\"event_type\":\"alert\",\"alert\":{\"signature\":\"no ids\"}}\n"
    "{\"event_type\":\"alert\"}\n"
    "{\"timestamp\":\"soon\",\"event_type\":\"alert\",\"alert\":{\"signature\":\"T\"}}\n"
    "[1,2]\n"
    "\n";
  g_autofree char *path = write_temp ("v.json", text, -1);
  Run run;
  Seen *s;

  run_file (&run, "suricata", path, NULL);
  g_assert_cmpuint (run.events->len, ==, 2);
  s = run.events->pdata[0];
  g_assert_cmpstr (s->source_ref, ==, "18446744073709551615");
  g_assert_cmpint (s->src_port, ==, 4444);  /* a string port */
  g_assert_cmpstr (s->time, ==, "2026-11-30T09:00:00Z");
  s = run.events->pdata[1];
  g_assert_cmpstr (s->rule, ==, "no ids");
  /* no alert object, a bad time, an array, an empty line */
  g_assert_cmpuint (run.malformed, ==, 4);
  g_assert_true (g_str_has_prefix (run.errors->pdata[0], "3: "));
  g_assert_true (g_str_has_prefix (run.errors->pdata[1], "4: "));
  run_clear (&run);
}

static void
test_wazuh_samples (void)
{
  SAMPLE_OR_SKIP (path, "wazuh-alerts-ndjson/wazuh-sample-alerts.alerts.ndjson");
  Run run;
  Seen *s;

  run_file (&run, "wazuh", path, NULL);
  g_assert_cmpuint (run.events->len, ==, 3);
  g_assert_cmpuint (run.malformed, ==, 0);
  s = run.events->pdata[0];
  g_assert_cmpstr (s->rule, ==, "5716");
  g_assert_cmpstr (s->severity_raw, ==, "5");
  g_assert_cmpstr (s->src, ==, "49.88.112.73");
  g_assert_cmpint (s->src_port, ==, 36679);
  g_assert_cmpstr (s->hostname, ==, "Debian");
  g_assert_cmpstr (s->dst, ==, "10.0.1.50");  /* the agent */
  g_assert_cmpstr (s->time, ==, "2020-04-17T00:17:53Z");
  g_assert_cmpstr (s->source_ref, ==, "1587082673.77856");
  g_assert_true (has_observable (s, "account:root"));
  run_clear (&run);
}

static void
test_thehive_samples (void)
{
  SAMPLE_OR_SKIP (artifacts, "thehive-json/thehive3-alert-create-request-with-artifacts.json");
  SAMPLE_OR_SKIP (response, "thehive-json/thehive3-alert-get-response.json");
  SAMPLE_OR_SKIP (kase, "thehive-json/thehive3-case-create-response.json");
  SAMPLE_OR_SKIP (webhook, "thehive-json/thehive3-webhook-case-creation.json");
  Run run;
  Seen *s;

  run_file (&run, "thehive", artifacts, NULL);
  g_assert_cmpuint (run.events->len, ==, 1);
  s = run.events->pdata[0];
  g_assert_true (s->keyed);
  g_assert_cmpstr (s->source_ref, ==, "alert-ref");
  g_assert_cmpstr (s->severity_raw, ==, "3");
  g_assert_true (has_observable (s, "ip:127.0.0.1"));
  g_assert_true (has_observable (s, "domain:thehive-project.org"));
  g_assert_true (has_observable (s, "filename:logo.svg"));  /* never the base64 */
  run_clear (&run);

  run_file (&run, "thehive", response, NULL);
  g_assert_cmpuint (run.events->len, ==, 1);
  g_assert_cmpstr (((Seen *) run.events->pdata[0])->time, ==, "2017-05-17T09:07:42Z");
  run_clear (&run);

  run_file (&run, "thehive", kase, NULL);
  g_assert_cmpuint (run.events->len, ==, 0);
  g_assert_cmpuint (run.skipped, ==, 1);
  run_clear (&run);
  run_file (&run, "thehive", webhook, NULL);
  g_assert_cmpuint (run.events->len, ==, 0);
  g_assert_cmpuint (run.skipped, ==, 1);
  run_clear (&run);
}

static void
test_thehive_versions (void)
{
  /* TheHive 5 (v1 names), an array of two, and a webhook envelope for an alert */
  const char *text =
    "[{\"_type\":\"Alert\",\"_createdAt\":1700000000000,\"type\":\"siem\",\"source\":\"splunk\","
    "\"sourceRef\":\"A-1\",\"title\":\"Five\",\"description\":\"d\",\"severity\":4,"
    "\"observables\":[{\"dataType\":\"hash\",\"data\":\"d41d8cd98f00b204e9800998ecf8427e\","
    "\"ioc\":true},{\"dataType\":\"fqdn\",\"data\":[\"a.example\",\"b.example\"]}]},\n"
    " {\"type\":\"siem\",\"source\":\"splunk\",\"sourceRef\":\"A-2\",\"title\":\"Two\"}]\n"
    "{\"operation\":\"Creation\",\"objectType\":\"alert\",\"object\":{\"type\":\"x\","
    "\"source\":\"y\",\"sourceRef\":\"z\",\"title\":\"Hooked\"}}\n";
  g_autofree char *path = write_temp ("h.json", text, -1);
  Run run;
  Seen *s;

  run_file (&run, "thehive", path, NULL);
  g_assert_cmpuint (run.malformed, ==, 0);
  g_assert_cmpuint (run.events->len, ==, 3);
  s = run.events->pdata[0];
  g_assert_cmpstr (s->title, ==, "Five");
  g_assert_cmpstr (s->severity_raw, ==, "4");
  g_assert_cmpstr (s->time, ==, "2023-11-14T22:13:20Z");
  g_assert_true (has_observable (s, "md5:d41d8cd98f00b204e9800998ecf8427e"));
  g_assert_true (has_observable (s, "domain:b.example"));
  g_assert_cmpstr (((Seen *) run.events->pdata[2])->title, ==, "Hooked");
  run_clear (&run);
}

static void
test_iris (void)
{
  const char *text =
    "{\"status\":\"success\",\"data\":{\"alert_title\":\"Phishing <b>click</b>\","
    "\"alert_description\":\"d\",\"alert_source\":\"Mail gateway\",\"alert_source_ref\":\"MG-7\","
    "\"alert_severity_id\":5,\"alert_status_id\":2,\"alert_customer_id\":1,"
    "\"alert_source_event_time\":\"2026-11-30T10:00:00\","
    "\"alert_iocs\":[{\"ioc_value\":\"evil.example\",\"ioc_type\":\"domain\"},"
    "{\"ioc_value\":\"5.6.7.8\",\"ioc_type\":{\"type_name\":\"ip-dst\"}}],"
    "\"alert_assets\":[{\"asset_name\":\"WS-042\",\"asset_ip\":\"10.1.2.3\"}]}}\n"
    "{\"alert_description\":\"no title\"}\n";
  g_autofree char *path = write_temp ("i.json", text, -1);
  Run run;
  Seen *s;

  run_file (&run, "iris", path, NULL);
  g_assert_cmpuint (run.events->len, ==, 1);
  g_assert_cmpuint (run.malformed, ==, 1);
  s = run.events->pdata[0];
  g_assert_cmpstr (s->title, ==, "Phishing <b>click</b>");
  g_assert_cmpstr (s->severity_raw, ==, "5");
  g_assert_cmpstr (s->hostname, ==, "WS-042");
  g_assert_cmpstr (s->dst, ==, "10.1.2.3");
  g_assert_cmpstr (s->time, ==, "2026-11-30T10:00:00Z");
  g_assert_true (has_observable (s, "domain:evil.example"));
  g_assert_true (has_observable (s, "ip:5.6.7.8"));
  run_clear (&run);
}

static void
test_misp_samples (void)
{
  SAMPLE_OR_SKIP (wrapped, "misp-json/57c4445b-c548-4654-af0b-4be3950d210f.json");
  SAMPLE_OR_SKIP (bare, "misp-json/existing_event.json");
  SAMPLE_OR_SKIP (objects, "misp-json/event_obj_attr_tag.json");
  SAMPLE_OR_SKIP (japanese, "misp-json/japanese_test.json");
  Run run;
  Seen *s;

  run_file (&run, "misp", wrapped, NULL);
  g_assert_cmpuint (run.events->len, ==, 1);
  s = run.events->pdata[0];
  g_assert_true (s->keyed);
  g_assert_cmpstr (s->source_ref, ==, "57c4445b-c548-4654-af0b-4be3950d210f");
  g_assert_cmpstr (s->severity_raw, ==, "3");
  g_assert_cmpuint (s->observables->len, >, 0);
  run_clear (&run);

  /* bare; attributes inside its 49 objects count */
  run_file (&run, "misp", bare, NULL);
  g_assert_cmpuint (run.events->len, ==, 1);
  s = run.events->pdata[0];
  g_assert_cmpuint (s->observables->len, >, 49);
  run_clear (&run);

  run_file (&run, "misp", objects, NULL);
  g_assert_cmpuint (run.events->len, ==, 1);
  g_assert_true (has_observable (run.events->pdata[0], "filename:bar"));
  run_clear (&run);

  run_file (&run, "misp", japanese, NULL);
  g_assert_cmpuint (run.events->len, ==, 1);
  g_assert_true (g_utf8_validate (((Seen *) run.events->pdata[0])->title, -1, NULL));
  run_clear (&run);
}

static void
test_zeek_samples (void)
{
  SAMPLE_OR_SKIP (tsv, "zeek-tsv/notice.log");
  SAMPLE_OR_SKIP (ndjson, "zeek-ndjson/notice.ndjson");
  SAMPLE_OR_SKIP (hosts, "zeek-ndjson/known_hosts.ndjson");
  Run run;
  Seen *s;

  run_file (&run, "zeek", tsv, NULL);
  g_assert_cmpuint (run.events->len, ==, 207);
  g_assert_cmpuint (run.malformed, ==, 0);
  g_assert_cmpuint (run.headers, >=, 8);
  s = run.events->pdata[0];
  g_assert_cmpstr (s->rule, ==, "SSL::Invalid_Server_Cert");
  g_assert_cmpstr (s->src, ==, "10.164.94.120");
  g_assert_cmpstr (s->dst, ==, "10.47.3.200");
  g_assert_cmpint (s->dst_port, ==, 443);
  g_assert_cmpstr (s->time, ==, "2018-03-24T17:15:20Z");
  g_assert_cmpstr (s->source_ref, ==, "CmC9kY1X0u9nP78KZc");
  run_clear (&run);

  run_file (&run, "zeek", ndjson, NULL);
  g_assert_cmpuint (run.events->len, ==, 207);
  s = run.events->pdata[0];
  g_assert_cmpstr (s->time, ==, "2018-03-24T17:15:20Z");
  g_assert_cmpint (s->src_port, ==, 39611);
  run_clear (&run);

  run_file (&run, "zeek", hosts, NULL);  /* another log: skipped */
  g_assert_cmpuint (run.events->len, ==, 0);
  g_assert_cmpuint (run.skipped, >, 0);
  run_clear (&run);
}

static void
test_csv (void)
{
  const char *text =
    "When,Alert Name,Level,Source IP,Target,Host,Notes\r\n"
    "2026-11-30 10:00:00,\"Brute force, SSH\",8,203.0.113.5,10.0.0.7,web-01,\"two\nlines\"\r\n"
    "2026-11-30 10:05:00,Port scan,3,203.0.113.9,,,\r\n"
    "not a time,Other,1,,,,\r\n"
    ",,,,,,\r\n";
  const char *plain = "timestamp,signature,severity,src_ip,dst_ip\n"
                      "2026-11-30T10:00:00Z,Sig A,high,1.1.1.1,2.2.2.2\n";
  g_autofree char *path = write_temp ("a.csv", text, -1);
  g_autofree char *path2 = write_temp ("b.csv", plain, -1);
  Run run;
  Seen *s;

  run_file (&run, "csv", path, "time=When,title=Alert Name,severity=Level,src=Source IP,"
                               "dst=Target,hostname=Host,description=Notes");
  g_assert_cmpuint (run.headers, ==, 1);
  g_assert_cmpuint (run.events->len, ==, 2);
  g_assert_cmpuint (run.malformed, ==, 2);
  s = run.events->pdata[0];
  g_assert_cmpstr (s->title, ==, "Brute force, SSH");
  g_assert_cmpstr (s->severity_raw, ==, "8");
  g_assert_cmpstr (s->hostname, ==, "web-01");
  g_assert_cmpstr (s->time, ==, "2026-11-30T10:00:00Z");
  g_assert_null (((Seen *) run.events->pdata[1])->dst);
  /* the quoted newline kept the row whole: the bad time is on line 5 */
  g_assert_true (g_str_has_prefix (run.errors->pdata[0], "5: "));
  run_clear (&run);

  /* no mapping: usual column names */
  run_file (&run, "csv", path2, NULL);
  g_assert_cmpuint (run.events->len, ==, 1);
  s = run.events->pdata[0];
  g_assert_cmpstr (s->rule, ==, "Sig A");
  g_assert_cmpstr (s->src, ==, "1.1.1.1");
  run_clear (&run);
}

/* ---- bad input, through the store ---- */

static void
import_file (VigilStore         *store,
             const char         *format,
             const char         *path,
             VigilImportSummary *summary)
{
  g_autoptr(GError) error = NULL;
  VigilImportOptions options = { .format = format, .path = path };

  vigil_import_summary_init (summary);
  g_assert_true (vigil_store_import_alerts (store, &options, summary, &error));
  g_assert_no_error (error);
}

static void
append_good (GString *text,
             int      n)
{
  g_string_append_printf (text, "{\"timestamp\":\"2026-11-30T10:00:00Z\",\"event_type\":\"alert\","
                          "\"src_ip\":\"10.0.0.%d\",\"dest_ip\":\"10.0.1.1\",\"alert\":"
                          "{\"signature_id\":%d,\"signature\":\"Sig %d\",\"severity\":1}}\n",
                          n, n, n);
}

static void
test_bad_input (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *deep = NULL;
  g_autofree char *huge = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *array = NULL;
  VigilImportSummary summary;
  VigilImportError *e;

  /* line 1 good, 2 non-UTF-8, 3 good, 4 deeply nested, 5 a 10 MB line, 6 good,
   * 7 truncated (no newline, cut in the middle) */
  append_good (text, 1);
  g_string_append (text, "{\"event_type\":\"alert\",\"alert\":{\"signature\":\"\xff\xfe bad\"}}\n");
  append_good (text, 2);
  deep = g_strnfill (200000, '[');
  g_string_append (text, deep);
  g_string_append_c (text, '\n');
  huge = g_strnfill (10 * 1024 * 1024, 'a');
  g_string_append (text, "{\"event_type\":\"alert\",\"x\":\"");
  g_string_append (text, huge);
  g_string_append (text, "\"}\n");
  append_good (text, 3);
  g_string_append (text, "{\"timestamp\":\"2026-11-30T10:00:00Z\",\"event_type\":\"al");
  path = write_temp ("bad.json", text->str, text->len);

  import_file (store, "suricata", path, &summary);
  g_assert_cmpuint (summary.read, ==, 7);
  g_assert_cmpuint (summary.imported, ==, 3);
  g_assert_cmpuint (summary.malformed, ==, 4);
  g_assert_cmpuint (summary.errors->len, ==, 4);
  e = &g_array_index (summary.errors, VigilImportError, 0);
  g_assert_cmpuint (e->line, ==, 2);
  g_assert_nonnull (strstr (e->reason, "UTF-8"));
  e = &g_array_index (summary.errors, VigilImportError, 1);
  g_assert_cmpuint (e->line, ==, 4);
  g_assert_nonnull (strstr (e->reason, "nested"));
  e = &g_array_index (summary.errors, VigilImportError, 2);
  g_assert_cmpuint (e->line, ==, 5);
  g_assert_nonnull (strstr (e->reason, "MiB"));
  e = &g_array_index (summary.errors, VigilImportError, 3);
  g_assert_cmpuint (e->line, ==, 7);
  vigil_import_summary_clear (&summary);
  g_assert_cmpint (vigil_store_count_alerts (store, NULL), ==, 3);

  /* an empty file, and one of white space */
  empty = write_temp ("empty.json", "", 0);
  import_file (store, "suricata", empty, &summary);
  g_assert_cmpuint (summary.read, ==, 0);
  g_assert_cmpuint (summary.malformed, ==, 0);
  vigil_import_summary_clear (&summary);
  for (const char * const *f = (const char * const[]) { "thehive", "misp", "iris", "zeek",
                                                       "csv", "wazuh", NULL }; *f; f++)
    {
      import_file (store, *f, empty, &summary);
      g_assert_cmpuint (summary.read, ==, 0);
      vigil_import_summary_clear (&summary);
    }

  /* a truncated JSON array: the items before the cut are imported */
  array = write_temp ("cut.json", "[{\"title\":\"A\",\"type\":\"t\",\"source\":\"s\","
                                  "\"sourceRef\":\"1\"},\n {\"title\":\"B\",\"ty", -1);
  import_file (store, "thehive", array, &summary);
  g_assert_cmpuint (summary.imported, ==, 1);
  g_assert_cmpuint (summary.malformed, ==, 1);
  g_assert_cmpuint (g_array_index (summary.errors, VigilImportError, 0).line, ==, 2);
  vigil_import_summary_clear (&summary);
}

int
main (int    argc,
      char **argv)
{
  vigil_test_init (&argc, &argv);

  g_test_add_func ("/importers/json-tokenizer", test_json_tokenizer);
  g_test_add_func ("/importers/times", test_times);
  g_test_add_func ("/importers/suricata/samples", test_suricata_samples);
  g_test_add_func ("/importers/suricata/variants", test_suricata_variants);
  g_test_add_func ("/importers/wazuh/samples", test_wazuh_samples);
  g_test_add_func ("/importers/thehive/samples", test_thehive_samples);
  g_test_add_func ("/importers/thehive/versions", test_thehive_versions);
  g_test_add_func ("/importers/iris", test_iris);
  g_test_add_func ("/importers/misp/samples", test_misp_samples);
  g_test_add_func ("/importers/zeek/samples", test_zeek_samples);
  g_test_add_func ("/importers/csv", test_csv);
  g_test_add_func ("/importers/bad-input", test_bad_input);

  return g_test_run ();
}
