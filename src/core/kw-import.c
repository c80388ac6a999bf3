/* kw-import.c: reading an export and merging it (spec/export-format.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One pass, one line at a time, inside one transaction: each line is
 * checked (UTF-8, length, depth and duplicate keys before json-glib sees
 * it), parsed, validated against the registry and merged at once; the
 * digest and the count of the trailer are checked at the end. Any
 * refusal rolls the whole transaction back, so the database is as it
 * was. Memory holds one line, never the file.
 */
#define G_LOG_DOMAIN "kw-import"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixinputstream.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef KW_HAVE_NETTLE
#include <nettle/sha2.h>
#endif

#include "kw-error.h"
#include "kw-export.h"
#include "kw-import.h"
#include "kw-seal.h"
#include "kw-sync-private.h"

#define MAX_LINE (1024 * 1024)
#define MAX_DEPTH 8
#define READ_SIZE (64 * 1024)
#define FORMAT_VERSION 1
#define MAX_FILE (G_GUINT64_CONSTANT (4) << 30)
#define RAW_SIZE (2 * READ_SIZE)

typedef struct {
  GInputStream *in;
  guint8       *buf;
  gsize         cap;
  gsize         start;
  gsize         end;
  gboolean      eof;
  guint64       total;      /* bytes read (after gunzip) */
  GConverter   *gunzip;     /* NULL: the stream is plain */
  guint8       *raw;        /* gunzip: bytes not yet converted */
  gsize         raw_start;
  gsize         raw_end;
  gboolean      raw_eof;
  gboolean      finished;   /* gunzip: the member ended */
  gboolean      failed;     /* the stream failed (gzip, seal, disk) */
} LineReader;

typedef struct {
  KwStore      *store;
  KwSyncImport  import;
  JsonParser   *parser;
  KwDigest     *sum;
  KwSyncRecord  record;
  guint64       line_no;
  guint64       records;
  gboolean      trailer;
  gint64        skew_ms;    /* stamps beyond: clock skew */
  gint64        future_ms;  /* stamps beyond: refused */
  GPtrArray    *skewed;     /* devices whose "seen" entry is ahead */
  const char   *author;     /* the device the header must name, or NULL */
  const KwImportOptions *options;  /* never NULL */
  int           fd;         /* the file, for progress; -1: none */
  guint64       size;       /* its size */
  gint64        next_progress;  /* monotonic µs */
  gboolean      header_read;
  char          exported_at[32];
  KwImportRefusal refusal;  /* set where a refusal has a plain reason */
#ifndef KW_HAVE_NETTLE
  GChecksum    *line_sum;
#endif
} Importer;

/* Helpers: refusals */

static gboolean
refuse (Importer    *self,
        GError     **error,
        const char  *format,
        ...) G_GNUC_PRINTF (3, 4);

static gboolean
refuse (Importer    *self,
        GError     **error,
        const char  *format,
        ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  if (self->line_no > 0)
    {
      g_autofree char *line = g_strdup_printf ("%" G_GUINT64_FORMAT, self->line_no);

      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_REFUSED, _("line %s: %s"), line, msg);
    }
  else
    g_set_error_literal (error, KW_CORE_ERROR, KW_CORE_ERROR_REFUSED, msg);
  return FALSE;
}

/* A stream error (gzip, seal, disk) means a damaged file. */
static void
set_read_error (GError  *io_error,
                GError **error)
{
  g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_REFUSED,
               _("the file cannot be read: %s"), io_error->message);
}

/* Helpers: lines */

static gboolean
read_raw (LineReader  *reader,
          GError     **error)
{
  gssize n;

  if (reader->raw_start > 0)
    {
      memmove (reader->raw, reader->raw + reader->raw_start, reader->raw_end - reader->raw_start);
      reader->raw_end -= reader->raw_start;
      reader->raw_start = 0;
    }
  if (reader->raw_end == RAW_SIZE)
    return g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("damaged gzip data")), FALSE;
  n = g_input_stream_read (reader->in, reader->raw + reader->raw_end, RAW_SIZE - reader->raw_end,
                           NULL, error);
  if (n < 0)
    return FALSE;
  reader->raw_end += (gsize) n;
  reader->raw_eof = n == 0;
  return TRUE;
}

/* Gunzips by hand rather than with a GConverterInputStream, which stops
 * at the end of the first member and ignores whatever follows. */
static gssize
read_gunzip (LineReader  *reader,
             guint8      *out,
             gsize        size,
             GError     **error)
{
  for (;;)
    {
      g_autoptr(GError) zerror = NULL;
      gsize in_len = reader->raw_end - reader->raw_start;
      gsize nread = 0, nwritten = 0;
      GConverterResult result;

      if (reader->finished)
        {
          if (in_len == 0 && !reader->raw_eof && !read_raw (reader, error))
            return -1;
          if (reader->raw_end > reader->raw_start)
            return g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                                        _("there is data after the end of the gzip stream")), -1;
          if (reader->raw_eof)
            return 0;
          continue;
        }
      if (in_len == 0 && !reader->raw_eof && !read_raw (reader, error))
        return -1;
      in_len = reader->raw_end - reader->raw_start;
      result = g_converter_convert (reader->gunzip, reader->raw + reader->raw_start, in_len, out, size,
                                    reader->raw_eof ? G_CONVERTER_INPUT_AT_END : G_CONVERTER_NO_FLAGS,
                                    &nread, &nwritten, &zerror);
      if (result == G_CONVERTER_ERROR)
        {
          if (!g_error_matches (zerror, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT) || reader->raw_eof)
            return g_propagate_error (error, g_steal_pointer (&zerror)), -1;
          if (!read_raw (reader, error))
            return -1;
          continue;
        }
      reader->raw_start += nread;
      reader->finished = result == G_CONVERTER_FINISHED;
      if (nwritten > 0)
        return (gssize) nwritten;
    }
}

static gboolean
fill_reader (LineReader  *reader,
             GError     **error)
{
  g_autoptr(GError) io_error = NULL;
  gsize size;
  gssize n;

  if (reader->start > 0)
    {
      memmove (reader->buf, reader->buf + reader->start, reader->end - reader->start);
      reader->end -= reader->start;
      reader->start = 0;
    }
  size = MIN (READ_SIZE, reader->cap - reader->end);
  n = reader->gunzip != NULL ? read_gunzip (reader, reader->buf + reader->end, size, &io_error)
      : g_input_stream_read (reader->in, reader->buf + reader->end, size, NULL, &io_error);
  if (n < 0)
    {
      reader->failed = TRUE;
      set_read_error (io_error, error);
      return FALSE;
    }
  reader->end += (gsize) n;
  reader->eof = n == 0;
  reader->total += (guint64) n;
  if (reader->total > MAX_FILE)
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_REFUSED,
                   _("the file is larger than 4 GiB"));
      return FALSE;
    }
  return TRUE;
}

typedef enum {
  LINE_READ,
  LINE_END,       /* no more lines */
  LINE_TOO_LONG,
  LINE_ERROR,     /* the stream failed: error is set */
} LineResult;

/* The next line, without its \n. */
static LineResult
read_line (LineReader  *reader,
           char       **line,
           gsize       *len,
           gboolean    *newline,
           GError     **error)
{
  for (;;)
    {
      guint8 *start = reader->buf + reader->start;
      gsize avail = reader->end - reader->start;
      guint8 *nl = memchr (start, '\n', MIN (avail, MAX_LINE + 1));

      if (nl != NULL || (reader->eof && avail > 0))
        {
          *len = nl ? (gsize) (nl - start) : avail;
          *newline = nl != NULL;
          *line = (char *) start;
          reader->start += *len + (nl ? 1 : 0);
          return *len <= MAX_LINE ? LINE_READ : LINE_TOO_LONG;
        }
      if (reader->eof)
        return LINE_END;
      if (avail > MAX_LINE)
        return LINE_TOO_LONG;
      if (!fill_reader (reader, error))
        return LINE_ERROR;
    }
}

typedef enum {
  SCAN_OK,
  SCAN_DEEP,
  SCAN_CONTROL,   /* a raw control character inside a string */
  SCAN_NUL,       /* \u0000 */
  SCAN_RANGE,     /* an integer beyond 64 bits */
} ScanResult;

/* A number outside a string, from line[*i]: a whole number in the signed
 * 64-bit range (json-glib wraps the others silently). */
static ScanResult
scan_number (const char *line,
             gsize       len,
             gsize      *i)
{
  char digits[24];
  gsize start = *i, end = start + (line[start] == '-');
  gint64 v;

  while (end < len && g_ascii_isdigit (line[end]))
    end++;
  *i = end - 1;
  if (end < len && (line[end] == '.' || line[end] == 'e' || line[end] == 'E'))
    return SCAN_OK;  /* a float: json-glib's type says it is one */
  if (end - start >= sizeof digits)
    return SCAN_RANGE;
  memcpy (digits, line + start, end - start);
  digits[end - start] = '\0';
  if (end - start > (gsize) (line[start] == '-')
      && !g_ascii_string_to_signed (digits, 10, G_MININT64, G_MAXINT64, &v, NULL))
    return SCAN_RANGE;
  return SCAN_OK;
}

/* Depth, number of members (colons outside strings), raw control
 * characters, \u0000 and numbers, without parsing: json-glib has no depth
 * limit, keeps the last of two equal keys silently, takes control
 * characters, cuts a value at \u0000 and wraps integers. */
static ScanResult
scan_line (const char  *line,
           gsize        len,
           guint       *members,
           const char **key,
           gsize       *key_len)
{
  gboolean in_string = FALSE;
  gsize string_start = 0, string_end = 0;
  guint depth = 0;

  *members = 0;
  *key = "";
  *key_len = 0;
  for (gsize i = 0; i < len; i++)
    {
      char c = line[i];

      if (in_string)
        {
          if ((guchar) c < 0x20)
            return SCAN_CONTROL;
          if (c == '\\' && i + 5 < len && line[i + 1] == 'u' && memcmp (line + i + 2, "0000", 4) == 0)
            return SCAN_NUL;
          if (c == '\\')
            i++;
          else if (c == '"')
            {
              in_string = FALSE;
              string_end = i;
            }
        }
      else if (c == '"')
        {
          in_string = TRUE;
          string_start = i + 1;
        }
      else if (c == '{' || c == '[')
        {
          if (++depth > MAX_DEPTH)
            return SCAN_DEEP;
        }
      else if ((c == '}' || c == ']') && depth > 0)
        depth--;
      else if (c == ':')
        {
          (*members)++;
          *key = line + string_start;  /* the last key names a bad number */
          *key_len = string_end - string_start;
        }
      else if (c == '-' || g_ascii_isdigit (c))
        {
          ScanResult result = scan_number (line, len, &i);

          if (result != SCAN_OK)
            return result;
        }
    }
  return SCAN_OK;
}

static guint
count_members (JsonNode *node)
{
  guint n = 0;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      JsonNode *child;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, NULL, &child))
        n += 1 + count_members (child);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        n += count_members (json_array_get_element (array, i));
    }
  return n;
}

/* The checks before parsing (json-glib has no depth limit, keeps the
 * last of two equal keys, takes control characters, cuts a value at
 * \u0000 and wraps integers); @members: the members counted. */
static gboolean
check_line (Importer    *self,
            const char  *line,
            gsize        len,
            guint       *members,
            GError     **error)
{
  const char *key;
  gsize key_len;

  if (!g_utf8_validate (line, (gssize) len, NULL))
    return refuse (self, error, _("not valid UTF-8"));
  switch (scan_line (line, len, members, &key, &key_len))
    {
    case SCAN_DEEP:
      return refuse (self, error, _("nested deeper than %d levels"), MAX_DEPTH);
    case SCAN_CONTROL:
      return refuse (self, error, _("a raw control character inside a string"));
    case SCAN_NUL:
      return refuse (self, error, _("a \\u0000 inside a string"));
    case SCAN_RANGE:
      return refuse (self, error, _("%.*s: an integer outside the signed 64-bit range"),
                     key_len <= 64 ? (int) key_len : 0, key);
    case SCAN_OK:
    default:
      break;
    }
  return TRUE;
}

/* The line as a JSON object, checked (check_line) before parsing and
 * for duplicate keys after. */
static JsonObject *
parse_line (Importer    *self,
            const char  *line,
            gsize        len,
            guint        members,
            GError     **error)
{
  g_autoptr(GError) json_error = NULL;
  JsonNode *root;

  if (!json_parser_load_from_data (self->parser, line, (gssize) len, &json_error))
    return refuse (self, error, _("not a JSON object (%s)"), json_error->message), NULL;
  root = json_parser_get_root (self->parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return refuse (self, error, _("not a JSON object")), NULL;
  if (count_members (root) != members)
    return refuse (self, error, _("a key appears twice")), NULL;
  return json_node_get_object (root);
}

/* Helpers: JSON values */

static const char *
get_string (JsonObject *object,
            const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
get_int (JsonObject *object,
         const char *key,
         gint64     *value)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *value = json_node_get_int (node);
  return TRUE;
}

static GVariant *
variant_from_node (const KwField *field,
                   JsonNode      *node,
                   gboolean      *ok)
{
  GType type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;

  *ok = TRUE;
  if (JSON_NODE_HOLDS_NULL (node))
    return NULL;
  switch (field->kind)
    {
    case KW_FIELD_INTEGER:
    case KW_FIELD_CENTS:
      if (type == G_TYPE_INT64)
        return g_variant_ref_sink (g_variant_new_int64 (json_node_get_int (node)));
      break;
    case KW_FIELD_BOOL:
      if (type == G_TYPE_BOOLEAN)
        return g_variant_ref_sink (g_variant_new_boolean (json_node_get_boolean (node)));
      break;
    default:
      /* an escaped lone surrogate decodes to bytes that are not UTF-8 */
      if (type == G_TYPE_STRING && g_utf8_validate (json_node_get_string (node), -1, NULL))
        return g_variant_ref_sink (g_variant_new_string (json_node_get_string (node)));
      break;
    }
  *ok = FALSE;
  return NULL;
}

/* Helpers: stamps */

/* A stamp of the file: refused far in the future; TRUE in @skewed when
 * more than a day ahead (spec: "Refusals"). */
static gboolean
check_stamp (Importer    *self,
             const char  *stamp,
             gboolean    *skewed,
             GError     **error)
{
  gint64 ms = kw_hlc_get_ms (stamp);

  if (ms > self->future_ms)
    {
      self->refusal = KW_IMPORT_REFUSAL_CLOCK;
      return refuse (self, error, _("a clock far in the future wrote this file: a stamp is more than 366 days ahead of this device's clock, or past the year 9999"));
    }
  if (skewed != NULL && ms > self->skew_ms)
    *skewed = TRUE;
  return TRUE;
}

/* Helpers: header */

static gboolean
read_seen (Importer    *self,
           JsonObject  *header,
           GError     **error)
{
  JsonNode *node = json_object_get_member (header, "seen");
  JsonObjectIter iter;
  const char *device;
  JsonNode *value;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return refuse (self, error, _("the header has no “seen” map"));
  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &device, &value))
    {
      const char *stamp = JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING
                          ? json_node_get_string (value) : NULL;

      gboolean skewed = FALSE;

      if (!kw_device_id_is_valid (device) || !kw_hlc_is_valid (stamp)
          || strcmp (stamp + KW_HLC_LEN - KW_DEVICE_ID_LEN, device) != 0)
        return refuse (self, error, _("“seen” has a malformed device or stamp"));
      if (!check_stamp (self, stamp, &skewed, error))
        return FALSE;
      if (skewed)
        g_ptr_array_add (self->skewed, g_strdup (device));
      g_hash_table_insert (self->import.file_seen, g_strdup (device), g_strdup (stamp));
    }
  return TRUE;
}

/* A change export's since: a device id → a stamp of that device. It
 * is merged like any other export (spec, "Change exports"); its seen map
 * covers only the stamps its lines carry. */
static gboolean
read_since (Importer    *self,
            JsonObject  *scope,
            GError     **error)
{
  JsonNode *node = json_object_get_member (scope, "since");
  JsonObject *since = node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  g_autoptr(GList) devices = since ? json_object_get_members (since) : NULL;

  if (since == NULL)
    return refuse (self, error, _("the change export has no valid since"));
  for (GList *l = devices; l != NULL; l = l->next)
    {
      const char *stamp = get_string (since, l->data);

      if (!kw_device_id_is_valid (l->data) || stamp == NULL || !kw_hlc_is_valid (stamp))
        return refuse (self, error, _("the change export has no valid since"));
    }
  self->import.full = FALSE;
  return TRUE;
}

static gboolean
read_scope (Importer    *self,
            JsonObject  *header,
            GError     **error)
{
  JsonNode *node = json_object_get_member (header, "scope");
  JsonObject *scope = node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *kind = scope ? get_string (scope, "kind") : NULL;
  KwExportScope scope_kind;

  if (kind == NULL || !kw_export_scope_from_string (kind, &scope_kind))
    return refuse (self, error, _("the header has no valid scope"));
  if (scope_kind == KW_EXPORT_SCOPE_CHANGES)
    return read_since (self, scope, error);
  if (scope_kind != KW_EXPORT_SCOPE_ALL && !kw_id_is_valid (get_string (scope, "id")))
    return refuse (self, error, _("the scope has no valid id"));
  self->import.full = scope_kind == KW_EXPORT_SCOPE_ALL;
  return TRUE;
}

/* "exported_at" as written, when it is plain ASCII that fits. */
static void
copy_exported_at (Importer   *self,
                  const char *at)
{
  self->exported_at[0] = '\0';
  if (at == NULL || strlen (at) >= sizeof self->exported_at)
    return;
  for (const char *p = at; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != ':' && *p != '.' && *p != '+')
      return;
  strcpy (self->exported_at, at);
}

static gboolean
read_header (Importer    *self,
             JsonObject  *header,
             GError     **error)
{
  JsonNode *organiser = json_object_get_member (header, "organiser");
  gint64 format = 0, schema = 0;

  if (g_strcmp0 (get_string (header, "kwartier"), "export") != 0)
    return refuse (self, error, _("not a Kwartier export (no header)"));
  if (!get_int (header, "format", &format) || !get_int (header, "schema", &schema)
      || format < 1 || schema < 1)
    return refuse (self, error, _("the header has no valid format or schema"));
  if (format > FORMAT_VERSION || schema > KW_SCHEMA_VERSION)
    {
      g_autofree char *f = g_strdup_printf ("%" G_GINT64_FORMAT, format);
      g_autofree char *v = g_strdup_printf ("%" G_GINT64_FORMAT, schema);

      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_NEWER,
                   _("made by a newer Kwartier (format %s, schema %s); this one reads format %d, schema %d"),
                   f, v, FORMAT_VERSION, KW_SCHEMA_VERSION);
      return FALSE;
    }
  if (!kw_device_id_is_valid (get_string (header, "device")))
    return refuse (self, error, _("the header has no valid device id"));
  if (self->author != NULL && strcmp (get_string (header, "device"), self->author) != 0)
    return refuse (self, error, _("the file is named for device %s, but its header names %s"),
                   self->author, get_string (header, "device"));
  if (organiser != NULL && !JSON_NODE_HOLDS_NULL (organiser) && get_string (header, "organiser") == NULL)
    return refuse (self, error, _("the organiser is not text"));
  self->import.device = g_strdup (get_string (header, "device"));
  self->import.organiser = g_strdup (get_string (header, "organiser"));
  self->header_read = TRUE;
  copy_exported_at (self, get_string (header, "exported_at"));
  if (self->options->refuse_own && strcmp (self->import.device, kw_store_get_device_id (self->store)) == 0)
    {
      self->refusal = KW_IMPORT_REFUSAL_OWN_DEVICE;
      return refuse (self, error, _("the file was exported by this very device"));
    }
  return read_scope (self, header, error) && read_seen (self, header, error)
         && _kw_store_sync_note_device (self->store, &self->import, error);
}

/* Helpers: records */

static gboolean
read_field (Importer      *self,
            const char    *name,
            JsonNode      *node,
            GError       **error)
{
  KwSyncRecord *record = &self->record;
  int i = kw_entity_type_field_index (record->type, name);
  JsonArray *array = node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  g_autoptr(GError) invalid = NULL;
  const char *hlc, *prev;
  JsonNode *prev_node;
  gboolean ok;

  if (i < 0 || (record->type->fields[i].flags & KW_FIELD_FLAG_LOCAL))
    return refuse (self, error, _("unknown field “%s” on %s"), name, record->type->name);
  if (array == NULL || json_array_get_length (array) != 3)
    return refuse (self, error, _("%s.%s: expected [value, stamp, previous stamp]"), record->type->name, name);
  hlc = json_node_get_value_type (json_array_get_element (array, 1)) == G_TYPE_STRING
        ? json_array_get_string_element (array, 1) : NULL;
  prev_node = json_array_get_element (array, 2);
  prev = JSON_NODE_HOLDS_NULL (prev_node) ? "" : json_node_get_value_type (prev_node) == G_TYPE_STRING
         ? json_node_get_string (prev_node) : NULL;
  if (!kw_hlc_is_valid (hlc) || prev == NULL || (*prev && !kw_hlc_is_valid (prev)))
    return refuse (self, error, _("%s.%s: malformed stamp"), record->type->name, name);
  if (!check_stamp (self, hlc, NULL, error) || (*prev && !check_stamp (self, prev, NULL, error)))
    return FALSE;
  record->values[i] = variant_from_node (&record->type->fields[i], json_array_get_element (array, 0), &ok);
  if (!ok)
    return refuse (self, error, _("%s.%s: expected a value of type %s"), record->type->name, name,
                   kw_field_kind_to_string (record->type->fields[i].kind));
  /* null clears a field, also one a local edit may not leave empty */
  if (record->values[i] != NULL
      && !kw_field_validate (&record->type->fields[i], record->values[i], &invalid))
    return refuse (self, error, "%s: %s", record->type->name, invalid->message);
  memcpy (record->hlc[i], hlc, KW_HLC_LEN + 1);
  memcpy (record->prev[i], prev, strlen (prev) + 1);
  record->present |= 1u << i;
  return TRUE;
}

static gboolean
read_fields (Importer    *self,
             JsonNode    *node,
             GError     **error)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return refuse (self, error, _("“f” is not an object"));
  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &name, &value))
    if (!read_field (self, name, value, error))
      return FALSE;
  return TRUE;
}

static gboolean
check_record_keys (Importer    *self,
                   JsonObject  *object,
                   GError     **error)
{
  const char * const keys[] = { "type", "id", "f", "deleted", NULL };
  JsonObjectIter iter;
  const char *name;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, NULL))
    if (!g_strv_contains (keys, name))
      return refuse (self, error, _("unknown key “%s”"), name);
  return TRUE;
}

static gboolean
read_record (Importer    *self,
             JsonObject  *object,
             GError     **error)
{
  KwSyncRecord *record = &self->record;
  const char *type = get_string (object, "type");
  const char *id = get_string (object, "id");
  JsonNode *fields = json_object_get_member (object, "f");
  JsonNode *deleted = json_object_get_member (object, "deleted");

  _kw_sync_record_clear (record);
  if (!check_record_keys (self, object, error))
    return FALSE;
  if ((record->type = kw_registry_lookup (type)) == NULL)
    return refuse (self, error, _("unknown type “%s”"), type ? type : "");
  if (!kw_id_is_valid (id))
    return refuse (self, error, _("malformed id “%s”"), id ? id : "");
  g_strlcpy (record->id, id, sizeof record->id);
  if ((fields == NULL) == (deleted == NULL))
    return refuse (self, error, _("a record has either “f” or “deleted”"));
  if (deleted != NULL)
    {
      const char *stamp = get_string (object, "deleted");

      if (stamp == NULL || !kw_hlc_is_valid (stamp))
        return refuse (self, error, _("malformed stamp"));
      if (!check_stamp (self, stamp, NULL, error))
        return FALSE;
      memcpy (record->deleted, stamp, KW_HLC_LEN + 1);
      return TRUE;
    }
  return read_fields (self, fields, error);
}

/* An id field of a live record of a derived-id type: the line's value,
 * else the one held here. FALSE when it would change the held one. */
static gboolean
id_part (Importer     *self,
         KwRecord     *local,
         const char   *name,
         const char  **part)
{
  KwSyncRecord *record = &self->record;
  int i = kw_entity_type_field_index (record->type, name);
  const char *held = local != NULL ? kw_record_get_string (local, name) : NULL;

  *part = held;
  if (!(record->present & (1u << i)))
    return TRUE;
  *part = record->values[i] != NULL ? g_variant_get_string (record->values[i], NULL) : NULL;
  return held == NULL || g_strcmp0 (held, *part) == 0;
}

/* An attendance's id is derived from its meeting and person, as put
 * makes it, with what the line carries and what is held here; a line
 * may not move it to another meeting or person either. A guest's
 * attendance (a guest_name, no person) has a random id: without a
 * person there is nothing to check. */
static gboolean
check_derived_id (Importer    *self,
                  GError     **error)
{
  KwSyncRecord *record = &self->record;
  const KwEntityType *type = record->type;
  g_autoptr(KwRecord) local = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *derived = NULL;
  g_autofree char *names = NULL;

  if (!(type->flags & KW_TYPE_FLAG_DERIVED_ID) || record->deleted[0] != '\0')
    return TRUE;
  local = kw_store_lookup (self->store, type->name, record->id, NULL);
  names = g_strjoinv (", ", (char **) type->id_fields);
  for (guint i = 0; type->id_fields[i]; i++)
    {
      const char *part;

      if (!id_part (self, local, type->id_fields[i], &part))
        return refuse (self, error, _("%s %s: %s cannot be changed, it makes the id"),
                       type->name, record->id, type->id_fields[i]);
      /* a line of a change export may carry neither, for a record not
       * here (yet): it is checked when both are known */
      if (part == NULL)
        return TRUE;
      g_ptr_array_add (parts, (gpointer) part);
    }
  g_ptr_array_add (parts, NULL);
  derived = kw_id_derive (type->name, (const char * const *) parts->pdata);
  if (strcmp (derived, record->id) != 0)
    return refuse (self, error, _("%s %s: the id is not the one derived from its %s"),
                   type->name, record->id, names);
  return TRUE;
}

/* Helpers: the exporter's own layout, read without json-glib */

/* A record line as kw-store-sync.c writes it (keys in their fixed order,
 * fields sorted, compact) is read straight into the record, with every
 * check of read_record() and read_field(). Anything else — another
 * layout, an escape this reader does not take, or any check that fails —
 * returns FALSE and the line goes to json-glib, which reads it or refuses
 * it with its reason. A line read here is taken only when writing the
 * record back in that layout gives the same bytes (handle_line), so it
 * holds exactly what json-glib would have read. */
typedef struct {
  const char *p;
  const char *end;
} Cursor;

static gboolean
take (Cursor     *c,
      const char *text,
      gsize       n)
{
  if ((gsize) (c->end - c->p) < n || memcmp (c->p, text, n) != 0)
    return FALSE;
  c->p += n;
  return TRUE;
}

#define TAKE(c, text) take ((c), (text), sizeof (text) - 1)

/* A string's bytes, without its quotes, when it has no escape. */
static gboolean
take_plain (Cursor      *c,
            const char **start,
            gsize       *n)
{
  const char *q;

  if (!TAKE (c, "\""))
    return FALSE;
  for (q = c->p; q < c->end && *q != '"'; q++)
    if (*q == '\\')
      return FALSE;
  if (q == c->end)
    return FALSE;
  *start = c->p;
  *n = (gsize) (q - c->p);
  c->p = q + 1;
  return TRUE;
}

/* A string value, unescaped (the escapes the exporter writes). */
static char *
take_string (Cursor *c)
{
  const char *q;
  GString *s;

  if (!TAKE (c, "\""))
    return NULL;
  s = g_string_sized_new (64);
  for (q = c->p; q < c->end && *q != '"'; q++)
    {
      const char *run = q;

      while (q < c->end && *q != '"' && *q != '\\')
        q++;
      g_string_append_len (s, run, q - run);
      if (q >= c->end || *q == '"')
        break;
      if (q + 1 >= c->end)
        goto fail;
      switch (q[1])
        {
        case '"': g_string_append_c (s, '"'); break;
        case '\\': g_string_append_c (s, '\\'); break;
        case 'b': g_string_append_c (s, '\b'); break;
        case 'f': g_string_append_c (s, '\f'); break;
        case 'n': g_string_append_c (s, '\n'); break;
        case 'r': g_string_append_c (s, '\r'); break;
        case 't': g_string_append_c (s, '\t'); break;
        case 'u':
          if (q + 6 > c->end || q[2] != '0' || q[3] != '0' || !g_ascii_isxdigit (q[4])
              || !g_ascii_isxdigit (q[5]) || g_ascii_xdigit_value (q[4]) > 1)
            goto fail;
          g_string_append_c (s, (char) (g_ascii_xdigit_value (q[4]) * 16 + g_ascii_xdigit_value (q[5])));
          q += 4;
          break;
        default:
          goto fail;
        }
      q++;
    }
  if (q >= c->end)
    goto fail;
  c->p = q + 1;
  return g_string_free (s, FALSE);
fail:
  g_string_free (s, TRUE);
  return NULL;
}

/* A stamp, into @out (KW_HLC_LEN + 1), checked as read_field() does. */
static gboolean
take_stamp (Importer *self,
            Cursor   *c,
            char     *out)
{
  const char *start;
  gsize n;

  if (!take_plain (c, &start, &n) || n != KW_HLC_LEN)
    return FALSE;
  memcpy (out, start, n);
  out[n] = '\0';
  return kw_hlc_is_valid (out) && kw_hlc_get_ms (out) <= self->future_ms;
}

static gboolean
take_value (Cursor         *c,
            const KwField  *field,
            GVariant      **value)
{
  *value = NULL;
  if (TAKE (c, "null"))
    return TRUE;
  switch (field->kind)
    {
    case KW_FIELD_INTEGER:
    case KW_FIELD_CENTS:
      {
        char digits[24];
        gsize n = 0;
        gint64 v;

        while (c->p + n < c->end && n < sizeof digits - 1 && (g_ascii_isdigit (c->p[n]) || (n == 0 && c->p[n] == '-')))
          n++;
        if (n == 0 || n == sizeof digits - 1)
          return FALSE;
        memcpy (digits, c->p, n);
        digits[n] = '\0';
        if (!g_ascii_string_to_signed (digits, 10, G_MININT64, G_MAXINT64, &v, NULL))
          return FALSE;
        c->p += n;
        *value = g_variant_ref_sink (g_variant_new_int64 (v));
        return TRUE;
      }
    case KW_FIELD_BOOL:
      if (TAKE (c, "true") || TAKE (c, "false"))
        {
          *value = g_variant_ref_sink (g_variant_new_boolean (c->p[-1] == 'e' && c->p[-2] == 'u'));
          return TRUE;
        }
      return FALSE;
    default:
      {
        char *text = take_string (c);

        if (text == NULL)
          return FALSE;
        *value = g_variant_ref_sink (g_variant_new_take_string (text));
        return TRUE;
      }
    }
}

static gboolean
take_field (Importer *self,
            Cursor   *c)
{
  KwSyncRecord *record = &self->record;
  const char *start;
  char name[64];
  gsize n;
  int i;
  g_autoptr(GError) invalid = NULL;

  if (!take_plain (c, &start, &n) || n >= sizeof name || !TAKE (c, ":["))
    return FALSE;
  memcpy (name, start, n);
  name[n] = '\0';
  i = kw_entity_type_field_index (record->type, name);
  if (i < 0 || (record->type->fields[i].flags & KW_FIELD_FLAG_LOCAL) || (record->present & (1u << i)))
    return FALSE;
  if (!take_value (c, &record->type->fields[i], &record->values[i]))
    return FALSE;
  record->present |= 1u << i;  /* cleared with the record, also on failure */
  if (!TAKE (c, ",") || !take_stamp (self, c, record->hlc[i]) || !TAKE (c, ","))
    return FALSE;
  if (TAKE (c, "null"))
    record->prev[i][0] = '\0';
  else if (!take_stamp (self, c, record->prev[i]))
    return FALSE;
  if (!TAKE (c, "]"))
    return FALSE;
  return record->values[i] == NULL
         || kw_field_validate (&record->type->fields[i], record->values[i], &invalid);
}

static gboolean
fast_read_record (Importer    *self,
                  const char  *line,
                  gsize        len)
{
  KwSyncRecord *record = &self->record;
  Cursor c = { line, line + len };
  const char *start;
  char name[64];
  gsize n;

  _kw_sync_record_clear (record);
  if (!TAKE (&c, "{\"type\":") || !take_plain (&c, &start, &n) || n >= sizeof name)
    return FALSE;
  memcpy (name, start, n);
  name[n] = '\0';
  if ((record->type = kw_registry_lookup (name)) == NULL || !TAKE (&c, ",\"id\":")
      || !take_plain (&c, &start, &n) || n >= sizeof record->id)
    return FALSE;
  memcpy (record->id, start, n);
  record->id[n] = '\0';
  if (!kw_id_is_valid (record->id))
    return FALSE;
  if (TAKE (&c, ",\"deleted\":"))
    return take_stamp (self, &c, record->deleted) && TAKE (&c, "}") && c.p == c.end;
  if (!TAKE (&c, ",\"f\":{"))
    return FALSE;
  if (!TAKE (&c, "}"))
    do
      if (!take_field (self, &c))
        return FALSE;
    while (TAKE (&c, ","));
  else
    c.p--;
  return TAKE (&c, "}}") && c.p == c.end;
}

static gboolean
read_trailer (Importer    *self,
              JsonObject  *trailer,
              GError     **error)
{
  JsonNode *end = json_object_get_member (trailer, "end");
  gint64 records = -1;

  if (json_object_get_size (trailer) != 3 || json_node_get_value_type (end) != G_TYPE_BOOLEAN
      || !json_node_get_boolean (end) || !get_int (trailer, "records", &records)
      || get_string (trailer, "sha256") == NULL)
    return refuse (self, error, _("malformed trailer"));
  if (records < 0)
    return refuse (self, error, _("malformed trailer"));
  if ((guint64) records != self->records)
    {
      g_autofree char *said = g_strdup_printf ("%" G_GINT64_FORMAT, records);
      g_autofree char *found = g_strdup_printf ("%" G_GUINT64_FORMAT, self->records);

      if ((guint64) records > self->records)
        self->refusal = KW_IMPORT_REFUSAL_INCOMPLETE;
      return refuse (self, error, _("the trailer counts %s records, the file has %s"), said, found);
    }
  if (strcmp (get_string (trailer, "sha256"), _kw_digest_hex (self->sum)) != 0)
    return refuse (self, error, _("wrong digest: the file was changed or damaged"));
  self->trailer = TRUE;
  return TRUE;
}

/* Helpers: unchanged lines */

/* The id of a record line in the exporter's layout, which starts
 * {"type":"<type>","id":"<id>", taken without parsing. */
static gboolean
take_line_id (const char *line,
              gsize       len,
              char        id[40])
{
  static const char type_key[] = "{\"type\":\"";
  static const char id_key[] = "\",\"id\":\"";
  const char *p = line + sizeof type_key - 1, *end = line + len;

  if (len < sizeof type_key + sizeof id_key || memcmp (line, type_key, sizeof type_key - 1) != 0)
    return FALSE;
  while (p < end && (g_ascii_islower (*p) || *p == '_'))
    p++;
  if ((gsize) (end - p) < sizeof id_key || memcmp (p, id_key, sizeof id_key - 1) != 0)
    return FALSE;
  p += sizeof id_key - 1;
  for (gsize n = 0; n < 39 && p + n < end; n++)
    {
      if (p[n] == '"')
        {
          memcpy (id, p, n);
          id[n] = '\0';
          return n > 0;
        }
      if (!g_ascii_isxdigit (p[n]) && p[n] != '-')
        return FALSE;
    }
  return FALSE;
}

static void
digest_line (Importer   *self,
             const char *line,
             gsize       len,
             guint8      digest[KW_LINE_DIGEST_LEN])
{
#ifdef KW_HAVE_NETTLE
  struct sha256_ctx ctx;

  sha256_init (&ctx);
  sha256_update (&ctx, len, (const guint8 *) line);
  sha256_digest (&ctx, KW_LINE_DIGEST_LEN, digest);
#else
  guint8 full[32];
  gsize full_len = sizeof full;

  if (self->line_sum == NULL)
    self->line_sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_reset (self->line_sum);
  g_checksum_update (self->line_sum, (const guchar *) line, len);
  g_checksum_get_digest (self->line_sum, full, &full_len);
  memcpy (digest, full, KW_LINE_DIGEST_LEN);
#endif
}

/* A record line byte-equal to the one whose merge left the row as it is
 * now (sync_lines) would change nothing: it is counted unchanged without
 * being parsed. Every other line gets its digest, for the merge to note.
 * Only valid UTF-8 is looked up: a line that could be refused is never
 * skipped (the other lines are checked by parse_line). */
static gboolean
skip_unchanged (Importer    *self,
                const char  *line,
                gsize        len)
{
  char id[40];

  self->import.line_digested = FALSE;
  if (self->line_no < 2 || !take_line_id (line, len, id))
    return FALSE;
  digest_line (self, line, len, self->import.line_digest);
  self->import.line_digested = TRUE;
  if (!_kw_store_sync_line_unchanged (self->store, &self->import, id, self->import.line_digest)
      || !g_utf8_validate (line, (gssize) len, NULL))
    return FALSE;
  self->import.line_digested = FALSE;
  self->import.lines_skipped++;
  self->import.summary.unchanged++;
  self->records++;
  return TRUE;
}

static gboolean
handle_line (Importer    *self,
             const char  *line,
             gsize        len,
             GError     **error)
{
  JsonObject *object;
  guint members = 0;

  if (self->trailer)
    return refuse (self, error, _("data after the trailer"));
  if (len == 0)
    return refuse (self, error, _("a blank line"));
  if (line[len - 1] == '\r')
    return refuse (self, error, _("a line ends in \\r\\n: an export has \\n line ends"));
  if (skip_unchanged (self, line, len))
    goto digest;
  if (!check_line (self, line, len, &members, error))
    return FALSE;
  if (self->line_no > 1 && fast_read_record (self, line, len))
    {
      self->import.line = line;
      self->import.line_len = len;
      if (_kw_store_sync_line_is_canonical (&self->import, &self->record))
        {
          self->records++;
          self->import.line_record = &self->record;
          self->import.line_canonical = TRUE;
          if (!check_derived_id (self, error)
              || !_kw_store_sync_merge (self->store, &self->import, &self->record, error))
            return FALSE;
          self->import.line = NULL;
          self->import.line_record = NULL;
          self->import.line_digested = FALSE;
          self->import.line_canonical = FALSE;
          goto digest;
        }
    }
  if ((object = parse_line (self, line, len, members, error)) == NULL)
    return FALSE;
  if (self->line_no == 1)
    {
      if (!read_header (self, object, error))
        return FALSE;
    }
  else if (json_object_has_member (object, "end"))
    return read_trailer (self, object, error);
  else
    {
      self->records++;
      self->import.line = line;
      self->import.line_len = len;
      self->import.line_record = &self->record;
      if (!read_record (self, object, error) || !check_derived_id (self, error)
          || !_kw_store_sync_merge (self->store, &self->import, &self->record, error))
        return FALSE;
      self->import.line = NULL;
      self->import.line_record = NULL;
      self->import.line_digested = FALSE;
    }
digest:
  _kw_digest_update (self->sum, line, len);
  _kw_digest_update (self->sum, "\n", 1);
  return TRUE;
}

/* Bytes of the file read so far, at most about 20 times a second (and
 * at the end, @last). */
static void
report_progress (Importer *self,
                 gboolean  last)
{
  gint64 now;
  off_t at;

  if (self->options->progress == NULL)
    return;
  if (last)
    {
      self->options->progress (self->size, self->size, self->options->progress_data);
      return;
    }
  if ((now = g_get_monotonic_time ()) < self->next_progress)
    return;
  self->next_progress = now + G_USEC_PER_SEC / 20;
  at = self->fd >= 0 ? lseek (self->fd, 0, SEEK_CUR) : 0;
  self->options->progress (MIN ((guint64) MAX (at, 0), self->size), self->size,
                           self->options->progress_data);
}

static gboolean
read_lines (Importer      *self,
            GInputStream  *in,
            GConverter    *gunzip,
            GError       **error)
{
  g_autofree guint8 *buf = g_malloc (MAX_LINE + READ_SIZE + 1);
  g_autofree guint8 *raw = gunzip ? g_malloc (RAW_SIZE) : NULL;
  LineReader reader = { in, buf, MAX_LINE + READ_SIZE + 1, 0, 0, FALSE, 0, gunzip, raw, 0, 0, FALSE, FALSE };
  LineResult result;
  gboolean newline;
  char *line;
  gsize len;

  while ((result = read_line (&reader, &line, &len, &newline, error)) == LINE_READ)
    {
      g_autoptr(GError) line_error = NULL;

      if (g_cancellable_set_error_if_cancelled (self->options->cancellable, error))
        return FALSE;
      report_progress (self, FALSE);
      self->line_no++;
      if (!handle_line (self, line, len, &line_error) && newline)
        return g_propagate_error (error, g_steal_pointer (&line_error)), FALSE;
      if (!newline && !self->trailer)
        break;  /* the last line was cut off */
      if (line_error != NULL)
        return g_propagate_error (error, g_steal_pointer (&line_error)), FALSE;
    }
  if (result == LINE_ERROR)
    {
      if (reader.failed && self->header_read)
        self->refusal = KW_IMPORT_REFUSAL_INCOMPLETE;  /* a cut gzip or sealed stream */
      return FALSE;
    }
  if (result == LINE_TOO_LONG)
    return self->line_no++, refuse (self, error, _("the line is longer than 1 MiB"));
  if (self->line_no == 0)
    return refuse (self, error, _("the file is empty"));
  if (!self->trailer)
    {
      self->refusal = KW_IMPORT_REFUSAL_INCOMPLETE;
      self->line_no = 0;
      return refuse (self, error, _("the file is truncated: no trailer"));
    }
  return TRUE;
}

/* A "seen" entry ahead counts as skew, unless a record of its device
 * already did. */
static void
count_seen_skew (Importer *self)
{
  for (guint i = 0; i < self->skewed->len; i++)
    {
      const char *max = g_hash_table_lookup (self->import.max_seen, g_ptr_array_index (self->skewed, i));

      if (max == NULL || kw_hlc_get_ms (max) <= self->skew_ms)
        self->import.summary.skew++;
    }
}

/* Helpers: streams */

/* The stream to read lines from, unsealed; @gunzip is set when the lines
 * are gzip-compressed in it. */
static GInputStream *
open_converted (GInputStream  *base,
                const char    *passphrase,
                GConverter   **gunzip,
                gboolean      *sealed,
                GError       **error)
{
  g_autoptr(GInputStream) in = g_buffered_input_stream_new (base);
  g_autoptr(GError) io_error = NULL;
  const guint8 *peek;
  gsize avail = 0;

  if (g_buffered_input_stream_fill (G_BUFFERED_INPUT_STREAM (in), 64, NULL, &io_error) < 0)
    return set_read_error (io_error, error), NULL;
  peek = g_buffered_input_stream_peek_buffer (G_BUFFERED_INPUT_STREAM (in), &avail);
  if (avail >= strlen (KW_SEAL_MAGIC) && memcmp (peek, KW_SEAL_MAGIC, strlen (KW_SEAL_MAGIC)) == 0)
    {
      g_autoptr(GConverter) seal = NULL;
      g_autoptr(GInputStream) plain = NULL;

      *sealed = TRUE;
      if (passphrase == NULL)
        {
          g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_REFUSED,
                       _("the file is sealed: a passphrase is needed"));
          return NULL;
        }
      if ((seal = kw_seal_decrypter_new (passphrase, error)) == NULL)
        return NULL;
      plain = g_converter_input_stream_new (in, seal);
      return open_converted (plain, NULL, gunzip, sealed, error);
    }
  if (avail >= 2 && peek[0] == 0x1f && peek[1] == 0x8b)
    *gunzip = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP));
  return g_steal_pointer (&in);
}

/* Public API */

GInputStream *
kw_import_open_file (const char        *path,
                     KwImportFileInfo  *info,
                     GError           **error)
{
  struct stat st = { 0 };
  int fd, saved;

  g_return_val_if_fail (path != NULL, NULL);

  /* O_NONBLOCK: opening a FIFO must not wait for a writer */
  fd = g_open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      saved = errno;
      if (saved == ELOOP)
        g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_REFUSED,
                     _("%s is a symbolic link: only a regular file is read"), path);
      else
        g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_IO, _("could not read %s: %s"),
                     path, g_strerror (saved));
      return NULL;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode) || (guint64) st.st_size > MAX_FILE
      || fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK) != 0)
    {
      if (S_ISREG (st.st_mode) && (guint64) st.st_size > MAX_FILE)
        g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_REFUSED,
                     _("%s is larger than 4 GiB"), path);
      else
        g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_REFUSED,
                     _("%s is not a regular file (a FIFO, device or folder is never read)"), path);
      close (fd);
      return NULL;
    }
  if (info != NULL)
    {
      info->size = (guint64) st.st_size;
      info->mtime_ns = (gint64) st.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st.st_mtim.tv_nsec;
      info->inode = (guint64) st.st_ino;
    }
  return g_unix_input_stream_new (fd, TRUE);
}

/* The header's organiser into the summary, cut whole characters short. */
static void
copy_organiser (KwImportSummary *summary,
                const char      *organiser)
{
  const char *end;

  summary->organiser[0] = '\0';
  if (organiser == NULL)
    return;
  g_utf8_validate (organiser, MIN (strlen (organiser), sizeof summary->organiser - 1), &end);
  memcpy (summary->organiser, organiser, end - organiser);
  summary->organiser[end - organiser] = '\0';
}

char *
kw_import_summary_format (const KwImportSummary *summary)
{
  g_return_val_if_fail (summary != NULL, NULL);

  return g_strdup_printf (_("added %u, updated %u, deleted %u, conflicts %u, unchanged %u"),
                          summary->added, summary->updated, summary->deleted,
                          summary->conflicts, summary->unchanged);
}

/* Why a file was refused, in the words of KwImportRefusal. */
static KwImportRefusal
classify_refusal (Importer     *self,
                  gboolean      sealed,
                  const GError *error)
{
  if (error == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return KW_IMPORT_REFUSAL_NONE;
  if (g_error_matches (error, KW_CORE_ERROR, KW_CORE_ERROR_NEWER))
    return KW_IMPORT_REFUSAL_NEWER;
  if (self->refusal != KW_IMPORT_REFUSAL_NONE)
    return self->refusal;
  if (!g_error_matches (error, KW_CORE_ERROR, KW_CORE_ERROR_REFUSED))
    return KW_IMPORT_REFUSAL_UNREADABLE;
  if (sealed && !self->header_read && self->line_no == 0)
    return self->options->passphrase ? KW_IMPORT_REFUSAL_PASSPHRASE : KW_IMPORT_REFUSAL_NEEDS_PASSPHRASE;
  if (!self->header_read)
    return KW_IMPORT_REFUSAL_NOT_EXPORT;
  return KW_IMPORT_REFUSAL_DAMAGED;
}

/* The header's words and the counts into @summary (also on failure). */
static void
fill_summary (Importer        *self,
              KwImportSummary *summary)
{
  *summary = self->import.summary;
  summary->records = (guint) self->records;
  copy_organiser (summary, self->import.organiser);
  g_strlcpy (summary->device, self->import.device ? self->import.device : "", sizeof summary->device);
  g_strlcpy (summary->exported_at, self->exported_at, sizeof summary->exported_at);
}

/* @fd and @size (fd -1: unknown) are the file's, for progress. */
static gboolean
import_stream (KwStore                *store,
               GInputStream           *stream,
               int                     fd,
               guint64                 size,
               const KwImportOptions  *options,
               const char             *author,
               KwImportSummary        *summary,
               char                  **backup_path,
               GError                **error)
{
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GConverter) gunzip = NULL;
  g_autofree char *clock = NULL;
  g_autoptr(GError) local_error = NULL;
  Importer self = { store };
  gboolean sealed = FALSE;
  gboolean ok;

  memset (summary, 0, sizeof *summary);
  self.options = options;
  self.fd = fd;
  self.size = size;
  if ((in = open_converted (stream, options->passphrase, &gunzip, &sealed, &local_error)) == NULL)
    {
      summary->refusal = classify_refusal (&self, sealed, local_error);
      return g_propagate_error (error, g_steal_pointer (&local_error)), FALSE;
    }
  self.author = author;
  _kw_sync_import_init (&self.import);
  self.import.dry_run = options->dry_run;
  if (!_kw_store_sync_begin_import (store, &self.import, error))
    {
      _kw_sync_import_clear (&self.import);
      summary->refusal = KW_IMPORT_REFUSAL_UNREADABLE;
      return FALSE;
    }
  /* the wall clock plus a day, as the store set it; the clock itself */
  self.skew_ms = (gint64) g_ascii_strtoll (self.import.skew_hex, NULL, 16);
  clock = kw_store_dup_clock (store);
  self.future_ms = kw_hlc_future_limit (MAX (self.skew_ms - KW_HLC_SKEW_MS, kw_hlc_get_ms (clock)));
  self.parser = json_parser_new_immutable ();
  self.sum = _kw_digest_new ();
  self.skewed = g_ptr_array_new_with_free_func (g_free);
  ok = read_lines (&self, in, gunzip, &local_error);
  if (ok)
    count_seen_skew (&self);
  ok = _kw_store_sync_end_import (store, &self.import, ok, ok ? &local_error : NULL);
  fill_summary (&self, summary);
  if (ok)
    report_progress (&self, TRUE);
  else
    summary->refusal = classify_refusal (&self, sealed, local_error);
  if (ok && backup_path != NULL)
    *backup_path = g_steal_pointer (&self.import.backup_path);
  g_debug ("%" G_GUINT64_FORMAT " records: %u skipped unparsed, %u line digests noted",
           self.records, self.import.lines_skipped, self.import.lines_noted);
  _kw_sync_record_clear (&self.record);
  _kw_sync_import_clear (&self.import);
  _kw_digest_free (self.sum);
#ifndef KW_HAVE_NETTLE
  g_clear_pointer (&self.line_sum, g_checksum_free);
#endif
  g_ptr_array_unref (self.skewed);
  g_object_unref (self.parser);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return ok;
}

gboolean
kw_import_stream (KwStore          *store,
                  GInputStream     *stream,
                  const char       *passphrase,
                  gboolean          dry_run,
                  KwImportSummary  *summary,
                  GError          **error)
{
  return kw_import_stream_from (store, stream, passphrase, NULL, dry_run, summary, error);
}

gboolean
kw_import_stream_from (KwStore          *store,
                       GInputStream     *stream,
                       const char       *passphrase,
                       const char       *author,
                       gboolean          dry_run,
                       KwImportSummary  *summary,
                       GError          **error)
{
  KwImportOptions options = { passphrase, dry_run };
  KwImportSummary result;
  gboolean ok;

  g_return_val_if_fail (KW_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), FALSE);

  ok = import_stream (store, stream, -1, 0, &options, author, &result, NULL, error);
  /* also when refused: the header's words and why */
  if (summary != NULL)
    *summary = result;
  return ok;
}

gboolean
kw_import_file_with (KwStore                *store,
                     const char             *path,
                     const KwImportOptions  *options,
                     KwImportSummary        *summary,
                     char                  **backup_path,
                     GError                **error)
{
  g_autoptr(GInputStream) in = NULL;
  KwImportOptions none = { NULL };
  KwImportSummary local;
  KwImportFileInfo info;

  g_return_val_if_fail (KW_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (summary == NULL)
    summary = &local;
  if (backup_path != NULL)
    *backup_path = NULL;
  memset (summary, 0, sizeof *summary);
  if ((in = kw_import_open_file (path, &info, error)) == NULL)
    {
      summary->refusal = KW_IMPORT_REFUSAL_UNREADABLE;
      return FALSE;
    }
  return import_stream (store, in, g_unix_input_stream_get_fd (G_UNIX_INPUT_STREAM (in)), info.size,
                        options ? options : &none, NULL, summary, backup_path, error);
}

gboolean
kw_import_file_full (KwStore          *store,
                     const char       *path,
                     const char       *passphrase,
                     gboolean          dry_run,
                     KwImportSummary  *summary,
                     GError          **error)
{
  KwImportOptions options = { passphrase, dry_run };
  KwImportSummary result;

  if (!kw_import_file_with (store, path, &options, &result, NULL, error))
    return FALSE;
  if (summary != NULL)
    *summary = result;
  return TRUE;
}

gboolean
kw_import_file (KwStore          *store,
                const char       *path,
                gboolean          dry_run,
                KwImportSummary  *summary,
                GError          **error)
{
  return kw_import_file_full (store, path, NULL, dry_run, summary, error);
}

gboolean
kw_import_file_is_sealed (const char *path)
{
  g_autoptr(GInputStream) in = NULL;
  char head[sizeof KW_SEAL_MAGIC - 1];
  gsize n = 0;

  g_return_val_if_fail (path != NULL, FALSE);

  if ((in = kw_import_open_file (path, NULL, NULL)) == NULL
      || !g_input_stream_read_all (in, head, sizeof head, &n, NULL, NULL))
    return FALSE;
  return n == sizeof head && memcmp (head, KW_SEAL_MAGIC, sizeof head) == 0;
}

/* Conflicts (kw-sync-private.h): a kept value, read as the import reads
 * a line's */

gboolean
_kw_sync_decode_json_value (const KwField  *field,
                            const char     *json,
                            GVariant      **value,
                            GError        **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GVariant) v = NULL;
  gboolean ok = FALSE;

  *value = NULL;
  if (json == NULL)
    return kw_field_validate (field, NULL, error);
  if ((node = json_from_string (json, NULL)) != NULL)
    v = variant_from_node (field, node, &ok);
  if (!ok)
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID,
                   _("%s: the other value cannot be read"), field->name);
      return FALSE;
    }
  if (!kw_field_validate (field, v, error))
    return FALSE;
  *value = g_steal_pointer (&v);
  return TRUE;
}
