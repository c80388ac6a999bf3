/* kw-contact-row.c: a person or organisation in the contacts list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Name, a key-figure badge, area and organisation, and the last contact.
 *
 * The name, the badge and the avatar (initials on a colour derived from
 * the name, so that a row never changes colour) are set when the row is
 * bound; the subtitle and the last contact (two small queries) in an
 * idle after the frame. GTK 4.8's list view binds some 200 rows at once
 * when the list jumps (the scroll bar dragged, the list shown for the
 * first time), and makes them anew for every search, most of them off
 * screen: the row is kept small (a label for the avatar: an AdwAvatar
 * cost about 0.6 ms a row to make and fill), and rows rebound before
 * their idle ran are filled once (bench/contacts).
 */
#define G_LOG_DOMAIN "kw-contact-row"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "kw-collate.h"
#include "kw-contact-row.h"
#include "kw-enum-labels.h"
#include "kw-store-query.h"

struct _KwContactRow
{
  GtkBox     parent_instance;

  KwStore   *store;
  KwRecord  *record;
  char      *search;
  guint      fill_id;

  GtkLabel  *avatar;
  GtkWidget *badge;
  GtkLabel  *last_contact_label;
  GtkLabel  *name_label;
  GtkLabel  *subtitle_label;
};

G_DEFINE_FINAL_TYPE (KwContactRow, kw_contact_row, GTK_TYPE_BOX)

/* Helpers */

static char *
dup_subtitle (KwStore  *store,
              KwRecord *record)
{
  g_autofree char *area = NULL;
  g_autofree char *organisation = NULL;
  const KwField *kind;

  kw_store_query_summary (store, kw_record_get_type_name (record), kw_record_get_id (record),
                          &area, &organisation);
  if (g_str_equal (kw_record_get_type_name (record), "organisation"))
    {
      kind = kw_entity_type_field (kw_record_get_entity_type (record), "kind");
      g_free (organisation);
      organisation = kw_format_value (store, kind, kw_record_get_value (record, "kind"));
    }
  if (area && organisation)
    return g_strdup_printf ("%s · %s", organisation, area);
  return g_strdup (area ? area : organisation ? organisation : "");
}

static char *
dup_last_contact (KwStore  *store,
                  KwRecord *record)
{
  g_autofree char *date = NULL;

  if (!g_str_equal (kw_record_get_type_name (record), "person"))
    return NULL;
  date = kw_store_dup_last_contact (store, kw_record_get_id (record));
  /* Translators: the last contact with someone never contacted */
  return date ? kw_format_day (date) : g_strdup (C_("last contact", "Never"));
}

/* "Zeynep Şahin" → "ZŞ": the first letters of the first and last word */
static char *
dup_initials (const char *name)
{
  g_auto(GStrv) words = g_strsplit_set (name ? name : "", " \t", -1);
  GString *initials = g_string_new (NULL);
  const char *first = NULL, *last = NULL;

  for (guint i = 0; words[i]; i++)
    if (*words[i] != '\0' && g_unichar_isalnum (g_utf8_get_char (words[i])))
      {
        first = first ? first : words[i];
        last = words[i];
      }
  if (first != NULL)
    g_string_append_unichar (initials, g_unichar_toupper (g_utf8_get_char (first)));
  if (last != NULL && last != first)
    g_string_append_unichar (initials, g_unichar_toupper (g_utf8_get_char (last)));
  return g_string_free (initials, FALSE);
}

static void
set_avatar (KwContactRow *self,
            const char   *name)
{
  static const char * const colours[] = {
    "color1", "color2", "color3", "color4", "color5",
    "color6", "color7", "color8", "color9", "color10", NULL,
  };
  g_autofree char *initials = dup_initials (name);
  const char *classes[] = { "contact-avatar", colours[g_str_hash (name ? name : "") % 10], NULL };

  gtk_label_set_label (self->avatar, initials);
  gtk_widget_set_css_classes (GTK_WIDGET (self->avatar), classes);
}

/* The subtitle and last contact of the rows filled lately, by record
 * id, one table per store, emptied when the store changes: a row bound
 * again (the search cleared, the list scrolled back) is complete at
 * once, without its two queries. */
#define MAX_CACHED 4096

typedef struct {
  char *subtitle;
  char *last;
} Filled;

static void
filled_free (gpointer data)
{
  Filled *filled = data;

  g_free (filled->subtitle);
  g_free (filled->last);
  g_free (filled);
}

static void
on_store_changed_cb (KwStore    *store,
                     const char *type_name,
                     GHashTable *cache)
{
  g_hash_table_remove_all (cache);
}

static GHashTable *
get_cache (KwStore *store)
{
  GHashTable *cache = g_object_get_data (G_OBJECT (store), "kw-contact-row-cache");

  if (cache != NULL)
    return cache;
  cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, filled_free);
  g_object_set_data_full (G_OBJECT (store), "kw-contact-row-cache", cache, (GDestroyNotify) g_hash_table_unref);
  g_signal_connect (store, "changed", G_CALLBACK (on_store_changed_cb), cache);
  return cache;
}

static void
show_filled (KwContactRow *self,
             const char   *subtitle,
             const char   *last)
{
  g_autofree char *title = kw_record_dup_title (self->record);
  g_autofree char *markup = NULL;

  /* the search matched a field the row does not show: say which */
  if (self->search != NULL && !kw_contact_markup_matches (title, self->search)
      && !kw_contact_markup_matches (subtitle, self->search))
    markup = kw_contact_dup_match_note (self->record, self->search);
  if (markup == NULL)
    markup = kw_contact_markup_highlight (subtitle, self->search);
  gtk_label_set_markup (self->subtitle_label, markup);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), *markup != '\0');
  gtk_label_set_label (self->last_contact_label, last ? last : "");
}

static gboolean fill_cb (gpointer data);

static void
on_store_busy_cb (KwContactRow *self,
                  GParamSpec   *pspec,
                  KwStore      *store)
{
  if (kw_store_get_busy (store))
    return;
  g_signal_handlers_disconnect_by_func (store, on_store_busy_cb, self);
  if (self->fill_id == 0 && self->record != NULL)
    self->fill_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, fill_cb, self, NULL);
}

static gboolean
fill_cb (gpointer data)
{
  KwContactRow *self = data;
  GHashTable *cache;
  Filled *filled;

  self->fill_id = 0;
  if (kw_store_get_busy (self->store))
    {
      /* the store is busy in a thread: once it is free again */
      g_signal_handlers_disconnect_by_func (self->store, on_store_busy_cb, self);
      g_signal_connect_object (self->store, "notify::busy", G_CALLBACK (on_store_busy_cb), self, G_CONNECT_SWAPPED);
      return G_SOURCE_REMOVE;
    }
  cache = get_cache (self->store);
  if (g_hash_table_size (cache) >= MAX_CACHED)
    g_hash_table_remove_all (cache);
  filled = g_new0 (Filled, 1);
  filled->subtitle = dup_subtitle (self->store, self->record);
  filled->last = dup_last_contact (self->store, self->record);
  g_hash_table_replace (cache, g_strdup (kw_record_get_id (self->record)), filled);
  show_filled (self, filled->subtitle, filled->last);
  return G_SOURCE_REMOVE;
}

/* Callbacks */

/* Tooltips through query-tooltip: gtk_widget_set_tooltip_text () asks
 * the X server where the pointer is, a round trip for each of the 200
 * rows a search makes (GTK 4.8). */
static gboolean
on_badge_query_tooltip_cb (GtkWidget  *widget,
                           int         x,
                           int         y,
                           gboolean    keyboard,
                           GtkTooltip *tooltip)
{
  gtk_tooltip_set_text (tooltip, _("Key figure"));
  return TRUE;
}

static gboolean
on_last_contact_query_tooltip_cb (GtkWidget  *widget,
                                  int         x,
                                  int         y,
                                  gboolean    keyboard,
                                  GtkTooltip *tooltip)
{
  if (*gtk_label_get_label (GTK_LABEL (widget)) == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, _("Last contact"));
  return TRUE;
}

/* GObject */

static void
kw_contact_row_dispose (GObject *object)
{
  KwContactRow *self = KW_CONTACT_ROW (object);

  g_clear_handle_id (&self->fill_id, g_source_remove);
  g_clear_object (&self->record);
  g_clear_object (&self->store);
  g_clear_pointer (&self->search, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), KW_TYPE_CONTACT_ROW);
  G_OBJECT_CLASS (kw_contact_row_parent_class)->dispose (object);
}

static void
kw_contact_row_class_init (KwContactRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = kw_contact_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/kwartier/Kwartier/contacts/kw-contact-row.ui");
  gtk_widget_class_bind_template_child (widget_class, KwContactRow, avatar);
  gtk_widget_class_bind_template_child (widget_class, KwContactRow, badge);
  gtk_widget_class_bind_template_child (widget_class, KwContactRow, last_contact_label);
  gtk_widget_class_bind_template_child (widget_class, KwContactRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, KwContactRow, subtitle_label);
  gtk_widget_class_bind_template_callback (widget_class, on_badge_query_tooltip_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_last_contact_query_tooltip_cb);
}

static void
kw_contact_row_init (KwContactRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Search matches */

/* A mask of the bytes of text that some word of the search matches
 * (any case); NULL when none does. */
static guint8 *
match_mask (const char *text,
            const char *search)
{
  g_auto(GStrv) words = g_strsplit_set (search ? search : "", " \t", -1);
  gsize len = strlen (text);
  g_autofree guint8 *mask = g_new0 (guint8, len + 1);
  gboolean any = FALSE;

  for (guint w = 0; words[w]; w++)
    {
      gsize bytes = strlen (words[w]);
      glong n = g_utf8_strlen (words[w], -1);
      g_autofree char *needle = NULL;

      if (bytes > 0 && !kw_collate_needs_fold (words[w]))
        {
          /* ASCII, the usual case: without a case-folded copy per position */
          for (gsize p = 0; p + bytes <= len; p++)
            if (g_ascii_strncasecmp (text + p, words[w], bytes) == 0)
              {
                memset (mask + p, 1, bytes);
                any = TRUE;
              }
          continue;
        }
      needle = g_utf8_casefold (words[w], -1);
      for (const char *p = text; n > 0 && *p; p = g_utf8_next_char (p))
        {
          const char *end = p;
          g_autofree char *folded = NULL;
          glong i;

          for (i = 0; i < n && *end; i++)
            end = g_utf8_next_char (end);
          if (i < n)
            break;
          folded = g_utf8_casefold (p, end - p);
          if (g_str_equal (folded, needle))
            {
              memset (mask + (p - text), 1, end - p);
              any = TRUE;
            }
        }
    }
  return any ? g_steal_pointer (&mask) : NULL;
}

gboolean
kw_contact_markup_matches (const char *text,
                           const char *search)
{
  g_autofree guint8 *mask = text ? match_mask (text, search) : NULL;

  return mask != NULL;
}

char *
kw_contact_markup_highlight (const char *text,
                             const char *search)
{
  g_autofree guint8 *mask = NULL;
  GString *markup = g_string_new (NULL);
  gboolean bold = FALSE;

  if (text == NULL)
    return g_string_free (markup, FALSE);
  if ((mask = match_mask (text, search)) == NULL)
    {
      g_string_free (markup, TRUE);
      return g_markup_escape_text (text, -1);
    }
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      g_autofree char *escaped = g_markup_escape_text (p, g_utf8_next_char (p) - p);
      gboolean on = mask != NULL && mask[p - text];

      if (on != bold)
        g_string_append (markup, (bold = on) ? "<b>" : "</b>");
      g_string_append (markup, escaped);
    }
  if (bold)
    g_string_append (markup, "</b>");
  return g_string_free (markup, FALSE);
}

/* The words around the first match of a long text, on one line. */
static char *
dup_excerpt (const char *value,
             const char *search)
{
  g_autofree char *line = g_strdup (value);
  const char *start = line;

  g_strdelimit (line, "\n\t\r", ' ');
  if (g_utf8_strlen (line, -1) > 60)
    {
      g_autofree guint8 *mask = match_mask (line, search);
      gsize first = 0;

      while (mask != NULL && line[first] && !mask[first])
        first++;
      /* some 20 characters before the match, from the start of a word */
      for (glong back = 0; first > 0 && back < 20; back++)
        first = g_utf8_prev_char (line + first) - line;
      while (first > 0 && line[first - 1] != ' ')
        first--;
      start = line + first;
    }
  return g_strconcat (start == line ? "" : "…", start, NULL);
}

char *
kw_contact_dup_match_note (KwRecord   *record,
                           const char *search)
{
  const KwEntityType *type;

  g_return_val_if_fail (KW_IS_RECORD (record), NULL);

  type = kw_record_get_entity_type (record);
  if (search == NULL || *search == '\0')
    return NULL;
  for (guint i = 0; i < type->n_fields; i++)
    {
      const KwField *field = &type->fields[i];
      const char *value;
      g_autofree char *excerpt = NULL;
      g_autofree char *markup = NULL;

      if (!(field->flags & KW_FIELD_FLAG_SEARCH) || (field->flags & KW_FIELD_FLAG_LOCAL)
          || g_strcmp0 (field->name, type->title_field) == 0 || field->kind == KW_FIELD_REF
          || (value = kw_record_get_string (record, field->name)) == NULL
          || !kw_contact_markup_matches (value, search))
        continue;
      excerpt = dup_excerpt (value, search);
      markup = kw_contact_markup_highlight (excerpt, search);
      /* Translators: where a search matched, "Communities: Ghanese vrouwen" */
      return g_strdup_printf (_("%s: %s"), g_dgettext (GETTEXT_PACKAGE, field->label), markup);
    }
  return NULL;
}

/* Public API */

GtkWidget *
kw_contact_row_new (void)
{
  return g_object_new (KW_TYPE_CONTACT_ROW, NULL);
}

void
kw_contact_row_bind (KwContactRow *self,
                     KwStore      *store,
                     KwRecord     *record,
                     const char   *search)
{
  g_autofree char *title = NULL;
  Filled *filled;

  g_return_if_fail (KW_IS_CONTACT_ROW (self));
  g_return_if_fail (KW_IS_RECORD (record));

  title = kw_record_dup_title (record);
  gtk_label_set_label (self->name_label, title);
  gtk_widget_set_visible (self->badge, kw_record_get_bool (record, "key_figure"));
  /* nothing of the record bound before it until the idle (the subtitle
   * keeps its place, so that the row keeps its height) */
  gtk_label_set_label (self->subtitle_label, "");
  gtk_label_set_label (self->last_contact_label, "");
  set_avatar (self, title);
  g_set_object (&self->store, store);
  g_set_object (&self->record, record);
  g_free (self->search);
  self->search = search != NULL && *search != '\0' ? g_strstrip (g_strdup (search)) : NULL;
  filled = g_hash_table_lookup (get_cache (store), kw_record_get_id (record));
  if (filled != NULL)
    {
      /* filled before: at once */
      g_clear_handle_id (&self->fill_id, g_source_remove);
      show_filled (self, filled->subtitle, filled->last);
      return;
    }
  if (self->fill_id == 0)
    self->fill_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, fill_cb, self, NULL);
}
