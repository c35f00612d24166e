/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The quality program: runs the highlighting model on labelled pairs and
 * prints link and omission precision, recall and F1 per pair and per
 * class, beside two baselines (diff, bag of words). With --check, exits
 * non-zero when a target of issue 3 is missed. */
#define G_LOG_DOMAIN "diptych-quality"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "quality-eval.h"

enum
{
  SYSTEM_MODEL,
  SYSTEM_DIFF,
  SYSTEM_TFIDF,
  N_SYSTEMS,
};

enum
{
  SET_FIXTURES,
  SET_SAMPLES,
  N_SETS,
};

static const char * const system_titles[N_SYSTEMS] = {
  "Diptych model",
  "Baseline: diff (in-order LCS of exactly equal sentences)",
  "Baseline: bag of words (TF-IDF cosine, mutual best match)",
};
static const char * const set_names[N_SETS] = { "fixtures", "samples" };

/* Kinds of model errors, for a summary a tuner can act on. */
enum
{
  KIND_LINK_ELSEWHERE,   /* a gold link missed, a sentence linked to something else */
  KIND_LINK_UNLINKED,    /* a gold link missed, neither sentence linked */
  KIND_LINK_SPURIOUS,
  KIND_OMISSION_MISSED,
  KIND_OMISSION_SPURIOUS,
  N_KINDS,
};

static const char * const kind_names[N_KINDS] = {
  "missed links, a sentence linked elsewhere",
  "missed links, neither sentence linked",
  "spurious links",
  "missed omissions",
  "spurious omissions",
};

typedef struct
{
  char         *name;
  QualityClass  klass;
  guint         set;
  QualityScore  scores[N_SYSTEMS];
  guint         kinds[N_KINDS];
  double        seconds;
} Row;

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->name);
  g_free (row);
}

static char *opt_pairs;
static char *opt_samples;
static char *opt_gold;
static char *opt_granularity;
static double opt_sensitivity = -1.0;
static gboolean opt_verbose;
static gboolean opt_check;
static char *opt_only;

static const GOptionEntry entries[] = {
  { "pairs", 0, 0, G_OPTION_ARG_FILENAME, &opt_pairs, "Directory of labelled pairs", "DIR" },
  { "samples", 0, 0, G_OPTION_ARG_FILENAME, &opt_samples, "Directory of the shared sample documents", "DIR" },
  { "gold", 0, 0, G_OPTION_ARG_FILENAME, &opt_gold, "Directory of the gold for the samples", "DIR" },
  { "granularity", 0, 0, G_OPTION_ARG_STRING, &opt_granularity, "sentence, clause or paragraph", "G" },
  { "sensitivity", 0, 0, G_OPTION_ARG_DOUBLE, &opt_sensitivity, "0 (strict) to 1 (lenient), default 0.5", "S" },
  { "verbose", 'v', 0, G_OPTION_ARG_NONE, &opt_verbose, "List missed and spurious links and omissions", NULL },
  { "check", 0, 0, G_OPTION_ARG_NONE, &opt_check, "Exit non-zero when a target is missed", NULL },
  { "only", 0, 0, G_OPTION_ARG_STRING, &opt_only, "Only the pairs whose name contains TEXT", "TEXT" },
  { NULL }
};

static char *
sentence_text (QualityGold *gold,
               DiptychDocument *doc,
               DiptychSide  side,
               guint        index)
{
  g_autofree char *text = diptych_document_dup_span (doc, quality_gold_get_sentence (gold, side, index));

  return g_strdup_printf ("%s%-3u %s", diptych_side_to_string (side), index + 1, text);
}

/* What the model did with a sentence pair: the links that cover either
 * sentence, with their score and shared terms, so a tuner sees whether a
 * sentence was linked elsewhere or not at all. */
static void
print_model_links (QualityGold      *gold,
                   DiptychAlignment *model,
                   DiptychSide       side,
                   guint             index)
{
  DiptychSide other = DIPTYCH_OTHER_SIDE (side);

  for (guint l = 0; l < diptych_alignment_get_n_links (model); l++)
    {
      DiptychLink *link = diptych_alignment_get_link (model, l);
      const char * const *terms = diptych_link_get_shared_terms (link);
      g_autoptr(GString) covered = g_string_new (NULL);
      g_autofree char *joined = NULL;

      if (!quality_gold_link_covers (gold, link, side, index))
        continue;
      for (guint i = 0; i < quality_gold_get_n_sentences (gold, other); i++)
        if (quality_gold_link_covers (gold, link, other, i))
          g_string_append_printf (covered, "%s%s%u", covered->len > 0 ? "+" : "",
                                  diptych_side_to_string (other), i + 1);
      joined = terms != NULL ? g_strjoinv (", ", (char **) terms) : g_strdup ("");
      g_print ("        model: %s%u -> %s, %s, score %.2f, shared: %s\n",
               diptych_side_to_string (side), index + 1,
               covered->len > 0 ? covered->str : "(no whole sentence)",
               diptych_link_kind_to_string (diptych_link_get_kind (link)),
               diptych_link_get_score (link), joined);
    }
}

static void
print_errors (QualityGold      *gold,
              DiptychAlignment *model,
              DiptychDocument  *a,
              DiptychDocument  *b,
              GArray           *errors)
{
  DiptychDocument *docs[DIPTYCH_N_SIDES] = { a, b };

  for (guint e = 0; e < errors->len; e++)
    {
      const QualityError *error = &g_array_index (errors, QualityError, e);

      if (error->is_link)
        {
          g_autofree char *text_a = sentence_text (gold, a, DIPTYCH_SIDE_A, error->a);
          g_autofree char *text_b = sentence_text (gold, b, DIPTYCH_SIDE_B, error->b);

          g_print ("  %s link\n      %s\n    = %s\n", error->missed ? "MISSED  " : "SPURIOUS",
                   text_a, text_b);
          print_model_links (gold, model, DIPTYCH_SIDE_A, error->a);
          if (error->missed)
            print_model_links (gold, model, DIPTYCH_SIDE_B, error->b);
        }
      else
        {
          g_autofree char *text = sentence_text (gold, docs[error->side], error->side, error->a);

          g_print ("  %s omission\n      %s\n", error->missed ? "MISSED  " : "SPURIOUS", text);
          print_model_links (gold, model, error->side, error->a);
        }
    }
}

/* The model's spans must be valid offsets into the texts as shown. */
static guint
count_invalid_spans (DiptychAlignment *model,
                     DiptychDocument  *a,
                     DiptychDocument  *b)
{
  DiptychDocument *docs[DIPTYCH_N_SIDES] = { a, b };
  guint n_invalid = 0;

  for (guint l = 0; l < diptych_alignment_get_n_links (model); l++)
    for (guint s = 0; s < DIPTYCH_N_SIDES; s++)
      {
        DiptychSpan span = diptych_link_get_span (diptych_alignment_get_link (model, l), s);

        if (!diptych_document_span_is_valid (docs[s], span) || span.start == span.end)
          n_invalid++;
      }
  for (guint o = 0; o < diptych_alignment_get_n_omissions (model); o++)
    {
      DiptychOmission *omission = diptych_alignment_get_omission (model, o);
      DiptychSpan span = diptych_omission_get_span (omission);

      if (!diptych_document_span_is_valid (docs[diptych_omission_get_side (omission)], span)
          || span.start == span.end)
        n_invalid++;
    }

  return n_invalid;
}

static gboolean
is_linked (QualityGold      *gold,
           DiptychAlignment *model,
           DiptychSide       side,
           guint             index)
{
  for (guint l = 0; l < diptych_alignment_get_n_links (model); l++)
    {
      DiptychLink *link = diptych_alignment_get_link (model, l);

      if (diptych_link_get_state (link) != DIPTYCH_STATE_REJECTED
          && quality_gold_link_covers (gold, link, side, index))
        return TRUE;
    }

  return FALSE;
}

static void
count_kinds (QualityGold      *gold,
             DiptychAlignment *model,
             GArray           *errors,
             guint            *kinds)
{
  for (guint e = 0; e < errors->len; e++)
    {
      const QualityError *error = &g_array_index (errors, QualityError, e);

      if (error->is_link && !error->missed)
        kinds[KIND_LINK_SPURIOUS]++;
      else if (error->is_link)
        kinds[is_linked (gold, model, DIPTYCH_SIDE_A, error->a)
              || is_linked (gold, model, DIPTYCH_SIDE_B, error->b)
              ? KIND_LINK_ELSEWHERE : KIND_LINK_UNLINKED]++;
      else
        kinds[error->missed ? KIND_OMISSION_MISSED : KIND_OMISSION_SPURIOUS]++;
    }
}

static DiptychDocument *
load_document (const char  *dir,
               const char  *name,
               GError     **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return diptych_import_file (file, NULL, error);
}

static gboolean
evaluate (GPtrArray                  *rows,
          const char                 *gold_path,
          const char                 *docs_dir,
          guint                       set,
          const DiptychAlignSettings *settings,
          GHashTable                 *warnings,
          GError                    **error)
{
  g_autoptr(QualityGold) gold = quality_gold_load (gold_path, error);
  g_autoptr(DiptychDocument) a = NULL;
  g_autoptr(DiptychDocument) b = NULL;
  g_autoptr(DiptychAlignment) model = NULL;
  g_autoptr(DiptychAlignment) diff = NULL;
  g_autoptr(DiptychAlignment) tfidf = NULL;
  g_autoptr(GArray) errors = g_array_new (FALSE, FALSE, sizeof (QualityError));
  g_autoptr(GTimer) timer = NULL;
  const char * const *alignment_warnings;
  guint n_invalid;
  Row *row;

  if (gold == NULL)
    return FALSE;
  a = load_document (docs_dir, quality_gold_get_file (gold, DIPTYCH_SIDE_A), error);
  if (a == NULL)
    return FALSE;
  b = load_document (docs_dir, quality_gold_get_file (gold, DIPTYCH_SIDE_B), error);
  if (b == NULL || !quality_gold_bind (gold, a, b, error))
    return FALSE;

  timer = g_timer_new ();
  model = diptych_align (a, b, settings, NULL, NULL, NULL, error);
  if (model == NULL)
    {
      g_prefix_error (error, "%s: the model failed: ", quality_gold_get_name (gold));
      return FALSE;
    }
  g_timer_stop (timer);
  n_invalid = count_invalid_spans (model, a, b);
  if (n_invalid > 0)
    g_hash_table_add (warnings, g_strdup_printf ("%s: %u links or omissions have empty or invalid spans",
                                                 quality_gold_get_name (gold), n_invalid));
  diff = quality_baseline_diff (gold);
  tfidf = quality_baseline_tfidf (gold, QUALITY_TFIDF_THRESHOLD);

  alignment_warnings = diptych_alignment_get_warnings (model);
  for (guint w = 0; alignment_warnings != NULL && alignment_warnings[w] != NULL; w++)
    g_hash_table_add (warnings, g_strdup (alignment_warnings[w]));

  row = g_new0 (Row, 1);
  row->name = set == SET_SAMPLES ? g_strdup_printf ("samples/%s", quality_gold_get_name (gold))
                                 : g_strdup (quality_gold_get_name (gold));
  row->klass = quality_gold_get_class (gold);
  row->set = set;
  row->seconds = g_timer_elapsed (timer, NULL);
  quality_gold_score (gold, model, &row->scores[SYSTEM_MODEL], errors);
  count_kinds (gold, model, errors, row->kinds);
  quality_gold_score (gold, diff, &row->scores[SYSTEM_DIFF], NULL);
  quality_gold_score (gold, tfidf, &row->scores[SYSTEM_TFIDF], NULL);
  g_ptr_array_add (rows, row);

  if (opt_verbose && errors->len > 0)
    {
      g_print ("%s (%s): %u model errors (a: %s, b: %s)\n", row->name,
               quality_class_to_string (row->klass), errors->len,
               quality_gold_get_file (gold, DIPTYCH_SIDE_A), quality_gold_get_file (gold, DIPTYCH_SIDE_B));
      print_errors (gold, model, a, b, errors);
      g_print ("\n");
    }

  return TRUE;
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  /* g_ptr_array_sort passes pointers to the elements. */
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Gold files, sorted: DIR/<pair>/gold.txt for pairs, DIR/<name>.gold for samples. */
static GPtrArray *
list_gold (const char  *dir,
           gboolean     pairs,
           GError     **error)
{
  g_autoptr(GDir) gdir = g_dir_open (dir, 0, error);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (gdir == NULL)
    return NULL;

  while ((name = g_dir_read_name (gdir)) != NULL)
    {
      g_autofree char *path = pairs ? g_build_filename (dir, name, "gold.txt", NULL)
                                    : g_build_filename (dir, name, NULL);

      if (pairs ? g_file_test (path, G_FILE_TEST_IS_REGULAR) : g_str_has_suffix (name, ".gold"))
        g_ptr_array_add (paths, g_steal_pointer (&path));
    }
  g_ptr_array_sort (paths, compare_paths);

  return g_steal_pointer (&paths);
}

static void
print_figure (double   value,
              gboolean defined)
{
  if (defined)
    g_print ("  %4.2f", value);
  else
    g_print ("     -");
}

static void
print_scores (const char         *name,
              const char         *klass,
              const QualityScore *score)
{
  g_print ("%-32s %-9s", name, klass);
  print_figure (quality_precision (&score->links), score->links.n_pred > 0);
  print_figure (quality_recall (&score->links), score->links.n_gold > 0);
  print_figure (quality_f1 (&score->links), TRUE);
  g_print ("  |");
  print_figure (quality_precision (&score->omissions), score->omissions.n_pred > 0);
  print_figure (quality_recall (&score->omissions), score->omissions.n_gold > 0);
  print_figure (quality_f1 (&score->omissions), TRUE);
  g_print ("  | %3u/%-3u %3u/%-3u", score->links.n_gold_found, score->links.n_gold,
           score->omissions.n_gold_found, score->omissions.n_gold);
}

static gboolean
class_sum (GPtrArray    *rows,
           guint         system,
           int           set,
           int           klass,
           QualityScore *sum)
{
  gboolean any = FALSE;

  memset (sum, 0, sizeof *sum);
  for (guint r = 0; r < rows->len; r++)
    {
      const Row *row = g_ptr_array_index (rows, r);

      if ((set >= 0 && row->set != (guint) set) || (klass >= 0 && row->klass != (guint) klass))
        continue;
      quality_score_add (sum, &row->scores[system]);
      any = TRUE;
    }

  return any;
}

static void
print_table (GPtrArray *rows,
             guint      system)
{
  QualityScore sum;

  g_print ("== %s ==\n", system_titles[system]);
  g_print ("%-32s %-9s%6s%6s%6s  |%6s%6s%6s  | %-7s %-7s%s\n", "pair", "class",
           "link P", "R", "F1", "omi. P", "R", "F1", "links", "omis.",
           system == SYSTEM_MODEL ? "    time" : "");
  for (guint r = 0; r < rows->len; r++)
    {
      const Row *row = g_ptr_array_index (rows, r);

      print_scores (row->name, quality_class_to_string (row->klass), &row->scores[system]);
      if (system == SYSTEM_MODEL)
        g_print (" %6.1f ms", row->seconds * 1000.0);
      g_print ("\n");
    }

  g_print ("-- micro-averaged --\n");
  for (guint set = 0; set < N_SETS; set++)
    for (guint klass = 0; klass < QUALITY_N_CLASSES; klass++)
      if (class_sum (rows, system, set, klass, &sum))
        {
          g_autofree char *name = g_strdup_printf ("%s (%s)", quality_class_to_string (klass), set_names[set]);

          print_scores (name, "", &sum);
          g_print ("\n");
        }
  for (guint klass = 0; klass < QUALITY_N_CLASSES; klass++)
    if (class_sum (rows, system, -1, klass, &sum))
      {
        g_autofree char *name = g_strdup_printf ("%s (all)", quality_class_to_string (klass));

        print_scores (name, "", &sum);
        g_print ("\n");
      }
  if (class_sum (rows, system, -1, -1, &sum))
    {
      print_scores ("overall", "", &sum);
      g_print ("\n");
    }
  g_print ("\n");
}

static void
print_kinds (GPtrArray *rows)
{
  g_print ("== Model errors by kind ==\n%-44s", "");
  for (guint klass = 0; klass < QUALITY_N_CLASSES; klass++)
    g_print (" %9s", quality_class_to_string (klass));
  g_print ("\n");
  for (guint kind = 0; kind < N_KINDS; kind++)
    {
      g_print ("%-44s", kind_names[kind]);
      for (guint klass = 0; klass < QUALITY_N_CLASSES; klass++)
        {
          guint sum = 0;

          for (guint r = 0; r < rows->len; r++)
            {
              const Row *row = g_ptr_array_index (rows, r);

              if (row->klass == klass)
                sum += row->kinds[kind];
            }
          g_print (" %9u", sum);
        }
      g_print ("\n");
    }
  g_print ("\n");
}

static gboolean
check_target (const char *what,
              double      value,
              double      target)
{
  gboolean ok = value + 1e-9 >= target;

  g_print ("  %-4s %-46s %.3f (target >= %.2f)\n", ok ? "ok" : "MISS", what, value, target);
  return ok;
}

/* Targets of issue 3, per class, on the fixtures and on the samples. */
static gboolean
check_targets (GPtrArray *rows)
{
  gboolean ok = TRUE;

  g_print ("== Targets ==\n");
  for (guint set = 0; set < N_SETS; set++)
    {
      QualityScore sum;

      if (class_sum (rows, SYSTEM_MODEL, set, QUALITY_CLASS_VERSIONS, &sum))
        {
          g_autofree char *what = g_strdup_printf ("versions (%s) link F1", set_names[set]);

          ok &= check_target (what, quality_f1 (&sum.links), 0.97);
        }
      if (class_sum (rows, SYSTEM_MODEL, set, QUALITY_CLASS_READOUTS, &sum))
        {
          g_autofree char *p = g_strdup_printf ("readouts (%s) link precision", set_names[set]);
          g_autofree char *r = g_strdup_printf ("readouts (%s) link recall", set_names[set]);
          g_autofree char *f = g_strdup_printf ("readouts (%s) omission F1", set_names[set]);

          ok &= check_target (p, quality_precision (&sum.links), 0.85);
          ok &= check_target (r, quality_recall (&sum.links), 0.80);
          ok &= check_target (f, quality_f1 (&sum.omissions), 0.90);
        }
    }

  return ok;
}

static gboolean
run_set (GPtrArray                  *rows,
         const char                 *gold_dir,
         const char                 *docs_dir,
         guint                       set,
         const DiptychAlignSettings *settings,
         GHashTable                 *warnings,
         GError                    **error)
{
  g_autoptr(GPtrArray) golds = list_gold (gold_dir, set == SET_FIXTURES, error);

  if (golds == NULL)
    return FALSE;

  for (guint i = 0; i < golds->len; i++)
    {
      const char *path = g_ptr_array_index (golds, i);
      g_autofree char *pair_dir = g_path_get_dirname (path);

      if (opt_only != NULL && strstr (path, opt_only) == NULL)
        continue;
      if (!evaluate (rows, path, set == SET_FIXTURES ? pair_dir : docs_dir, set, settings, warnings, error))
        return FALSE;
    }

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- measure the highlighting model against labelled pairs");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (row_free);
  g_autoptr(GHashTable) warnings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  DiptychAlignSettings settings = DIPTYCH_ALIGN_SETTINGS_DEFAULT;
  const char *srcdir = g_getenv ("G_TEST_SRCDIR");
  g_autofree char *pairs = NULL;
  g_autofree char *samples = NULL;
  g_autofree char *gold = NULL;
  GHashTableIter iter;
  gpointer warning;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("quality: %s\n", error->message);
      return 2;
    }

  if (opt_granularity != NULL && !diptych_granularity_from_string (opt_granularity, &settings.granularity))
    {
      g_printerr ("quality: unknown granularity “%s”; use sentence, clause or paragraph\n", opt_granularity);
      return 2;
    }
  if (opt_sensitivity >= 0.0)
    settings.sensitivity = CLAMP (opt_sensitivity, 0.0, 1.0);

  if (srcdir == NULL)
    srcdir = QUALITY_SRCDIR;
  pairs = opt_pairs != NULL ? g_strdup (opt_pairs) : g_build_filename (srcdir, "data", "pairs", NULL);
  gold = opt_gold != NULL ? g_strdup (opt_gold) : g_build_filename (srcdir, "data", "gold", NULL);
  samples = opt_samples != NULL ? g_strdup (opt_samples)
                                : g_canonicalize_filename ("../../shared/samples", srcdir);

  if (!run_set (rows, pairs, NULL, SET_FIXTURES, &settings, warnings, &error))
    {
      g_printerr ("quality: %s\n", error->message);
      return 1;
    }
  if (g_file_test (samples, G_FILE_TEST_IS_DIR))
    {
      if (!run_set (rows, gold, samples, SET_SAMPLES, &settings, warnings, &error))
        {
          g_printerr ("quality: %s\n", error->message);
          return 1;
        }
    }
  else
    g_print ("Note: no samples in %s; only the fixtures are measured.\n\n", samples);

  g_print ("Sentence-level evaluation, granularity %s, sensitivity %.2f.\n"
           "Links are scored over sentence pairs, omissions over sentences; "
           "the last columns count gold items found.\n\n",
           diptych_granularity_to_string (settings.granularity), settings.sensitivity);
  g_hash_table_iter_init (&iter, warnings);
  while (g_hash_table_iter_next (&iter, &warning, NULL))
    g_print ("Model warning: %s\n\n", (const char *) warning);

  for (guint system = 0; system < N_SYSTEMS; system++)
    print_table (rows, system);
  print_kinds (rows);

  if (!check_targets (rows) && opt_check)
    {
      g_print ("\nSome targets are missed; run with --verbose for the errors.\n");
      return 1;
    }

  return 0;
}
