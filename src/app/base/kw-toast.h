/* kw-toast.h: undo toasts that may go before they have come in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void kw_toast_add     (AdwToastOverlay *overlay,
                       AdwToast        *toast);
void kw_toast_dismiss (AdwToast        *toast);

G_END_DECLS
