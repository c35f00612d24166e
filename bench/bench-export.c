/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <time.h>

#include "diptych-core.h"

/* Exporting the report for two 1 MB documents (about 10,000 sentences each,
 * about 10,000 links) in all four formats, each timed on its own. The
 * target is under 3 seconds for the four together. The alignment is timed
 * separately (the real highlighting model), or replaced by a hand-built
 * one with --hand-built.
 *
 *   bench-export [--hand-built] [--no-word-diff] [--sentences N] [--keep DIR]
 */

static const char *subjects[] = {
  "The delegation", "The minister", "The president", "Each side", "The working group",
  "The envoy", "The committee", "The government", "The mission", "The negotiators",
};
static const char *verbs[] = {
  "discussed", "reviewed", "welcomed", "examined", "stressed", "raised", "noted", "supported",
};
static const char *verbs_b[] = {
  "talked about", "looked at", "praised", "studied", "underlined", "brought up", "mentioned", "backed",
};
static const char *objects[] = {
  "the energy ceasefire", "the grain corridor", "the exchange of prisoners", "maritime security",
  "the nuclear plant", "sanctions relief", "the trade agreement", "humanitarian access",
  "the border crossing", "the monitoring mission", "regional stability", "the peace talks",
};
static const char *places[] = {
  "in Geneva", "in Riyadh", "in Istanbul", "in Vienna", "in Doha", "in Helsinki", "in Oslo", "in Minsk",
};

/* Sentence i of document A, or its reworded counterpart in B: the same
 * choices (a generator seeded by i), some verbs and dates changed. */
static void
append_sentence (GString  *out,
                 guint     i,
                 gboolean  reworded)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7919u * i + 1);
  guint s = g_rand_int_range (rand, 0, G_N_ELEMENTS (subjects));
  guint v = g_rand_int_range (rand, 0, G_N_ELEMENTS (verbs));
  guint o = g_rand_int_range (rand, 0, G_N_ELEMENTS (objects));
  guint p = g_rand_int_range (rand, 0, G_N_ELEMENTS (places));
  guint day = g_rand_int_range (rand, 1, 28);

  g_string_append_printf (out, "%s %s %s %s on %u March, item %u of the agenda, with %u experts present.",
                          subjects[s], reworded && i % 3 == 0 ? verbs_b[v] : verbs[v], objects[o], places[p],
                          reworded && i % 7 == 0 ? day + 1 : day, i, 10 + i % 90);
}

/* B tells neighbouring sentences in the other order, leaves out one in 20
 * and says something of its own instead. */
static void
make_documents (guint    n_sentences,
                GString *a,
                GString *b)
{
  for (guint i = 0; i < n_sentences; i++)
    {
      guint j = (i % 10 == 4 && i + 1 < n_sentences) ? i + 1 : (i % 10 == 5) ? i - 1 : i;
      const char *sep = i % 6 == 5 ? "\n\n" : " ";

      append_sentence (a, i, FALSE);
      g_string_append (a, sep);
      if (j % 20 != 13)
        append_sentence (b, j, TRUE);
      else
        g_string_append_printf (b, "Journalists were not admitted to part %u of the meeting.", j);
      g_string_append (b, sep);
    }
}

/* Without the model: every sentence of A linked to its counterpart. */
static DiptychAlignment *
hand_built_alignment (DiptychDocument *a,
                      DiptychDocument *b)
{
  DiptychAlignment *alignment = diptych_alignment_new (NULL);
  const char *ta = diptych_document_get_text (a);
  const char *tb = diptych_document_get_text (b);
  const char *pa = ta, *pb = tb;
  guint offset_a = 0, offset_b = 0;

  /* Sentences end with ". " or ".\n\n"; pair them in order. */
  while (*pa != '\0' && *pb != '\0')
    {
      const char *ea = strchr (pa, '.');
      const char *eb = strchr (pb, '.');
      DiptychSpan sa, sb;
      g_autoptr(DiptychLink) link = NULL;

      if (ea == NULL || eb == NULL)
        break;
      sa = DIPTYCH_SPAN_INIT (offset_a, offset_a + g_utf8_strlen (pa, ea + 1 - pa));
      sb = DIPTYCH_SPAN_INIT (offset_b, offset_b + g_utf8_strlen (pb, eb + 1 - pb));
      link = diptych_link_new (sa, sb, DIPTYCH_LINK_REWORDED, 0.8, DIPTYCH_STATE_AUTO);
      diptych_alignment_add_link (alignment, link);

      offset_a = sa.end;
      offset_b = sb.end;
      pa = ea + 1;
      pb = eb + 1;
      while (*pa == ' ' || *pa == '\n')
        pa++, offset_a++;
      while (*pb == ' ' || *pb == '\n')
        pb++, offset_b++;
    }
  return alignment;
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

/* CPU time of this process: steadier than wall time on a shared machine. */
static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

int
main (int   argc,
      char *argv[])
{
  gboolean hand_built = FALSE;
  gboolean no_word_diff = FALSE;
  int n_sentences = 10000;
  g_autofree char *keep = NULL;
  const GOptionEntry entries[] = {
    { "hand-built", 0, 0, G_OPTION_ARG_NONE, &hand_built, "Link sentences by hand instead of running the model", NULL },
    { "no-word-diff", 0, 0, G_OPTION_ARG_NONE, &no_word_diff, "Export without word-level differences", NULL },
    { "sentences", 0, 0, G_OPTION_ARG_INT, &n_sentences, "Sentences per document (10000)", "N" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Write the reports into DIR and keep them", "DIR" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— time the report export");
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text_a = g_string_new (NULL);
  g_autoptr(GString) text_b = g_string_new (NULL);
  g_autoptr(DiptychDocument) a = NULL;
  g_autoptr(DiptychDocument) b = NULL;
  g_autoptr(DiptychAlignment) alignment = NULL;
  g_autoptr(DiptychProject) project = diptych_project_new ();
  g_autofree char *dir = NULL;
  DiptychAlignSettings settings = DIPTYCH_ALIGN_SETTINGS_DEFAULT;
  DiptychReportOptions options = DIPTYCH_REPORT_OPTIONS_DEFAULT;
  double total = 0.0, total_cpu = 0.0, slowest = 0.0, cpu;
  gint64 start;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-export: %s\n", error->message);
      return 2;
    }

  options.word_diff = !no_word_diff;
  make_documents (MAX (n_sentences, 2), text_a, text_b);
  a = diptych_document_new (text_a->str, text_a->len, "Account A", "a.txt", "text", NULL, &error);
  g_assert_no_error (error);
  b = diptych_document_new (text_b->str, text_b->len, "Account B", "b.txt", "text", NULL, &error);
  g_assert_no_error (error);
  g_print ("documents: A %.2f MB, %u characters; B %.2f MB, %u characters; %d sentences each\n",
           text_a->len / 1e6, diptych_document_get_length (a), text_b->len / 1e6,
           diptych_document_get_length (b), n_sentences);

  start = g_get_monotonic_time ();
  cpu = cpu_seconds ();
  if (hand_built)
    alignment = hand_built_alignment (a, b);
  else
    alignment = diptych_align (a, b, &settings, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_print ("alignment (%s): %.3f s (CPU %.3f s), %u links, %u omissions\n",
           hand_built ? "hand-built" : "highlighting model", seconds_since (start), cpu_seconds () - cpu,
           diptych_alignment_get_n_links (alignment), diptych_alignment_get_n_omissions (alignment));

  diptych_project_set_document (project, DIPTYCH_SIDE_A, a);
  diptych_project_set_document (project, DIPTYCH_SIDE_B, b);
  diptych_project_add_default_tags (project);
  diptych_project_set_alignment (project, alignment);
  for (guint i = 0; i < g_list_model_get_n_items (diptych_project_get_links (project)); i += 50)
    {
      g_autoptr(DiptychLink) link = g_list_model_get_item (diptych_project_get_links (project), i);
      g_autoptr(DiptychAnnotation) annotation =
        diptych_annotation_new (DIPTYCH_SIDE_A, diptych_link_get_span (link, DIPTYCH_SIDE_A),
                                i % 100 == 0 ? "Emphasis" : "Question", "Checked against the other account.");
      diptych_project_add_annotation (project, annotation);
    }

  dir = keep != NULL ? g_strdup (keep) : g_dir_make_tmp ("diptych-bench-XXXXXX", &error);
  g_assert_no_error (error);
  g_mkdir_with_parents (dir, 0755);

  for (guint format = DIPTYCH_REPORT_JSON; format <= DIPTYCH_REPORT_PDF; format++)
    {
      g_autofree char *name = g_strconcat ("report.", diptych_report_format_get_extension (format), NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GFileInfo) info = NULL;
      double elapsed, elapsed_cpu;

      start = g_get_monotonic_time ();
      cpu = cpu_seconds ();
      if (!diptych_report_write (project, format, &options, file, NULL, &error))
        {
          g_printerr ("bench-export: %s\n", error->message);
          return 1;
        }
      elapsed = seconds_since (start);
      elapsed_cpu = cpu_seconds () - cpu;
      total += elapsed;
      total_cpu += elapsed_cpu;
      slowest = MAX (slowest, elapsed);
      info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
      g_print ("export %-4s: %.3f s (CPU %.3f s), %.2f MB\n", diptych_report_format_to_string (format),
               elapsed, elapsed_cpu,
               info != NULL ? g_file_info_get_size (info) / 1e6 : 0.0);
      if (keep == NULL)
        g_remove (path);
    }
  if (keep == NULL)
    g_rmdir (dir);

  g_print ("export total: %.3f s, CPU %.3f s (target: under 3 s) %s\n", total, total_cpu,
           total < 3.0 ? "PASS" : "OVER");
  g_print ("slowest format: %.3f s (under 3 s each) %s\n", slowest, slowest < 3.0 ? "PASS" : "OVER");
  return 0;
}
