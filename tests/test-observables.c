/* test-observables.c — validation per observable type and extraction from text
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vigil-observable.h"
#include "vigil-test-util.h"

static void
check (const char *type,
       const char *value,
       const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *normalized = vigil_observable_normalize (type, value, &error);

  if (expected == NULL)
    {
      g_assert_null (normalized);
      g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
      g_assert_cmpuint (strlen (error->message), >, 10);
    }
  else
    {
      g_assert_no_error (error);
      g_assert_cmpstr (normalized, ==, expected);
    }
}

static void
test_ip (void)
{
  check ("ip", "192.0.2.10", "192.0.2.10");
  check ("ip", " 10.0.0.1 ", "10.0.0.1");
  check ("ip", "203.0.113[.]7", "203.0.113.7");
  check ("ip", "255.255.255.255", "255.255.255.255");
  check ("ip", "999.1.1.1", NULL);
  check ("ip", "1.2.3", NULL);
  check ("ip", "1.2.3.4.5", NULL);
  check ("ip", "1.2.3.", NULL);
  check ("ip", "1..2.3", NULL);
  check ("ip", "01234.1.1.1", NULL);
  check ("ip", "example.com", NULL);
  check ("ip", "2001:DB8::1", "2001:db8::1");
  check ("ip", "::1", "::1");
  check ("ip", "2001:db8::g", NULL);
  check ("ip", "12:30", NULL);
}

static void
test_names (void)
{
  check ("domain", "Example.COM", "example.com");
  check ("domain", "evil[.]example[.]net", "evil.example.net");
  check ("domain", "a.b.example.org.", "a.b.example.org");
  check ("domain", "localhost", NULL);
  check ("domain", "-bad.example.com", NULL);
  check ("domain", "bad-.example.com", NULL);
  check ("domain", "ex ample.com", NULL);
  check ("domain", "1.2.3.4", NULL);
  check ("domain", "example.123", NULL);
  check ("domain", "bücher.example", "bücher.example");
  check ("hostname", "WEB-01", "web-01");
  check ("hostname", "web-01.corp.example", "web-01.corp.example");
  check ("hostname", "web_01!", NULL);
  check ("url", "https://example.com/login?x=1", "https://example.com/login?x=1");
  check ("url", "hxxp://evil[.]example/payload", "http://evil.example/payload");
  check ("url", "example.com/path", NULL);
  check ("url", "https://", NULL);
  check ("email", "Alice@Example.COM", "Alice@example.com");
  check ("email", "mailto:bob@example.org", "bob@example.org");
  check ("email", "bob[@]example[.]org", "bob@example.org");
  check ("email", "bob@", NULL);
  check ("email", "@example.org", NULL);
  check ("email", "bob example@example.org", NULL);
  check ("email", "bob@localhost", NULL);
}

static void
test_hashes (void)
{
  check ("md5", "D41D8CD98F00B204E9800998ECF8427E", "d41d8cd98f00b204e9800998ecf8427e");
  check ("md5", "d41d8cd98f00b204e9800998ecf8427", NULL);
  check ("sha1", "da39a3ee5e6b4b0d3255bfef95601890afd80709",
         "da39a3ee5e6b4b0d3255bfef95601890afd80709");
  check ("sha1", "da39a3ee5e6b4b0d3255bfef95601890afd8070z", NULL);
  check ("sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
         "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  /* 63 digits: the message says how many it has */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *v = vigil_observable_normalize ("sha256",
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85", &error);
    g_assert_null (v);
    g_assert_nonnull (strstr (error->message, "64"));
    g_assert_nonnull (strstr (error->message, "63"));
  }
  check ("md5", "", NULL);
}

static void
test_others (void)
{
  check ("registry", "HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Run",
         "HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Run");
  check ("registry", "HKEY_CURRENT_USER\\Software\\x", "HKEY_CURRENT_USER\\Software\\x");
  check ("registry", "Software\\x", NULL);
  check ("account", "CORP\\jdoe", "CORP\\jdoe");
  check ("account", "j doe", NULL);
  check ("filename", "invoice 2026.pdf.exe", "invoice 2026.pdf.exe");
  check ("filename", "two\nlines", NULL);
  check ("other", "<b>&amp; 日本語 текст</b>", "<b>&amp; 日本語 текст</b>");
  check ("other", "   ", NULL);
  check ("colour", "red", NULL);
  g_assert_true (vigil_observable_is_valid ("ip", "8.8.8.8"));
  g_assert_false (vigil_observable_is_valid ("ip", "8.8.8.256"));
}

static gboolean
has (GPtrArray  *found,
     const char *type,
     const char *value)
{
  for (guint i = 0; i < found->len; i++)
    {
      VigilObservableSuggestion *s = g_ptr_array_index (found, i);
      if (g_str_equal (s->type, type) && g_str_equal (s->value, value))
        return TRUE;
    }
  return FALSE;
}

static void
test_extract (void)
{
  g_autoptr(GPtrArray) found = NULL;
  const char *text =
    "User reported a mail from billing@invoices-example.net (reply-to: pay[@]evil[.]example) "
    "linking to hxxps://login.evil[.]example/o365?u=1. The attachment invoice.pdf.exe has "
    "SHA-256 9F86D081884C7D659A2FEAFA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A0, "
    "MD5 5d41402abc4b2a76b9719d911017c592; it called 198.51.100.23:443 and 2001:db8::bad "
    "at 12:30, e.g. via evil.example. Not an IP: 999.1.1.1. See report.docx.";

  found = vigil_observable_extract (text);
  g_assert_true (has (found, "email", "billing@invoices-example.net"));
  g_assert_true (has (found, "email", "pay@evil.example"));
  g_assert_true (has (found, "url", "https://login.evil.example/o365?u=1"));
  g_assert_true (has (found, "domain", "login.evil.example"));
  g_assert_true (has (found, "sha256",
                      "9f86d081884c7d659a2feafa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0"));
  g_assert_true (has (found, "md5", "5d41402abc4b2a76b9719d911017c592"));
  g_assert_true (has (found, "ip", "2001:db8::bad"));
  g_assert_true (has (found, "ip", "198.51.100.23"));
  g_assert_true (has (found, "domain", "evil.example"));
  g_assert_false (has (found, "domain", "invoice.pdf.exe"));
  g_assert_false (has (found, "domain", "report.docx"));
  g_assert_false (has (found, "ip", "999.1.1.1"));
  g_assert_false (has (found, "ip", "12:30"));
  /* each once */
  {
    g_autoptr(GPtrArray) twice = vigil_observable_extract ("1.2.3.4 and 1.2.3.4, again 1.2.3.4.");
    g_assert_cmpuint (twice->len, ==, 1);
  }
  {
    g_autoptr(GPtrArray) none = vigil_observable_extract ("");
    g_assert_cmpuint (none->len, ==, 0);
  }
}

int
main (int    argc,
      char **argv)
{
  vigil_test_init (&argc, &argv);
  g_test_add_func ("/vigil/observable/ip", test_ip);
  g_test_add_func ("/vigil/observable/names", test_names);
  g_test_add_func ("/vigil/observable/hashes", test_hashes);
  g_test_add_func ("/vigil/observable/others", test_others);
  g_test_add_func ("/vigil/observable/extract", test_extract);
  return g_test_run ();
}
