/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "report-fixture.h"

/* A strict RFC 4180 reader: records end with CRLF, quoted fields may hold
 * commas, CR, LF and doubled quotes; a bare quote inside an unquoted field
 * or a lone LF between records is an error. Returns an array of GStrv. */
static GPtrArray *
read_csv (const char *data,
          gsize       length)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  gsize i = 0;

  while (i < length)
    {
      gboolean quoted = data[i] == '"';

      g_string_truncate (field, 0);
      if (quoted)
        {
          i++;
          for (;;)
            {
              g_assert_cmpuint (i, <, length);  /* unterminated quote */
              if (data[i] == '"')
                {
                  if (i + 1 < length && data[i + 1] == '"')
                    {
                      g_string_append_c (field, '"');
                      i += 2;
                      continue;
                    }
                  i++;
                  break;
                }
              g_string_append_c (field, data[i++]);
            }
        }
      else
        {
          while (i < length && data[i] != ',' && data[i] != '\r' && data[i] != '\n')
            {
              g_assert_cmpint (data[i], !=, '"');
              g_string_append_c (field, data[i++]);
            }
        }

      g_ptr_array_add (fields, g_strdup (field->str));
      g_assert_cmpuint (i, <, length);  /* every record ends with CRLF */
      if (data[i] == ',')
        {
          i++;
          continue;
        }
      g_assert_cmpint (data[i], ==, '\r');
      g_assert_cmpint (data[i + 1], ==, '\n');
      i += 2;
      g_ptr_array_add (fields, NULL);
      g_ptr_array_add (records, g_ptr_array_steal (fields, NULL));
    }

  return g_steal_pointer (&records);
}

static int
column (GStrv        header,
        const char  *name)
{
  for (guint i = 0; header[i] != NULL; i++)
    if (g_str_equal (header[i], name))
      return i;
  g_assert_not_reached ();
  return -1;
}

static GStrv
find_record (GPtrArray  *records,
             const char *id)
{
  for (guint i = 1; i < records->len; i++)
    {
      GStrv record = g_ptr_array_index (records, i);
      if (g_str_equal (record[1], id))
        return record;
    }
  return NULL;
}

static GStrv
get_record (GPtrArray  *records,
            const char *id)
{
  GStrv record = find_record (records, id);

  g_assert_nonnull (record);
  return record;
}

static void
test_csv_content (void)
{
  g_autoptr(DiptychProject) project = report_fixture_new ();
  gsize length;
  g_autofree char *text = report_fixture_write (project, DIPTYCH_REPORT_CSV, NULL, &length);
  g_autoptr(GPtrArray) records = read_csv (text, length);
  GStrv header, r;
  guint n_links = 0, n_omissions = 0, n_annotations = 0;

  g_assert_true (g_utf8_validate (text, length, NULL));
  header = g_ptr_array_index (records, 0);
  g_assert_cmpstr (header[0], ==, "record");
  g_assert_cmpuint (g_strv_length (header), ==, 16);

  for (guint i = 1; i < records->len; i++)
    {
      GStrv record = g_ptr_array_index (records, i);

      g_assert_cmpuint (g_strv_length (record), ==, g_strv_length (header));
      if (g_str_equal (record[0], "link"))
        n_links++;
      else if (g_str_equal (record[0], "omission"))
        n_omissions++;
      else if (g_str_equal (record[0], "annotation"))
        n_annotations++;
      else
        g_assert_not_reached ();
    }
  g_assert_cmpuint (n_links, ==, 3);
  g_assert_cmpuint (n_omissions, ==, 4);
  g_assert_cmpuint (n_annotations, ==, 3);

  r = get_record (records, "l1");
  g_assert_nonnull (r);
  g_assert_cmpstr (r[column (header, "a_text")], ==, "Leaders spoke on 18 March for 90 minutes.");
  g_assert_cmpstr (r[column (header, "b_text")], ==, "Лидеры говорили 19 марта.");
  g_assert_cmpstr (r[column (header, "b_start")], ==, "45");
  g_assert_cmpstr (r[column (header, "b_end")], ==, "70");
  g_assert_cmpstr (r[column (header, "kind")], ==, "partial");
  g_assert_cmpstr (r[column (header, "score")], ==, "0.612");
  g_assert_cmpstr (r[column (header, "state")], ==, "auto");
  g_assert_cmpstr (r[column (header, "shared_terms")], ==, "march; leaders");

  /* Quotes, commas and markup round-trip. */
  r = get_record (records, "o1");
  g_assert_cmpstr (r[column (header, "side")], ==, "a");
  g_assert_cmpstr (r[column (header, "a_text")], ==, "The US said <script>alert(1)</script> & \"more\".");
  r = get_record (records, "o2");
  g_assert_cmpstr (r[column (header, "a_text")], ==, "Trade, tariffs, and =SUM(A1) came up.");
  r = get_record (records, "o3");
  g_assert_cmpstr (r[column (header, "b_text")], ==, "مرحبا بالعالم، هذا نص عربي.");
  g_assert_cmpstr (r[column (header, "a_text")], ==, "");

  /* Newlines inside a quoted field. */
  r = get_record (records, "n1");
  g_assert_cmpstr (r[column (header, "note")], ==, "Note with <b>bold</b> & \"quotes\", commas\nand a newline\x01.");
  g_assert_cmpstr (r[column (header, "tag")], ==, "Demand");

  /* Formula injection neutralised. */
  r = get_record (records, "n3");
  g_assert_cmpstr (r[column (header, "a_text")], ==, "'=SUM(A1)");
  g_assert_cmpstr (r[column (header, "note")], ==, "'-1 +2 @x");

  r = get_record (records, "n2");
  g_assert_cmpstr (r[column (header, "link")], ==, "l3");
  g_assert_cmpstr (r[column (header, "side")], ==, "b");
  g_assert_cmpstr (r[column (header, "b_text")], ==, "Чёрное море");
}

static void
test_csv_injection (void)
{
  static const char *cells[] = { "=1+1", "+1", "-1", "@SUM(1)", "\tx", "\rx", "safe", "a=b" };
  static const char *expected[] = { "'=1+1", "'+1", "'-1", "'@SUM(1)", "'\tx", "'\rx", "safe", "a=b" };
  g_autoptr(DiptychProject) project = report_fixture_new ();
  gsize length;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) records = NULL;
  GStrv header;

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      g_autoptr(DiptychAnnotation) n = diptych_annotation_new (DIPTYCH_SIDE_A, DIPTYCH_SPAN_INIT (0, 7), cells[i], cells[i]);
      g_autofree char *id = g_strdup_printf ("x%u", i);

      diptych_annotation_set_id (n, id);
      diptych_project_add_annotation (project, n);
    }

  text = report_fixture_write (project, DIPTYCH_REPORT_CSV, NULL, &length);
  records = read_csv (text, length);
  header = g_ptr_array_index (records, 0);
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      g_autofree char *id = g_strdup_printf ("x%u", i);
      GStrv r = find_record (records, id);

      g_assert_nonnull (r);
      g_assert_cmpstr (r[column (header, "tag")], ==, expected[i]);
      g_assert_cmpstr (r[column (header, "note")], ==, expected[i]);
    }
}

static void
test_csv_only_annotated (void)
{
  g_autoptr(DiptychProject) project = report_fixture_new ();
  DiptychReportOptions options = DIPTYCH_REPORT_OPTIONS_DEFAULT;
  gsize length;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) records = NULL;

  options.only_annotated = TRUE;
  text = report_fixture_write (project, DIPTYCH_REPORT_CSV, &options, &length);
  records = read_csv (text, length);
  /* header, l3, o1, o2, three annotations */
  g_assert_cmpuint (records->len, ==, 7);
  g_assert_nonnull (find_record (records, "l3"));
  g_assert_null (find_record (records, "l1"));
  g_assert_null (find_record (records, "o3"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/csv/content", test_csv_content);
  g_test_add_func ("/report/csv/injection", test_csv_injection);
  g_test_add_func ("/report/csv/only-annotated", test_csv_only_annotated);

  return g_test_run ();
}
