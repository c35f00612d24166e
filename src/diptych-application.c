/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "diptych-application"

#include "config.h"

#include <glib/gi18n.h>

#include "diptych-application.h"
#include "diptych-preferences-window.h"
#include "diptych-session.h"
#include "diptych-window.h"

struct _DiptychApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (DiptychApplication, diptych_application, ADW_TYPE_APPLICATION)

DiptychApplication *
diptych_application_new (void)
{
  return g_object_new (DIPTYCH_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/diptych/Diptych",
                       NULL);
}

/**
 * diptych_application_get_settings:
 *
 * Returns: (transfer none): the application's settings
 *   (schema io.github.diptych.Diptych)
 */
GSettings *
diptych_application_get_settings (DiptychApplication *self)
{
  g_return_val_if_fail (DIPTYCH_IS_APPLICATION (self), NULL);

  return self->settings;
}

static void
apply_style_variant (DiptychApplication *self)
{
  g_autofree char *variant = g_settings_get_string (self->settings, "style-variant");
  AdwColorScheme scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_strcmp0 (variant, "light") == 0)
    scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_strcmp0 (variant, "dark") == 0)
    scheme = ADW_COLOR_SCHEME_FORCE_DARK;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
}

static DiptychWindow *
new_window (DiptychApplication *self)
{
  return diptych_window_new (self);
}

/* An empty window, to compare other documents or open a recent project. */
static void
new_window_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  DiptychApplication *self = user_data;

  gtk_window_present (GTK_WINDOW (new_window (self)));
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  DiptychApplication *self = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing through the windows lets them save their state. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  DiptychApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  DiptychPreferencesWindow *preferences = diptych_preferences_window_new (parent);

  gtk_window_present (GTK_WINDOW (preferences));
}

static void
shortcuts_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  DiptychApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  DiptychApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "The Diptych developers", NULL };

  adw_show_about_window (parent,
                         "application-name", _("Diptych"),
                         "application-icon", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Compare two accounts of the same event side by side"),
                         "website", "https://github.com/diptych/diptych",
                         "issue-url", "https://github.com/diptych/diptych/issues",
                         "developer-name", _("The Diptych developers"),
                         "developers", developers,
                         /* Translators: put your names here, one per line */
                         "translator-credits", _("translator-credits"),
                         "copyright", "© 2026 The Diptych developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static const GActionEntry app_actions[] = {
  { "new-window", new_window_activated },
  { "quit", quit_activated },
  { "preferences", preferences_activated },
  { "shortcuts", shortcuts_activated },
  { "about", about_activated },
};

static const struct
{
  const char *action;
  const char *accels[3];
} accels[] = {
  { "app.new-window", { "<Primary>n", NULL } },
  { "app.quit", { "<Primary>q", NULL } },
  { "app.preferences", { "<Primary>comma", NULL } },
  { "win.show-help-overlay", { "<Primary>question", NULL } },
  { "window.close", { "<Primary>w", NULL } },
  { "win.open-a", { "<Primary>o", NULL } },
  { "win.open-b", { "<Primary><Shift>o", NULL } },
  { "win.paste-document", { "<Primary><Shift>v", NULL } },
  { "win.toggle-sidebar", { "F9", NULL } },
  { "win.open-project", { "<Primary><Alt>o", NULL } },
  { "win.save", { "<Primary>s", NULL } },
  { "win.save-as", { "<Primary><Shift>s", NULL } },
  { "win.export", { "<Primary>e", NULL } },
  { "win.print", { "<Primary>p", NULL } },
  { "win.undo", { "<Primary>z", NULL } },
  { "win.redo", { "<Primary><Shift>z", NULL } },
  { "win.annotate", { "<Primary>t", NULL } },
  { "win.link-selection", { "<Primary>k", NULL } },
  { "win.confirm-link", { "<Primary>Return", NULL } },
  { "win.reject-link", { "<Primary>Delete", NULL } },
};

static void
diptych_application_startup (GApplication *application)
{
  DiptychApplication *self = DIPTYCH_APPLICATION (application);

  G_APPLICATION_CLASS (diptych_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action,
                                           accels[i].accels);

  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect_object (self->settings, "changed::style-variant",
                           G_CALLBACK (apply_style_variant), self, G_CONNECT_SWAPPED);
  apply_style_variant (self);

  gtk_window_set_default_icon_name (APPLICATION_ID);
}

static void
diptych_application_activate (GApplication *application)
{
  DiptychApplication *self = DIPTYCH_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      DiptychWindow *new = new_window (self);

      /* Nothing to compare yet: show what Diptych does with the demo pair. */
      diptych_window_open_demo (new);
      window = GTK_WINDOW (new);
      gtk_window_present (window);
      diptych_session_offer_recovery (GTK_APPLICATION (self));
      return;
    }

  gtk_window_present (window);
}

static void
diptych_application_open (GApplication  *application,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  DiptychApplication *self = DIPTYCH_APPLICATION (application);
  DiptychWindow *window = new_window (self);
  g_autofree char *first = n_files > 0 ? g_file_get_basename (files[0]) : NULL;

  /* `diptych P.diptych`: a saved project. */
  if (first != NULL && g_str_has_suffix (first, ".diptych"))
    {
      diptych_window_open_project (window, files[0]);
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  for (int i = 0; i < MIN (n_files, DIPTYCH_N_SIDES); i++)
    diptych_window_open_file (window, i == 0 ? DIPTYCH_SIDE_A : DIPTYCH_SIDE_B, files[i]);

  if (n_files > DIPTYCH_N_SIDES)
    diptych_window_add_toast (window,
                              _("Diptych compares two documents; the others were not opened"));

  gtk_window_present (GTK_WINDOW (window));
}

static void
diptych_application_shutdown (GApplication *application)
{
  /* A clean exit: no unsaved work is left for recovery. */
  diptych_session_shutdown ();

  G_APPLICATION_CLASS (diptych_application_parent_class)->shutdown (application);
}

static int
diptych_application_handle_local_options (GApplication *application,
                                          GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("diptych %s\n", PACKAGE_VERSION);
      return 0;
    }

  return -1;
}

static void
diptych_application_dispose (GObject *object)
{
  DiptychApplication *self = DIPTYCH_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (diptych_application_parent_class)->dispose (object);
}

static void
diptych_application_class_init (DiptychApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = diptych_application_dispose;

  app_class->startup = diptych_application_startup;
  app_class->activate = diptych_application_activate;
  app_class->open = diptych_application_open;
  app_class->shutdown = diptych_application_shutdown;
  app_class->handle_local_options = diptych_application_handle_local_options;
}

static void
diptych_application_init (DiptychApplication *self)
{
  static const GOptionEntry entries[] = {
    { "version", 'v', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
      N_("Print the version and exit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  /* Translators: the arguments of `diptych`, shown by --help */
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[A B]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Compare two accounts of the same event side by side.\n"
                                              "Opens documents A (left) and B (right); "
                                              "without documents, opens a demo pair."));
  g_application_set_option_context_description (G_APPLICATION (self),
                                                _("Command line comparison, without a window:\n"
                                                  "  diptych compare A B [--json OUT.json] [--html OUT.html] [--csv OUT.csv]\n"
                                                  "                      [--pdf OUT.pdf] [--project OUT.diptych]\n"
                                                  "  diptych compare PROJECT.diptych [--json OUT.json] ...\n"
                                                  "Run “diptych compare --help” for its options.\n\n"
                                                  "A and B may be plain text (UTF-8) or HTML files."));
}
