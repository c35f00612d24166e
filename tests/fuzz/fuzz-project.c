/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The project loader: any bytes give a DIPTYCH_ERROR with a message, or a
 * project whose links, omissions and annotations lie inside its documents
 * and which saves to XML that loads back to the same XML. */
#include "config.h"

#include <string.h>

#include "diptych-core.h"
#include "diptych-project-io.h"
#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_setup ();
  return 0;
}

static void
check_span (DiptychProject *project,
            DiptychSide     side,
            DiptychSpan     span)
{
  DiptychDocument *doc = diptych_project_get_document (project, side);

  g_assert_nonnull (doc);
  g_assert_true (diptych_document_span_is_valid (doc, span));
}

static void
check_project (DiptychProject *project)
{
  GListModel *links = diptych_project_get_links (project);
  GListModel *omissions = diptych_project_get_omissions (project);
  GListModel *annotations = diptych_project_get_annotations (project);

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(DiptychLink) link = g_list_model_get_item (links, i);

      check_span (project, DIPTYCH_SIDE_A, diptych_link_get_span (link, DIPTYCH_SIDE_A));
      check_span (project, DIPTYCH_SIDE_B, diptych_link_get_span (link, DIPTYCH_SIDE_B));
    }
  for (guint i = 0; i < g_list_model_get_n_items (omissions); i++)
    {
      g_autoptr(DiptychOmission) omission = g_list_model_get_item (omissions, i);

      check_span (project, diptych_omission_get_side (omission),
                  diptych_omission_get_span (omission));
    }
  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(DiptychAnnotation) annotation = g_list_model_get_item (annotations, i);

      check_span (project, diptych_annotation_get_side (annotation),
                  diptych_annotation_get_span (annotation));
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DiptychProject) project = NULL;
  g_autoptr(DiptychProject) again = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *xml_again = NULL;
  gsize length = 0;
  gsize length_again = 0;

  project = diptych_project_from_xml ((const char *) data, size, "fuzz.diptych", &error);
  if (project == NULL)
    {
      g_assert_true (error != NULL && error->domain == DIPTYCH_ERROR);
      g_assert_true (error->message != NULL && strstr (error->message, "fuzz.diptych") != NULL);
      return 0;
    }
  g_assert_no_error (error);
  check_project (project);

  /* What was loaded saves, and loads back the same. */
  xml = diptych_project_to_xml (project, &length);
  g_assert_nonnull (xml);
  again = diptych_project_from_xml (xml, length, "again.diptych", &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  xml_again = diptych_project_to_xml (again, &length_again);
  g_assert_cmpmem (xml, length, xml_again, length_again);
  return 0;
}
