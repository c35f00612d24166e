/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How fast project files are written and read: a project of two 1 MB
 * documents with 10,000 links, 1,000 omissions and 2,000 annotations.
 * Prints figures; it does not fail on timing. */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/resource.h>

#include "diptych-core.h"

#define N_SENTENCES 16000
#define N_LINKS 10000
#define N_OMISSIONS 1000
#define N_ANNOTATIONS 2000

static DiptychDocument *
make_document (const char *who)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < N_SENTENCES; i++)
    g_string_append_printf (text, "%s said sentence %u about the ceasefire in sector %u, with details. ",
                            who, i, i % 97);

  return diptych_document_new (text->str, text->len, who, NULL, "text", NULL, NULL);
}

static DiptychProject *
make_project (void)
{
  DiptychProject *project = diptych_project_new ();
  g_autoptr(DiptychDocument) a = make_document ("The White House");
  g_autoptr(DiptychDocument) b = make_document ("The Kremlin");
  g_autoptr(DiptychAlignment) alignment = diptych_alignment_new (NULL);
  static const char * const terms[] = { "ceasefire", "sector", "details", NULL };
  guint len_a, len_b;

  diptych_project_set_document (project, DIPTYCH_SIDE_A, a);
  diptych_project_set_document (project, DIPTYCH_SIDE_B, b);
  diptych_project_add_default_tags (project);
  len_a = diptych_document_get_length (a);
  len_b = diptych_document_get_length (b);

  for (guint i = 0; i < N_LINKS; i++)
    {
      guint sa = (guint) ((guint64) i * (len_a - 100) / N_LINKS);
      guint sb = (guint) ((guint64) ((i * 7919) % N_LINKS) * (len_b - 100) / N_LINKS);
      g_autoptr(DiptychLink) link = diptych_link_new (DIPTYCH_SPAN_INIT (sa, sa + 60), DIPTYCH_SPAN_INIT (sb, sb + 60),
                                                      DIPTYCH_LINK_REWORDED, 0.5 + (i % 50) / 100.0,
                                                      DIPTYCH_STATE_AUTO);
      diptych_link_set_shared_terms (link, terms);
      diptych_alignment_add_link (alignment, link);
    }

  for (guint i = 0; i < N_OMISSIONS; i++)
    {
      guint s = (guint) ((guint64) i * (MIN (len_a, len_b) - 100) / N_OMISSIONS);
      g_autoptr(DiptychOmission) omission = diptych_omission_new (i % 2, DIPTYCH_SPAN_INIT (s, s + 70),
                                                                  DIPTYCH_STATE_AUTO);
      diptych_alignment_add_omission (alignment, omission);
    }

  diptych_alignment_sort (alignment);
  diptych_project_set_alignment (project, alignment);

  for (guint i = 0; i < N_ANNOTATIONS; i++)
    {
      guint len = i % 2 == 0 ? len_a : len_b;
      guint s = (guint) ((guint64) i * (len - 100) / N_ANNOTATIONS);
      g_autofree char *note = g_strdup_printf ("Note %u: this passage <matters> & should be checked.", i);

      diptych_project_annotate (project, i % 2, DIPTYCH_SPAN_INIT (s, s + 40), "Emphasis", note, NULL, NULL);
    }

  return project;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(DiptychProject) project = NULL;
  g_autoptr(DiptychProject) loaded = NULL;
  g_autoptr(DiptychProject) from_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  struct rusage usage;
  gsize length = 0;
  double t;

  project = make_project ();

  g_timer_start (timer);
  xml = diptych_project_to_xml (project, &length);
  t = g_timer_elapsed (timer, NULL);
  g_print ("project: 2 x %u characters, %u links, %u omissions, %u annotations\n",
           diptych_document_get_length (diptych_project_get_document (project, DIPTYCH_SIDE_A)),
           g_list_model_get_n_items (diptych_project_get_links (project)),
           g_list_model_get_n_items (diptych_project_get_omissions (project)),
           g_list_model_get_n_items (diptych_project_get_annotations (project)));
  g_print ("file size:        %.1f MB\n", length / 1e6);
  g_print ("to XML:           %.3f s\n", t);

  g_timer_start (timer);
  loaded = diptych_project_from_xml (xml, length, "bench.diptych", &error);
  t = g_timer_elapsed (timer, NULL);
  if (loaded == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print ("from XML:         %.3f s (parse, schema, checks)\n", t);

  dir = g_dir_make_tmp ("diptych-bench-XXXXXX", &error);
  path = g_build_filename (dir, "bench.diptych", NULL);
  file = g_file_new_for_path (path);

  g_timer_start (timer);
  if (!diptych_project_save (project, file, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print ("save (fsync):     %.3f s\n", g_timer_elapsed (timer, NULL));

  g_timer_start (timer);
  from_file = diptych_project_load (file, NULL, &error);
  if (from_file == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print ("load:             %.3f s\n", g_timer_elapsed (timer, NULL));

  getrusage (RUSAGE_SELF, &usage);
  g_print ("peak RSS:         %.0f MB\n", usage.ru_maxrss / 1024.0);

  g_unlink (path);
  {
    g_autofree char *backup = g_strconcat (path, "~", NULL);
    g_unlink (backup);
  }
  g_rmdir (dir);

  return 0;
}
