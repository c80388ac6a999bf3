/* kw-alliance-gaps.c: who is missing at an alliance's table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Wie missen we nog aan tafel?": the organisation kinds, communities
 * and languages known in the alliance's area but not at its table, and
 * the key figures not involved (kw_analysis_missing, the same answer as
 * `kwartier-cli report missing`). Each gap is an expander row with its
 * candidates by name; a candidate who is no partner yet has an "Add as
 * Partner" button (alliance.add-prospect on the page: a prospective
 * partner), one who is a prospective or former partner says so, as they
 * do not count at the table. Rows are made again when the store
 * changes; the gaps that were open stay open.
 */
#define G_LOG_DOMAIN "kw-alliance-gaps"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-alliance-gaps.h"
#include "kw-analysis.h"
#include "kw-enum-labels.h"

struct _KwAllianceGaps
{
  AdwPreferencesGroup  parent_instance;

  KwStore             *store;
  char                *alliance_id;
  GPtrArray           *rows;      /* the rows added to the group */
  GHashTable          *expanded;  /* keys of the gaps shown open */
  GtkWidget           *none_row;
  guint                refresh_id;
  guint                n_gaps;
};

G_DEFINE_FINAL_TYPE (KwAllianceGaps, kw_alliance_gaps, ADW_TYPE_PREFERENCES_GROUP)

typedef struct {
  char *title;
  char *id;
} Candidate;

/* Helpers */

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = *(Candidate * const *) a, *y = *(Candidate * const *) b;

  return g_utf8_collate (x->title, y->title);
}

static void
candidate_free (Candidate *candidate)
{
  g_free (candidate->title);
  g_free (candidate->id);
  g_free (candidate);
}

/* The alliance's partner records by party id: their status. */
static GHashTable *
dup_partner_status (KwAllianceGaps *self)
{
  GHashTable *status = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) partners = kw_store_list_by_ref (self->store, "alliance_partner", "alliance",
                                                        self->alliance_id, NULL);

  for (guint i = 0; partners != NULL && i < partners->len; i++)
    {
      KwRecord *partner = g_ptr_array_index (partners, i);
      const char *party = kw_record_get_string (partner, "party");
      const char *value = kw_record_get_string (partner, "status");

      if (party != NULL)
        g_hash_table_replace (status, g_strdup (party), g_strdup (value ? value : "active"));
    }
  return status;
}

static GtkWidget *
make_candidate_row (KwAllianceGaps *self,
                    const char     *type_name,
                    Candidate      *candidate,
                    GHashTable     *partner_status)
{
  const KwField *status_field = kw_entity_type_field (kw_registry_lookup ("alliance_partner"), "status");
  const char *status = g_hash_table_lookup (partner_status, candidate->id);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *suffix;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), candidate->title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-record");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(ss)", type_name, candidate->id);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  if (status != NULL)
    {
      suffix = gtk_label_new (kw_enum_label (status_field, status));
      gtk_widget_add_css_class (suffix, "dim-label");
      gtk_widget_add_css_class (suffix, "prospect-label");
    }
  else
    {
      g_autofree char *tooltip = g_strdup_printf (_("Add %s to the alliance as a prospective partner"), candidate->title);

      suffix = gtk_button_new_with_mnemonic (_("_Add as Partner"));
      gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (suffix, tooltip);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (suffix), "alliance.add-prospect");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (suffix), "s", candidate->id);
    }
  g_object_set_data_full (G_OBJECT (row), "kw-id", g_strdup (candidate->id), g_free);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
  return row;
}

static void
on_gap_expanded_cb (KwAllianceGaps *self,
                    GParamSpec     *pspec,
                    AdwExpanderRow *row)
{
  GPtrArray *candidates = g_object_get_data (G_OBJECT (row), "kw-candidates");
  const char *type_name = g_object_get_data (G_OBJECT (row), "kw-type");
  GHashTable *partner_status = g_object_get_data (G_OBJECT (row), "kw-partners");

  if (!adw_expander_row_get_expanded (row) || candidates == NULL)
    return;
  for (guint i = 0; i < candidates->len; i++)
    adw_expander_row_add_row (row, make_candidate_row (self, type_name, candidates->pdata[i], partner_status));
  g_object_set_data (G_OBJECT (row), "kw-candidates", NULL);
}

static void
add_gap_row (KwAllianceGaps *self,
             const char     *key,
             const char     *title,
             const char     *what,
             const char     *type_name,
             GPtrArray      *ids,
             GHashTable     *partner_status)
{
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) candidate_free);
  const char * const types[] = { type_name, NULL };
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      Candidate *candidate = g_new0 (Candidate, 1);

      candidate->id = g_strdup (g_ptr_array_index (ids, i));
      candidate->title = kw_store_dup_reference_title (self->store, types, candidate->id);
      if (candidate->title == NULL)
        candidate->title = g_strdup (_("Unknown or deleted"));
      g_ptr_array_add (candidates, candidate);
    }
  g_ptr_array_sort (candidates, compare_candidates);
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u candidate", "%s · %u candidates", ids->len),
                              what, ids->len);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  g_object_set_data_full (G_OBJECT (row), "kw-key", g_strdup (key), g_free);
  /* the candidates' rows are made when the gap is first opened */
  g_object_set_data_full (G_OBJECT (row), "kw-candidates", g_steal_pointer (&candidates), (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data_full (G_OBJECT (row), "kw-type", g_strdup (type_name), g_free);
  g_object_set_data_full (G_OBJECT (row), "kw-partners", g_hash_table_ref (partner_status), (GDestroyNotify) g_hash_table_unref);
  g_signal_connect_object (row, "notify::expanded", G_CALLBACK (on_gap_expanded_cb), self, G_CONNECT_SWAPPED);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), g_hash_table_contains (self->expanded, key));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->rows, row);
  self->n_gaps++;
}

static void
add_gaps (KwAllianceGaps *self,
          GPtrArray      *gaps,
          const char     *category,
          const char     *what,
          GHashTable     *partner_status)
{
  const KwField *kind = kw_entity_type_field (kw_registry_lookup ("organisation"), "kind");
  gboolean kinds = g_str_equal (category, "kind");

  for (guint i = 0; i < gaps->len; i++)
    {
      KwAnalysisGap *gap = g_ptr_array_index (gaps, i);
      g_autofree char *key = g_strconcat (category, ":", gap->value, NULL);

      add_gap_row (self, key, kinds ? kw_enum_label (kind, gap->value) : gap->value, what,
                   kinds ? "organisation" : "person", gap->candidates, partner_status);
    }
}

/* The gaps shown open, to open them again after a refresh. */
static void
remember_expanded (KwAllianceGaps *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GObject *row = g_ptr_array_index (self->rows, i);
      const char *key = g_object_get_data (row, "kw-key");

      if (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)))
        g_hash_table_add (self->expanded, g_strdup (key));
      else
        g_hash_table_remove (self->expanded, key);
      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (row));
    }
  g_ptr_array_set_size (self->rows, 0);
}

/* Callbacks */

static gboolean
on_refresh_idle_cb (gpointer data)
{
  KwAllianceGaps *self = data;

  self->refresh_id = 0;
  kw_alliance_gaps_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (KwAllianceGaps *self,
                     const char     *type_name)
{
  static const char * const types[] = { "affiliation", "alliance", "alliance_partner", "area",
                                        "organisation", "person", NULL };

  if (self->alliance_id != NULL && self->refresh_id == 0 && g_strv_contains (types, type_name))
    /* once for the types a transaction changed; before the next frame */
    self->refresh_id = g_idle_add_full (G_PRIORITY_DEFAULT, on_refresh_idle_cb, self, NULL);
}

/* GObject */

static void
kw_alliance_gaps_dispose (GObject *object)
{
  KwAllianceGaps *self = KW_ALLIANCE_GAPS (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kw_alliance_gaps_parent_class)->dispose (object);
}

static void
kw_alliance_gaps_finalize (GObject *object)
{
  KwAllianceGaps *self = KW_ALLIANCE_GAPS (object);

  g_free (self->alliance_id);
  g_ptr_array_unref (self->rows);
  g_hash_table_unref (self->expanded);
  g_clear_object (&self->none_row);

  G_OBJECT_CLASS (kw_alliance_gaps_parent_class)->finalize (object);
}

static void
kw_alliance_gaps_class_init (KwAllianceGapsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = kw_alliance_gaps_dispose;
  G_OBJECT_CLASS (klass)->finalize = kw_alliance_gaps_finalize;
}

static void
kw_alliance_gaps_init (KwAllianceGaps *self)
{
  self->rows = g_ptr_array_new ();
  self->expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Who Is Missing at the Table?"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
    _("Kinds of organisation, communities and languages known in the alliance’s area but not at its table, and the key figures not involved. Prospective partners do not count until they take part."));
  self->none_row = g_object_ref_sink (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->none_row), _("Nobody known in the area is missing"));
  gtk_widget_add_css_class (self->none_row, "dim-label");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->none_row);
}

/* Public API */

KwAllianceGaps *
kw_alliance_gaps_new (KwStore *store)
{
  KwAllianceGaps *self;

  g_return_val_if_fail (KW_IS_STORE (store), NULL);

  self = g_object_new (KW_TYPE_ALLIANCE_GAPS, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  return self;
}

void
kw_alliance_gaps_set_alliance (KwAllianceGaps *self,
                               const char     *alliance_id)
{
  g_return_if_fail (KW_IS_ALLIANCE_GAPS (self));

  if (g_strcmp0 (self->alliance_id, alliance_id) != 0)
    {
      g_free (self->alliance_id);
      self->alliance_id = g_strdup (alliance_id);
      g_hash_table_remove_all (self->expanded);
    }
  kw_alliance_gaps_refresh (self);
}

void
kw_alliance_gaps_refresh (KwAllianceGaps *self)
{
  g_autoptr(KwAnalysisMissing) missing = NULL;
  g_autoptr(GHashTable) partner_status = NULL;
  GDate today;

  g_return_if_fail (KW_IS_ALLIANCE_GAPS (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  remember_expanded (self);
  self->n_gaps = 0;
  kw_analysis_get_today (&today);
  if (self->alliance_id != NULL)
    missing = kw_analysis_missing (self->store, self->alliance_id, &today, NULL);
  if (missing != NULL)
    {
      partner_status = dup_partner_status (self);
      add_gaps (self, missing->kinds, "kind", _("Kind of organisation"), partner_status);
      add_gaps (self, missing->communities, "community", _("Community"), partner_status);
      add_gaps (self, missing->languages, "language", _("Language"), partner_status);
      if (missing->key_figures->len > 0)
        add_gap_row (self, "key-figures", _("Key figures not involved"), _("Key figures of the area"),
                     "person", missing->key_figures, partner_status);
    }
  /* shown after the gaps' rows (none when it shows) */
  if (gtk_widget_get_parent (self->none_row) != NULL)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), self->none_row);
  if (self->n_gaps == 0)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->none_row);
}

guint
kw_alliance_gaps_get_n_gaps (KwAllianceGaps *self)
{
  g_return_val_if_fail (KW_IS_ALLIANCE_GAPS (self), 0);
  return self->n_gaps;
}
