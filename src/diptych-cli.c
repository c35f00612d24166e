/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "diptych-cli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "diptych-cli.h"
#include "diptych-core.h"

/* `diptych compare A B [outputs] [settings]` imports and aligns two
 * documents; `diptych compare PROJECT.diptych [outputs]` re-exports a saved
 * project with its links, decisions and annotations. Without any output
 * option the JSON alignment goes to standard output; "-" as an output file
 * also means standard output. */

typedef struct
{
  char     *outputs[4];   /* indexed by DiptychReportFormat */
  char     *project_out;
  char     *granularity;
  double    sensitivity;
  char     *paper;
  char     *title;
  gboolean  only_annotated;
  gboolean  no_word_diff;
  char    **files;
} CliOptions;

static void
cli_options_clear (CliOptions *options)
{
  for (guint i = 0; i < G_N_ELEMENTS (options->outputs); i++)
    g_free (options->outputs[i]);
  g_free (options->project_out);
  g_free (options->granularity);
  g_free (options->paper);
  g_free (options->title);
  g_strfreev (options->files);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliOptions, cli_options_clear)

/* One line on stderr, whatever the message holds. */
static int
fail (int         status,
      const char *message)
{
  g_autofree char *line = g_strdup (message);

  g_strdelimit (line, "\r\n", ' ');
  g_printerr ("diptych: %s\n", g_strchomp (line));
  return status;
}

static int
fail_error (GError *error)
{
  return fail (DIPTYCH_CLI_EXIT_ERROR, error->message);
}

/* A project file, told by its extension or, failing that, by its start. */
static gboolean
is_project_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GFileInputStream) stream = NULL;
  char head[512];
  gsize n = 0;

  if (name != NULL && g_str_has_suffix (name, ".diptych"))
    return TRUE;

  stream = g_file_read (file, NULL, NULL);
  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), head, sizeof head - 1, &n, NULL, NULL))
    return FALSE;
  head[n] = '\0';
  return strstr (head, "<diptych-project") != NULL;
}

static DiptychProject *
compare_documents (const char                 *path_a,
                   const char                 *path_b,
                   const DiptychAlignSettings *settings,
                   GError                    **error)
{
  g_autoptr(DiptychProject) project = diptych_project_new ();
  g_autoptr(DiptychAlignment) alignment = NULL;
  const char *paths[DIPTYCH_N_SIDES] = { path_a, path_b };

  for (guint side = 0; side < DIPTYCH_N_SIDES; side++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (paths[side]);
      g_autoptr(DiptychDocument) document = NULL;

      if (is_project_file (file))
        {
          g_autofree char *name = g_file_get_basename (file);
          g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_UNSUPPORTED,
                       _("“%s” is a Diptych project: compare two documents, or give the project alone to export it."),
                       name);
          return NULL;
        }
      document = diptych_import_file (file, NULL, error);
      if (document == NULL)
        return NULL;
      diptych_project_set_document (project, side, document);
    }

  diptych_project_set_settings (project, settings);
  diptych_project_add_default_tags (project);

  alignment = diptych_align (diptych_project_get_document (project, DIPTYCH_SIDE_A),
                             diptych_project_get_document (project, DIPTYCH_SIDE_B), settings,
                             NULL, NULL, NULL, error);
  if (alignment == NULL)
    return NULL;
  diptych_project_set_alignment (project, alignment);

  return g_steal_pointer (&project);
}

static gboolean
write_to_stdout (DiptychProject             *project,
                 DiptychReportFormat         format,
                 const DiptychReportOptions *options,
                 GError                    **error)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (stream);
  gsize size;

  if (!diptych_report_write_to_stream (project, format, options, stream, NULL, NULL, NULL, error) ||
      !g_output_stream_close (stream, NULL, error))
    return FALSE;

  size = g_memory_output_stream_get_data_size (memory);
  if (fwrite (g_memory_output_stream_get_data (memory), 1, size, stdout) != size || fflush (stdout) != 0)
    {
      g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_IO,
                   _("The report could not be written to standard output: %s"), g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

int
diptych_cli_main (int    argc,
                  char **argv)
{
  g_auto(CliOptions) cli = { { NULL, }, NULL, NULL, -1.0, NULL, NULL, FALSE, FALSE, NULL };
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_FILENAME, &cli.outputs[DIPTYCH_REPORT_JSON],
      N_("Write the alignment as JSON"), N_("FILE") },
    { "html", 0, 0, G_OPTION_ARG_FILENAME, &cli.outputs[DIPTYCH_REPORT_HTML],
      N_("Write the report as a web page"), N_("FILE") },
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &cli.outputs[DIPTYCH_REPORT_CSV],
      N_("Write links, omissions and annotations as CSV"), N_("FILE") },
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &cli.outputs[DIPTYCH_REPORT_PDF],
      N_("Write the report as PDF"), N_("FILE") },
    { "project", 0, 0, G_OPTION_ARG_FILENAME, &cli.project_out,
      N_("Save a Diptych project"), N_("FILE") },
    { "granularity", 0, 0, G_OPTION_ARG_STRING, &cli.granularity,
      N_("Passages to link: sentence, clause or paragraph"), N_("UNIT") },
    { "sensitivity", 0, 0, G_OPTION_ARG_DOUBLE, &cli.sensitivity,
      N_("From 0 (strict) to 1 (lenient); default 0.5"), N_("VALUE") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &cli.paper,
      N_("PDF paper size: a4 or letter"), N_("SIZE") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &cli.title,
      N_("Title of the report"), N_("TITLE") },
    { "only-annotated", 0, 0, G_OPTION_ARG_NONE, &cli.only_annotated,
      N_("Report only the annotated passages"), NULL },
    { "no-word-diff", 0, 0, G_OPTION_ARG_NONE, &cli.no_word_diff,
      N_("Leave out word-level differences"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &cli.files, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DiptychProject) project = NULL;
  DiptychAlignSettings settings = DIPTYCH_ALIGN_SETTINGS_DEFAULT;
  DiptychReportOptions options = DIPTYCH_REPORT_OPTIONS_DEFAULT;
  gboolean any_output = FALSE;
  guint n_files;

  /* Usage lines read "diptych compare [OPTION…] …". */
  g_set_prgname ("diptych compare");
  context = g_option_context_new (_("A B | PROJECT.diptych — compare two documents and export reports"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Without an output option, the JSON alignment is written to standard output."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail (DIPTYCH_CLI_EXIT_USAGE, error->message);

  n_files = cli.files != NULL ? g_strv_length (cli.files) : 0;
  if (n_files == 0 || n_files > 2)
    return fail (DIPTYCH_CLI_EXIT_USAGE,
                 _("Give two documents to compare (diptych compare A B) or one project (diptych compare PROJECT.diptych)."));

  if (cli.granularity != NULL && !diptych_granularity_from_string (cli.granularity, &settings.granularity))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown granularity “%s”: use sentence, clause or paragraph."),
                                                  cli.granularity);
      return fail (DIPTYCH_CLI_EXIT_USAGE, message);
    }
  if (cli.sensitivity != -1.0)
    {
      if (!(cli.sensitivity >= 0.0 && cli.sensitivity <= 1.0))
        return fail (DIPTYCH_CLI_EXIT_USAGE, _("The sensitivity must be between 0 and 1."));
      settings.sensitivity = cli.sensitivity;
    }
  if (cli.paper != NULL && !diptych_paper_size_from_string (cli.paper, &options.paper))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown paper size “%s”: use a4 or letter."), cli.paper);
      return fail (DIPTYCH_CLI_EXIT_USAGE, message);
    }
  options.only_annotated = cli.only_annotated;
  options.word_diff = !cli.no_word_diff;
  options.title = cli.title;

  if (n_files == 1)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (cli.files[0]);

      if (cli.granularity != NULL || cli.sensitivity != -1.0)
        return fail (DIPTYCH_CLI_EXIT_USAGE,
                     _("--granularity and --sensitivity apply when comparing two documents; a project keeps its own settings."));
      if (!is_project_file (file))
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *message = NULL;

          if (!g_file_query_exists (file, NULL))
            message = g_strdup_printf (_("“%s” does not exist."), name);
          else
            message = g_strdup_printf (_("“%s” is not a Diptych project: give two documents to compare."), name);
          return fail (DIPTYCH_CLI_EXIT_USAGE, message);
        }
      project = diptych_project_load (file, NULL, &error);
    }
  else
    project = compare_documents (cli.files[0], cli.files[1], &settings, &error);

  if (project == NULL)
    return fail_error (error);

  for (guint format = 0; format < G_N_ELEMENTS (cli.outputs); format++)
    {
      const char *path = cli.outputs[format];
      g_autoptr(GFile) file = NULL;

      if (path == NULL)
        continue;
      any_output = TRUE;
      if (g_str_equal (path, "-"))
        {
          if (!write_to_stdout (project, format, &options, &error))
            return fail_error (error);
          continue;
        }
      file = g_file_new_for_commandline_arg (path);
      if (!diptych_report_write (project, format, &options, file, NULL, &error))
        return fail_error (error);
    }

  if (cli.project_out != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (cli.project_out);

      any_output = TRUE;
      if (!diptych_project_save_full (project, file, DIPTYCH_SAVE_FORCE, NULL, &error))
        return fail_error (error);
    }

  if (!any_output && !write_to_stdout (project, DIPTYCH_REPORT_JSON, &options, &error))
    return fail_error (error);

  return DIPTYCH_CLI_EXIT_OK;
}
