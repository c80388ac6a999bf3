/* kw-search-popover.c: search across every record type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Results of kw_store_search(), one group per type under one header
 * (people, organisations, meetings, alliances, networks, then the
 * rest), best matches first within a group: titles that start with the
 * search, then those with a word that does, then the others, shorter
 * titles before longer. A subtitle tells namesakes apart (a person's
 * area and organisation, an organisation's kind and area, a meeting's
 * date, an alliance's or a network's area); the matched text is in
 * bold. Down in the entry moves into the results, Up from the first
 * result back; Enter opens the selected one, Escape closes. A result
 * emits ::record-activated with its type and id.
 */
#define G_LOG_DOMAIN "kw-search-popover"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kw-contact-row.h"
#include "kw-enum-labels.h"
#include "kw-search-popover.h"
#include "kw-store-query.h"

#define RESULTS_PER_TYPE 8
/* matches read per type to choose the best RESULTS_PER_TYPE from */
#define CANDIDATES_PER_TYPE 200

/* The order of the groups; the other searchable types follow. */
static const char * const type_order[] = {
  "person", "organisation", "meeting", "alliance", "network", NULL,
};

struct _KwSearchPopover
{
  GtkPopover    parent_instance;

  KwStore      *store;

  GtkSearchEntry *entry;
  GtkLabel     *hint_label;
  GtkListBox   *results;
  GtkStack     *stack;
};

G_DEFINE_FINAL_TYPE (KwSearchPopover, kw_search_popover, GTK_TYPE_POPOVER)

enum {
  RECORD_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

/* 0: the title starts with the search; 1: a word of it does; 2: else */
static int
match_class (const char *title,
             const char *search)
{
  g_autofree char *t = g_utf8_casefold (title ? title : "", -1);
  g_autofree char *q = g_utf8_casefold (search, -1);
  const char *found = strstr (t, q);

  if (found == t)
    return 0;
  for (; found != NULL; found = strstr (found + 1, q))
    if (found[-1] == ' ' || found[-1] == '-')
      return 1;
  return 2;
}

typedef struct {
  KwSearchHit *hit;
  int          class;
  glong        length;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *x = a, *y = b;

  if (x->class != y->class)
    return x->class - y->class;
  if (x->length != y->length)
    return x->length < y->length ? -1 : 1;
  return g_utf8_collate (x->hit->title ? x->hit->title : "", y->hit->title ? y->hit->title : "");
}

/* The best RESULTS_PER_TYPE hits, best first (owned by hits). */
static GArray *
rank_hits (GPtrArray  *hits,
           const char *search)
{
  GArray *ranked = g_array_sized_new (FALSE, FALSE, sizeof (Ranked), hits->len);

  for (guint i = 0; i < hits->len; i++)
    {
      KwSearchHit *hit = g_ptr_array_index (hits, i);
      Ranked r = { hit, match_class (hit->title, search), g_utf8_strlen (hit->title ? hit->title : "", -1) };

      g_array_append_val (ranked, r);
    }
  g_array_sort (ranked, compare_ranked);
  if (ranked->len > RESULTS_PER_TYPE)
    g_array_set_size (ranked, RESULTS_PER_TYPE);
  return ranked;
}

static char *
join_parts (const char *a,
            const char *b)
{
  if (a != NULL && *a != '\0' && b != NULL && *b != '\0')
    return g_strdup_printf ("%s · %s", a, b);
  return g_strdup (a != NULL && *a != '\0' ? a : b != NULL ? b : "");
}

/* What tells two results of the same name apart. */
static char *
dup_subtitle (KwStore           *store,
              const KwSearchHit *hit)
{
  g_autofree char *area = NULL;
  g_autofree char *organisation = NULL;
  g_autoptr(KwRecord) record = NULL;

  kw_store_query_summary (store, hit->type_name, hit->id, &area, &organisation);
  if (g_str_equal (hit->type_name, "person"))
    return join_parts (area, organisation);
  if (!g_str_equal (hit->type_name, "organisation") && !g_str_equal (hit->type_name, "meeting"))
    return g_strdup (area ? area : "");
  record = kw_store_get (store, hit->type_name, hit->id, NULL);
  if (record == NULL)
    return g_strdup ("");
  if (g_str_equal (hit->type_name, "organisation"))
    {
      const char *kind = kw_record_get_string (record, "kind");
      const KwField *field = kw_entity_type_field (kw_record_get_entity_type (record), "kind");

      return join_parts (kind ? kw_enum_label (field, kind) : NULL, area);
    }
  {
    const char *starts = kw_record_get_string (record, "starts_at");
    g_autofree char *day = starts ? g_strndup (starts, 10) : NULL;
    g_autofree char *date = day ? kw_format_date_long (day) : NULL;

    return g_strdup (date ? date : "");
  }
}

static GtkWidget *
make_result_row (KwStore           *store,
                 const KwSearchHit *hit,
                 const char        *search)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *sub = gtk_label_new (NULL);
  g_autofree char *title = kw_contact_markup_highlight (hit->title, search);
  g_autofree char *subtitle = dup_subtitle (store, hit);
  g_autofree char *subtitle_markup = kw_contact_markup_highlight (subtitle, search);
  g_autofree char *note = NULL;

  /* matched elsewhere than in the title: say where */
  if (!kw_contact_markup_matches (hit->title, search) && !kw_contact_markup_matches (subtitle, search))
    {
      g_autoptr(KwRecord) record = kw_store_get (store, hit->type_name, hit->id, NULL);

      note = record ? kw_contact_dup_match_note (record, search) : NULL;
    }
  if (note != NULL)
    {
      char *both = *subtitle ? g_strdup_printf ("%s — %s", subtitle_markup, note) : g_strdup (note);

      g_free (subtitle_markup);
      subtitle_markup = both;
    }
  gtk_label_set_markup (GTK_LABEL (label), title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), label);
  gtk_label_set_markup (GTK_LABEL (sub), subtitle_markup);
  gtk_label_set_xalign (GTK_LABEL (sub), 0);
  gtk_label_set_ellipsize (GTK_LABEL (sub), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (sub, "dim-label");
  gtk_widget_add_css_class (sub, "caption");
  gtk_widget_set_visible (sub, *subtitle_markup != '\0');
  gtk_box_append (GTK_BOX (box), sub);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "kw-type", g_strdup (hit->type_name), g_free);
  g_object_set_data_full (G_OBJECT (row), "kw-id", g_strdup (hit->id), g_free);
  return row;
}

/* The searchable types in the order of the groups. */
static GPtrArray *
ordered_types (void)
{
  GPtrArray *types = g_ptr_array_new ();

  for (guint i = 0; type_order[i]; i++)
    g_ptr_array_add (types, (gpointer) kw_registry_lookup (type_order[i]));
  for (guint i = 0; i < kw_registry_n_types (); i++)
    {
      const KwEntityType *type = kw_registry_type_at (i);

      if ((type->flags & KW_TYPE_FLAG_SEARCH) && !g_strv_contains (type_order, type->name))
        g_ptr_array_add (types, (gpointer) type);
    }
  return types;
}

static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  const char *type = g_object_get_data (G_OBJECT (row), "kw-type");
  const KwEntityType *entity;
  GtkWidget *header;

  if (before != NULL && g_strcmp0 (type, g_object_get_data (G_OBJECT (before), "kw-type")) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  entity = kw_registry_lookup (type);
  header = gtk_label_new (entity ? g_dgettext (GETTEXT_PACKAGE, entity->plural) : type);
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_top (header, 6);
  gtk_list_box_row_set_header (row, header);
}

static void
clear_results (KwSearchPopover *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results))) != NULL)
    gtk_list_box_remove (self->results, child);
}

static void
show_hint (KwSearchPopover *self,
           const char      *hint)
{
  gtk_label_set_label (self->hint_label, hint);
  gtk_stack_set_visible_child_name (self->stack, "hint");
}

/* One group per type, each of its best matches. */
static gboolean
add_results (KwSearchPopover  *self,
             const char       *text,
             GError          **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_autoptr(GPtrArray) types = ordered_types ();
  guint n = 0;

  for (guint t = 0; t < types->len; t++)
    {
      const KwEntityType *type = g_ptr_array_index (types, t);
      g_autoptr(GPtrArray) hits = NULL;
      g_autoptr(GArray) best = NULL;

      if (type == NULL)
        continue;
      if ((hits = kw_store_search (self->store, trimmed, type->name, CANDIDATES_PER_TYPE, error)) == NULL)
        return FALSE;
      best = rank_hits (hits, trimmed);
      for (guint i = 0; i < best->len; i++, n++)
        gtk_list_box_append (self->results, make_result_row (self->store, g_array_index (best, Ranked, i).hit, trimmed));
    }
  return n > 0 || (g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                                        _("Nothing found. Try part of a name or another spelling.")), FALSE);
}

static void
run_search (KwSearchPopover *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autoptr(GError) error = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  clear_results (self);
  if (self->store == NULL || g_utf8_strlen (trimmed, -1) < 2)
    {
      show_hint (self, _("Type two letters or more of a name, e-mail, topic or minutes."));
      return;
    }
  if (!add_results (self, text, &error))
    {
      show_hint (self, error->message);
      return;
    }
  gtk_list_box_select_row (self->results, gtk_list_box_get_row_at_index (self->results, 0));
  gtk_stack_set_visible_child_name (self->stack, "results");
}

static void
activate_row (KwSearchPopover *self,
              GtkListBoxRow   *row)
{
  g_autofree char *type = g_strdup (g_object_get_data (G_OBJECT (row), "kw-type"));
  g_autofree char *id = g_strdup (g_object_get_data (G_OBJECT (row), "kw-id"));

  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[RECORD_ACTIVATED], 0, type, id);
}

/* Callbacks */

static void
on_entry_search_changed_cb (KwSearchPopover *self)
{
  run_search (self);
}

static void
on_entry_activate_cb (KwSearchPopover *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->results);

  if (row == NULL)
    row = gtk_list_box_get_row_at_index (self->results, 0);
  if (row != NULL)
    activate_row (self, row);
}

/* Down from the entry: the first result (the headers are not rows). */
static gboolean
on_entry_key_pressed_cb (GtkEventControllerKey *controller,
                         guint                  keyval,
                         guint                  keycode,
                         GdkModifierType        state,
                         KwSearchPopover       *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->results, 0);

  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) || first == NULL
      || !g_str_equal (gtk_stack_get_visible_child_name (self->stack), "results"))
    return FALSE;
  gtk_list_box_select_row (self->results, first);
  gtk_widget_grab_focus (GTK_WIDGET (first));
  return TRUE;
}

/* Up from the first result: back to the entry. */
static gboolean
on_results_key_pressed_cb (GtkEventControllerKey *controller,
                           guint                  keyval,
                           guint                  keycode,
                           GdkModifierType        state,
                           KwSearchPopover       *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->results, 0);

  if ((keyval != GDK_KEY_Up && keyval != GDK_KEY_KP_Up) || first == NULL || focus != GTK_WIDGET (first))
    return FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  return TRUE;
}

static void
on_results_row_activated_cb (KwSearchPopover *self,
                             GtkListBoxRow   *row)
{
  activate_row (self, row);
}

static void
on_show_cb (KwSearchPopover *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
}

/* GObject */

static void
kw_search_popover_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KW_TYPE_SEARCH_POPOVER);
  G_OBJECT_CLASS (kw_search_popover_parent_class)->dispose (object);
}

static void
kw_search_popover_finalize (GObject *object)
{
  g_clear_object (&KW_SEARCH_POPOVER (object)->store);
  G_OBJECT_CLASS (kw_search_popover_parent_class)->finalize (object);
}

static void
kw_search_popover_class_init (KwSearchPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kw_search_popover_dispose;
  object_class->finalize = kw_search_popover_finalize;

  signals[RECORD_ACTIVATED] =
    g_signal_new ("record-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/kwartier/Kwartier/kw-search-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, KwSearchPopover, entry);
  gtk_widget_class_bind_template_child (widget_class, KwSearchPopover, hint_label);
  gtk_widget_class_bind_template_child (widget_class, KwSearchPopover, results);
  gtk_widget_class_bind_template_child (widget_class, KwSearchPopover, stack);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_results_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_show_cb);
}

static void
kw_search_popover_init (KwSearchPopover *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *result_keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_entry_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), keys);
  gtk_event_controller_set_propagation_phase (result_keys, GTK_PHASE_CAPTURE);
  g_signal_connect (result_keys, "key-pressed", G_CALLBACK (on_results_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->results), result_keys);
  gtk_list_box_set_header_func (self->results, update_header, NULL, NULL);
}

/* Public API */

void
kw_search_popover_set_store (KwSearchPopover *self,
                             KwStore         *store)
{
  g_return_if_fail (KW_IS_SEARCH_POPOVER (self));

  if (g_set_object (&self->store, store))
    run_search (self);
}

void
kw_search_popover_set_text (KwSearchPopover *self,
                            const char      *text)
{
  g_return_if_fail (KW_IS_SEARCH_POPOVER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  run_search (self);
}

GtkListBox *
kw_search_popover_get_results (KwSearchPopover *self)
{
  g_return_val_if_fail (KW_IS_SEARCH_POPOVER (self), NULL);
  return self->results;
}
