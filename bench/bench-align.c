/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Speed and memory of the highlighting model: aligns generated pairs of
 * 0.25, 1 and 4 MB (about 10,000 sentences per MB) on one core and
 * prints the time, the peak memory and how the time grows with the
 * input. It prints figures; it does not fail on timing.
 *
 * The pairs: text A is news-like prose (real English words mixed with
 * a large invented vocabulary, so that passages are not all alike);
 * text B tells the same in another order (shuffled paragraphs), with
 * words replaced, dropped and added, some sentences left out and some
 * new ones, like two accounts of the same events. */
#define G_LOG_DOMAIN "diptych-bench"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include "diptych-core.h"

static const char * const real_words[] = {
  "agreement", "border", "ceasefire", "talks", "minister", "president", "government",
  "energy", "infrastructure", "security", "economy", "trade", "sanctions", "prisoners",
  "exchange", "negotiations", "delegation", "region", "conflict", "peace", "cooperation",
  "relations", "bilateral", "summit", "treaty", "forces", "military", "aid", "weapons",
  "nuclear", "proliferation", "humanitarian", "refugees", "elections", "parliament",
  "budget", "investment", "railway", "port", "bridge", "dam", "electricity", "gas",
  "pipeline", "shipping", "navigation", "sea", "river", "village", "city", "capital",
  "province", "farmers", "workers", "students", "hospital", "schools", "floods",
  "drought", "harvest", "prices", "inflation", "currency", "bank", "loan", "debt",
  "reform", "court", "law", "police", "protest", "strike", "union", "company",
  "factory", "export", "import", "tariff", "quota", "visa", "embassy", "consulate",
  "statement", "readout", "conversation", "meeting", "visit", "invitation", "support",
  "concern", "condemned", "welcomed", "discussed", "agreed", "stressed", "noted",
  "announced", "proposed", "rejected", "confirmed", "expressed", "reaffirmed",
  "commitment", "stability", "development", "progress", "crisis", "attack", "victims",
  "soldiers", "civilians", "observers", "monitors", "mission", "commission", "experts",
  "technical", "legal", "financial", "regional", "international", "national", "local",
  "joint", "mutual", "lasting", "durable", "sustainable", "immediate", "gradual", "full",
  "partial", "temporary", "permanent", "new", "former", "next", "last", "first", "second",
};

static const char * const function_words[] = {
  "the", "of", "and", "to", "in", "on", "for", "with", "by", "at", "from", "that", "a",
  "as", "will", "was", "were", "has", "have", "is", "its", "their", "both", "this",
};

static const char * const syllables[] = {
  "ka", "lo", "mi", "ra", "ven", "tor", "sel", "bra", "ni", "qua", "zu", "del", "fa",
  "gor", "hes", "im", "jal", "kri", "lum", "mor", "nes", "ost", "pri", "rud", "sta",
  "tem", "ul", "vor", "wen", "xa", "yel", "zor",
};

#define N_INVENTED 30000

typedef struct
{
  GRand     *rand;
  GPtrArray *invented;
} Generator;

static const char *
pick_word (Generator *gen)
{
  double u = g_rand_double (gen->rand);

  if (u < 0.35)
    return function_words[g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (function_words))];
  if (u < 0.65)
    return real_words[g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (real_words))];
  /* Invented words with a Zipf-like (log-uniform) distribution of ranks. */
  u = g_rand_double (gen->rand);
  return g_ptr_array_index (gen->invented, (guint) (exp (u * log (N_INVENTED)) - 1));
}

static char *
make_sentence (Generator *gen)
{
  GString *s = g_string_new (NULL);
  guint n = g_rand_int_range (gen->rand, 8, 22);

  for (guint i = 0; i < n; i++)
    {
      const char *w = pick_word (gen);

      if (i > 0)
        g_string_append_c (s, ' ');
      if (i == 0)
        {
          g_string_append_unichar (s, g_unichar_toupper (g_utf8_get_char (w)));
          g_string_append (s, g_utf8_next_char (w));
        }
      else
        g_string_append (s, w);
      if (i == n / 2 && g_rand_boolean (gen->rand))
        g_string_append_printf (s, " %u", g_rand_int_range (gen->rand, 1, 500));
    }
  g_string_append_c (s, '.');
  return g_string_free (s, FALSE);
}

/* The same sentence in other words: some words replaced or dropped,
 * a few added. */
static char *
reword (Generator  *gen,
        const char *sentence)
{
  g_auto(GStrv) words = g_strsplit (sentence, " ", -1);
  GString *s = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      double u = g_rand_double (gen->rand);
      const char *w = words[i];

      if (u < 0.1 && i > 0)
        continue;
      if (s->len > 0)
        g_string_append_c (s, ' ');
      if (u < 0.2 && i > 0 && words[i + 1] != NULL)
        w = pick_word (gen);
      g_string_append (s, w);
      if (u > 0.95)
        {
          g_string_append_c (s, ' ');
          g_string_append (s, pick_word (gen));
        }
    }
  if (!g_str_has_suffix (s->str, "."))
    g_string_append_c (s, '.');
  return g_string_free (s, FALSE);
}

static void
make_pair (Generator  *gen,
           gsize       target_bytes,
           char      **out_a,
           char      **out_b)
{
  GString *a = g_string_new (NULL);
  g_autoptr(GPtrArray) paragraphs = g_ptr_array_new_with_free_func (g_free);

  while (a->len < target_bytes)
    {
      GString *pa = g_string_new (NULL);
      GString *pb = g_string_new (NULL);
      guint n = g_rand_int_range (gen->rand, 3, 8);

      for (guint i = 0; i < n; i++)
        {
          g_autofree char *sentence = make_sentence (gen);
          double u = g_rand_double (gen->rand);

          g_string_append_printf (pa, "%s%s", i > 0 ? " " : "", sentence);
          if (u < 0.1)
            continue;                           /* left out by B */
          if (pb->len > 0)
            g_string_append_c (pb, ' ');
          if (u < 0.4)
            g_string_append (pb, sentence);     /* same words */
          else
            {
              g_autofree char *other = reword (gen, sentence);
              g_string_append (pb, other);
            }
          if (g_rand_double (gen->rand) < 0.1)
            {
              g_autofree char *extra = make_sentence (gen);
              g_string_append_printf (pb, " %s", extra);  /* only in B */
            }
        }
      g_string_append_len (a, pa->str, pa->len);
      g_string_append (a, "\n\n");
      g_string_free (pa, TRUE);
      g_ptr_array_add (paragraphs, g_string_free (pb, FALSE));
    }

  /* B tells the paragraphs in another order. */
  for (guint i = paragraphs->len; i > 1; i--)
    {
      guint j = g_rand_int_range (gen->rand, 0, i);
      gpointer tmp = paragraphs->pdata[i - 1];
      paragraphs->pdata[i - 1] = paragraphs->pdata[j];
      paragraphs->pdata[j] = tmp;
    }
  g_ptr_array_add (paragraphs, NULL);
  *out_b = g_strjoinv ("\n\n", (char **) paragraphs->pdata);
  *out_a = g_string_free (a, FALSE);
}

/* Processor time of this process: the machine may be shared, and the
 * wall clock then says more about the neighbours than about us. */
static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6
         + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static double
peak_rss_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;  /* ru_maxrss is in KiB on Linux */
}

int
main (int   argc,
      char *argv[])
{
  static const double sizes_mb[] = { 0.25, 1.0, 4.0 };
  double seconds[G_N_ELEMENTS (sizes_mb)] = { 0 };
  double cpu[G_N_ELEMENTS (sizes_mb)] = { 0 };
  Generator gen;

  setlocale (LC_ALL, "");
  gen.rand = g_rand_new_with_seed (20250318);
  gen.invented = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < N_INVENTED; i++)
    {
      GString *w = g_string_new (NULL);
      guint n = 2 + g_rand_int_range (gen.rand, 0, 3);

      for (guint k = 0; k < n; k++)
        g_string_append (w, syllables[g_rand_int_range (gen.rand, 0, G_N_ELEMENTS (syllables))]);
      g_ptr_array_add (gen.invented, g_string_free (w, FALSE));
    }

  g_print ("Alignment benchmark: two texts of each size, sentence granularity, one thread.\n");
  g_print ("%-8s %10s %10s %9s %9s %9s %9s %9s %12s\n", "size", "bytes A", "bytes B", "sent. A",
           "links", "omiss.", "wall s", "CPU s", "peak RSS MB");

  for (guint i = 0; i < G_N_ELEMENTS (sizes_mb); i++)
    {
      g_autofree char *ta = NULL;
      g_autofree char *tb = NULL;
      g_autoptr(DiptychDocument) a = NULL;
      g_autoptr(DiptychDocument) b = NULL;
      g_autoptr(DiptychAlignment) alignment = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GTimer) timer = NULL;
      guint n_segments;

      make_pair (&gen, (gsize) (sizes_mb[i] * 1024 * 1024), &ta, &tb);
      a = diptych_document_new (ta, -1, "A", NULL, NULL, NULL, &error);
      b = diptych_document_new (tb, -1, "B", NULL, NULL, NULL, &error);
      g_assert_no_error (error);

      cpu[i] = cpu_seconds ();
      timer = g_timer_new ();
      alignment = diptych_align (a, b, NULL, NULL, NULL, NULL, &error);
      seconds[i] = g_timer_elapsed (timer, NULL);
      cpu[i] = cpu_seconds () - cpu[i];
      if (alignment == NULL)
        {
          g_printerr ("bench-align: %s\n", error->message);
          return 1;
        }
      diptych_alignment_get_segments (alignment, DIPTYCH_SIDE_A, &n_segments);
      g_print ("%-5.2f MB %10zu %10zu %9u %9u %9u %9.3f %9.3f %12.1f\n", sizes_mb[i],
               strlen (ta), strlen (tb), n_segments,
               diptych_alignment_get_n_links (alignment),
               diptych_alignment_get_n_omissions (alignment), seconds[i], cpu[i], peak_rss_mb ());
    }

  g_print ("CPU time ratio 1 MB / 0.25 MB: %.2f (input x4)\n", cpu[1] / cpu[0]);
  g_print ("CPU time ratio 4 MB / 1 MB:    %.2f (input x4, target <= 5)\n", cpu[2] / cpu[1]);
  g_print ("targets: 1 MB pair under 1 s of CPU (%s), peak memory under 300 MB (%s)\n",
           cpu[1] < 1.0 ? "met" : "missed", peak_rss_mb () < 300 ? "met" : "missed");

  g_ptr_array_unref (gen.invented);
  g_rand_free (gen.rand);
  return 0;
}
