/* kw-import-words.h: what the import window says, in plain words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-import.h"

G_BEGIN_DECLS

/* A refusal's title and what to do about it, translated. */
void   _kw_import_describe_refusal (KwImportRefusal         refusal,
                                    char                  **title,
                                    char                  **what_to_do);
/* "From Samira, exported 28 November, 14:02". */
char  *_kw_import_describe_origin  (const KwImportSummary  *summary);
/* What the import changed, and the backup it made (@backup_path may be NULL). */
char  *_kw_import_describe_result  (const KwImportSummary  *summary,
                                    const char             *backup_path);

G_END_DECLS
