/* fuzz-query.c: the query and date parsers; parse → print → parse must
 * give the same value
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The input is one text; it is parsed both as a query and as a date.
 */

#include <string.h>

#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init ();
  return 0;
}

static void
query_round_trip (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BilatQuery) query = bilat_query_parse (text, &error);
  g_autoptr(BilatQuery) again = NULL;
  g_autofree char *printed = NULL;
  g_autofree char *reprinted = NULL;

  if (query == NULL)
    {
      FUZZ_CHECK (error != NULL, "refused without an error");
      return;
    }
  printed = bilat_query_to_string (query);
  again = bilat_query_parse (printed, &error);
  FUZZ_CHECK (again != NULL, "“%s” printed as “%s”, which does not parse: %s", text, printed,
              error->message);
  reprinted = bilat_query_to_string (again);
  FUZZ_CHECK (strcmp (printed, reprinted) == 0, "“%s” → “%s” → “%s”", text, printed, reprinted);
}

static void
date_round_trip (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BilatDate) date = bilat_date_parse (text, &error);
  g_autoptr(BilatDate) again = NULL;
  g_autofree char *printed = NULL;

  if (date == NULL)
    {
      FUZZ_CHECK (error != NULL, "refused without an error");
      return;
    }
  printed = bilat_date_to_string (date);
  again = bilat_date_parse (printed, &error);
  FUZZ_CHECK (again != NULL, "“%s” printed as “%s”, which does not parse: %s", text, printed,
              error->message);
  FUZZ_CHECK (bilat_date_equal (date, again), "“%s” → “%s” is another date", text, printed);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;

  /* The parsers take C strings: text up to the first NUL. */
  if (size > 1 << 16)
    return 0;
  text = g_strndup ((const char *) data, size);
  query_round_trip (text);
  date_round_trip (text);
  return 0;
}
