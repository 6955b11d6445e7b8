/* bilat-identity.h: which state a code or a name means on a date
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__BILAT_INSIDE__) && !defined(BILAT_COMPILATION)
# error "Only <bilat/bilat.h> can be included directly."
#endif

#include <gio/gio.h>

#include "bilat-version-macros.h"
#include "bilat-date.h"

G_BEGIN_DECLS

/**
 * BilatCodeScheme:
 * @BILAT_CODE_SCHEME_ACTOR: the actor id of libbilat itself (`RUS`, `SUN`)
 * @BILAT_CODE_SCHEME_NAME: a name of the state, in any of its usual forms
 *   (`Russia`, `Federal Republic of Germany`, `Congo - Kinshasa`), without
 *   regard to case or accents
 * @BILAT_CODE_SCHEME_ISO2: ISO 3166-1 alpha-2 (`RU`), with the former
 *   codes of ISO 3166-3 (`SU`)
 * @BILAT_CODE_SCHEME_ISO3: ISO 3166-1 alpha-3 (`RUS`), with ISO 3166-3 (`SUN`)
 * @BILAT_CODE_SCHEME_ISO_NUMERIC: ISO 3166-1 numeric (`643`), with ISO 3166-3 (`810`)
 * @BILAT_CODE_SCHEME_COW: Correlates of War state number (`365`)
 * @BILAT_CODE_SCHEME_COW_LETTER: Correlates of War state abbreviation (`RUS`)
 * @BILAT_CODE_SCHEME_GW: Gleditsch–Ward state number (`365`)
 * @BILAT_CODE_SCHEME_GW_LETTER: Gleditsch–Ward state abbreviation (`RUS`)
 * @BILAT_CODE_SCHEME_FIPS: FIPS 10-4 country code (`RS`)
 * @BILAT_CODE_SCHEME_M49: UN M49 country code (`643`)
 * @BILAT_CODE_SCHEME_CAMEO: CAMEO country code (`RUS`; `ROM` for Romania),
 *   which also names the state its state continues, on that one's days
 *   (`RUS` in 1985: `SUN`), as event data writes it
 *
 * The schemes a state can be named in. Their nicks (`actor`, `name`,
 * `iso2`, `iso3`, `iso-numeric`, `cow`, `cow-letter`, `gw`, `gw-letter`,
 * `fips`, `m49`, `cameo`) are the names the `bilat code` command takes.
 *
 * Since: 1.0
 */
typedef enum {
  BILAT_CODE_SCHEME_ACTOR,
  BILAT_CODE_SCHEME_NAME,
  BILAT_CODE_SCHEME_ISO2,
  BILAT_CODE_SCHEME_ISO3,
  BILAT_CODE_SCHEME_ISO_NUMERIC,
  BILAT_CODE_SCHEME_COW,
  BILAT_CODE_SCHEME_COW_LETTER,
  BILAT_CODE_SCHEME_GW,
  BILAT_CODE_SCHEME_GW_LETTER,
  BILAT_CODE_SCHEME_FIPS,
  BILAT_CODE_SCHEME_M49,
  BILAT_CODE_SCHEME_CAMEO,
} BilatCodeScheme;

/**
 * BILAT_IDENTITY_ERROR:
 *
 * The error domain of [class@Bilat.Identity].
 *
 * Since: 1.0
 */
#define BILAT_IDENTITY_ERROR (bilat_identity_error_quark ())

/**
 * BilatIdentityError:
 * @BILAT_IDENTITY_ERROR_UNKNOWN: the code or name is not one of the scheme
 * @BILAT_IDENTITY_ERROR_NOT_VALID: the code or name is known, but names no
 *   state on the date
 * @BILAT_IDENTITY_ERROR_AMBIGUOUS: the code or name names more than one
 *   state over the date (a year in which one state succeeded another, or
 *   no date)
 * @BILAT_IDENTITY_ERROR_NO_CODE: the state has no code in the scheme asked
 *   for on the date
 *
 * Errors of [class@Bilat.Identity].
 *
 * Since: 1.0
 */
typedef enum {
  BILAT_IDENTITY_ERROR_UNKNOWN,
  BILAT_IDENTITY_ERROR_NOT_VALID,
  BILAT_IDENTITY_ERROR_AMBIGUOUS,
  BILAT_IDENTITY_ERROR_NO_CODE,
} BilatIdentityError;

#define BILAT_TYPE_IDENTITY (bilat_identity_get_type ())

BILAT_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (BilatIdentity, bilat_identity, BILAT, IDENTITY, GObject)

BILAT_AVAILABLE_IN_1_0
GQuark              bilat_identity_error_quark      (void);

BILAT_AVAILABLE_IN_1_0
BilatIdentity      *bilat_identity_get_default      (void);

BILAT_AVAILABLE_IN_1_0
const char         *bilat_identity_resolve          (BilatIdentity    *self,
                                                     BilatCodeScheme   scheme,
                                                     const char       *code,
                                                     const BilatDate  *date,
                                                     GError          **error);
BILAT_AVAILABLE_IN_1_0
const char         *bilat_identity_get_code         (BilatIdentity    *self,
                                                     const char       *id,
                                                     BilatCodeScheme   scheme,
                                                     const BilatDate  *date,
                                                     GError          **error);
BILAT_AVAILABLE_IN_1_0
const char         *bilat_identity_convert          (BilatIdentity    *self,
                                                     BilatCodeScheme   from,
                                                     const char       *code,
                                                     BilatCodeScheme   to,
                                                     const BilatDate  *date,
                                                     GError          **error);
BILAT_AVAILABLE_IN_1_0
const char         *bilat_identity_get_name         (BilatIdentity    *self,
                                                     const char       *id);
BILAT_AVAILABLE_IN_1_0
const char         *bilat_identity_get_predecessor  (BilatIdentity    *self,
                                                     const char       *id);
BILAT_AVAILABLE_IN_1_0
const char * const *bilat_identity_get_states       (BilatIdentity    *self);
BILAT_AVAILABLE_IN_1_0
GListModel         *bilat_identity_get_members      (BilatIdentity    *self,
                                                     const BilatDate  *date);
BILAT_AVAILABLE_IN_1_0
GListModel         *bilat_identity_get_spells       (BilatIdentity    *self,
                                                     const char       *id);

G_END_DECLS
