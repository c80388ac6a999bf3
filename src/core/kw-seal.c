/* kw-seal.c: sealed (encrypted) exports with a passphrase
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-seal"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#ifdef HAVE_SODIUM
#include <sodium.h>
#endif

#include "kw-error.h"
#include "kw-seal.h"

#define CHUNK (64 * 1024)
#define MAGIC_LEN (sizeof KW_SEAL_MAGIC - 1)

#ifdef HAVE_SODIUM
#define SALT_LEN crypto_pwhash_SALTBYTES
#define STREAM_HEADER_LEN crypto_secretstream_xchacha20poly1305_HEADERBYTES
#define ABYTES crypto_secretstream_xchacha20poly1305_ABYTES
#define KEY_LEN crypto_secretstream_xchacha20poly1305_KEYBYTES
/* magic, salt, opslimit (8), memlimit (8), alg (4), stream header */
#define PREAMBLE_LEN (MAGIC_LEN + SALT_LEN + 8 + 8 + 4 + STREAM_HEADER_LEN)
#define LIMIT (PREAMBLE_LEN + CHUNK + ABYTES)
#else
#define LIMIT CHUNK
#endif

struct _KwSeal
{
  GObject     parent_instance;

  gboolean    encrypt;
  gboolean    started;
  gboolean    finished;
  char       *passphrase;
  GByteArray *in;       /* input not yet turned into a chunk */
  GByteArray *out;      /* output not yet handed on */
#ifdef HAVE_SODIUM
  crypto_secretstream_xchacha20poly1305_state state;
#endif
};

static void kw_seal_converter_iface_init (GConverterIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KwSeal, kw_seal, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_CONVERTER, kw_seal_converter_iface_init))

/* Helpers */

static void
set_damaged (GError **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("the sealed file cannot be opened: wrong passphrase, or the file was changed"));
}

#ifdef HAVE_SODIUM
static void
put_le (guint8  *p,
        guint64  v,
        guint    n)
{
  for (guint i = 0; i < n; i++)
    p[i] = (guint8) (v >> (8 * i));
}

static guint64
get_le (const guint8 *p,
        guint         n)
{
  guint64 v = 0;

  for (guint i = 0; i < n; i++)
    v |= (guint64) p[i] << (8 * i);
  return v;
}

static gboolean
derive_key (const char   *passphrase,
            const guint8 *salt,
            guint64       ops,
            guint64       mem,
            int           alg,
            guint8        key[KEY_LEN])
{
  return crypto_pwhash (key, KEY_LEN, passphrase, strlen (passphrase), salt,
                        ops, (size_t) mem, alg) == 0;
}

static gboolean
start_encrypt (KwSeal  *self,
               GError **error)
{
  guint8 pre[PREAMBLE_LEN];
  guint8 key[KEY_LEN];
  guint8 *p = pre + MAGIC_LEN;
  guint64 ops = crypto_pwhash_OPSLIMIT_INTERACTIVE;
  guint64 mem = crypto_pwhash_MEMLIMIT_INTERACTIVE;

  memcpy (pre, KW_SEAL_MAGIC, MAGIC_LEN);
  randombytes_buf (p, SALT_LEN);
  put_le (p + SALT_LEN, ops, 8);
  put_le (p + SALT_LEN + 8, mem, 8);
  put_le (p + SALT_LEN + 16, crypto_pwhash_ALG_ARGON2ID13, 4);
  if (!derive_key (self->passphrase, p, ops, mem, crypto_pwhash_ALG_ARGON2ID13, key))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("not enough memory to seal the export"));
      return FALSE;
    }
  crypto_secretstream_xchacha20poly1305_init_push (&self->state, p + SALT_LEN + 20, key);
  sodium_memzero (key, sizeof key);
  g_byte_array_append (self->out, pre, sizeof pre);
  return TRUE;
}

static gboolean
start_decrypt (KwSeal  *self,
               GError **error)
{
  const guint8 *p = self->in->data + MAGIC_LEN;
  guint8 key[KEY_LEN];
  guint64 ops = get_le (p + SALT_LEN, 8);
  guint64 mem = get_le (p + SALT_LEN + 8, 8);
  int alg = (int) get_le (p + SALT_LEN + 16, 4);
  gboolean ok;

  if (memcmp (self->in->data, KW_SEAL_MAGIC, MAGIC_LEN) != 0
      || alg != crypto_pwhash_ALG_ARGON2ID13
      || ops < crypto_pwhash_OPSLIMIT_MIN || mem < crypto_pwhash_MEMLIMIT_MIN)
    {
      set_damaged (error);
      return FALSE;
    }
  /* refused before any hashing: forged limits would cost seconds and a
   * GiB of memory on every try (and on every sync pass) */
  if (ops > crypto_pwhash_OPSLIMIT_MODERATE || mem > crypto_pwhash_MEMLIMIT_MODERATE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("the sealed file asks for more key-derivation work than Kwartier allows; it was not made by Kwartier, or was changed"));
      return FALSE;
    }
  ok = derive_key (self->passphrase, p, ops, mem, alg, key)
       && crypto_secretstream_xchacha20poly1305_init_pull (&self->state, p + SALT_LEN + 20, key) == 0;
  sodium_memzero (key, sizeof key);
  if (!ok)
    set_damaged (error);
  g_byte_array_remove_range (self->in, 0, PREAMBLE_LEN);
  return ok;
}

static void
push_chunk (KwSeal   *self,
            gboolean  final)
{
  guint old = self->out->len;
  unsigned long long len = 0;

  g_byte_array_set_size (self->out, old + self->in->len + ABYTES);
  crypto_secretstream_xchacha20poly1305_push (&self->state, self->out->data + old, &len,
                                              self->in->data, self->in->len, NULL, 0,
                                              final ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0);
  g_byte_array_set_size (self->out, old + (guint) len);
  g_byte_array_set_size (self->in, 0);
  self->finished = final;
}

static gboolean
pull_chunk (KwSeal   *self,
            guint     len,
            gboolean  last,
            GError  **error)
{
  guint old = self->out->len;
  unsigned long long n = 0;
  unsigned char tag = 0;

  g_byte_array_set_size (self->out, old + len);
  if (len < ABYTES
      || crypto_secretstream_xchacha20poly1305_pull (&self->state, self->out->data + old, &n, &tag,
                                                     self->in->data, len, NULL, 0) != 0
      || (last && tag != crypto_secretstream_xchacha20poly1305_TAG_FINAL))
    {
      g_byte_array_set_size (self->out, old);
      set_damaged (error);
      return FALSE;
    }
  g_byte_array_set_size (self->out, old + (guint) n);
  g_byte_array_remove_range (self->in, 0, len);
  self->finished = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
  return TRUE;
}
#endif

/* Turns buffered input into output as far as it can. */
static gboolean
process (KwSeal   *self,
         gboolean  more_input,
         gboolean  at_end,
         GError  **error)
{
#ifdef HAVE_SODIUM
  gboolean last = at_end && !more_input;

  if (self->encrypt)
    {
      if (!self->started && !(self->started = start_encrypt (self, error)))
        return FALSE;
      if (self->in->len == CHUNK && more_input)
        push_chunk (self, FALSE);
      else if (last)
        push_chunk (self, TRUE);
      return TRUE;
    }
  if (!self->started && self->in->len >= PREAMBLE_LEN)
    {
      if (!start_decrypt (self, error))
        return FALSE;
      self->started = TRUE;
    }
  if (self->started && self->in->len >= CHUNK + ABYTES)
    return pull_chunk (self, CHUNK + ABYTES, FALSE, error);
  if (last)
    {
      if (!self->started)
        {
          set_damaged (error);
          return FALSE;
        }
      return pull_chunk (self, self->in->len, TRUE, error);
    }
  return TRUE;
#else
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               _("this Kwartier was built without support for sealed files"));
  return FALSE;
#endif
}

static gsize
take_output (KwSeal *self,
             guint8 *outbuf,
             gsize   size)
{
  gsize n = MIN (size, self->out->len);

  if (n == 0)
    return 0;  /* an empty GByteArray has no data pointer */
  memcpy (outbuf, self->out->data, n);
  g_byte_array_remove_range (self->out, 0, (guint) n);
  return n;
}

/* GConverter */

static GConverterResult
kw_seal_convert (GConverter      *converter,
                 const void      *inbuf,
                 gsize            inbuf_size,
                 void            *outbuf,
                 gsize            outbuf_size,
                 GConverterFlags  flags,
                 gsize           *bytes_read,
                 gsize           *bytes_written,
                 GError         **error)
{
  KwSeal *self = KW_SEAL (converter);
  gboolean at_end = (flags & G_CONVERTER_INPUT_AT_END) != 0;
  gsize read = 0, written = 0;
  guint limit = self->encrypt ? CHUNK : LIMIT;

  for (;;)
    {
      gsize room;

      written += take_output (self, (guint8 *) outbuf + written, outbuf_size - written);
      if (self->out->len > 0 || self->finished)
        break;
      room = self->in->len < limit ? limit - self->in->len : 0;
      room = MIN (room, inbuf_size - read);
      g_byte_array_append (self->in, (const guint8 *) inbuf + read, (guint) room);
      read += room;
      if (!process (self, read < inbuf_size, at_end, error))
        return G_CONVERTER_ERROR;
      if (self->out->len == 0 && read == inbuf_size && !at_end)
        break;
    }
  *bytes_read = read;
  *bytes_written = written;
  if (self->finished && self->out->len == 0)
    {
      if (!self->encrypt && (read < inbuf_size || self->in->len > 0))
        {
          set_damaged (error);
          return G_CONVERTER_ERROR;
        }
      return G_CONVERTER_FINISHED;
    }
  if (read == 0 && written == 0)
    {
      g_set_error_literal (error, G_IO_ERROR,
                           outbuf_size == 0 ? G_IO_ERROR_NO_SPACE : G_IO_ERROR_PARTIAL_INPUT,
                           "");
      return G_CONVERTER_ERROR;
    }
  return G_CONVERTER_CONVERTED;
}

static void
kw_seal_reset (GConverter *converter)
{
}

static void
kw_seal_converter_iface_init (GConverterIface *iface)
{
  iface->convert = kw_seal_convert;
  iface->reset = kw_seal_reset;
}

/* GObject */

static void
kw_seal_finalize (GObject *object)
{
  KwSeal *self = (KwSeal *) object;

  if (self->passphrase != NULL)
    {
      memset (self->passphrase, 0, strlen (self->passphrase));
      g_free (self->passphrase);
    }
  g_byte_array_unref (self->in);
  g_byte_array_unref (self->out);
#ifdef HAVE_SODIUM
  sodium_memzero (&self->state, sizeof self->state);
#endif
  G_OBJECT_CLASS (kw_seal_parent_class)->finalize (object);
}

static void
kw_seal_class_init (KwSealClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kw_seal_finalize;
}

static void
kw_seal_init (KwSeal *self)
{
  self->in = g_byte_array_new ();
  self->out = g_byte_array_new ();
}

/* Public API */

gboolean
kw_seal_is_available (void)
{
#ifdef HAVE_SODIUM
  return sodium_init () >= 0;
#else
  return FALSE;
#endif
}

static GConverter *
seal_new (const char  *passphrase,
          gboolean     encrypt,
          GError     **error)
{
  KwSeal *self;

  g_return_val_if_fail (passphrase != NULL, NULL);

  if (!kw_seal_is_available ())
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_IO,
                   _("this Kwartier was built without support for sealed files"));
      return NULL;
    }
  self = g_object_new (KW_TYPE_SEAL, NULL);
  self->encrypt = encrypt;
  self->passphrase = g_strdup (passphrase);
  return G_CONVERTER (self);
}

GConverter *
kw_seal_encrypter_new (const char  *passphrase,
                       GError     **error)
{
  return seal_new (passphrase, TRUE, error);
}

GConverter *
kw_seal_decrypter_new (const char  *passphrase,
                       GError     **error)
{
  return seal_new (passphrase, FALSE, error);
}
