/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "diptych-progress"

#include "config.h"

#include "diptych-progress.h"

struct _DiptychProgressRelay
{
  GTask               *task;      /* unowned: the task owns the relay */
  DiptychProgressFunc  func;
  gpointer             data;
  GMutex               lock;
  double               fraction;  /* the latest, not yet delivered */
  gboolean             pending;
};

/**
 * diptych_progress_relay_new:
 * @task: the task whose worker reports progress
 * @func: called on the task's main context
 * @data: data for @func
 *
 * Pass diptych_progress_relay_report() and the relay as the progress
 * callback of the work done in the thread.
 *
 * Returns: (transfer full): a new relay, to free when the task is
 * finalized (for example as part of its task data)
 */
DiptychProgressRelay *
diptych_progress_relay_new (GTask               *task,
                            DiptychProgressFunc  func,
                            gpointer             data)
{
  DiptychProgressRelay *relay;

  g_return_val_if_fail (G_IS_TASK (task), NULL);
  g_return_val_if_fail (func != NULL, NULL);

  relay = g_new0 (DiptychProgressRelay, 1);
  relay->task = task;
  relay->func = func;
  relay->data = data;
  g_mutex_init (&relay->lock);
  return relay;
}

void
diptych_progress_relay_free (DiptychProgressRelay *relay)
{
  if (relay == NULL)
    return;
  g_mutex_clear (&relay->lock);
  g_free (relay);
}

/* On the task's context. The source holds a reference on the task, so
 * the relay is alive. */
static gboolean
deliver (gpointer user_data)
{
  DiptychProgressRelay *relay = user_data;
  double fraction;

  g_mutex_lock (&relay->lock);
  fraction = relay->fraction;
  relay->pending = FALSE;
  g_mutex_unlock (&relay->lock);

  /* Nothing more after the result is out. */
  if (!g_task_get_completed (relay->task))
    relay->func (fraction, relay->data);
  return G_SOURCE_REMOVE;
}

static void
release_task (gpointer user_data)
{
  DiptychProgressRelay *relay = user_data;

  /* May free the relay. */
  g_object_unref (relay->task);
}

/**
 * diptych_progress_relay_report:
 * @fraction: the progress, from 0 to 1
 * @relay_ptr: a #DiptychProgressRelay
 *
 * A #DiptychProgressFunc, safe to call from any thread.
 */
void
diptych_progress_relay_report (double   fraction,
                               gpointer relay_ptr)
{
  DiptychProgressRelay *relay = relay_ptr;
  gboolean schedule;

  g_mutex_lock (&relay->lock);
  relay->fraction = fraction;
  schedule = !relay->pending;
  relay->pending = TRUE;
  g_mutex_unlock (&relay->lock);

  if (schedule)
    {
      GSource *source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      /* The task, and with it the relay, lives until the source is done. */
      g_object_ref (relay->task);
      g_source_set_callback (source, deliver, relay, release_task);
      g_source_set_static_name (source, "[diptych] progress");
      g_source_attach (source, g_task_get_context (relay->task));
      g_source_unref (source);
    }
}
