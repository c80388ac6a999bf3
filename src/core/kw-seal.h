/* kw-seal.h: sealed (encrypted) exports with a passphrase
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "KWARTIER-SEALED 1\n", then the crypto_pwhash (Argon2id) salt and
 * limits, then a crypto_secretstream_xchacha20poly1305 stream of the
 * export in chunks of 64 KiB, the last one tagged final. Both ways are
 * GConverters, to be put in a GConverterOutputStream/InputStream.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define KW_SEAL_MAGIC "KWARTIER-SEALED 1\n"

#define KW_TYPE_SEAL (kw_seal_get_type ())
G_DECLARE_FINAL_TYPE (KwSeal, kw_seal, KW, SEAL, GObject)

gboolean    kw_seal_is_available  (void);
GConverter *kw_seal_encrypter_new (const char  *passphrase,
                                   GError     **error);
GConverter *kw_seal_decrypter_new (const char  *passphrase,
                                   GError     **error);

G_END_DECLS
