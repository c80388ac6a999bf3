/* kw-registry.c: every entity type and field of schema 1
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * This table is the single description of the data: the store makes its
 * tables from it, validates writes against it, the CLI parses values
 * with it and the importer checks incoming lines with it.
 */
#define G_LOG_DOMAIN "kw-registry"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "kw-error.h"
#include "kw-registry.h"

/* Field constructors, to keep the table readable. */
#define TEXT(n, l)          { n, l, KW_FIELD_TEXT, 0, NULL, NULL, 0, 0 }
#define TEXT_F(n, l, f)     { n, l, KW_FIELD_TEXT, f, NULL, NULL, 0, 0 }
#define INT(n, l, lo, hi)   { n, l, KW_FIELD_INTEGER, 0, NULL, NULL, lo, hi }
#define BOOL(n, l)          { n, l, KW_FIELD_BOOL, 0, NULL, NULL, 0, 0 }
#define DATE(n, l)          { n, l, KW_FIELD_DATE, 0, NULL, NULL, 0, 0 }
#define DATETIME(n, l)      { n, l, KW_FIELD_DATETIME, 0, NULL, NULL, 0, 0 }
#define CENTS(n, l)         { n, l, KW_FIELD_CENTS, 0, NULL, NULL, 0, 0 }
#define ENUM(n, l, v, vl)   { n, l, KW_FIELD_ENUM, 0, v, NULL, 0, 0, vl }
#define REF(n, l, t)        { n, l, KW_FIELD_REF, 0, NULL, t, 0, 0 }
#define CONTEXT(n, l, t)    { n, l, KW_FIELD_REF, KW_FIELD_FLAG_CONTEXT, NULL, t, 0, 0 }
#define OWNER(n, l, t)      { n, l, KW_FIELD_REF, KW_FIELD_FLAG_REQUIRED | KW_FIELD_FLAG_PARENT, NULL, t, 0, 0 }
#define NAME(n, l)          TEXT_F (n, l, KW_FIELD_FLAG_REQUIRED | KW_FIELD_FLAG_SEARCH)
#define NOTES(n, l)         TEXT_F (n, l, KW_FIELD_FLAG_LONG | KW_FIELD_FLAG_SEARCH)

#define V(...) ((const char * const[]) { __VA_ARGS__, NULL })
/* An enum field's labels, one for each of its values, in the same order */
#define L(...) V (__VA_ARGS__)

static const char * const to_area[] = { "area", NULL };
static const char * const to_venue[] = { "venue", NULL };
static const char * const to_person[] = { "person", NULL };
static const char * const to_organisation[] = { "organisation", NULL };
static const char * const to_party[] = { "person", "organisation", NULL };
static const char * const to_alliance[] = { "alliance", NULL };
static const char * const to_network[] = { "network", NULL };
static const char * const to_unit[] = { "network_unit", NULL };
static const char * const to_map[] = { "stakeholder_map", NULL };
static const char * const to_meeting[] = { "meeting", NULL };

static const KwField area_fields[] = {
  NAME ("name", N_("Name")),
  ENUM ("kind", N_("Kind"), V ("stadsdeel", "gebied", "wijk", "buurt", "binnenbuurt", "other"),
        L (N_("Borough"), N_("District area"), N_("Neighbourhood"), N_("Quarter"),
           N_("Inner neighbourhood"), N_("Other"))),
  REF ("parent", N_("Part of"), to_area),
  TEXT ("code", N_("Code")),
};

static const KwField venue_fields[] = {
  NAME ("name", N_("Name")),
  TEXT_F ("address", N_("Address"), KW_FIELD_FLAG_SEARCH),
  REF ("area", N_("Area"), to_area),
  INT ("capacity", N_("Capacity"), 0, 100000),
  TEXT ("accessibility", N_("Accessibility")),
};

static const KwField organisation_fields[] = {
  TEXT_F ("name", N_("Name"), KW_FIELD_FLAG_REQUIRED | KW_FIELD_FLAG_SEARCH | KW_FIELD_FLAG_INDEX),
  ENUM ("kind", N_("Kind"), V ("municipality", "district", "welfare", "housing",
                               "neighbourhood_team", "residents_group", "village_network",
                               "initiative", "business", "religious", "school", "other"),
        L (N_("Municipality"), N_("District"), N_("Welfare organisation"),
           N_("Housing corporation"), N_("Neighbourhood team"), N_("Residents’ group"),
           N_("Village network"), N_("Initiative"), N_("Business"),
           N_("Religious organisation"), N_("School"), N_("Other"))),
  BOOL ("formal", N_("Formal organisation")),
  REF ("area", N_("Area"), to_area),
  TEXT ("website", N_("Website")),
  TEXT_F ("email", N_("E-mail"), KW_FIELD_FLAG_SEARCH | KW_FIELD_FLAG_EMAIL),
  TEXT ("phone", N_("Phone")),
  NOTES ("notes", N_("Notes")),
};

static const KwField person_fields[] = {
  TEXT_F ("name", N_("Name"), KW_FIELD_FLAG_REQUIRED | KW_FIELD_FLAG_SEARCH | KW_FIELD_FLAG_INDEX),
  TEXT_F ("phone", N_("Phone"), KW_FIELD_FLAG_SEARCH),
  TEXT_F ("email", N_("E-mail"), KW_FIELD_FLAG_SEARCH | KW_FIELD_FLAG_EMAIL | KW_FIELD_FLAG_INDEX),
  REF ("area", N_("Area"), to_area),
  TEXT_F ("languages", N_("Languages"), KW_FIELD_FLAG_SEARCH),
  TEXT_F ("communities", N_("Communities"), KW_FIELD_FLAG_SEARCH),
  { "key_figure", N_("Key figure"), KW_FIELD_BOOL, KW_FIELD_FLAG_INDEX, NULL, NULL, 0, 0, NULL },
  TEXT_F ("topics", N_("Topics"), KW_FIELD_FLAG_SEARCH),
  { "consent", N_("Consent"), KW_FIELD_ENUM, KW_FIELD_FLAG_CONSENT, V ("public", "shared", "private"), NULL, 0, 0,
    L (N_("Public"), N_("Shared"), N_("Private")) },
  DATE ("consent_date", N_("Consent given on")),
  TEXT ("consent_note", N_("Consent note")),
  NOTES ("notes", N_("Notes")),
  TEXT_F ("private_notes", N_("Private notes"), KW_FIELD_FLAG_LOCAL | KW_FIELD_FLAG_LONG),
};

static const KwField affiliation_fields[] = {
  OWNER ("person", N_("Person"), to_person),
  { "organisation", N_("Organisation"), KW_FIELD_REF,
    KW_FIELD_FLAG_REQUIRED | KW_FIELD_FLAG_PARENT | KW_FIELD_FLAG_SUMMARY, NULL, to_organisation, 0, 0 },
  TEXT ("role", N_("Role")),
  DATE ("since", N_("Since")),
  DATE ("until", N_("Until")),
};

static const KwField relation_fields[] = {
  OWNER ("from", N_("From"), to_party),
  OWNER ("to", N_("To"), to_party),
  ENUM ("kind", N_("Kind"), V ("knows", "works_with", "member_of", "represents", "funds", "advises"),
        L (N_("Knows"), N_("Works with"), N_("Member of"), N_("Represents"), N_("Funds"),
           N_("Advises"))),
  ENUM ("sentiment", N_("Sentiment"), V ("positive", "neutral", "tense"),
        L (N_("Positive"), N_("Neutral"), N_("Tense"))),
  INT ("strength", N_("Strength"), 1, 3),
  TEXT_F ("notes", N_("Notes"), KW_FIELD_FLAG_LONG),
};

static const KwField contact_moment_fields[] = {
  OWNER ("person", N_("Person"), to_person),
  { "date", N_("Date"), KW_FIELD_DATE, KW_FIELD_FLAG_INDEX | KW_FIELD_FLAG_SUMMARY, NULL, NULL, 0, 0, NULL },
  TEXT ("channel", N_("Channel")),
  TEXT_F ("summary", N_("Summary"), KW_FIELD_FLAG_LONG),
};

static const KwField alliance_fields[] = {
  NAME ("name", N_("Name")),
  REF ("area", N_("Area"), to_area),
  ENUM ("status", N_("Status"), V ("exploring", "forming", "active", "paused", "ended"),
        L (N_("Exploring"), N_("Forming"), N_("Active"), N_("Paused"), N_("Ended"))),
  NOTES ("challenge", N_("Shared challenge")),
  NOTES ("description", N_("Description")),
  DATE ("started", N_("Started")),
};

static const KwField alliance_partner_fields[] = {
  OWNER ("alliance", N_("Alliance"), to_alliance),
  OWNER ("party", N_("Partner"), to_party),
  ENUM ("role", N_("Role"), V ("lead", "partner", "advisor", "funder"),
        L (N_("Lead partner"), N_("Partner"), N_("Advisor"), N_("Funder"))),
  ENUM ("status", N_("Status"), V ("active", "prospective", "left"),
        L (N_("Active"), N_("Prospective"), N_("Left"))),
  DATE ("since", N_("Since")),
  TEXT ("next_step", N_("Next step")),
  DATE ("next_step_date", N_("Next step by")),
};

static const KwField action_line_fields[] = {
  OWNER ("alliance", N_("Alliance"), to_alliance),
  TEXT_F ("title", N_("Title"), KW_FIELD_FLAG_REQUIRED),
  TEXT_F ("goal", N_("Goal"), KW_FIELD_FLAG_LONG),
  REF ("owner", N_("Owner"), to_person),
  CENTS ("budget_cents", N_("Budget")),
  CENTS ("spent_cents", N_("Spent")),
  ENUM ("status", N_("Status"), V ("planned", "active", "done", "stopped"),
        L (N_("Planned"), N_("Active"), N_("Done"), N_("Stopped"))),
  DATE ("start", N_("Start")),
  DATE ("end", N_("End")),
};

static const KwField network_fields[] = {
  NAME ("name", N_("Name")),
  ENUM ("kind", N_("Kind"), V ("village", "residents_platform", "tenants", "other"),
        L (N_("Village"), N_("Residents’ platform"), N_("Tenants"), N_("Other"))),
  REF ("area", N_("Area"), to_area),
  INT ("members_count", N_("Members"), 0, 10000000),
  CENTS ("dues_cents_month", N_("Dues per month")),
  NOTES ("notes", N_("Notes")),
};

static const KwField network_unit_fields[] = {
  OWNER ("network", N_("Network"), to_network),
  TEXT_F ("name", N_("Name"), KW_FIELD_FLAG_REQUIRED),
  REF ("area", N_("Area"), to_area),
  REF ("contact", N_("Contact person"), to_person),
  REF ("deputy", N_("Deputy"), to_person),
  INT ("members_count", N_("Members"), 0, 1000000),
  INT ("meetings_per_year", N_("Gatherings per year"), 0, 366),
};

static const KwField network_member_fields[] = {
  OWNER ("unit", N_("Unit"), to_unit),
  OWNER ("person", N_("Person"), to_person),
  DATE ("since", N_("Since")),
};

static const KwField stakeholder_map_fields[] = {
  TEXT_F ("name", N_("Name"), KW_FIELD_FLAG_REQUIRED),
  REF ("area", N_("Area"), to_area),
  CONTEXT ("alliance", N_("Alliance"), to_alliance),
  TEXT_F ("notes", N_("Notes"), KW_FIELD_FLAG_LONG),
};

static const KwField map_position_fields[] = {
  OWNER ("map", N_("Map"), to_map),
  OWNER ("party", N_("Party"), to_party),
  INT ("influence", N_("Influence"), 1, 5),
  INT ("interest", N_("Interest"), 1, 5),
  INT ("stance", N_("Stance"), -2, 2),
  /* where the party was dragged to in the network graph: thousandths of
   * the layout's [-1, 1] square (empty: laid out) */
  INT ("x", N_("Network position x"), -1000, 1000),
  INT ("y", N_("Network position y"), -1000, 1000),
};

static const KwField meeting_fields[] = {
  NAME ("title", N_("Title")),
  ENUM ("kind", N_("Kind"), V ("residents_council", "task_team", "working_group", "key_figures",
                               "alliance", "open_house", "unit_gathering", "other"),
        L (N_("Residents’ council"), N_("Task team"), N_("Working group"), N_("Key figures"),
           N_("Alliance meeting"), N_("Open house"), N_("Unit gathering"), N_("Other"))),
  DATETIME ("starts_at", N_("Starts")),
  DATETIME ("ends_at", N_("Ends")),
  REF ("venue", N_("Venue"), to_venue),
  TEXT ("online_link", N_("Online link")),
  CONTEXT ("alliance", N_("Alliance"), to_alliance),
  CONTEXT ("unit", N_("Unit"), to_unit),
  REF ("chair", N_("Chair"), to_person),
  REF ("minute_taker", N_("Minute taker"), to_person),
  ENUM ("status", N_("Status"), V ("planned", "held", "cancelled"),
        L (N_("Planned"), N_("Held"), N_("Cancelled"))),
  NOTES ("minutes", N_("Minutes")),
  BOOL ("publishable", N_("Minutes may be published")),
  TEXT ("language", N_("Language")),
  TEXT ("interpreter", N_("Interpreter")),
  BOOL ("food", N_("Food")),
  BOOL ("childcare", N_("Childcare")),
  { "finalised_at", N_("Minutes finalised"), KW_FIELD_DATETIME, KW_FIELD_FLAG_SYSTEM, NULL, NULL, 0, 0 },
  TEXT_F ("finalised_by", N_("Finalised by"), KW_FIELD_FLAG_SYSTEM),
  TEXT_F ("reopen_log", N_("Reopened"), KW_FIELD_FLAG_LONG | KW_FIELD_FLAG_SYSTEM),
};

static const KwField agenda_item_fields[] = {
  OWNER ("meeting", N_("Meeting"), to_meeting),
  TEXT ("position", N_("Position")),
  NAME ("title", N_("Title")),
  REF ("presenter", N_("Presenter"), to_person),
  INT ("minutes_planned", N_("Minutes planned"), 0, 1440),
  ENUM ("kind", N_("Kind"), V ("info", "discussion", "decision"),
        L (N_("Information"), N_("Discussion"), N_("Decision"))),
  NOTES ("notes", N_("Notes")),
  NOTES ("decision", N_("Decision")),
  BOOL ("standing", N_("Standing item")),
  BOOL ("next_time", N_("Next time on the agenda")),
};

static const KwField attendance_fields[] = {
  OWNER ("meeting", N_("Meeting"), to_meeting),
  /* none for a guest, who has a guest_name (and a random id) */
  { "person", N_("Person"), KW_FIELD_REF, KW_FIELD_FLAG_PARENT, NULL, to_person, 0, 0 },
  ENUM ("status", N_("Status"), V ("invited", "present", "late", "absent_notified", "absent"),
        L (N_("Invited"), N_("Present"), N_("Late"), N_("Absent, with notice"), N_("Absent"))),
  TEXT ("guest_name", N_("Guest")),
};

static const KwField action_item_fields[] = {
  TEXT_F ("title", N_("Action"), KW_FIELD_FLAG_REQUIRED),
  REF ("owner", N_("Who"), to_person),
  DATE ("deadline", N_("Deadline")),
  TEXT_F ("info", N_("Information"), KW_FIELD_FLAG_LONG),
  ENUM ("status", N_("Status"), V ("open", "done", "dropped"),
        L (N_("Open"), N_("Done"), N_("Dropped"))),
  CONTEXT ("meeting", N_("Meeting"), to_meeting),
  CONTEXT ("alliance", N_("Alliance"), to_alliance),
  DATETIME ("done_at", N_("Done on")),
};

static const char * const attendance_id_fields[] = { "meeting", "person", NULL };

#define TYPE(n, l, p, flags, fields, title) \
  { n, l, p, flags, fields, G_N_ELEMENTS (fields), title, NULL }

static KwEntityType types[] = {
  TYPE ("area", N_("Area"), N_("Areas"), KW_TYPE_FLAG_NONE, area_fields, "name"),
  TYPE ("venue", N_("Venue"), N_("Venues"), KW_TYPE_FLAG_NONE, venue_fields, "name"),
  TYPE ("organisation", N_("Organisation"), N_("Organisations"), KW_TYPE_FLAG_SEARCH,
        organisation_fields, "name"),
  TYPE ("person", N_("Person"), N_("People"), KW_TYPE_FLAG_SEARCH, person_fields, "name"),
  TYPE ("affiliation", N_("Affiliation"), N_("Affiliations"), KW_TYPE_FLAG_NONE,
        affiliation_fields, "role"),
  TYPE ("relation", N_("Relation"), N_("Relations"), KW_TYPE_FLAG_NONE, relation_fields, NULL),
  TYPE ("contact_moment", N_("Contact moment"), N_("Contact moments"), KW_TYPE_FLAG_NONE,
        contact_moment_fields, "summary"),
  TYPE ("alliance", N_("Neighbourhood alliance"), N_("Neighbourhood alliances"),
        KW_TYPE_FLAG_SEARCH, alliance_fields, "name"),
  TYPE ("alliance_partner", N_("Alliance partner"), N_("Alliance partners"), KW_TYPE_FLAG_NONE,
        alliance_partner_fields, NULL),
  TYPE ("action_line", N_("Action line"), N_("Action lines"), KW_TYPE_FLAG_NONE,
        action_line_fields, "title"),
  TYPE ("network", N_("Residents’ network"), N_("Residents’ networks"), KW_TYPE_FLAG_SEARCH,
        network_fields, "name"),
  TYPE ("network_unit", N_("Unit"), N_("Units"), KW_TYPE_FLAG_NONE, network_unit_fields, "name"),
  TYPE ("network_member", N_("Network member"), N_("Network members"), KW_TYPE_FLAG_NONE,
        network_member_fields, NULL),
  TYPE ("stakeholder_map", N_("Stakeholder map"), N_("Stakeholder maps"), KW_TYPE_FLAG_NONE,
        stakeholder_map_fields, "name"),
  TYPE ("map_position", N_("Map position"), N_("Map positions"), KW_TYPE_FLAG_NONE,
        map_position_fields, NULL),
  TYPE ("meeting", N_("Meeting"), N_("Meetings"), KW_TYPE_FLAG_SEARCH, meeting_fields, "title"),
  TYPE ("agenda_item", N_("Agenda item"), N_("Agenda items"), KW_TYPE_FLAG_SEARCH,
        agenda_item_fields, "title"),
  { "attendance", N_("Attendance"), N_("Attendance"), KW_TYPE_FLAG_DERIVED_ID,
    attendance_fields, G_N_ELEMENTS (attendance_fields), NULL, attendance_id_fields },
  TYPE ("action_item", N_("Action"), N_("Actions"), KW_TYPE_FLAG_NONE, action_item_fields, "title"),
};

guint
kw_registry_n_types (void)
{
  return G_N_ELEMENTS (types);
}

const KwEntityType *
kw_registry_type_at (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (types), NULL);
  return &types[index];
}

const KwEntityType *
kw_registry_lookup (const char *type_name)
{
  if (type_name == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (strcmp (types[i].name, type_name) == 0)
      return &types[i];
  return NULL;
}

int
kw_entity_type_field_index (const KwEntityType *type,
                            const char         *field_name)
{
  g_return_val_if_fail (type != NULL, -1);

  if (field_name == NULL)
    return -1;
  for (guint i = 0; i < type->n_fields; i++)
    if (strcmp (type->fields[i].name, field_name) == 0)
      return (int) i;
  return -1;
}

const KwField *
kw_entity_type_field (const KwEntityType *type,
                      const char         *field_name)
{
  int i = kw_entity_type_field_index (type, field_name);

  return i < 0 ? NULL : &type->fields[i];
}

gboolean
kw_field_has_value (const KwField *field,
                    const char    *value)
{
  g_return_val_if_fail (field != NULL, FALSE);

  if (field->values == NULL || value == NULL)
    return FALSE;
  for (guint i = 0; field->values[i]; i++)
    if (strcmp (field->values[i], value) == 0)
      return TRUE;
  return FALSE;
}

const char *
kw_field_get_value_label (const KwField *field,
                          const char    *value)
{
  g_return_val_if_fail (field != NULL, NULL);

  if (field->values == NULL || field->value_labels == NULL || value == NULL)
    return NULL;
  for (guint i = 0; field->values[i] && field->value_labels[i]; i++)
    if (strcmp (field->values[i], value) == 0)
      return g_dgettext (GETTEXT_PACKAGE, field->value_labels[i]);
  return NULL;
}

gboolean
kw_field_targets (const KwField *field,
                  const char    *type_name)
{
  g_return_val_if_fail (field != NULL, FALSE);

  if (field->targets == NULL || type_name == NULL)
    return FALSE;
  for (guint i = 0; field->targets[i]; i++)
    if (strcmp (field->targets[i], type_name) == 0)
      return TRUE;
  return FALSE;
}

int
kw_entity_type_consent_index (const KwEntityType *type)
{
  g_return_val_if_fail (type != NULL, -1);

  for (guint i = 0; i < type->n_fields; i++)
    if (type->fields[i].flags & KW_FIELD_FLAG_CONSENT)
      return (int) i;
  return -1;
}

const char *
kw_field_kind_to_string (KwFieldKind kind)
{
  static const char * const names[] = {
    "text", "integer", "bool", "date", "datetime", "cents", "enum", "reference",
  };

  g_return_val_if_fail (kind < G_N_ELEMENTS (names), "unknown");
  return names[kind];
}

const GVariantType *
kw_field_variant_type (const KwField *field)
{
  switch (field->kind)
    {
    case KW_FIELD_INTEGER:
    case KW_FIELD_CENTS:
      return G_VARIANT_TYPE_INT64;
    case KW_FIELD_BOOL:
      return G_VARIANT_TYPE_BOOLEAN;
    case KW_FIELD_TEXT:
    case KW_FIELD_DATE:
    case KW_FIELD_DATETIME:
    case KW_FIELD_ENUM:
    case KW_FIELD_REF:
    default:
      return G_VARIANT_TYPE_STRING;
    }
}

/* Ids */

gboolean
kw_id_is_valid (const char *id)
{
  if (id == NULL || strlen (id) != 36)
    return FALSE;
  for (guint i = 0; i < 36; i++)
    {
      if (i == 8 || i == 13 || i == 18 || i == 23)
        {
          if (id[i] != '-')
            return FALSE;
        }
      else if (!g_ascii_isdigit (id[i]) && !(id[i] >= 'a' && id[i] <= 'f'))
        return FALSE;
    }
  return TRUE;
}

/* Set by kw_id_seed (): ids drawn from a seed instead of at random. */
static GRand *id_rand;

char *
kw_id_new (void)
{
  char *id;
  guint32 w[4];

  if (id_rand == NULL)
    {
      id = g_uuid_string_random ();
      for (char *p = id; *p; p++)
        *p = g_ascii_tolower (*p);
      return id;
    }
  for (guint i = 0; i < G_N_ELEMENTS (w); i++)
    w[i] = g_rand_int (id_rand);
  w[1] = (w[1] & 0xffff0fffu) | 0x00004000u;  /* version 4 */
  w[2] = (w[2] & 0x3fffffffu) | 0x80000000u;  /* variant 1 */
  return g_strdup_printf ("%08x-%04x-%04x-%04x-%04x%08x", w[0], w[1] >> 16, w[1] & 0xffff,
                          w[2] >> 16, w[2] & 0xffff, w[3]);
}

void
kw_id_seed (gboolean seeded,
            guint64  seed)
{
  g_clear_pointer (&id_rand, g_rand_free);
  if (seeded)
    {
      guint32 parts[2] = { (guint32) seed, (guint32) (seed >> 32) };

      id_rand = g_rand_new_with_seed_array (parts, G_N_ELEMENTS (parts));
    }
}

/* A name-based id: the same parts give the same id on every device. */
char *
kw_id_derive (const char         *type_name,
              const char * const *parts)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize len = sizeof digest;

  g_checksum_update (sum, (const guchar *) type_name, strlen (type_name) + 1);
  for (guint i = 0; parts[i]; i++)
    g_checksum_update (sum, (const guchar *) parts[i], strlen (parts[i]) + 1);
  g_checksum_get_digest (sum, digest, &len);
  digest[6] = (digest[6] & 0x0f) | 0x50;  /* version 5 (name-based) */
  digest[8] = (digest[8] & 0x3f) | 0x80;  /* RFC 4122 variant */

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
                          "%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4],
                          digest[5], digest[6], digest[7], digest[8], digest[9],
                          digest[10], digest[11], digest[12], digest[13],
                          digest[14], digest[15]);
}

/* Dates */

static gboolean
is_date (const char *s)
{
  int y, m, d;

  if (strlen (s) != 10 || s[4] != '-' || s[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (s[i]))
      return FALSE;
  y = atoi (s);
  m = atoi (s + 5);
  d = atoi (s + 8);
  return y >= 1 && g_date_valid_dmy (d, m, y);
}

static gboolean
is_datetime (const char *s)
{
  g_autofree char *date = NULL;
  int hh, mm, ss;

  if (strlen (s) != 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z')
    return FALSE;
  date = g_strndup (s, 10);
  if (!is_date (date))
    return FALSE;
  for (guint i = 11; i < 19; i++)
    if (i != 13 && i != 16 && !g_ascii_isdigit (s[i]))
      return FALSE;
  hh = atoi (s + 11);
  mm = atoi (s + 14);
  ss = atoi (s + 17);
  return hh < 24 && mm < 60 && ss < 60;
}

static gboolean
is_blank (const char *s)
{
  for (; *s; s = g_utf8_next_char (s))
    if (!g_unichar_isspace (g_utf8_get_char (s)))
      return FALSE;
  return TRUE;
}

/* One "@", something before it, a dot inside the part after it, no spaces. */
static gboolean
is_email (const char *s)
{
  const char *at = strchr (s, '@');
  const char *dot;

  for (const char *p = s; *p; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)) || g_unichar_iscntrl (g_utf8_get_char (p)))
      return FALSE;
  if (at == NULL || at == s || strchr (at + 1, '@') != NULL)
    return FALSE;
  dot = strrchr (at + 1, '.');
  return dot != NULL && dot > at + 1 && dot[1] != '\0' && at[1] != '.' && strstr (at, "..") == NULL;
}

static char *
join_values (const char * const *values)
{
  return g_strjoinv (", ", (char **) values);
}

gsize
kw_json_string_length (const char *text)
{
  gsize n = 2;

  g_return_val_if_fail (text != NULL, 0);

  for (const guchar *p = (const guchar *) text; *p; p++)
    if (*p == '"' || *p == '\\' || *p == '\b' || *p == '\f' || *p == '\n' || *p == '\r' || *p == '\t')
      n += 2;
    else if (*p < 0x20)
      n += 6;
    else
      n++;
  return n;
}

gsize
kw_field_max_json (const KwField *field)
{
  g_return_val_if_fail (field != NULL, 0);

  return (field->flags & KW_FIELD_FLAG_LONG) ? KW_FIELD_LONG_MAX : KW_FIELD_SHORT_MAX;
}

/* The cap on a text's JSON text, so that every record line of an export
 * stays under 1 MiB, whatever a merge combines. */
static gboolean
check_length (const KwField *field,
              const char    *s,
              GError       **error)
{
  gsize len = kw_json_string_length (s);
  g_autofree char *got = NULL;
  g_autofree char *cap = NULL;

  if (len <= kw_field_max_json (field))
    return TRUE;
  got = g_strdup_printf ("%" G_GSIZE_FORMAT, len);
  cap = g_strdup_printf ("%" G_GSIZE_FORMAT, kw_field_max_json (field));
  g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID,
               _("%s: the text is too long (%s bytes as written in an export, at most %s)"),
               field->name, got, cap);
  return FALSE;
}

static gboolean
validate_string (const KwField *field,
                 const char    *s,
                 GError       **error)
{
  g_autofree char *list = NULL;

  if (!check_length (field, s, error))
    return FALSE;
  switch (field->kind)
    {
    case KW_FIELD_TEXT:
      if ((field->flags & KW_FIELD_FLAG_REQUIRED) && is_blank (s))
        break;
      return TRUE;
    case KW_FIELD_DATE:
      if (is_date (s))
        return TRUE;
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID,
                   _("%s: “%s” is not a date (YYYY-MM-DD)"), field->name, s);
      return FALSE;
    case KW_FIELD_DATETIME:
      if (is_datetime (s))
        return TRUE;
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID,
                   _("%s: “%s” is not a time (YYYY-MM-DDTHH:MM:SSZ)"), field->name, s);
      return FALSE;
    case KW_FIELD_ENUM:
      if (kw_field_has_value (field, s))
        return TRUE;
      list = join_values (field->values);
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID,
                   _("%s: “%s” is not one of %s"), field->name, s, list);
      return FALSE;
    case KW_FIELD_REF:
      if (kw_id_is_valid (s))
        return TRUE;
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID,
                   _("%s: “%s” is not a record id"), field->name, s);
      return FALSE;
    case KW_FIELD_INTEGER:
    case KW_FIELD_BOOL:
    case KW_FIELD_CENTS:
    default:
      g_assert_not_reached ();
    }

  g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID,
               _("%s: must not be empty"), field->name);
  return FALSE;
}

gboolean
kw_field_validate (const KwField *field,
                   GVariant      *value,
                   GError       **error)
{
  g_return_val_if_fail (field != NULL, FALSE);

  if (value == NULL)
    {
      if (!(field->flags & KW_FIELD_FLAG_REQUIRED))
        return TRUE;
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID,
                   _("%s: must not be empty"), field->name);
      return FALSE;
    }

  if (!g_variant_is_of_type (value, kw_field_variant_type (field)))
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID,
                   _("%s: expected a value of type %s"), field->name,
                   kw_field_kind_to_string (field->kind));
      return FALSE;
    }

  if (field->kind == KW_FIELD_INTEGER && field->min < field->max)
    {
      gint64 v = g_variant_get_int64 (value);

      if (v < field->min || v > field->max)
        {
          g_autofree char *got = g_strdup_printf ("%" G_GINT64_FORMAT, v);
          g_autofree char *lo = g_strdup_printf ("%" G_GINT64_FORMAT, field->min);
          g_autofree char *hi = g_strdup_printf ("%" G_GINT64_FORMAT, field->max);

          g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID,
                       _("%s: %s is not between %s and %s"), field->name, got, lo, hi);
          return FALSE;
        }
    }

  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return validate_string (field, g_variant_get_string (value, NULL), error);
  return TRUE;
}

static GVariant *
parse_integer (const KwField *field,
               const char    *text,
               GError       **error)
{
  gint64 v;

  if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &v, NULL))
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID,
                   _("%s: “%s” is not a whole number"), field->name, text);
      return NULL;
    }
  return g_variant_new_int64 (v);
}

static GVariant *
parse_bool (const KwField *field,
            const char    *text,
            GError       **error)
{
  if (g_ascii_strcasecmp (text, "true") == 0 || g_ascii_strcasecmp (text, "yes") == 0)
    return g_variant_new_boolean (TRUE);
  if (g_ascii_strcasecmp (text, "false") == 0 || g_ascii_strcasecmp (text, "no") == 0)
    return g_variant_new_boolean (FALSE);
  g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID,
               _("%s: “%s” is not true or false"), field->name, text);
  return NULL;
}

static gboolean
digits_at (const char *s,
           guint       at,
           guint       n,
           int        *value)
{
  *value = 0;
  for (guint i = at; i < at + n; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
      *value = *value * 10 + (s[i] - '0');
    }
  return TRUE;
}

/* "YYYY-MM-DDTHH:MM:SS" then "Z" or "+HH:MM"/"-HH:MM", as minutes east;
 * FALSE for anything else (RFC 3339 without a fraction, no leap second). */
static gboolean
split_rfc3339 (const char *s,
               int         part[6],
               int        *offset)
{
  static const guint at[6] = { 0, 5, 8, 11, 14, 17 };
  static const guint width[6] = { 4, 2, 2, 2, 2, 2 };
  gsize len = strlen (s);
  int oh, om;

  if (len < 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':')
    return FALSE;
  for (guint i = 0; i < 6; i++)
    if (!digits_at (s, at[i], width[i], &part[i]))
      return FALSE;
  if (part[3] > 23 || part[4] > 59 || part[5] > 59)
    return FALSE;
  *offset = 0;
  if (len == 20 && s[19] == 'Z')
    return TRUE;
  if (len != 25 || (s[19] != '+' && s[19] != '-') || s[22] != ':'
      || !digits_at (s, 20, 2, &oh) || !digits_at (s, 23, 2, &om) || oh > 23 || om > 59)
    return FALSE;
  *offset = (s[19] == '-' ? -1 : 1) * (oh * 60 + om);
  return TRUE;
}

/* An RFC 3339 time with "Z" or an offset, stored in UTC; every refusal
 * says why. */
static GVariant *
parse_datetime (const KwField *field,
                const char    *text,
                GError       **error)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) in_utc = NULL;
  int part[6], offset;

  if (!split_rfc3339 (text, part, &offset))
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID,
                   _("%s: “%s” is not a time (YYYY-MM-DDTHH:MM:SSZ, or with an offset such as +01:00)"),
                   field->name, text);
      return NULL;
    }
  if (part[0] < 1 || (local = g_date_time_new (utc, part[0], part[1], part[2], part[3], part[4], part[5])) == NULL)
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID,
                   _("%s: “%s” is not a date that exists"), field->name, text);
      return NULL;
    }
  in_utc = g_date_time_add_minutes (local, -offset);
  if (in_utc == NULL)
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID,
                   _("%s: “%s” is outside the years 1 to 9999 in UTC"), field->name, text);
      return NULL;
    }
  /* by hand: %Y does not pad years below 1000 */
  return g_variant_new_take_string (g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ",
                                                     g_date_time_get_year (in_utc),
                                                     g_date_time_get_month (in_utc),
                                                     g_date_time_get_day_of_month (in_utc),
                                                     g_date_time_get_hour (in_utc),
                                                     g_date_time_get_minute (in_utc),
                                                     g_date_time_get_second (in_utc)));
}

gboolean
kw_field_parse (const KwField *field,
                const char    *text,
                GVariant     **value,
                GError       **error)
{
  g_autoptr(GVariant) v = NULL;

  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  *value = NULL;
  if (text == NULL || *text == '\0')
    return kw_field_validate (field, NULL, error);
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID,
                   _("%s: the text is not valid UTF-8"), field->name);
      return FALSE;
    }

  switch (field->kind)
    {
    case KW_FIELD_INTEGER:
    case KW_FIELD_CENTS:
      v = parse_integer (field, text, error);
      break;
    case KW_FIELD_BOOL:
      v = parse_bool (field, text, error);
      break;
    case KW_FIELD_DATETIME:
      v = parse_datetime (field, text, error);
      break;
    case KW_FIELD_REF:
      v = g_variant_new_take_string (g_ascii_strdown (text, -1));
      break;
    case KW_FIELD_TEXT:
    case KW_FIELD_DATE:
    case KW_FIELD_ENUM:
    default:
      v = g_variant_new_string (text);
      break;
    }

  if (v == NULL)
    return FALSE;
  g_variant_ref_sink (v);
  if (!kw_field_validate (field, v, error))
    return FALSE;
  /* typed in, not imported: an export with an odd address still goes in */
  if ((field->flags & KW_FIELD_FLAG_EMAIL) && !is_email (text))
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID,
                   _("%s: “%s” is not an e-mail address (name@example.org)"), field->name, text);
      return FALSE;
    }
  *value = g_steal_pointer (&v);
  return TRUE;
}

KwFieldProblem
kw_field_problem (const KwField *field,
                  const char    *text)
{
  g_autoptr(GVariant) value = NULL;
  gint64 v;

  g_return_val_if_fail (field != NULL, KW_FIELD_PROBLEM_OTHER);

  if (kw_field_parse (field, text, &value, NULL))
    return KW_FIELD_PROBLEM_NONE;
  if (text == NULL || is_blank (text))
    return KW_FIELD_PROBLEM_EMPTY;
  switch (field->kind)
    {
    case KW_FIELD_INTEGER:
    case KW_FIELD_CENTS:
      if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &v, NULL))
        return KW_FIELD_PROBLEM_NOT_A_NUMBER;
      return KW_FIELD_PROBLEM_OUT_OF_RANGE;
    case KW_FIELD_DATE:
      return is_date (text) ? KW_FIELD_PROBLEM_OTHER : KW_FIELD_PROBLEM_NOT_A_DATE;
    case KW_FIELD_DATETIME:
      return KW_FIELD_PROBLEM_NOT_A_TIME;
    case KW_FIELD_TEXT:
      return (field->flags & KW_FIELD_FLAG_EMAIL) && !is_email (text)
             ? KW_FIELD_PROBLEM_NOT_AN_EMAIL : KW_FIELD_PROBLEM_OTHER;
    case KW_FIELD_BOOL:
    case KW_FIELD_ENUM:
    case KW_FIELD_REF:
    default:
      return KW_FIELD_PROBLEM_OTHER;
    }
}

char *
kw_field_format (const KwField *field,
                 GVariant      *value)
{
  if (value == NULL)
    return NULL;
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    return g_strdup_printf ("%" G_GINT64_FORMAT, g_variant_get_int64 (value));
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
    return g_strdup (g_variant_get_boolean (value) ? "true" : "false");
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return g_strdup (g_variant_get_string (value, NULL));
  return g_variant_print (value, FALSE);
}
