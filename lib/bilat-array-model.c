/* bilat-array-model.c: a live GListModel over a record's array
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The records keep their participants and citations in a GPtrArray, which
 * C callers read directly. Languages that use the object through GObject
 * introspection read the same items through this model: made on demand,
 * it costs nothing to a record nobody asks, and it is never a copy that
 * could fall behind.
 */

#include "bilat-array-model-private.h"

struct _BilatArrayModel
{
  GObject    parent_instance;

  GType      item_type;
  GPtrArray *items;
};

static void bilat_array_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BilatArrayModel, _bilat_array_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      bilat_array_model_list_model_init))

static GType
bilat_array_model_get_item_type (GListModel *list)
{
  return BILAT_ARRAY_MODEL (list)->item_type;
}

static guint
bilat_array_model_get_n_items (GListModel *list)
{
  return BILAT_ARRAY_MODEL (list)->items->len;
}

static gpointer
bilat_array_model_get_item (GListModel *list,
                            guint       position)
{
  BilatArrayModel *self = BILAT_ARRAY_MODEL (list);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
bilat_array_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = bilat_array_model_get_item_type;
  iface->get_n_items = bilat_array_model_get_n_items;
  iface->get_item = bilat_array_model_get_item;
}

static void
bilat_array_model_finalize (GObject *object)
{
  BilatArrayModel *self = BILAT_ARRAY_MODEL (object);

  g_ptr_array_unref (self->items);

  G_OBJECT_CLASS (_bilat_array_model_parent_class)->finalize (object);
}

static void
_bilat_array_model_class_init (BilatArrayModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bilat_array_model_finalize;
}

static void
_bilat_array_model_init (BilatArrayModel *self)
{
}

BilatArrayModel *
_bilat_array_model_new (GType      item_type,
                        GPtrArray *items)
{
  BilatArrayModel *self = g_object_new (BILAT_TYPE_ARRAY_MODEL, NULL);

  self->item_type = item_type;
  self->items = g_ptr_array_ref (items);
  return self;
}

void
_bilat_array_model_items_changed (BilatArrayModel *self,
                                  guint            position,
                                  guint            removed,
                                  guint            added)
{
  if (self != NULL && (removed > 0 || added > 0))
    g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}
