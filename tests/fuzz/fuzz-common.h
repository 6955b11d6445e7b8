/* fuzz-common.h: what the libFuzzer harnesses share
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Each harness is one LLVMFuzzerTestOneInput() over one parser, with a
 * round trip checked inside: a failed check aborts, which libFuzzer
 * reports as a crash with the input that caused it.
 */

#pragma once

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <bilat/bilat.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);
int LLVMFuzzerInitialize (int *argc, char ***argv);

/* A failed round trip: print what differs and abort. */
#define FUZZ_CHECK(condition, ...)                                         \
  do                                                                       \
    {                                                                      \
      if (!(condition))                                                    \
        {                                                                  \
          fprintf (stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, \
                   #condition);                                            \
          fprintf (stderr, __VA_ARGS__);                                   \
          fputc ('\n', stderr);                                            \
          abort ();                                                        \
        }                                                                  \
    }                                                                      \
  while (0)

/* Messages and criticals are bugs too: a library never prints on bad
 * input, and a critical is a broken precondition. */
static inline void
fuzz_init (void)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}
