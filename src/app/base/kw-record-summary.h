/* kw-record-summary.h: a read-only summary of a record whose view is not there yet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-store.h"

G_BEGIN_DECLS

#define KW_TYPE_RECORD_SUMMARY (kw_record_summary_get_type ())
G_DECLARE_FINAL_TYPE (KwRecordSummary, kw_record_summary, KW, RECORD_SUMMARY, AdwWindow)

/* The fields of a live record, formatted, and what belongs to it; NULL
 * with an error when there is no such record. Not yet shown. */
KwRecordSummary *kw_record_summary_new (GtkWindow   *parent,
                                        KwStore     *store,
                                        const char  *type_name,
                                        const char  *id,
                                        GError     **error);

G_END_DECLS
