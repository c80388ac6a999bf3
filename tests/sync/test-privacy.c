/* test-privacy.c: what belongs to a private person stays home (issue 8, L1)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PARENT flags of the registry against DESIGN.md's list; the demo's
 * private people (finding L1); the privacy property over seeded random
 * databases: no byte of a private person's values, or of what belongs to
 * them, in any export of any scope, plain, gzip or sealed; the merge rule
 * that an older file never teaches a device anything of a private person.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "kw-demo.h"
#include "kw-error.h"
#include "kw-seal.h"
#include "sync-helpers.h"

#define T0 G_GINT64_CONSTANT (1795000000000)  /* Nov 2026, in ms */
#define PASSPHRASE "correct horse battery staple"

/* DESIGN.md, Privacy: "What belongs to a record (the PARENT references)". */
static const char * const design_parents[] = {
  "affiliation.organisation", "affiliation.person", "agenda_item.meeting",
  "alliance_partner.alliance", "alliance_partner.party", "action_line.alliance",
  "attendance.meeting", "attendance.person", "contact_moment.person",
  "map_position.map", "map_position.party", "network_member.person", "network_member.unit",
  "network_unit.network", "relation.from", "relation.to", NULL
};

static void
test_parent_flags (void)
{
  g_autoptr(GPtrArray) flagged = g_ptr_array_new_with_free_func (g_free);
  guint consent_fields = 0;

  for (guint t = 0; t < kw_registry_n_types (); t++)
    {
      const KwEntityType *type = kw_registry_type_at (t);

      for (guint i = 0; i < type->n_fields; i++)
        {
          if (type->fields[i].flags & KW_FIELD_FLAG_PARENT)
            {
              g_assert_cmpint (type->fields[i].kind, ==, KW_FIELD_REF);
              g_ptr_array_add (flagged, g_strconcat (type->name, ".", type->fields[i].name, NULL));
            }
          if (type->fields[i].flags & KW_FIELD_FLAG_CONSENT)
            consent_fields++;
        }
    }
  g_assert_cmpuint (flagged->len, ==, g_strv_length ((char **) design_parents));
  for (guint i = 0; design_parents[i]; i++)
    g_assert_true (g_ptr_array_find_with_equal_func (flagged, design_parents[i], g_str_equal, NULL));
  /* meetings, action items and stakeholder maps belong to nothing */
  for (guint i = 0; i < flagged->len; i++)
    {
      const char *name = g_ptr_array_index (flagged, i);

      g_assert_false (g_str_has_prefix (name, "meeting.") || g_str_has_prefix (name, "action_item.")
                      || g_str_has_prefix (name, "stakeholder_map."));
    }
  g_assert_cmpuint (consent_fields, ==, 1);
  g_assert_cmpint (kw_entity_type_consent_index (kw_registry_lookup ("person")), ==,
                   kw_entity_type_field_index (kw_registry_lookup ("person"), "consent"));
}

/* Helpers: exports, decoded */

static char *
read_decoded (const char *path,
              gboolean    gzip,
              gboolean    sealed)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) in = G_INPUT_STREAM (g_file_read (file, NULL, &error));
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GInputStream) plain = NULL;

  g_assert_no_error (error);
  if (sealed)
    {
      g_autoptr(GConverter) open = kw_seal_decrypter_new (PASSPHRASE, &error);
      g_autoptr(GInputStream) decrypted = NULL;

      g_assert_no_error (error);
      decrypted = g_converter_input_stream_new (in, open);
      g_set_object (&in, decrypted);
    }
  if (gzip || sealed)
    {
      g_autoptr(GZlibDecompressor) gunzip = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);

      plain = g_converter_input_stream_new (in, G_CONVERTER (gunzip));
    }
  else
    plain = g_object_ref (in);
  g_output_stream_splice (out, plain, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_write (out, "", 1, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static void
assert_no_needle (const char *text,
                  GPtrArray  *needles,
                  const char *what)
{
  for (guint i = 0; i < needles->len; i++)
    if (strstr (text, g_ptr_array_index (needles, i)) != NULL)
      g_error ("%s carries “%s”", what, (const char *) g_ptr_array_index (needles, i));
}

/* Every scope of the database (all, and every alliance, network, area,
 * meeting), plain and gzip; the full export sealed too. */
static guint
check_every_export (KwStore    *store,
                    const char *dir,
                    GPtrArray  *needles)
{
  static const struct { KwExportScope scope; const char *type; } scopes[] = {
    { KW_EXPORT_SCOPE_ALLIANCE, "alliance" }, { KW_EXPORT_SCOPE_NETWORK, "network" },
    { KW_EXPORT_SCOPE_AREA, "area" }, { KW_EXPORT_SCOPE_MEETING, "meeting" },
  };
  KwExportOptions options = { KW_EXPORT_SCOPE_ALL, NULL, FALSE, NULL };
  guint checked = 0;

  for (int gzip = 0; gzip < 2; gzip++)
    {
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;

      options = (KwExportOptions) { KW_EXPORT_SCOPE_ALL, NULL, gzip, NULL };
      path = export_file (store, dir, &options);
      text = read_decoded (path, gzip, FALSE);
      assert_no_needle (text, needles, "the full export");
      checked++;
      for (guint s = 0; s < G_N_ELEMENTS (scopes); s++)
        {
          g_autoptr(GPtrArray) roots = kw_store_list (store, scopes[s].type, NULL);

          for (guint r = 0; r < roots->len; r++)
            {
              g_autofree char *scoped = NULL;
              g_autofree char *scoped_text = NULL;

              options = (KwExportOptions) { scopes[s].scope, kw_record_get_id (g_ptr_array_index (roots, r)),
                                            gzip, NULL };
              scoped = export_file (store, dir, &options);
              scoped_text = read_decoded (scoped, gzip, FALSE);
              assert_no_needle (scoped_text, needles, scopes[s].type);
              g_unlink (scoped);
              checked++;
            }
        }
      g_unlink (path);
    }
  if (kw_seal_is_available ())
    {
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;

      options = (KwExportOptions) { KW_EXPORT_SCOPE_ALL, NULL, FALSE, PASSPHRASE };
      path = export_file (store, dir, &options);
      text = read_decoded (path, FALSE, TRUE);
      assert_no_needle (text, needles, "the sealed export");
      checked++;
    }
  return checked;
}

/* L1: the demo's private people, and what belongs to them */

static void
add_record_values (GPtrArray *needles,
                   KwRecord  *record,
                   guint      min_length)
{
  const KwEntityType *type = kw_record_get_entity_type (record);

  for (guint i = 0; i < type->n_fields; i++)
    {
      GVariant *v = kw_record_get_value_at (record, i);
      const char *text;

      if (v == NULL || type->fields[i].kind != KW_FIELD_TEXT)
        continue;
      text = g_variant_get_string (v, NULL);
      if (strlen (text) >= min_length)
        g_ptr_array_add (needles, g_strdup (text));
    }
}

/* A needle that other records also hold ("Nederlands") says nothing. */
static void
drop_common (KwStore   *store,
             GPtrArray *needles,
             GPtrArray *owned_ids,
             GPtrArray *people)
{
  g_autoptr(GString) others = g_string_new (NULL);
  g_autoptr(GPtrArray) keep = g_ptr_array_new ();

  for (guint t = 0; t < kw_registry_n_types (); t++)
    {
      const KwEntityType *type = kw_registry_type_at (t);
      g_autoptr(GPtrArray) list = kw_store_list (store, type->name, NULL);

      for (guint i = 0; i < list->len; i++)
        {
          KwRecord *rec = g_ptr_array_index (list, i);
          const char *id = kw_record_get_id (rec);
          g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);

          if (g_ptr_array_find_with_equal_func (owned_ids, id, g_str_equal, NULL)
              || (g_str_equal (type->name, "person")
                  && g_strcmp0 (kw_record_get_string (rec, "consent"), "private") == 0))
            continue;
          add_record_values (values, rec, 1);
          for (guint k = 0; k < values->len; k++)
            g_string_append_printf (others, "%s\n", (char *) g_ptr_array_index (values, k));
        }
    }
  for (guint i = 0; i < needles->len; i++)
    if (strstr (others->str, g_ptr_array_index (needles, i)) == NULL)
      g_ptr_array_add (keep, g_strdup (g_ptr_array_index (needles, i)));
  g_ptr_array_set_size (needles, 0);
  g_ptr_array_extend_and_steal (needles, g_steal_pointer (&keep));
  (void) people;
}

static void
test_demo_private (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autoptr(Replica) r = replica_new (dir, 0, T0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) needles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;
  guint private = 0, belonging = 0;

  g_assert_true (kw_demo_load (r->store, &error));
  g_assert_no_error (error);
  people = kw_store_list (r->store, "person", &error);
  for (guint i = 0; i < people->len; i++)
    {
      KwRecord *p = g_ptr_array_index (people, i);
      static const char * const owned[][2] = {
        { "contact_moment", "person" }, { "affiliation", "person" }, { "attendance", "person" },
        { "network_member", "person" }, { "relation", "from" }, { "relation", "to" },
      };

      if (g_strcmp0 (kw_record_get_string (p, "consent"), "private") != 0)
        continue;
      private++;
      add_record_values (needles, p, 6);
      for (guint k = 0; k < G_N_ELEMENTS (owned); k++)
        {
          g_autoptr(GPtrArray) list = kw_store_list_by_ref (r->store, owned[k][0], owned[k][1],
                                                            kw_record_get_id (p), NULL);

          for (guint j = 0; j < list->len; j++)
            {
              add_record_values (needles, g_ptr_array_index (list, j), 12);
              g_ptr_array_add (ids, g_strdup (kw_record_get_id (g_ptr_array_index (list, j))));
              belonging++;
            }
        }
    }
  drop_common (r->store, needles, ids, people);
  g_test_message ("%u private people, %u records belong to them, %u needles", private, belonging, needles->len);
  g_assert_cmpuint (private, >, 0);
  g_assert_cmpuint (belonging, >, 0);

  text = export_text (r->store, dir, NULL);
  for (guint i = 0; i < ids->len; i++)
    g_assert_null (strstr (text, g_ptr_array_index (ids, i)));
  assert_no_needle (text, needles, "the demo's export");
  check_every_export (r->store, dir, needles);
}

/* The privacy property over random databases */

typedef struct {
  KwStore   *store;
  GRand     *rand;
  GPtrArray *people;     /* ids */
  GPtrArray *private;    /* ids of the private ones */
  GPtrArray *needles;    /* what may not leave */
  GPtrArray *shared;     /* what must leave (the property is not vacuous) */
  guint      serial;
} World;

/* A text no other value contains: "Ndl" + private/shared + serial. */
static char *
needle (World    *w,
        gboolean  private,
        const char *what)
{
  char *text = g_strdup_printf ("%s%s%05u%08x", private ? "Priv" : "Shar", what, w->serial++,
                                g_rand_int (w->rand));
  g_ptr_array_add (private ? w->needles : w->shared, g_strdup (text));
  return text;
}

static const char *
pick (GPtrArray *ids,
      GRand     *rand)
{
  return g_ptr_array_index (ids, g_rand_int_range (rand, 0, (gint32) ids->len));
}

static gboolean
is_private (World      *w,
            const char *id)
{
  return g_ptr_array_find_with_equal_func (w->private, id, g_str_equal, NULL);
}

static void
add_person (World    *w,
            gboolean  private,
            const char *area)
{
  g_autofree char *name = needle (w, private, "Name");
  g_autofree char *phone = needle (w, private, "Phone");
  g_autofree char *mailbox = needle (w, private, "Mail");
  g_autofree char *email = g_strconcat (mailbox, "@example.org", NULL);  /* an e-mail's shape */
  g_autofree char *notes = needle (w, private, "Notes");
  g_autofree char *topics = needle (w, private, "Topic");
  g_autofree char *secret = needle (w, TRUE, "Secret");  /* private_notes never leave */
  char *id = helper_put (w->store, "person", "name", name, "phone", phone, "email", email, "notes", notes,
                  "topics", topics, "private_notes", secret, "area", area,
                  "consent", private ? "private" : g_rand_boolean (w->rand) ? "shared" : "public", NULL);

  g_ptr_array_add (w->people, id);
  if (private)
    g_ptr_array_add (w->private, g_strdup (id));
}

/* Records that belong to a person carry a needle of their owner's kind. */
static void
add_belonging (World      *w,
               const char *org,
               const char *meeting,
               const char *unit,
               const char *alliance,
               const char *map)
{
  const char *p = pick (w->people, w->rand);
  const char *q = pick (w->people, w->rand);
  gboolean priv = is_private (w, p);
  gboolean either = priv || is_private (w, q);
  g_autofree char *summary = needle (w, priv, "Summary");
  g_autofree char *role = needle (w, priv, "Role");
  g_autofree char *rel = g_strcmp0 (p, q) != 0 ? needle (w, either, "Relation") : NULL;
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL, *e = NULL, *f = NULL, *g = NULL;

  a = helper_put (w->store, "contact_moment", "person", p, "date", "2026-11-01", "summary", summary, NULL);
  b = helper_put (w->store, "affiliation", "person", p, "organisation", org, "role", role, NULL);
  if (g_strcmp0 (p, q) != 0)
    c = helper_put (w->store, "relation", "from", p, "to", q, "kind", "knows", "notes", rel, NULL);
  d = helper_put (w->store, "attendance", "meeting", meeting, "person", p, "status", "present", NULL);
  e = helper_put (w->store, "network_member", "unit", unit, "person", p, NULL);
  f = helper_put (w->store, "alliance_partner", "alliance", alliance, "party", p, "role", "partner", NULL);
  g = helper_put (w->store, "map_position", "map", map, "party", p, "influence", "3", NULL);
  /* the ids of what belongs to a private person may not leave either */
  if (priv)
    {
      const char *owned[] = { a, b, d, e, f, g };

      for (guint i = 0; i < G_N_ELEMENTS (owned); i++)
        g_ptr_array_add (w->needles, g_strdup (owned[i]));
    }
  if (either && c != NULL)
    g_ptr_array_add (w->needles, g_strdup (c));
}

/* One shared record refers to a private person: it leaves with the bare id. */
static char *
add_chaired_meeting (World      *w,
                     const char *alliance,
                     const char *chair)
{
  g_autofree char *title = needle (w, FALSE, "Meeting");

  return helper_put (w->store, "meeting", "title", title, "alliance", alliance, "chair", chair,
              "starts_at", "2026-11-20T19:00:00Z", NULL);
}

static void
world_clear (World *w)
{
  g_ptr_array_unref (w->people);
  g_ptr_array_unref (w->private);
  g_ptr_array_unref (w->needles);
  g_ptr_array_unref (w->shared);
  g_rand_free (w->rand);
}

static void
build_world (World   *w,
             KwStore *store,
             guint32  seed)
{
  g_autofree char *area = NULL, *org = NULL, *alliance = NULL, *network = NULL;
  g_autofree char *unit = NULL, *map = NULL, *meeting = NULL;
  guint n_people;

  w->store = store;
  w->rand = g_rand_new_with_seed (seed);
  w->people = g_ptr_array_new_with_free_func (g_free);
  w->private = g_ptr_array_new_with_free_func (g_free);
  w->needles = g_ptr_array_new_with_free_func (g_free);
  w->shared = g_ptr_array_new_with_free_func (g_free);
  w->serial = 0;

  g_assert_true (kw_store_begin (store, NULL));
  area = helper_put (store, "area", "name", "Buurt", "kind", "buurt", NULL);
  org = helper_put (store, "organisation", "name", "Stichting", "area", area, NULL);
  alliance = helper_put (store, "alliance", "name", "Alliantie", "area", area, NULL);
  network = helper_put (store, "network", "name", "Netwerk", "area", area, NULL);
  unit = helper_put (store, "network_unit", "network", network, "name", "Binnenbuurt", "area", area, NULL);
  map = helper_put (store, "stakeholder_map", "name", "Kaart", "alliance", alliance, "area", area, NULL);
  n_people = (guint) g_rand_int_range (w->rand, 6, 14);
  for (guint i = 0; i < n_people; i++)
    add_person (w, i == 0 || g_rand_int_range (w->rand, 0, 3) == 0, area);
  meeting = add_chaired_meeting (w, alliance, g_ptr_array_index (w->private, 0));
  {
    g_autofree char *unit_meeting = helper_put (store, "meeting", "title", "Buurtbijeenkomst", "unit", unit, NULL);
    g_autofree char *action = helper_put (store, "action_item", "title", "Bellen", "owner",
                                   (const char *) g_ptr_array_index (w->private, 0), "meeting", meeting, NULL);

    for (guint i = 0; i < 2 * n_people; i++)
      add_belonging (w, org, g_rand_boolean (w->rand) ? meeting : unit_meeting, unit, alliance, map);
  }
  g_assert_true (kw_store_commit (store, NULL));
}

static void
assert_shared_leave (World      *w,
                     const char *dir)
{
  g_autofree char *text = export_text (w->store, dir, NULL);
  guint found = 0;

  for (guint i = 0; i < w->shared->len; i++)
    found += strstr (text, g_ptr_array_index (w->shared, i)) != NULL;
  g_assert_cmpuint (found, ==, w->shared->len);
  /* the meeting chaired by a private person leaves with the bare id */
  g_assert_nonnull (strstr (text, g_ptr_array_index (w->private, 0)));
}

static void
test_property (void)
{
  guint32 seed = test_seed ();

  for (guint round = 0; round < 4; round++)
    {
      g_autofree char *dir = helper_tmpdir ();
      g_autoptr(Replica) r = replica_new (dir, round, T0);
      World w;
      guint checked;

      build_world (&w, r->store, seed + round);
      assert_shared_leave (&w, dir);
      checked = check_every_export (r->store, dir, w.needles);
      g_test_message ("round %u: %u people, %u private, %u needles, %u exports",
                      round, w.people->len, w.private->len, w.needles->len, checked);
      world_clear (&w);
    }
}

/* When a person turns private, what belonged to them stops leaving from
 * the next export on; a colleague who imports it turns private too and
 * stops sending it as well. */
static void
test_turns_private (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autoptr(Replica) a = replica_new (dir, 0, T0);
  g_autoptr(Replica) b = replica_new (dir, 1, T0);
  g_autofree char *first = NULL, *later = NULL, *from_b = NULL;
  g_autofree char *text = NULL;
  g_autoptr(KwChangeset) cs = kw_changeset_new ("person", NULL);
  g_autofree char *person = helper_put (a->store, "person", "name", "Wilhelmina Zonnebloem", "consent", "shared", NULL);
  g_autofree char *moment = helper_put (a->store, "contact_moment", "person", person, "summary",
                                 "Wil meedoen, maar niet met naam", NULL);

  first = export_file (a->store, dir, NULL);
  import_ok (b->store, first);
  kw_changeset_set_string (cs, "consent", "private");
  g_assert_true (kw_store_update (a->store, person, cs, NULL));
  later = export_file (a->store, dir, NULL);
  g_assert_true (g_file_get_contents (later, &text, NULL, NULL));
  g_assert_null (strstr (text, "Zonnebloem"));
  g_assert_null (strstr (text, "niet met naam"));
  g_assert_null (strstr (text, moment));
  import_ok (b->store, later);
  g_assert_true (kw_store_is_private (b->store, "person", person));
  g_clear_pointer (&text, g_free);
  from_b = export_file (b->store, dir, NULL);
  g_assert_true (g_file_get_contents (from_b, &text, NULL, NULL));
  g_assert_null (strstr (text, "Zonnebloem"));
  g_assert_null (strstr (text, "niet met naam"));
  /* b still holds what it had: what a device holds of a private person is its own */
  g_assert_nonnull (kw_store_lookup (b->store, "contact_moment", moment, NULL));
}

/* Merge rule: an older file never teaches a device a private person's
 * name or what belongs to them, neither a device that holds only the
 * stub nor the one where the person chose private. */
static void
test_older_file (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autoptr(Replica) a = replica_new (dir, 0, T0);
  g_autoptr(Replica) b = replica_new (dir, 1, T0);
  g_autoptr(Replica) c = replica_new (dir, 2, T0);
  g_autoptr(KwChangeset) cs = kw_changeset_new ("person", NULL);
  g_autoptr(KwChangeset) phone = kw_changeset_new ("person", NULL);
  g_autofree char *old = NULL, *stub = NULL, *edit = NULL, *text = NULL, *dump = NULL;
  g_autofree char *person = helper_put (a->store, "person", "name", "Hendrika Mosterdzaad", "consent", "shared", NULL);
  g_autofree char *moment = helper_put (a->store, "contact_moment", "person", person, "summary",
                                 "Gesprek over Mosterdzaad", NULL);
  KwImportSummary s;

  old = export_file (a->store, dir, NULL);
  import_ok (c->store, old);
  kw_changeset_set_string (cs, "consent", "private");
  g_assert_true (kw_store_update (a->store, person, cs, NULL));
  stub = export_file (a->store, dir, NULL);
  /* b learns of the person only as a stub, then gets the older file */
  import_ok (b->store, stub);
  s = import_ok (b->store, old);
  g_assert_cmpuint (s.added, ==, 0);
  g_assert_null (kw_store_lookup (b->store, "contact_moment", moment, NULL));
  g_assert_null (kw_store_get (b->store, "person", person, NULL));
  g_assert_true (kw_store_is_private (b->store, "person", person));
  dump = dump_database (b->path);
  g_assert_null (strstr (dump, "Mosterdzaad"));
  g_assert_cmpuint (kw_import_list_conflicts (b->store, TRUE, NULL)->len, ==, 0);
  g_clear_pointer (&text, g_free);
  text = export_text (b->store, dir, NULL);
  g_assert_null (strstr (text, "Mosterdzaad"));

  /* c edits the phone, not having seen the choice: a takes nothing of it */
  kw_changeset_set_string (phone, "phone", "020 555 0199");
  g_assert_true (kw_store_update (c->store, person, phone, NULL));
  edit = export_file (c->store, dir, NULL);
  import_ok (a->store, edit);
  g_assert_null (kw_record_get_value (kw_store_get (a->store, "person", person, NULL), "phone"));
  g_assert_cmpuint (kw_import_list_conflicts (a->store, TRUE, NULL)->len, ==, 0);
  import_ok (b->store, edit);
  g_clear_pointer (&dump, g_free);
  dump = dump_database (b->path);
  g_assert_null (strstr (dump, "555 0199"));
  g_assert_null (strstr (dump, "Mosterdzaad"));
}

/* Records sort before "person" in a file: a line of a private person's
 * record is merged after all when the same file makes the person shared
 * again, in whichever order the files arrive, and counts once. */
static void
test_same_file_consent (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autoptr(Replica) a = replica_new (dir, 0, T0);
  g_autoptr(Replica) b = replica_new (dir, 1, T0);
  g_autofree char *p = helper_put (a->store, "person", "name", "Roos Terug", "consent", "shared", NULL);
  g_autofree char *c = helper_put (a->store, "contact_moment", "person", p, "summary", "Eerste gesprek", NULL);
  g_autofree char *first = export_file (a->store, dir, NULL);
  g_autofree char *again = NULL;
  g_autoptr(KwChangeset) on_b = kw_changeset_new ("person", NULL);
  g_autoptr(KwChangeset) on_a = kw_changeset_new ("person", NULL);
  g_autoptr(KwChangeset) edit = kw_changeset_new ("contact_moment", NULL);
  g_autoptr(KwRecord) moment = NULL;
  KwImportSummary s;

  import_ok (b->store, first);
  kw_changeset_set_string (on_b, "consent", "private");
  g_assert_true (kw_store_update (b->store, p, on_b, NULL));
  a->wall_ms += 60000;  /* a's choice comes later: shared again */
  kw_changeset_set_string (on_a, "consent", "public");
  g_assert_true (kw_store_update (a->store, p, on_a, NULL));
  kw_changeset_set_string (edit, "summary", "Tweede gesprek");
  g_assert_true (kw_store_update (a->store, c, edit, NULL));
  again = export_file (a->store, dir, NULL);
  s = import_ok (b->store, again);
  moment = kw_store_get (b->store, "contact_moment", c, NULL);
  g_assert_cmpstr (kw_record_get_string (moment, "summary"), ==, "Tweede gesprek");
  g_assert_false (kw_store_is_private (b->store, "person", p));
  g_assert_cmpuint (s.added + s.updated + s.deleted + s.unchanged, ==, 2);
  g_assert_cmpuint (s.updated, ==, 2);
}

/* A record moved to a private person stops leaving, and colleagues do not
 * keep exporting its old version: the exports still converge. */
static void
test_moved_to_private (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autoptr(Replica) a = replica_new (dir, 0, T0);
  g_autoptr(Replica) b = replica_new (dir, 1, T0);
  g_autofree char *p = helper_put (a->store, "person", "name", "Pieter Openbaar", "consent", "public", NULL);
  g_autofree char *q = helper_put (a->store, "person", "name", "Quirina Stil", "consent", "shared", NULL);
  g_autofree char *here = helper_put (a->store, "contact_moment", "person", p, "summary", "Over Quirina, eigenlijk", NULL);
  g_autofree char *there = helper_put (a->store, "contact_moment", "person", p, "summary", "Ook over Quirina", NULL);
  g_autofree char *f1 = export_file (a->store, dir, NULL);
  g_autofree char *f2 = NULL, *f3 = NULL, *ta = NULL, *tb = NULL, *la = NULL, *lb = NULL;
  g_autoptr(KwChangeset) private = kw_changeset_new ("person", NULL);
  g_autoptr(KwChangeset) move_here = kw_changeset_new ("contact_moment", NULL);
  g_autoptr(KwChangeset) move_there = kw_changeset_new ("contact_moment", NULL);
  g_autoptr(KwRecord) old = NULL;
  g_autoptr(GPtrArray) moments = NULL;

  import_ok (b->store, f1);
  kw_changeset_set_string (private, "consent", "private");
  g_assert_true (kw_store_update (a->store, q, private, NULL));
  /* on a, where Quirina is private: the moment becomes a new record of hers */
  kw_changeset_set_string (move_here, "person", q);
  g_assert_true (kw_store_update (a->store, here, move_here, NULL));
  old = kw_store_lookup (a->store, "contact_moment", here, NULL);
  g_assert_true (kw_record_is_deleted (old));
  moments = kw_store_list_by_ref (a->store, "contact_moment", "person", q, NULL);
  g_assert_cmpuint (moments->len, ==, 1);
  g_assert_cmpstr (kw_record_get_string (g_ptr_array_index (moments, 0), "summary"), ==, "Over Quirina, eigenlijk");
  /* on b, which does not know yet: an ordinary move */
  kw_changeset_set_string (move_there, "person", q);
  g_assert_true (kw_store_update (b->store, there, move_there, NULL));
  f2 = export_file (a->store, dir, NULL);
  f3 = export_file (b->store, dir, NULL);
  import_ok (b->store, f2);
  import_ok (a->store, f3);
  /* a took the move (the reference only), so it keeps the moment home */
  g_assert_cmpstr (kw_record_get_string (kw_store_get (a->store, "contact_moment", there, NULL), "person"), ==, q);
  ta = export_text (a->store, dir, NULL);
  tb = export_text (b->store, dir, NULL);
  la = record_lines (ta);
  lb = record_lines (tb);
  g_assert_cmpstr (la, ==, lb);
  g_assert_null (strstr (ta, "Quirina"));
  g_assert_null (strstr (ta, kw_record_get_id (g_ptr_array_index (moments, 0))));
  g_assert_true (kw_record_is_deleted (kw_store_lookup (b->store, "contact_moment", here, NULL)));
}

/* The app shows "a private person" where a colleague's record refers to one. */
static void
test_reference_title (void)
{
  g_autofree char *dir = helper_tmpdir ();
  g_autoptr(Replica) a = replica_new (dir, 0, T0);
  g_autoptr(Replica) b = replica_new (dir, 1, T0);
  static const char * const to_person[] = { "person", NULL };
  g_autofree char *person = helper_put (a->store, "person", "name", "Geertruida Kaneel", "consent", "private", NULL);
  g_autofree char *shared = helper_put (a->store, "person", "name", "Ko Komijn", "consent", "shared", NULL);
  g_autofree char *meeting = helper_put (a->store, "meeting", "title", "Wijkraad", "chair", person, NULL);
  g_autofree char *path = export_file (a->store, dir, NULL);
  g_autofree char *title = NULL, *own = NULL, *other = NULL, *none = NULL;
  g_autoptr(KwRecord) m = NULL;

  import_ok (b->store, path);
  m = kw_store_get (b->store, "meeting", meeting, NULL);
  g_assert_cmpstr (kw_record_get_string (m, "chair"), ==, person);
  title = kw_store_dup_reference_title (b->store, to_person, person);
  g_assert_cmpstr (title, ==, "a private person");
  other = kw_store_dup_reference_title (b->store, to_person, shared);
  g_assert_cmpstr (other, ==, "Ko Komijn");
  /* the device that holds the person shows the name to its own organiser */
  own = kw_store_dup_reference_title (a->store, to_person, person);
  g_assert_cmpstr (own, ==, "Geertruida Kaneel");
  none = kw_store_dup_reference_title (b->store, to_person, "00000000-0000-4000-8000-000000000000");
  g_assert_null (none);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kw/privacy/parent-flags", test_parent_flags);
  g_test_add_func ("/kw/privacy/l1-demo", test_demo_private);
  g_test_add_func ("/kw/privacy/property", test_property);
  g_test_add_func ("/kw/privacy/turns-private", test_turns_private);
  g_test_add_func ("/kw/privacy/older-file", test_older_file);
  g_test_add_func ("/kw/privacy/moved-to-private", test_moved_to_private);
  g_test_add_func ("/kw/privacy/same-file-consent", test_same_file_consent);
  g_test_add_func ("/kw/privacy/reference-title", test_reference_title);

  {
    int status = g_test_run ();

    helper_cleanup ();
    return status;
  }
}
