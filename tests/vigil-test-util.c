/* vigil-test-util.c — shared test helpers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "vigil-test-util.h"

static GPtrArray *tmpdirs;

static void
remove_tree (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileEnumerator) e = NULL;

  e = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                 G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (e != NULL)
    {
      GFileInfo *info;
      while ((info = g_file_enumerator_next_file (e, NULL, NULL)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, g_file_info_get_name (info), NULL);
          if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
            remove_tree (child);
          else
            g_remove (child);
          g_object_unref (info);
        }
    }
  g_chmod (path, 0700);
  g_rmdir (path);
}

static void
cleanup_tmpdirs (void)
{
  if (tmpdirs == NULL || g_getenv ("VIGIL_TEST_KEEP") != NULL)
    return;
  for (guint i = 0; i < tmpdirs->len; i++)
    remove_tree (g_ptr_array_index (tmpdirs, i));
}

char *
vigil_test_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("vigil-test-XXXXXX", &error);

  g_assert_no_error (error);
  if (tmpdirs == NULL)
    {
      tmpdirs = g_ptr_array_new_with_free_func (g_free);
      atexit (cleanup_tmpdirs);
    }
  g_ptr_array_add (tmpdirs, g_strdup (dir));
  return dir;
}

char *
vigil_test_db_path (void)
{
  g_autofree char *dir = vigil_test_tmpdir ();
  return g_build_filename (dir, "test.db", NULL);
}

VigilStore *
vigil_test_store_new (void)
{
  g_autofree char *path = vigil_test_db_path ();
  g_autoptr(GError) error = NULL;
  VigilStore *store = vigil_store_open (path, VIGIL_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  vigil_store_set_actor (store, "Test Analyst");
  return store;
}

const char *
vigil_test_samples_dir (void)
{
  static char *dir = NULL;
  const char *env = g_getenv ("VIGIL_SAMPLES_DIR");

  if (dir == NULL && env != NULL && g_file_test (env, G_FILE_TEST_IS_DIR))
    dir = g_canonicalize_filename (env, NULL);
  return dir;
}

int
vigil_test_run_vigilctl (const char * const *argv,
                         const char         *stdin_text,
                         char              **out,
                         char              **err)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *o = NULL;
  g_autofree char *e = NULL;
  const char *exe = g_getenv ("VIGILCTL");

  g_assert_nonnull (exe);
  g_ptr_array_add (args, (gpointer) exe);
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) argv[i]);
  g_ptr_array_add (args, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE |
                                        G_SUBPROCESS_FLAGS_STDIN_PIPE);
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, stdin_text, NULL, &o, &e, &error);
  g_assert_no_error (error);

  if (out)
    *out = g_steal_pointer (&o);
  if (err)
    *err = g_steal_pointer (&e);
  if (!g_subprocess_get_if_exited (proc))
    return -1;
  return g_subprocess_get_exit_status (proc);
}

void
vigil_test_init (int    *argc,
                 char ***argv)
{
  g_setenv ("TZ", "UTC", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_test_init (argc, argv, NULL);
  vigil_core_init ();
}
