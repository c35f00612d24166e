/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "diptych-print"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "diptych-print.h"
#include "diptych-session.h"

typedef struct
{
  DiptychProject     *project;
  char               *title;
  DiptychReportPages *pages;   /* from begin-print on */
  GError             *error;   /* why there are no pages */
} PrintData;

static void
print_data_free (PrintData *data)
{
  g_clear_object (&data->project);
  g_clear_pointer (&data->pages, diptych_report_pages_free);
  g_clear_error (&data->error);
  g_free (data->title);
  g_free (data);
}

/* The report's own pagination, on the paper chosen (the whole sheet:
 * the report keeps its margins), so that the printout has the PDF's
 * pages. */
static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintData         *data)
{
  DiptychReportOptions options = DIPTYCH_REPORT_OPTIONS_DEFAULT;

  options.title = data->title;
  g_clear_pointer (&data->pages, diptych_report_pages_free);
  g_clear_error (&data->error);
  data->pages = diptych_report_paginate (data->project, &options,
                                         gtk_print_context_get_width (context),
                                         gtk_print_context_get_height (context),
                                         NULL, &data->error);
  if (data->pages == NULL)
    {
      gtk_print_operation_cancel (operation);
      return;
    }
  gtk_print_operation_set_n_pages (operation, diptych_report_pages_get_n_pages (data->pages));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PrintData         *data)
{
  if (data->pages == NULL || page_nr < 0)
    return;
  diptych_report_pages_draw (data->pages, gtk_print_context_get_cairo_context (context), page_nr);
}

/**
 * diptych_print_operation_new:
 *
 * Returns: (transfer full): a print operation for @project's report
 */
GtkPrintOperation *
diptych_print_operation_new (DiptychProject *project)
{
  GtkPrintOperation *operation;
  PrintData *data;

  g_return_val_if_fail (DIPTYCH_IS_PROJECT (project), NULL);

  data = g_new0 (PrintData, 1);
  data->project = g_object_ref (project);
  data->title = diptych_session_dup_project_name (project);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, data->title);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), data);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), data);
  g_object_set_data_full (G_OBJECT (operation), "diptych-print-data", data,
                          (GDestroyNotify) print_data_free);
  return operation;
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         GtkWindow               *parent)
{
  PrintData *data = g_object_get_data (G_OBJECT (operation), "diptych-print-data");
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    gtk_print_operation_get_error (operation, &error);
  else if (data->error != NULL)
    /* The report could not be laid out (begin-print cancelled). */
    error = g_error_copy (data->error);
  else
    return;

  dialog = adw_message_dialog_new (parent, _("Could not print the report"),
                                   error != NULL ? error->message : NULL);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
diptych_print_project (GtkWindow      *parent,
                       DiptychProject *project)
{
  GtkPrintOperation *operation;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (DIPTYCH_IS_PROJECT (project));

  operation = diptych_print_operation_new (project);
  /* The window keeps the operation until the next one. */
  g_object_set_data_full (G_OBJECT (parent), "diptych-print-operation", operation, g_object_unref);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "done", G_CALLBACK (done_cb), parent);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               parent, &error) == GTK_PRINT_OPERATION_RESULT_ERROR &&
      error != NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (parent, _("Could not print the report"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}
