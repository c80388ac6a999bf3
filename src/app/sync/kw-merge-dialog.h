/* kw-merge-dialog.h: a merged value typed for a conflict
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* An AdwMessageDialog, modal to @parent, that asks for the merged text of
 * a field (@long_text: several lines), prefilled with @current, with
 * @other shown for reference. Its responses are "cancel" and "save". */
AdwMessageDialog *kw_merge_dialog_new      (GtkWindow        *parent,
                                            const char       *field_label,
                                            gboolean          long_text,
                                            const char       *current,
                                            const char       *other);
/* The text typed, trimmed; NULL when it is empty (the field emptied). */
char             *kw_merge_dialog_dup_text (AdwMessageDialog *dialog);

G_END_DECLS
