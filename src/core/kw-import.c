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

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "kw-error.h"
#include "kw-import.h"
#include "kw-seal.h"
#include "kw-sync-private.h"

#define MAX_LINE (1024 * 1024)
#define MAX_DEPTH 8
#define READ_SIZE (64 * 1024)
#define FORMAT_VERSION 1

typedef struct {
  GInputStream *in;
  guint8       *buf;
  gsize         cap;
  gsize         start;
  gsize         end;
  gboolean      eof;
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
fill_reader (LineReader  *reader,
             GError     **error)
{
  g_autoptr(GError) io_error = NULL;
  gssize n;

  if (reader->start > 0)
    {
      memmove (reader->buf, reader->buf + reader->start, reader->end - reader->start);
      reader->end -= reader->start;
      reader->start = 0;
    }
  n = g_input_stream_read (reader->in, reader->buf + reader->end,
                           MIN (READ_SIZE, reader->cap - reader->end), NULL, &io_error);
  if (n < 0)
    {
      set_read_error (io_error, error);
      return FALSE;
    }
  reader->end += (gsize) n;
  reader->eof = n == 0;
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

/* Depth and number of members (colons outside strings), without
 * parsing: json-glib has no depth limit and keeps the last of two equal
 * keys silently. */
static gboolean
scan_line (const char *line,
           gsize       len,
           guint      *members)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  *members = 0;
  for (gsize i = 0; i < len; i++)
    {
      char c = line[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        {
          if (++depth > MAX_DEPTH)
            return FALSE;
        }
      else if ((c == '}' || c == ']') && depth > 0)
        depth--;
      else if (c == ':')
        (*members)++;
    }
  return TRUE;
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

/* The line as a JSON object, checked before and after parsing. */
static JsonObject *
parse_line (Importer    *self,
            const char  *line,
            gsize        len,
            GError     **error)
{
  g_autoptr(GError) json_error = NULL;
  guint members;
  JsonNode *root;

  if (!g_utf8_validate (line, (gssize) len, NULL))
    return refuse (self, error, _("not valid UTF-8")), NULL;
  if (!scan_line (line, len, &members))
    return refuse (self, error, _("nested deeper than %d levels"), MAX_DEPTH), NULL;
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

      if (!kw_device_id_is_valid (device) || !kw_hlc_is_valid (stamp)
          || strcmp (stamp + KW_HLC_LEN - KW_DEVICE_ID_LEN, device) != 0)
        return refuse (self, error, _("“seen” has a malformed device or stamp"));
      g_hash_table_insert (self->import.file_seen, g_strdup (device), g_strdup (stamp));
    }
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
  const char * const kinds[] = { "all", "alliance", "network", "area", "meeting", NULL };

  if (kind == NULL || !g_strv_contains (kinds, kind))
    return refuse (self, error, _("the header has no valid scope"));
  if (strcmp (kind, "all") != 0 && !kw_id_is_valid (get_string (scope, "id")))
    return refuse (self, error, _("the scope has no valid id"));
  self->import.full = strcmp (kind, "all") == 0;
  return TRUE;
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
  if (organiser != NULL && !JSON_NODE_HOLDS_NULL (organiser) && get_string (header, "organiser") == NULL)
    return refuse (self, error, _("the organiser is not text"));
  self->import.device = g_strdup (get_string (header, "device"));
  self->import.organiser = g_strdup (get_string (header, "organiser"));
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
      memcpy (record->deleted, stamp, KW_HLC_LEN + 1);
      return TRUE;
    }
  return read_fields (self, fields, error);
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
  if (records < 0 || (guint64) records != self->records)
    {
      g_autofree char *said = g_strdup_printf ("%" G_GINT64_FORMAT, records);
      g_autofree char *found = g_strdup_printf ("%" G_GUINT64_FORMAT, self->records);

      return refuse (self, error, _("the trailer counts %s records, the file has %s"), said, found);
    }
  if (strcmp (get_string (trailer, "sha256"), _kw_digest_hex (self->sum)) != 0)
    return refuse (self, error, _("wrong digest: the file was changed or damaged"));
  self->trailer = TRUE;
  return TRUE;
}

static gboolean
handle_line (Importer    *self,
             const char  *line,
             gsize        len,
             GError     **error)
{
  JsonObject *object;

  if (self->trailer)
    return refuse (self, error, _("data after the trailer"));
  if (len == 0)
    return refuse (self, error, _("a blank line"));
  if (line[len - 1] == '\r')
    return refuse (self, error, _("a line ends in \\r\\n: an export has \\n line ends"));
  if ((object = parse_line (self, line, len, error)) == NULL)
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
      if (!read_record (self, object, error)
          || !_kw_store_sync_merge (self->store, &self->import, &self->record, error))
        return FALSE;
    }
  _kw_digest_update (self->sum, line, len);
  _kw_digest_update (self->sum, "\n", 1);
  return TRUE;
}

static gboolean
read_lines (Importer      *self,
            GInputStream  *in,
            GError       **error)
{
  g_autofree guint8 *buf = g_malloc (MAX_LINE + READ_SIZE + 1);
  LineReader reader = { in, buf, MAX_LINE + READ_SIZE + 1, 0, 0, FALSE };
  LineResult result;
  gboolean newline;
  char *line;
  gsize len;

  while ((result = read_line (&reader, &line, &len, &newline, error)) == LINE_READ)
    {
      g_autoptr(GError) line_error = NULL;

      self->line_no++;
      if (!handle_line (self, line, len, &line_error) && newline)
        return g_propagate_error (error, g_steal_pointer (&line_error)), FALSE;
      if (!newline && !self->trailer)
        break;  /* the last line was cut off */
      if (line_error != NULL)
        return g_propagate_error (error, g_steal_pointer (&line_error)), FALSE;
    }
  if (result == LINE_ERROR)
    return FALSE;
  if (result == LINE_TOO_LONG)
    return self->line_no++, refuse (self, error, _("the line is longer than 1 MiB"));
  if (self->line_no == 0)
    return refuse (self, error, _("the file is empty"));
  if (!self->trailer)
    {
      self->line_no = 0;
      return refuse (self, error, _("the file is truncated: no trailer"));
    }
  return TRUE;
}

/* Helpers: streams */

static GInputStream *
open_converted (GInputStream  *base,
                const char    *passphrase,
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

      if (passphrase == NULL)
        {
          g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_REFUSED,
                       _("the file is sealed: a passphrase is needed"));
          return NULL;
        }
      if ((seal = kw_seal_decrypter_new (passphrase, error)) == NULL)
        return NULL;
      plain = g_converter_input_stream_new (in, seal);
      return open_converted (plain, NULL, error);
    }
  if (avail >= 2 && peek[0] == 0x1f && peek[1] == 0x8b)
    {
      g_autoptr(GZlibDecompressor) gzip = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);

      return g_converter_input_stream_new (in, G_CONVERTER (gzip));
    }
  return g_steal_pointer (&in);
}

/* Public API */

char *
kw_import_summary_format (const KwImportSummary *summary)
{
  g_return_val_if_fail (summary != NULL, NULL);

  return g_strdup_printf (_("added %u, updated %u, deleted %u, conflicts %u, unchanged %u"),
                          summary->added, summary->updated, summary->deleted,
                          summary->conflicts, summary->unchanged);
}

gboolean
kw_import_stream (KwStore          *store,
                  GInputStream     *stream,
                  const char       *passphrase,
                  gboolean          dry_run,
                  KwImportSummary  *summary,
                  GError          **error)
{
  g_autoptr(GInputStream) in = NULL;
  Importer self = { store };
  gboolean ok;

  g_return_val_if_fail (KW_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), FALSE);

  if ((in = open_converted (stream, passphrase, error)) == NULL)
    return FALSE;
  _kw_sync_import_init (&self.import);
  self.import.dry_run = dry_run;
  if (!_kw_store_sync_begin_import (store, &self.import, error))
    {
      _kw_sync_import_clear (&self.import);
      return FALSE;
    }
  self.parser = json_parser_new_immutable ();
  self.sum = _kw_digest_new ();
  ok = read_lines (&self, in, error);
  ok = _kw_store_sync_end_import (store, &self.import, ok, ok ? error : NULL);
  self.import.summary.records = (guint) self.records;
  if (ok && summary != NULL)
    *summary = self.import.summary;
  _kw_sync_record_clear (&self.record);
  _kw_sync_import_clear (&self.import);
  _kw_digest_free (self.sum);
  g_object_unref (self.parser);
  return ok;
}

gboolean
kw_import_file_full (KwStore          *store,
                     const char       *path,
                     const char       *passphrase,
                     gboolean          dry_run,
                     KwImportSummary  *summary,
                     GError          **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GError) io_error = NULL;

  g_return_val_if_fail (KW_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  file = g_file_new_for_path (path);
  if ((in = g_file_read (file, NULL, &io_error)) == NULL)
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_IO, _("could not read %s: %s"),
                   path, io_error->message);
      return FALSE;
    }
  return kw_import_stream (store, G_INPUT_STREAM (in), passphrase, dry_run, summary, error);
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
