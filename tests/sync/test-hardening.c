/* test-hardening.c: one regression test per finding of the reliability
 * review (F1–F10 and the minor list), and the round-trip corpus
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test fails on 977c6f5: the bad input went through, crashed, hung
 * or said the wrong thing there.
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kw-cli-sync.h"
#include "kw-error.h"
#include "kw-hlc.h"
#include "kw-roundtrip.h"
#include "kw-seal.h"
#include "kw-sync-folder.h"
#include "kw-test-files.h"
#include "sync-helpers.h"

#define T0 KW_ROUNDTRIP_WALL_MS
#define DAY KW_HLC_DAY_MS
#define DEV "e25186b0c78d4e618a8aaa56a7f9602a"
#define FAKE "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
#define ORG "689345bf-c72a-4ece-b1be-e29632a7e0ef"
#define MEETING "3b0d3c7e-2f7a-4c39-9d55-7f0e6d7b1a01"
#define MEETING2 "3b0d3c7e-2f7a-4c39-9d55-7f0e6d7b1a02"
#define PERSON "f589d3c2-3b8f-4eb5-90f1-df19a330b2b9"

/* Helpers: files */

static char *
stamp_at (gint64      ms,
          guint       counter,
          const char *device)
{
  return g_strdup_printf ("%016" G_GINT64_MODIFIER "x-%04x-%s", ms, counter, device);
}

/* An export of DEV: the header with @seen (the inside of the map), the
 * record lines, and a correct trailer. */
static char *
export_with (const char         *seen,
             const char * const *records)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  guint n = 0;

  g_string_append_printf (s, "{\"kwartier\":\"export\",\"format\":1,\"schema\":1,"
                          "\"exported_at\":\"2026-11-22T15:32:43Z\",\"device\":\"" DEV "\","
                          "\"organiser\":\"Test Organisator\",\"scope\":{\"kind\":\"all\"},"
                          "\"seen\":{%s}}\n", seen);
  for (; records[n]; n++)
    {
      g_string_append (s, records[n]);
      g_string_append_c (s, '\n');
    }
  g_checksum_update (sum, (const guchar *) s->str, s->len);
  g_string_append_printf (s, "{\"end\":true,\"records\":%u,\"sha256\":\"%s\"}\n", n,
                          g_checksum_get_string (sum));
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
write_file (const char *dir,
            const char *name,
            const char *text,
            gssize      len)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, len, &error);
  g_assert_no_error (error);
  return path;
}

/* One organisation whose name has the stamp @stamp, seen as @seen. */
static char *
org_file (const char *dir,
          const char *name,
          const char *seen,
          const char *value_json,
          const char *stamp)
{
  g_autofree char *line = g_strdup_printf ("{\"type\":\"organisation\",\"id\":\"" ORG "\","
                                           "\"f\":{\"name\":[%s,\"%s\",null]}}", value_json, stamp);
  const char *records[] = { line, NULL };
  g_autofree char *text = export_with (seen, records);

  return write_file (dir, name, text, -1);
}

static char *
dev_seen (const char *stamp)
{
  return g_strdup_printf ("\"" DEV "\":\"%s\"", stamp);
}

/* Refused, nothing changed, and the message holds @needle. */
static void
assert_refused (KwStore    *store,
                const char *path,
                const char *needle)
{
  g_autoptr(GError) error = NULL;
  KwImportSummary s;

  g_assert_false (kw_import_file (store, path, FALSE, &s, &error));
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_REFUSED);
  if (needle != NULL && strstr (error->message, needle) == NULL)
    g_error ("“%s” not in “%s”", needle, error->message);
  g_assert_cmpint (kw_store_count (store, "organisation"), ==, 0);
}

/* A local write, its export, and a fresh database that takes it. */
static void
assert_still_syncs (Replica    *r,
                    const char *dir)
{
  g_autoptr(KwChangeset) p = kw_changeset_new ("area", NULL);
  g_autoptr(Replica) fresh = replica_new (dir, 90 + r->index, r->wall_ms);
  g_autofree char *id = NULL, *file = NULL;
  KwImportSummary s;

  kw_changeset_set_string (p, "name", "Oost");
  id = kw_store_create (r->store, p, NULL);
  g_assert_nonnull (id);
  file = export_file (r->store, dir, NULL);
  import_ok (r->store, file);
  s = import_ok (fresh->store, file);
  g_assert_cmpuint (s.added, >=, 1);
}

static gint64
clock_ms (KwStore *store)
{
  g_autofree char *clock = kw_store_dup_clock (store);

  return kw_hlc_get_ms (clock);
}

/* F1: times whose UTC value is outside years 1–9999 */
static void
test_f1_datetime_range (void)
{
  const KwField *field = kw_entity_type_field (kw_registry_lookup ("meeting"), "starts_at");
  const char *bad[] = { "0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GVariant) v = NULL;

      g_assert_false (kw_field_parse (field, bad[i], &v, &error));
      g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "starts_at"));
      g_assert_null (v);
    }
}

/* F2: only RFC 3339, no leap second, stored in UTC */
static void
test_f2_rfc3339 (void)
{
  const KwField *field = kw_entity_type_field (kw_registry_lookup ("meeting"), "starts_at");
  const char *bad[] = {
    "2026-12-31T23:59:60Z", "2026-060T10:00:00Z", "2026-06-01 10:00:00Z",
    "2026-06-01T10:00:00.5Z", "2026-06-01T10:00Z", "2026-02-30T10:00:00Z",
    "2026-06-01T10:00:00+2:00", "0000-01-01T00:00:00Z", "2026-06-01T10:00:00",
    "2026-06-01T24:00:00Z", "2026-06-01T10:00:00+24:00",
  };
  const char *good[][2] = {
    { "2026-06-01T12:30:00+02:00", "2026-06-01T10:30:00Z" },
    { "2026-01-01T00:30:00+01:00", "2025-12-31T23:30:00Z" },
    { "2026-06-01T10:00:00-05:30", "2026-06-01T15:30:00Z" },
    { "9999-12-31T23:59:59Z", "9999-12-31T23:59:59Z" },
    { "0001-01-01T00:00:00Z", "0001-01-01T00:00:00Z" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GVariant) v = NULL;

      if (kw_field_parse (field, bad[i], &v, &error))
        g_error ("%s was accepted as %s", bad[i], g_variant_get_string (v, NULL));
      g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "starts_at"));
    }
  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GVariant) v = NULL;

      g_assert_true (kw_field_parse (field, good[i][0], &v, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (g_variant_get_string (v, NULL), ==, good[i][1]);
    }
}

/* F3: the caps of the spec, on write and on import; a record at every
 * cap still makes a line that imports */
static void
test_f3_caps (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autoptr(Replica) a = replica_new (dir, 0, T0);
  g_autoptr(Replica) b = replica_new (dir, 1, T0);
  g_autoptr(GError) error = NULL;
  g_autofree char *long_ok = g_strnfill (KW_FIELD_LONG_MAX / 2 - 1, '"');  /* \" each */
  g_autofree char *long_bad = g_strnfill (KW_FIELD_LONG_MAX - 1, 'a');
  g_autofree char *short_ok = g_strnfill (KW_FIELD_SHORT_MAX - 2, 'a');
  g_autofree char *short_bad = g_strnfill (KW_FIELD_SHORT_MAX - 1, 'a');
  g_autofree char *controls = g_strnfill (700, '\001');  /* 700 bytes, 4202 as JSON */
  const char *short_fields[] = { "phone", "email", "languages", "communities", "topics", "consent_note" };
  g_autoptr(KwChangeset) p = kw_changeset_new ("person", NULL);
  g_autofree char *id = NULL, *file = NULL, *text = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpuint (kw_json_string_length (long_ok), ==, KW_FIELD_LONG_MAX);
  g_assert_cmpuint (kw_json_string_length (long_bad), ==, KW_FIELD_LONG_MAX + 1);
  g_assert_false (kw_field_validate (kw_entity_type_field (kw_registry_lookup ("person"), "notes"),
                                     g_variant_new_string (long_bad), &error));
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "notes"));
  g_clear_error (&error);
  /* the write path (put, the editors) refuses, naming the field */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(KwChangeset) c = kw_changeset_new ("person", NULL);

      g_assert_false (kw_changeset_set_text (c, "phone", i == 0 ? short_bad : controls, &error));
      g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "phone"));
      g_clear_error (&error);
    }
  /* every text field of a person at its cap, as escapes */
  kw_changeset_set_string (p, "name", short_ok);
  for (guint i = 0; i < G_N_ELEMENTS (short_fields); i++)
    kw_changeset_set_string (p, short_fields[i], short_ok);
  kw_changeset_set_string (p, "notes", long_ok);
  kw_changeset_set_string (p, "private_notes", long_ok);
  id = kw_store_create (a->store, p, &error);
  g_assert_no_error (error);
  file = export_file (a->store, dir, NULL);
  g_assert_true (g_file_get_contents (file, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    g_assert_cmpuint (strlen (lines[i]), <, 1024 * 1024);
  import_ok (b->store, file);
  {
    g_autoptr(KwRecord) rec = kw_store_get (b->store, "person", id, NULL);

    g_assert_cmpstr (kw_record_get_string (rec, "notes"), ==, long_ok);
  }
  /* on import: a field over its cap is refused, naming it */
  {
    g_autofree char *json = g_strdup_printf ("\"%s\"", long_bad);
    g_autofree char *line = NULL;
    g_autofree char *big = NULL;
    g_autofree char *path = NULL;
    g_autofree char *s1 = stamp_at (T0, 0, DEV);
    g_autofree char *seen = dev_seen (s1);
    const char *records[2] = { NULL, NULL };

    line = g_strdup_printf ("{\"type\":\"organisation\",\"id\":\"" ORG "\",\"f\":{\"name\":[\"X\",\"%s\",null],"
                            "\"notes\":[%s,\"%s\",null]}}", s1, json, s1);
    records[0] = line;
    big = export_with (seen, records);
    path = write_file (dir, "big.kwartier.jsonl", big, -1);
    assert_refused (b->store, path, "notes");
  }
}

/* F4: a near-maximum stamp in "seen" */
static void
test_f4_seen_near_max (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autoptr(Replica) a = replica_new (dir, 0, T0);
  g_autofree char *s1 = stamp_at (T0, 0, DEV);
  g_autofree char *seen = g_strdup_printf ("\"%s\":\"7fffffffffffffff-ffff-%s\",\"" DEV "\":\"%s\"",
                                           "ffffffffffffffffffffffffffffffff",
                                           "ffffffffffffffffffffffffffffffff", s1);
  g_autofree char *file = org_file (dir, "f4.kwartier.jsonl", seen, "\"Stichting\"", s1);

  assert_refused (a->store, file, "far in the future");
  assert_still_syncs (a, dir);
  g_assert_cmpint (clock_ms (a->store), <=, T0 + DAY);
}

/* F5: the same in a record's stamp */
static void
test_f5_record_near_max (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autoptr(Replica) a = replica_new (dir, 0, T0);
  g_autofree char *s1 = stamp_at (G_MAXINT64, 0xffff, DEV);
  g_autofree char *seen = dev_seen (s1);
  g_autofree char *file = org_file (dir, "f5.kwartier.jsonl", seen, "\"Stichting\"", s1);

  assert_refused (a->store, file, "far in the future");
  assert_still_syncs (a, dir);
}

/* F5/F6 in the allowed range: a stamp 300 days ahead is taken and
 * reported, but the clock follows it only to a day ahead; a local edit
 * of that field still wins, and the export is accepted elsewhere */
static void
test_f5_ahead_accepted (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autoptr(Replica) a = replica_new (dir, 0, T0);
  g_autoptr(Replica) c = replica_new (dir, 2, T0);
  g_autofree char *ahead = stamp_at (T0 + 300 * DAY, 5, DEV);
  g_autofree char *seen = dev_seen (ahead);
  g_autofree char *file = org_file (dir, "ahead.kwartier.jsonl", seen, "\"Stichting\"", ahead);
  g_autoptr(KwChangeset) edit = kw_changeset_new ("organisation", NULL);
  g_autoptr(KwChangeset) other = kw_changeset_new ("area", NULL);
  g_autoptr(KwRecord) rec = NULL;
  g_autofree char *area = NULL, *out = NULL;
  KwImportSummary s;

  s = import_ok (a->store, file);
  g_assert_cmpuint (s.added, ==, 1);
  g_assert_cmpuint (s.skew, ==, 1);
  g_assert_cmpint (clock_ms (a->store), <=, T0 + DAY);
  /* an unrelated write is not stamped in the future */
  kw_changeset_set_string (other, "name", "West");
  area = kw_store_create (a->store, other, NULL);
  rec = kw_store_get (a->store, "area", area, NULL);
  g_assert_cmpint (kw_hlc_get_ms (kw_record_get_stamp (rec, "name")), <=, T0 + DAY);
  g_clear_object (&rec);
  /* an edit of the field beats its stamp */
  kw_changeset_set_string (edit, "name", "Stichting Nieuw");
  g_assert_true (kw_store_update (a->store, ORG, edit, NULL));
  rec = kw_store_get (a->store, "organisation", ORG, NULL);
  g_assert_cmpint (kw_hlc_compare (kw_record_get_stamp (rec, "name"), ahead), >, 0);
  g_assert_cmpint (kw_hlc_get_ms (kw_record_get_stamp (rec, "name")), <=, kw_hlc_future_limit (T0));
  out = export_file (a->store, dir, NULL);
  import_ok (c->store, out);
  g_clear_object (&rec);
  rec = kw_store_get (c->store, "organisation", ORG, NULL);
  g_assert_cmpstr (kw_record_get_string (rec, "name"), ==, "Stichting Nieuw");
}

/* F6: a year-9999 stamp in "seen" is refused; one a month ahead is
 * reported as skew, and does not move the clock past a day ahead, also
 * when the database is opened again */
static void
test_f6_seen_9999 (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autoptr(Replica) a = replica_new (dir, 0, T0);
  g_autofree char *s1 = stamp_at (T0, 0, DEV);
  g_autofree char *far = g_strdup_printf ("\"" FAKE "\":\"0000e677d21fdbff-0000-" FAKE "\",\"" DEV "\":\"%s\"", s1);
  g_autofree char *month = stamp_at (T0 + 30 * DAY, 0, FAKE);
  g_autofree char *near = g_strdup_printf ("\"" FAKE "\":\"%s\",\"" DEV "\":\"%s\"", month, s1);
  g_autofree char *f1 = org_file (dir, "far.kwartier.jsonl", far, "\"Stichting\"", s1);
  g_autofree char *f2 = org_file (dir, "near.kwartier.jsonl", near, "\"Stichting\"", s1);
  g_autoptr(GError) error = NULL;
  KwImportSummary s;

  assert_refused (a->store, f1, "far in the future");
  s = import_ok (a->store, f2);
  g_assert_cmpuint (s.skew, ==, 1);
  g_assert_cmpint (clock_ms (a->store), <=, T0 + DAY);
  /* opened again: load_clock takes the seen map with the same cap */
  g_clear_object (&a->store);
  a->store = kw_store_open (a->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (clock_ms (a->store), <=, g_get_real_time () / 1000 + DAY);
  g_assert_cmpint (clock_ms (a->store), <, T0 + 30 * DAY);
}

/* F7: an attendance's id is derived from its meeting and person */
static void
test_f7_attendance_id (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autoptr(Replica) a = replica_new (dir, 0, T0);
  const char *parts[] = { MEETING, PERSON, NULL };
  g_autofree char *derived = kw_id_derive ("attendance", parts);
  g_autofree char *s1 = stamp_at (T0, 0, DEV);
  g_autofree char *s2 = stamp_at (T0, 1, DEV);
  g_autofree char *seen = dev_seen (s2);
  const char *ids[] = { "0b1e7c8e-1c2d-4e5f-8a9b-0c1d2e3f4a5b", derived };
  const char *meetings[] = { MEETING, MEETING, MEETING2 };

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *line = g_strdup_printf ("{\"type\":\"attendance\",\"id\":\"%s\",\"f\":{"
                                               "\"meeting\":[\"%s\",\"%s\",null],\"person\":[\"" PERSON "\",\"%s\",null],"
                                               "\"status\":[\"present\",\"%s\",null]}}",
                                               ids[i == 0 ? 0 : 1], meetings[i], i == 2 ? s2 : s1, s1, s1);
      const char *records[] = { line, NULL };
      g_autofree char *text = export_with (seen, records);
      g_autofree char *name = g_strdup_printf ("att-%u.kwartier.jsonl", i);
      g_autofree char *path = write_file (dir, name, text, -1);
      g_autoptr(GError) error = NULL;
      KwImportSummary s;

      if (i == 1)
        {
          s = import_ok (a->store, path);
          g_assert_cmpuint (s.added, ==, 1);
          continue;
        }
      g_assert_false (kw_import_file (a->store, path, FALSE, &s, &error));
      g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_REFUSED);
      g_assert_nonnull (strstr (error->message, i == 0 ? "derived" : "meeting"));
    }
  g_assert_cmpint (kw_store_count (a->store, "attendance"), ==, 1);
  /* a change line with the status alone, for an attendance not here:
   * taken; once its meeting and person come, the id must fit them */
  {
    g_autofree char *only = g_strdup_printf ("{\"type\":\"attendance\",\"id\":\"%s\",\"f\":{"
                                             "\"status\":[\"late\",\"%s\",null]}}", ids[0], s1);
    g_autofree char *both = g_strdup_printf ("{\"type\":\"attendance\",\"id\":\"%s\",\"f\":{"
                                             "\"meeting\":[\"" MEETING "\",\"%s\",null],"
                                             "\"person\":[\"" PERSON "\",\"%s\",null]}}", ids[0], s2, s2);
    const char *r1[] = { only, NULL };
    const char *r2[] = { both, NULL };
    g_autofree char *t1 = export_with (seen, r1);
    g_autofree char *t2 = export_with (seen, r2);
    g_autofree char *p1 = write_file (dir, "only.kwartier.jsonl", t1, -1);
    g_autofree char *p2 = write_file (dir, "both.kwartier.jsonl", t2, -1);
    g_autoptr(GError) error = NULL;
    KwImportSummary s;

    import_ok (a->store, p1);
    g_assert_false (kw_import_file (a->store, p2, FALSE, &s, &error));
    g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_REFUSED);
    g_assert_nonnull (strstr (error->message, "derived"));
  }
}

/* F8: integers beyond int64 are refused, naming the field */
static void
test_f8_int64 (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autoptr(Replica) a = replica_new (dir, 0, T0);
  const char *values[] = { "10000000000000000000", "-9223372036854775809", "9223372036854775807" };
  g_autofree char *s1 = stamp_at (T0, 0, DEV);
  g_autofree char *seen = dev_seen (s1);

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *line = g_strdup_printf ("{\"type\":\"action_line\",\"id\":\"" ORG "\",\"f\":{"
                                               "\"budget_cents\":[%s,\"%s\",null]}}", values[i], s1);
      const char *records[] = { line, NULL };
      g_autofree char *text = export_with (seen, records);
      g_autofree char *path = write_file (dir, "int.kwartier.jsonl", text, -1);
      g_autoptr(GError) error = NULL;
      KwImportSummary s;

      if (i == 2)
        {
          import_ok (a->store, path);
          continue;
        }
      g_assert_false (kw_import_file (a->store, path, FALSE, &s, &error));
      g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_REFUSED);
      g_assert_nonnull (strstr (error->message, "budget_cents"));
      g_assert_nonnull (strstr (error->message, "64-bit"));
    }
}

/* F9: raw control characters and \u0000 are refused; an escaped
 * backslash before "u0000" is plain text */
static void
test_f9_control (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autoptr(Replica) a = replica_new (dir, 0, T0);
  g_autofree char *s1 = stamp_at (T0, 0, DEV);
  g_autofree char *seen = dev_seen (s1);
  g_autofree char *raw = org_file (dir, "raw.kwartier.jsonl", seen, "\"Stich\001ting\"", s1);
  g_autofree char *nul = org_file (dir, "nul.kwartier.jsonl", seen, "\"Stich\\u0000ting\"", s1);
  g_autofree char *ok = org_file (dir, "ok.kwartier.jsonl", seen, "\"C:\\\\u0000\"", s1);
  g_autoptr(KwRecord) rec = NULL;

  assert_refused (a->store, raw, "control character");
  assert_refused (a->store, nul, "u0000");
  import_ok (a->store, ok);
  rec = kw_store_get (a->store, "organisation", ORG, NULL);
  g_assert_cmpstr (kw_record_get_string (rec, "name"), ==, "C:\\u0000");
}

static GBytes *
gzip_bytes (const char *text)
{
  g_autoptr(GZlibCompressor) z = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, -1);
  g_autoptr(GOutputStream) mem = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) out = g_converter_output_stream_new (mem, G_CONVERTER (z));
  g_autoptr(GError) error = NULL;

  g_output_stream_write_all (out, text, strlen (text), NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, &error);
  g_assert_no_error (error);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (mem));
}

/* Minor: gzip with anything after its end */
static void
test_gzip_trailing (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autoptr(Replica) a = replica_new (dir, 0, T0);
  g_autofree char *s1 = stamp_at (T0, 0, DEV);
  g_autofree char *seen = dev_seen (s1);
  g_autofree char *line = g_strdup_printf ("{\"type\":\"organisation\",\"id\":\"" ORG "\","
                                           "\"f\":{\"name\":[\"Stichting\",\"%s\",null]}}", s1);
  const char *records[] = { line, NULL };
  g_autofree char *text = export_with (seen, records);
  g_autoptr(GBytes) gz = gzip_bytes (text);
  g_autoptr(GBytes) again = gzip_bytes ("more");
  const char *tails[] = { "garbage", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (tails); i++)
    {
      g_autoptr(GByteArray) bytes = g_byte_array_new ();
      g_autofree char *path = NULL;

      g_byte_array_append (bytes, g_bytes_get_data (gz, NULL), (guint) g_bytes_get_size (gz));
      if (tails[i] != NULL)
        g_byte_array_append (bytes, (const guint8 *) tails[i], (guint) strlen (tails[i]));
      else  /* a second member */
        g_byte_array_append (bytes, g_bytes_get_data (again, NULL), (guint) g_bytes_get_size (again));
      path = write_file (dir, "tail.kwartier.jsonl.gz", (const char *) bytes->data, bytes->len);
      assert_refused (a->store, path, "after the end of the gzip");
    }
  {
    g_autofree char *path = write_file (dir, "good.kwartier.jsonl.gz", g_bytes_get_data (gz, NULL),
                                        (gssize) g_bytes_get_size (gz));
    import_ok (a->store, path);
  }
}

/* Minor: "records":1e20 (written out) in the trailer */
static void
test_trailer_float (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autoptr(Replica) a = replica_new (dir, 0, T0);
  g_autofree char *s1 = stamp_at (T0, 0, DEV);
  g_autofree char *seen = dev_seen (s1);
  const char *records[] = { NULL };
  g_autofree char *text = export_with (seen, records);
  g_autofree char *bad = NULL, *path = NULL;
  char *count = strstr (text, "\"records\":0");
  g_autoptr(GError) error = NULL;
  KwImportSummary s;

  g_assert_nonnull (count);
  *count = '\0';
  /* 1e20 as an integer: json-glib made it -1 */
  bad = g_strconcat (text, "\"records\":100000000000000000000", count + strlen ("\"records\":0"), NULL);
  path = write_file (dir, "float.kwartier.jsonl", bad, -1);
  g_assert_false (kw_import_file (a->store, path, FALSE, &s, &error));
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_REFUSED);
  g_assert_null (strstr (error->message, "-1"));
  g_assert_nonnull (strstr (error->message, "records"));
}

/* Minor: forged Argon2 limits are refused before any hashing */
static void
test_seal_limits (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autoptr(Replica) a = replica_new (dir, 0, T0);
  g_autoptr(Replica) b = replica_new (dir, 1, T0);
  KwExportOptions sealed = { KW_EXPORT_SCOPE_ALL, NULL, FALSE, "correct horse" };
  g_autofree char *file = NULL, *raw = NULL;
  g_autoptr(GError) error = NULL;
  KwImportSummary s;
  gint64 start;
  gsize len;
  /* magic, salt (16), then opslimit and memlimit, little-endian */
  gsize at = strlen (KW_SEAL_MAGIC) + 16;

  if (!kw_seal_is_available ())
    {
      g_test_skip ("built without libsodium");
      return;
    }
  file = export_file (a->store, dir, &sealed);
  g_assert_true (g_file_get_contents (file, &raw, &len, NULL));
  for (guint i = 0; i < 8; i++)
    {
      raw[at + i] = (char) ((G_GUINT64_CONSTANT (4) >> (8 * i)) & 0xff);
      raw[at + 8 + i] = (char) ((G_GUINT64_CONSTANT (1) << 30 >> (8 * i)) & 0xff);
    }
  g_assert_true (g_file_set_contents (file, raw, (gssize) len, NULL));
  start = g_get_monotonic_time ();
  g_assert_false (kw_import_file_full (b->store, file, "correct horse", FALSE, &s, &error));
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
  g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "key-derivation"));
}

/* F10: a FIFO, a device or a link is refused at once, never read */
static void
test_f10_import_special (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = g_dir_make_tmp ("kw-fifo-XXXXXX", NULL);
      g_autofree char *fifo = g_build_filename (dir, "pipe.kwartier.jsonl", NULL);
      g_autofree char *link = g_build_filename (dir, "link.kwartier.jsonl", NULL);
      g_autoptr(Replica) a = replica_new (dir, 0, T0);
      const char *paths[] = { fifo, "/dev/zero", link };
      const char *needles[] = { "not a regular file", "not a regular file", "symbolic link" };

      g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
      g_assert_cmpint (symlink ("/dev/urandom", link), ==, 0);
      for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
        for (guint dry = 0; dry < 2; dry++)
          {
            g_autoptr(GError) error = NULL;
            KwImportSummary s;

            g_assert_false (kw_import_file (a->store, paths[i], dry, &s, &error));
            g_assert_error (error, KW_CORE_ERROR, KW_CORE_ERROR_REFUSED);
            g_assert_nonnull (strstr (error->message, needles[i]));
          }
      /* the command line too (it looks for a seal first) */
      for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
        {
          char *argv[] = { (char *) "import", (char *) "--dry-run", (char *) paths[i], NULL };

          g_assert_cmpint (kw_cli_sync_import (a->store, 3, argv), ==, 1);
        }
      g_clear_pointer (&a, replica_free);
      kw_test_remove_tree (dir);
      return;
    }
  g_test_trap_subprocess (NULL, 20 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
count_cb (const char             *path,
          KwSyncFileStatus        status,
          const KwImportSummary  *summary,
          const GError           *error,
          gpointer                user_data)
{
  guint *counts = user_data;

  counts[status]++;
}

/* F10: special files in the sync folder do not stop the pass */
static void
test_f10_sync_special (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = g_dir_make_tmp ("kw-special-XXXXXX", NULL);
      g_autofree char *zero = g_build_filename (dir, "11111111111111111111111111111111.kwartier.jsonl", NULL);
      g_autofree char *rnd = g_build_filename (dir, "22222222222222222222222222222222.kwartier.jsonl", NULL);
      g_autofree char *fifo = g_build_filename (dir, "33333333333333333333333333333333.kwartier.jsonl", NULL);
      g_autoptr(Replica) a = replica_new (dir, 0, T0);
      g_autofree char *own = NULL;
      g_autoptr(GError) error = NULL;
      guint counts[4] = { 0 };
      guint refused = 0;

      g_assert_cmpint (symlink ("/dev/zero", zero), ==, 0);
      g_assert_cmpint (symlink ("/dev/urandom", rnd), ==, 0);
      g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
      g_assert_true (kw_sync_folder_run (a->store, dir, NULL, count_cb, counts, &refused, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (refused, ==, 0);  /* left alone (spec, "The sync folder") */
      g_assert_cmpuint (counts[KW_SYNC_FILE_WRITTEN], ==, 1);
      own = g_build_filename (dir, kw_sync_folder_file_name (a->store), NULL);
      g_assert_true (g_file_test (own, G_FILE_TEST_IS_REGULAR));
      g_clear_pointer (&a, replica_free);
      kw_test_remove_tree (dir);
      return;
    }
  g_test_trap_subprocess (NULL, 20 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* F10: over 4 GiB is refused without reading (a sparse file) */
static void
test_f10_size (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autoptr(Replica) a = replica_new (dir, 0, T0);
  g_autofree char *path = g_build_filename (dir, "huge.kwartier.jsonl", NULL);
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

  g_assert_cmpint (fd, >=, 0);
  if (ftruncate (fd, (G_GINT64_CONSTANT (4) << 30) + 1) != 0)
    {
      close (fd);
      g_test_skip ("no sparse files here");
      return;
    }
  close (fd);
  assert_refused (a->store, path, "4 GiB");
  g_unlink (path);
}

static void
note_cb (const char             *path,
         KwSyncFileStatus        status,
         const KwImportSummary  *summary,
         const GError           *error,
         gpointer                user_data)
{
  GString *log = user_data;

  if (status == KW_SYNC_FILE_REFUSED || status == KW_SYNC_FILE_IMPORTED)
    g_string_append_printf (log, "%d %s\n", status, error ? error->message : "");
}

/* Minor: a refused file is remembered (size, mtime, inode) and not read
 * again until it changes, yet still reported */
static void
test_sync_remembers_refused (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autofree char *folder = g_build_filename (dir, "shared", NULL);
  g_autoptr(Replica) a = replica_new (dir, 0, T0);
  g_autofree char *s1 = stamp_at (T0, 0, DEV);
  g_autofree char *seen = dev_seen (s1);
  g_autofree char *junk = NULL, *good = NULL;
  g_autoptr(GError) error = NULL;
  guint refused = 0;

  g_mkdir (folder, 0700);
  junk = write_file (folder, DEV ".kwartier.jsonl", "{\"x\":1}\n", -1);
  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr(GString) log = g_string_new (NULL);

      g_assert_true (kw_sync_folder_run (a->store, folder, NULL, note_cb, log, &refused, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (refused, ==, 1);
      /* the second pass did not read it: it says so */
      g_assert_true ((strstr (log->str, "unchanged since it was refused") != NULL) == (pass == 1));
    }
  /* made by a newer Kwartier: read again on every pass, since an update
   * of this one will take it */
  {
    g_autofree char *newer = write_file (folder, FAKE ".kwartier.jsonl",
                                         "{\"kwartier\":\"export\",\"format\":2,\"schema\":1}\n", -1);

    for (guint pass = 0; pass < 2; pass++)
      {
        g_autoptr(GString) log = g_string_new (NULL);

        g_assert_true (kw_sync_folder_run (a->store, folder, NULL, note_cb, log, &refused, &error));
        g_assert_cmpuint (refused, ==, 2);
        g_assert_nonnull (strstr (log->str, "newer Kwartier"));
        g_assert_nonnull (strstr (log->str, "this one reads format 1, schema 1\n"));  /* not remembered */
      }
    g_unlink (newer);
  }
  good = org_file (folder, DEV ".kwartier.jsonl", seen, "\"Stichting\"", s1);
  {
    g_autoptr(GString) log = g_string_new (NULL);

    g_assert_true (kw_sync_folder_run (a->store, folder, NULL, note_cb, log, &refused, &error));
    g_assert_cmpuint (refused, ==, 0);
    g_assert_cmpint (kw_store_count (a->store, "organisation"), ==, 1);
  }
}

/* The sync pass reads only files named for another device, and only
 * when the header names that device (spec, "The sync folder") */
static void
test_sync_names (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autofree char *folder = g_build_filename (dir, "shared", NULL);
  g_autoptr(Replica) a = replica_new (dir, 0, T0);
  g_autofree char *s1 = stamp_at (T0, 0, DEV);
  g_autofree char *seen = dev_seen (s1);
  const char *ignored[] = { "copy of " DEV ".kwartier.jsonl", DEV ".sync-conflict.kwartier.jsonl",
                            "." DEV ".kwartier.jsonl", DEV ".123.kwartier.jsonl" };
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  guint refused = 0;

  g_mkdir (folder, 0700);
  for (guint i = 0; i < G_N_ELEMENTS (ignored); i++)
    g_free (org_file (folder, ignored[i], seen, "\"Stichting\"", s1));
  g_free (org_file (folder, FAKE ".kwartier.jsonl", seen, "\"Stichting\"", s1));
  g_assert_true (kw_sync_folder_run (a->store, folder, NULL, note_cb, log, &refused, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (refused, ==, 1);
  g_assert_nonnull (strstr (log->str, "named for device " FAKE));
  g_assert_cmpint (kw_store_count (a->store, "organisation"), ==, 0);
  /* a change file of the device, named as the spec says */
  g_free (org_file (folder, DEV ".00000001.kwartier.jsonl", seen, "\"Stichting\"", s1));
  g_assert_true (kw_sync_folder_run (a->store, folder, NULL, note_cb, log, &refused, &error));
  g_assert_cmpint (kw_store_count (a->store, "organisation"), ==, 1);
}

/* The round-trip corpus (tests/fuzz/corpus-roundtrip), and the import
 * corpus, through the round-trip property */
static void
replay (KwRoundtrip *rt,
        const char  *name)
{
  g_autofree char *corpus = g_test_build_filename (G_TEST_DIST, "fuzz", name, NULL);
  g_autoptr(GDir) d = g_dir_open (corpus, 0, NULL);
  const char *file;
  guint n = 0;

  g_assert_nonnull (d);
  while ((file = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (corpus, file, NULL);
      g_autofree char *data = NULL;
      g_autofree char *failure = NULL;
      gsize len;

      g_assert_true (g_file_get_contents (path, &data, &len, NULL));
      if ((failure = kw_roundtrip_check (rt, (const guint8 *) data, len)) != NULL)
        g_error ("%s/%s: %s", name, file, failure);
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

static void
test_roundtrip_corpus (void)
{
  g_autoptr(KwRoundtrip) rt = kw_roundtrip_new ();

  replay (rt, "corpus-roundtrip");
  replay (rt, "corpus");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kw/hardening/f1-datetime-range", test_f1_datetime_range);
  g_test_add_func ("/kw/hardening/f2-rfc3339", test_f2_rfc3339);
  g_test_add_func ("/kw/hardening/f3-caps", test_f3_caps);
  g_test_add_func ("/kw/hardening/f4-seen-near-max", test_f4_seen_near_max);
  g_test_add_func ("/kw/hardening/f5-record-near-max", test_f5_record_near_max);
  g_test_add_func ("/kw/hardening/f5-ahead-accepted", test_f5_ahead_accepted);
  g_test_add_func ("/kw/hardening/f6-seen-9999", test_f6_seen_9999);
  g_test_add_func ("/kw/hardening/f7-attendance-id", test_f7_attendance_id);
  g_test_add_func ("/kw/hardening/f8-int64", test_f8_int64);
  g_test_add_func ("/kw/hardening/f9-control", test_f9_control);
  g_test_add_func ("/kw/hardening/gzip-trailing", test_gzip_trailing);
  g_test_add_func ("/kw/hardening/trailer-float", test_trailer_float);
  g_test_add_func ("/kw/hardening/seal-limits", test_seal_limits);
  g_test_add_func ("/kw/hardening/f10-import-special", test_f10_import_special);
  g_test_add_func ("/kw/hardening/f10-sync-special", test_f10_sync_special);
  g_test_add_func ("/kw/hardening/f10-size", test_f10_size);
  g_test_add_func ("/kw/hardening/sync-remembers-refused", test_sync_remembers_refused);
  g_test_add_func ("/kw/hardening/sync-names", test_sync_names);
  g_test_add_func ("/kw/hardening/roundtrip-corpus", test_roundtrip_corpus);

  {
    int status = g_test_run ();

    helper_cleanup ();
    return status;
  }
}
