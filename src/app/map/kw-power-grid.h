/* kw-power-grid.h: the power/interest grid of one stakeholder map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* One party on the grid (a map_position record). */
typedef struct {
  char *id;         /* the map_position's */
  char *party_id;
  char *name;       /* NULL: a person without public or shared consent (unnamed) */
  int   influence;  /* 1 … 5 */
  int   interest;   /* 1 … 5 */
  int   stance;     /* -2 … 2 */
} KwGridParty;

KwGridParty *kw_grid_party_new  (const char *id,
                                 const char *party_id,
                                 const char *name,
                                 int         influence,
                                 int         interest,
                                 int         stance);
void         kw_grid_party_free (KwGridParty *party);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwGridParty, kw_grid_party_free)
/* The name to show: the party's, or "Unnamed person". */
const char  *kw_grid_party_get_label (const KwGridParty *party);

/* High is 4 or 5, low 1 to 3. */
typedef enum {
  KW_GRID_CLOSELY_INVOLVE,  /* high influence, high interest */
  KW_GRID_KEEP_SATISFIED,   /* high influence, low interest */
  KW_GRID_KEEP_INFORMED,    /* low influence, high interest */
  KW_GRID_MONITOR,          /* low influence, low interest */
} KwGridQuadrant;

KwGridQuadrant kw_grid_quadrant       (int influence,
                                       int interest);
/* "Closely involve", … (translated). */
const char    *kw_grid_quadrant_label (KwGridQuadrant quadrant);
/* "+2 strongly for", "−1 against", … (translated). */
const char    *kw_grid_stance_label   (int stance);
/* "Keep informed · influence 2, interest 5 · stance +2 strongly for" */
char          *kw_grid_party_dup_summary (const KwGridParty *party);

#define KW_TYPE_POWER_GRID (kw_power_grid_get_type ())
G_DECLARE_FINAL_TYPE (KwPowerGrid, kw_power_grid, KW, POWER_GRID, GtkWidget)

/* ::moved (id, influence, interest) when a party is dropped on another
 * cell, or moved with the arrow keys: once per drop. The grid shows it
 * there until the parties are set again. */
GtkWidget         *kw_power_grid_new          (void);
/* Takes @parties (KwGridParty); keeps the selection when its id is there. */
void               kw_power_grid_set_parties  (KwPowerGrid *self,
                                               GPtrArray   *parties);
guint              kw_power_grid_get_n_parties (KwPowerGrid *self);
const KwGridParty *kw_power_grid_get_party    (KwPowerGrid *self,
                                               guint        index);
/* The party of a map_position id, or NULL. */
const KwGridParty *kw_power_grid_lookup       (KwPowerGrid *self,
                                               const char  *id);
/* The selected party's id (property "selected"), or NULL. */
const char        *kw_power_grid_get_selected (KwPowerGrid *self);
void               kw_power_grid_set_selected (KwPowerGrid *self,
                                               const char  *id);
/* What a screen reader is told about the grid (its accessible
 * description): each quadrant with its parties, in words. */
const char        *kw_power_grid_get_description (KwPowerGrid *self);

G_END_DECLS
