/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "diptych-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "diptych-export-dialog.h"
#include "diptych-session.h"
#include "diptych-view-util.h"
#include "diptych-window.h"

struct _DiptychExportDialog
{
  AdwWindow       parent_instance;

  DiptychWindow  *window;    /* weak */
  DiptychProject *project;
  GCancellable   *cancellable;
  char           *title;
  GSettings      *settings;

  AdwComboRow    *format_row;
  AdwComboRow    *include_row;
  GtkSwitch      *word_diff_switch;
  AdwComboRow    *paper_row;
  GtkWidget      *page;
  GtkWidget      *export_button;
  GtkRevealer    *progress_revealer;
  GtkProgressBar *progress_bar;
};

G_DEFINE_FINAL_TYPE (DiptychExportDialog, diptych_export_dialog, ADW_TYPE_WINDOW)

/* In the order of the format row. */
static const DiptychReportFormat formats[] = {
  DIPTYCH_REPORT_HTML,
  DIPTYCH_REPORT_PDF,
  DIPTYCH_REPORT_CSV,
  DIPTYCH_REPORT_JSON,
};

/* The settings' choices, in the order of the rows' items. */
static const char * const format_choices[] = { "html", "pdf", "csv", "json", NULL };
static const char * const include_choices[] = { "all", "annotated", NULL };
static const char * const paper_choices[] = { "a4", "letter", NULL };

void
diptych_export_dialog_set_format (DiptychExportDialog *self,
                                  DiptychReportFormat  format)
{
  g_return_if_fail (DIPTYCH_IS_EXPORT_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i] == format)
      adw_combo_row_set_selected (self->format_row, i);
}

DiptychReportFormat
diptych_export_dialog_get_format (DiptychExportDialog *self)
{
  guint selected;

  g_return_val_if_fail (DIPTYCH_IS_EXPORT_DIALOG (self), DIPTYCH_REPORT_HTML);

  selected = adw_combo_row_get_selected (self->format_row);
  return selected < G_N_ELEMENTS (formats) ? formats[selected] : DIPTYCH_REPORT_HTML;
}

void
diptych_export_dialog_set_only_annotated (DiptychExportDialog *self,
                                          gboolean             only_annotated)
{
  g_return_if_fail (DIPTYCH_IS_EXPORT_DIALOG (self));

  adw_combo_row_set_selected (self->include_row, only_annotated ? 1 : 0);
}

void
diptych_export_dialog_set_word_diff (DiptychExportDialog *self,
                                     gboolean             word_diff)
{
  g_return_if_fail (DIPTYCH_IS_EXPORT_DIALOG (self));

  gtk_switch_set_active (self->word_diff_switch, word_diff);
}

void
diptych_export_dialog_set_paper (DiptychExportDialog *self,
                                 DiptychPaperSize     paper)
{
  g_return_if_fail (DIPTYCH_IS_EXPORT_DIALOG (self));

  adw_combo_row_set_selected (self->paper_row, paper == DIPTYCH_PAPER_LETTER ? 1 : 0);
}

/**
 * diptych_export_dialog_get_options:
 *
 * Fills @options with the choices made; the title stays owned by the dialog.
 */
void
diptych_export_dialog_get_options (DiptychExportDialog  *self,
                                   DiptychReportOptions *options)
{
  g_return_if_fail (DIPTYCH_IS_EXPORT_DIALOG (self));

  *options = DIPTYCH_REPORT_OPTIONS_DEFAULT;
  options->only_annotated = adw_combo_row_get_selected (self->include_row) == 1;
  options->word_diff = gtk_switch_get_active (self->word_diff_switch);
  options->paper = adw_combo_row_get_selected (self->paper_row) == 1 ? DIPTYCH_PAPER_LETTER : DIPTYCH_PAPER_A4;
  options->title = self->title;
}

static void
format_changed_cb (DiptychExportDialog *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->paper_row),
                            diptych_export_dialog_get_format (self) == DIPTYCH_REPORT_PDF);
}

/* Exporting */

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  GWeakRef *ref = user_data;
  g_autoptr(DiptychExportDialog) self = g_weak_ref_get (ref);

  if (self != NULL)
    gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0.0, 1.0));
}

static void
weak_ref_free (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

static void
on_report_written (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (diptych_report_write_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * diptych_export_dialog_export_async:
 *
 * Writes the report chosen in the dialog to @file.
 */
void
diptych_export_dialog_export_async (DiptychExportDialog *self,
                                    GFile               *file,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  DiptychReportOptions options;
  GWeakRef *ref;

  g_return_if_fail (DIPTYCH_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, diptych_export_dialog_export_async);
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  g_task_set_task_data (task, ref, (GDestroyNotify) weak_ref_free);

  diptych_export_dialog_get_options (self, &options);
  diptych_report_write_async (self->project, diptych_export_dialog_get_format (self), &options,
                              file, progress_cb, ref, cancellable,
                              on_report_written, g_steal_pointer (&task));
}

gboolean
diptych_export_dialog_export_finish (DiptychExportDialog  *self,
                                     GAsyncResult         *result,
                                     GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
set_running (DiptychExportDialog *self,
             gboolean             running)
{
  gtk_widget_set_sensitive (self->page, !running);
  gtk_widget_set_sensitive (self->export_button, !running);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_revealer_set_reveal_child (self->progress_revealer, running);
}

static void
export_done_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  DiptychExportDialog *self = DIPTYCH_EXPORT_DIALOG (source_object);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->cancellable);
  if (!diptych_export_dialog_export_finish (self, result, &error))
    {
      set_running (self, FALSE);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          g_error_matches (error, DIPTYCH_ERROR, DIPTYCH_ERROR_CANCELLED))
        return;
      if (self->window != NULL)
        diptych_window_show_error (self->window, _("Could not export the report"), error);
      return;
    }

  if (self->window != NULL)
    {
      AdwToast *toast = adw_toast_new (_("Report exported"));
      g_autofree char *uri = g_file_get_uri (file);

      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_action_name (toast, "win.show-uri");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
      diptych_window_show_toast (self->window, toast);
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_save_response (GtkNativeDialog *chooser,
                  int              response,
                  gpointer         user_data)
{
  DiptychExportDialog *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      const char *extension = diptych_report_format_get_extension (diptych_export_dialog_get_format (self));
      g_autofree char *basename = g_file_get_basename (chosen);
      g_autofree char *suffix = g_strconcat (".", extension, NULL);
      g_autoptr(GFile) file = NULL;

      if (g_str_has_suffix (basename, suffix))
        file = g_object_ref (chosen);
      else
        {
          g_autoptr(GFile) parent = g_file_get_parent (chosen);
          g_autofree char *named = g_strconcat (basename, suffix, NULL);

          file = g_file_get_child (parent, named);
        }

      set_running (self, TRUE);
      self->cancellable = g_cancellable_new ();
      diptych_export_dialog_export_async (self, file, self->cancellable,
                                          export_done_cb, g_object_ref (file));
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
export_clicked (DiptychExportDialog *self)
{
  DiptychReportFormat format = diptych_export_dialog_get_format (self);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *pattern = g_strconcat ("*.", diptych_report_format_get_extension (format), NULL);
  g_autofree char *name = g_strconcat (self->title, ".", diptych_report_format_get_extension (format), NULL);

  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_filter_add_mime_type (filter, diptych_report_format_get_mime_type (format));
  gtk_file_filter_set_name (filter, pattern);

  chooser = gtk_file_chooser_native_new (_("Export Report"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
cancel_clicked (DiptychExportDialog *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

/* Object */

static void
diptych_export_dialog_dispose (GObject *object)
{
  DiptychExportDialog *self = DIPTYCH_EXPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->project);
  g_clear_object (&self->settings);
  g_clear_weak_pointer (&self->window);

  G_OBJECT_CLASS (diptych_export_dialog_parent_class)->dispose (object);
}

static void
diptych_export_dialog_finalize (GObject *object)
{
  DiptychExportDialog *self = DIPTYCH_EXPORT_DIALOG (object);

  g_free (self->title);

  G_OBJECT_CLASS (diptych_export_dialog_parent_class)->finalize (object);
}

static void
diptych_export_dialog_class_init (DiptychExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = diptych_export_dialog_dispose;
  object_class->finalize = diptych_export_dialog_finalize;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
diptych_export_dialog_init (DiptychExportDialog *self)
{
}

static AdwComboRow *
combo_row (const char         *title,
           const char * const *items)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; items[i] != NULL; i++)
    gtk_string_list_append (list, _(items[i]));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
  return row;
}

GtkWidget *
diptych_export_dialog_new (DiptychWindow *window)
{
  static const char * const format_names[] = { N_("HTML"), N_("PDF"), N_("CSV"), N_("JSON"), NULL };
  static const char * const include_names[] = { N_("All Passages"), N_("Only Annotated Passages"), NULL };
  static const char * const paper_names[] = { N_("A4"), N_("US Letter"), NULL };
  DiptychExportDialog *self;
  GtkWidget *content, *header, *cancel, *group, *row;

  g_return_val_if_fail (DIPTYCH_IS_WINDOW (window), NULL);

  self = g_object_new (DIPTYCH_TYPE_EXPORT_DIALOG,
                       "title", _("Export Report"),
                       "modal", TRUE,
                       "transient-for", window,
                       "default-width", 480,
                       "destroy-with-parent", TRUE,
                       NULL);
  g_set_weak_pointer (&self->window, window);
  self->project = g_object_ref (diptych_window_get_project (window));
  self->title = diptych_session_dup_project_name (self->project);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->export_button = gtk_button_new_with_mnemonic (_("_Export…"));
  gtk_widget_add_css_class (self->export_button, "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->export_button);
  gtk_box_append (GTK_BOX (content), header);

  self->progress_revealer = GTK_REVEALER (gtk_revealer_new ());
  self->progress_bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->progress_bar), "osd");
  gtk_revealer_set_child (self->progress_revealer, GTK_WIDGET (self->progress_bar));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->progress_revealer));

  self->page = adw_preferences_page_new ();
  gtk_widget_set_vexpand (self->page, TRUE);
  group = adw_preferences_group_new ();
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The report shows the two documents side by side, "
                                           "the links and omissions, and your annotations."));

  self->format_row = combo_row (_("_Format"), format_names);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->format_row));
  self->include_row = combo_row (_("_Include"), include_names);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->include_row));

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Word-Level Differences"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Mark reworded and changed words inside each link"));
  self->word_diff_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_switch_set_active (self->word_diff_switch, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->word_diff_switch), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->word_diff_switch));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->word_diff_switch));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  self->paper_row = combo_row (_("_Paper Size"), paper_names);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->paper_row), _("For PDF"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->paper_row));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page), ADW_PREFERENCES_GROUP (group));
  gtk_box_append (GTK_BOX (content), self->page);

  adw_window_set_content (ADW_WINDOW (self), content);

  /* The last choices are remembered. */
  self->settings = g_settings_new (APPLICATION_ID);
  diptych_settings_bind_choice (self->settings, "export-format", self->format_row, format_choices);
  diptych_settings_bind_choice (self->settings, "export-include", self->include_row, include_choices);
  diptych_settings_bind_choice (self->settings, "export-paper", self->paper_row, paper_choices);
  g_settings_bind (self->settings, "export-word-diff", self->word_diff_switch, "active", G_SETTINGS_BIND_DEFAULT);

  g_signal_connect_swapped (self->format_row, "notify::selected", G_CALLBACK (format_changed_cb), self);
  g_signal_connect_swapped (self->export_button, "clicked", G_CALLBACK (export_clicked), self);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (cancel_clicked), self);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->export_button);
  format_changed_cb (self);
  return GTK_WIDGET (self);
}

void
diptych_export_dialog_present (DiptychWindow *window)
{
  GtkWidget *dialog;

  g_return_if_fail (DIPTYCH_IS_WINDOW (window));

  if (diptych_project_get_document (diptych_window_get_project (window), DIPTYCH_SIDE_A) == NULL ||
      diptych_project_get_document (diptych_window_get_project (window), DIPTYCH_SIDE_B) == NULL)
    {
      diptych_window_add_toast (window, _("Open two documents to export a report"));
      return;
    }
  dialog = diptych_export_dialog_new (window);
  gtk_window_present (GTK_WINDOW (dialog));
}
