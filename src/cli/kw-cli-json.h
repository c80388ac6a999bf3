/* kw-cli-json.h: what the JSON-printing commands share (report, map, actions)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The core's refusal as one line on stderr; the exit status (busy or refused). */
int       kw_cli_refuse            (const GError *error);
/* "YYYY-MM-DD", a date that exists, years 1 to 9999 (--today). */
gboolean  kw_cli_parse_date        (const char   *text,
                                    GDate        *date);
/* A member whose value is a string, or null when @value is NULL. */
void      kw_cli_add_member_string (JsonBuilder  *b,
                                    const char   *name,
                                    const char   *value);
/* The document on stdout: UTF-8, on one line. */
int       kw_cli_print_json        (JsonBuilder  *b);

/* The command line of COMMAND is not one: the message, the synopsis and
 * where to read more on stderr; always FALSE. */
gboolean  kw_cli_usage_error       (const char   *command,
                                    const char   *synopsis,
                                    const char   *format,
                                    ...) G_GNUC_PRINTF (3, 4);
/* argv's options (those not in @flags take the next argument) into
 * @options, the rest into @args. */
void      kw_cli_split_argv        (int           argc,
                                    char        **argv,
                                    const char * const *flags,
                                    GHashTable   *options,
                                    GPtrArray    *args);
/* @given in lower case (NULL for NULL); NULL with KW_CORE_ERROR_NOT_FOUND
 * when it is not UTF-8. */
char     *kw_cli_dup_id            (const char   *given,
                                    GError      **error);

G_END_DECLS
