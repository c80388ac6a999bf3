/* kw-export-window-private.h: what the export window's two files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-export-window.h"

G_BEGIN_DECLS

struct _KwExportWindow
{
  AdwWindow         parent_instance;

  KwStore          *store;
  KwStore          *work_store;   /* the second connection counting and writing use */
  char             *suggested_name;
  KwExportScope     scope;
  char             *scope_id;     /* the chosen record, or NULL */
  KwExportPreview  *preview;      /* what the summary shows, or NULL while counting */
  gboolean          counting;
  gboolean          recount;      /* the scope changed while counting */
  gboolean          writing;
  gint              written;      /* record lines written, set by the writing thread */
  guint             progress_id;
  GCancellable     *cancellable;  /* cancelled when the window goes */
  GCancellable     *write_cancellable;  /* Cancel while writing */
  GPtrArray        *type_rows;    /* the rows in types_row */

  GtkButton        *cancel_button;
  GtkSpinner       *counting_spinner;
  GtkButton        *export_button;
  GtkSwitch        *gzip_switch;
  AdwActionRow     *local_row;
  AdwPasswordEntryRow *passphrase_row;
  AdwActionRow     *people_row;
  AdwActionRow     *private_row;
  GtkProgressBar   *progress_bar;
  GtkMenuButton    *record_button;
  AdwActionRow     *record_row;
  AdwPasswordEntryRow *repeat_row;
  AdwComboRow      *scope_row;
  GtkSwitch        *seal_switch;
  GtkStack         *stack;
  GtkLevelBar      *strength_bar;
  GtkLabel         *strength_label;
  AdwActionRow     *strength_row;
  AdwToastOverlay  *toast_overlay;
  AdwExpanderRow   *types_row;
};

/* What a thread needs, copied: it never looks at the window. */
typedef struct {
  KwExportOptions  options;
  char            *scope_id;
  char            *passphrase;
  char            *path;
  gint            *written;
} KwExportJob;

KwExportJob *_kw_export_job_new                 (KwExportWindow *self);
void         _kw_export_job_free                (KwExportJob    *job);
/* The Export… button's action on or off, from the window's state. */
void         _kw_export_window_update_actions   (KwExportWindow *self);
/* kw-export-window-write.c: export.choose-file and export.cancel. */
void         _kw_export_window_class_add_write_actions (GtkWidgetClass *widget_class);
void         _kw_export_window_emit_exported    (KwExportWindow *self,
                                                 const char     *path,
                                                 gboolean        sealed);

G_END_DECLS
