/* bilat-place.c: where an event happened
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <bilat/bilat.h>

#include "bilat-place-private.h"

#include <math.h>

/**
 * BilatPlace:
 *
 * Where an event happened: a name (`Cherat`, `Mineralnye Vody`), an
 * ISO 3166-2 subdivision code (`PK-KP`), an ISO 3166-1 alpha-3 country code
 * (`PAK`) and optionally a latitude and longitude. Any of the three names
 * may be missing, but not all of them.
 *
 * What is not given is derived, when it can be, from the iso-codes package
 * (see [func@Bilat.country_get_name]): a place given only as `RU-KC` has
 * the country `RUS` and the name of that republic. The derived values are
 * looked up when asked for, not stored, so [method@Bilat.Place.equal]
 * compares only what was given.
 *
 * A `BilatPlace` is immutable and reference counted.
 *
 * Since: 1.0
 */

struct _BilatPlace
{
  gatomicrefcount  ref_count;
  gboolean         has_coordinates;
  char            *name;
  char            *subdivision;
  char            *country;
  double           latitude;
  double           longitude;
};

/* GLib type-checks the copy and free functions of a boxed type through a
 * transparent union, a GNU extension that -Wpedantic reports. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpedantic"
G_DEFINE_BOXED_TYPE (BilatPlace, bilat_place, bilat_place_ref, bilat_place_unref)
#pragma GCC diagnostic pop

static BilatPlace *
place_new (const char *name,
           const char *subdivision,
           const char *country)
{
  BilatPlace *self = g_new0 (BilatPlace, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->name = g_strdup (name);
  self->subdivision = g_strdup (subdivision);
  self->country = g_strdup (country);
  self->latitude = NAN;
  self->longitude = NAN;

  return self;
}

/**
 * bilat_place_new:
 * @name: (nullable): the name of the place, or %NULL
 * @subdivision: (nullable): an ISO 3166-2 subdivision code such as `PK-KP`,
 *   or %NULL
 * @country: (nullable): an ISO 3166-1 alpha-3 code such as `PAK` (or an
 *   ISO 3166-3 code for a country that no longer exists), or %NULL
 *
 * Creates a place without coordinates. At least one of @name, @subdivision
 * and @country must be given. The codes are kept as given; they are not
 * checked against iso-codes, whose list a program may not have.
 *
 * Returns: (transfer full): a new place
 *
 * Since: 1.0
 */
BilatPlace *
bilat_place_new (const char *name,
                 const char *subdivision,
                 const char *country)
{
  g_return_val_if_fail (name != NULL || subdivision != NULL || country != NULL, NULL);

  return place_new (name, subdivision, country);
}

/**
 * bilat_place_new_with_coordinates:
 * @name: (nullable): the name of the place, or %NULL
 * @subdivision: (nullable): an ISO 3166-2 subdivision code, or %NULL
 * @country: (nullable): an ISO 3166-1 or 3166-3 alpha-3 code, or %NULL
 * @latitude: the latitude in degrees, -90 (south) to 90 (north)
 * @longitude: the longitude in degrees, -180 (west) to 180 (east)
 *
 * Creates a place with coordinates (WGS 84). As for [ctor@Bilat.Place.new],
 * at least one of @name, @subdivision and @country must be given.
 *
 * Returns: (transfer full): a new place
 *
 * Since: 1.0
 */
BilatPlace *
bilat_place_new_with_coordinates (const char *name,
                                  const char *subdivision,
                                  const char *country,
                                  double      latitude,
                                  double      longitude)
{
  BilatPlace *self;

  g_return_val_if_fail (name != NULL || subdivision != NULL || country != NULL, NULL);
  /* Written so that NaN, which fails every comparison, is rejected too. */
  g_return_val_if_fail (latitude >= -90.0 && latitude <= 90.0, NULL);
  g_return_val_if_fail (longitude >= -180.0 && longitude <= 180.0, NULL);

  self = place_new (name, subdivision, country);
  self->has_coordinates = TRUE;
  self->latitude = latitude;
  self->longitude = longitude;

  return self;
}

/**
 * bilat_place_ref:
 * @self: a [struct@Bilat.Place]
 *
 * Acquires a reference on @self.
 *
 * Returns: (transfer full): @self
 *
 * Since: 1.0
 */
BilatPlace *
bilat_place_ref (BilatPlace *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

/**
 * bilat_place_unref:
 * @self: (transfer full): a [struct@Bilat.Place]
 *
 * Releases a reference on @self, freeing it when the last one is gone.
 *
 * Since: 1.0
 */
void
bilat_place_unref (BilatPlace *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->name);
  g_free (self->subdivision);
  g_free (self->country);
  g_free (self);
}

/**
 * bilat_place_get_name:
 * @self: a [struct@Bilat.Place]
 *
 * Returns the name of the place: the name it was given, or else the name
 * iso-codes gives its subdivision, or else the name of its country (see
 * [method@Bilat.Place.get_country]).
 *
 * Returns: (nullable) (transfer none): the name, or %NULL if none was given
 *   and none is known for the codes
 *
 * Since: 1.0
 */
const char *
bilat_place_get_name (const BilatPlace *self)
{
  const char *country;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->name != NULL)
    return self->name;

  if (self->subdivision != NULL)
    {
      const char *name = bilat_subdivision_get_name (self->subdivision);

      if (name != NULL)
        return name;
    }

  country = bilat_place_get_country (self);

  return country != NULL ? bilat_country_get_name (country) : NULL;
}

/**
 * bilat_place_get_subdivision:
 * @self: a [struct@Bilat.Place]
 *
 * Returns the ISO 3166-2 code of the subdivision the place lies in, as
 * given.
 *
 * Returns: (nullable) (transfer none): the subdivision code, or %NULL
 *
 * Since: 1.0
 */
const char *
bilat_place_get_subdivision (const BilatPlace *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->subdivision;
}

/**
 * bilat_place_get_country:
 * @self: a [struct@Bilat.Place]
 *
 * Returns the alpha-3 code of the country the place lies in: the one it was
 * given, or else the country of its subdivision according to iso-codes
 * (`PAK` for `PK-KP`).
 *
 * Returns: (nullable) (transfer none): the country code, or %NULL if none
 *   was given and none is known for the subdivision
 *
 * Since: 1.0
 */
const char *
bilat_place_get_country (const BilatPlace *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->country != NULL)
    return self->country;

  if (self->subdivision != NULL)
    return bilat_subdivision_get_country (self->subdivision);

  return NULL;
}

void
_bilat_place_get_given (const BilatPlace  *place,
                        const char       **name,
                        const char       **country)
{
  *name = place->name;
  *country = place->country;
}

/**
 * bilat_place_has_coordinates:
 * @self: a [struct@Bilat.Place]
 *
 * Returns whether the place has a latitude and longitude.
 *
 * Returns: %TRUE if @self was created with coordinates
 *
 * Since: 1.0
 */
gboolean
bilat_place_has_coordinates (const BilatPlace *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->has_coordinates;
}

/**
 * bilat_place_get_latitude:
 * @self: a [struct@Bilat.Place]
 *
 * Returns the latitude of the place.
 *
 * Returns: the latitude in degrees, or NaN if the place has no coordinates
 *
 * Since: 1.0
 */
double
bilat_place_get_latitude (const BilatPlace *self)
{
  g_return_val_if_fail (self != NULL, NAN);

  return self->latitude;
}

/**
 * bilat_place_get_longitude:
 * @self: a [struct@Bilat.Place]
 *
 * Returns the longitude of the place.
 *
 * Returns: the longitude in degrees, or NaN if the place has no coordinates
 *
 * Since: 1.0
 */
double
bilat_place_get_longitude (const BilatPlace *self)
{
  g_return_val_if_fail (self != NULL, NAN);

  return self->longitude;
}

/**
 * bilat_place_equal:
 * @a: (nullable): a [struct@Bilat.Place], or %NULL
 * @b: (nullable): a [struct@Bilat.Place], or %NULL
 *
 * Returns whether two places were given the same name, subdivision,
 * country and coordinates. Values derived from iso-codes are not compared:
 * a place given as `PK-KP` differs from one given as `PK-KP` in `PAK`. Two
 * %NULL places are equal.
 *
 * Returns: %TRUE if @a and @b are equal
 *
 * Since: 1.0
 */
gboolean
bilat_place_equal (const BilatPlace *a,
                   const BilatPlace *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;

  if (g_strcmp0 (a->name, b->name) != 0 ||
      g_strcmp0 (a->subdivision, b->subdivision) != 0 ||
      g_strcmp0 (a->country, b->country) != 0 ||
      a->has_coordinates != b->has_coordinates)
    return FALSE;

  /* Without coordinates both hold NaN, which never compares equal. */
  return !a->has_coordinates ||
         (a->latitude == b->latitude && a->longitude == b->longitude);
}
