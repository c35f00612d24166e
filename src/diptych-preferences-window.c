/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "diptych-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "diptych-preferences-window.h"
#include "diptych-view-util.h"

struct _DiptychPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  AdwComboRow          *style_row;
  GtkFontButton        *font_button;
  AdwComboRow          *granularity_row;
  GtkAdjustment        *sensitivity_adjustment;
};

G_DEFINE_FINAL_TYPE (DiptychPreferencesWindow, diptych_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The settings' string choices, in the order of the combo rows' items. */
static const char * const style_choices[] = { "default", "light", "dark", NULL };
static const char * const granularity_choices[] = { "sentence", "clause", "paragraph", NULL };

DiptychPreferencesWindow *
diptych_preferences_window_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (DIPTYCH_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
}

static void
diptych_preferences_window_dispose (GObject *object)
{
  DiptychPreferencesWindow *self = DIPTYCH_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DIPTYCH_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (diptych_preferences_window_parent_class)->dispose (object);
}

static void
diptych_preferences_window_class_init (DiptychPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = diptych_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/diptych/Diptych/diptych-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DiptychPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, DiptychPreferencesWindow, font_button);
  gtk_widget_class_bind_template_child (widget_class, DiptychPreferencesWindow, granularity_row);
  gtk_widget_class_bind_template_child (widget_class, DiptychPreferencesWindow, sensitivity_adjustment);
}

static void
diptych_preferences_window_init (DiptychPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);

  diptych_settings_bind_choice (self->settings, "style-variant", self->style_row, style_choices);
  diptych_settings_bind_choice (self->settings, "granularity", self->granularity_row, granularity_choices);
  g_settings_bind (self->settings, "font", self->font_button, "font", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "sensitivity", self->sensitivity_adjustment, "value",
                   G_SETTINGS_BIND_DEFAULT);
}
