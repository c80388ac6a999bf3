/* kw-demo-generate.c: the synthetic city-scale generator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * kw_demo_generate() writes a data set of the demo's shape (kw-demo.c,
 * docs/demo-data.md) at city scale from a seeded splitmix64, in
 * transactions of GEN_BATCH writes, through the store and the registry
 * only. Every view has something to show: alliances with partners, action
 * lines and stakeholder maps, networks whose units have members from their
 * own binnenbuurt, a graph of relations with bridges between residents'
 * groups and the institutions, and meetings in regular series with agendas,
 * attendance (and people who stopped coming) and a running action list.
 * Dates are relative to today (KWARTIER_DEMO_TODAY=YYYY-MM-DD pins the
 * day), so that the data set looks alive on the day it is made. It is an
 * algorithm, not data, so it stays C while the demo itself is data.
 */
#define G_LOG_DOMAIN "kw-demo"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "kw-demo.h"
#include "kw-error.h"

static void
set_text (KwChangeset *changes,
          const char  *field,
          const char  *value)
{
  if (value != NULL)
    kw_changeset_set_string (changes, field, value);
}

/* "Naïma Chaouch" → "naima.chaouch" */
static char *
make_mail_name (const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  GString *out = g_string_new (NULL);

  for (const char *p = ascii; *p; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (out, g_ascii_tolower (*p));
      else if ((*p == ' ' || *p == '-') && out->len > 0 && out->str[out->len - 1] != '.')
        g_string_append_c (out, '.');
    }
  return g_string_free (out, FALSE);
}

/* Fractional-index positions in order: "a0" … "a9", "aA" … "aZ", "aa" … "az". */
static void
format_position (char  out[3],
                 guint index)
{
  static const char digits[] =
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  g_assert (index < sizeof digits - 1);
  out[0] = 'a';
  out[1] = digits[index];
  out[2] = '\0';
}


/* The generator: a city of the demo's shape, from a seed.
 *
 * Every random draw is its own statement, so that the order of draws (and
 * with it the output for a seed) does not depend on the compiler's order
 * of evaluating arguments. */

#define GEN_BATCH 5000  /* writes per transaction */

static const char * const gen_first_names[] = {
  "Anna", "Daan", "Emma", "Lucas", "Sophie", "Thijs", "Lotte", "Bas", "Noa", "Ruben",
  "Ilse", "Gijs", "Wilma", "Cor", "Tineke", "Bert", "Ria", "Hennie", "Fenna", "Sem",
  "Karim", "Salma", "Khadija", "Bilal", "Soufiane", "Imane", "Hamza", "Rachida", "Ilias", "Ayoub",
  "Zeynep", "Murat", "Elif", "Burak", "Ayşe", "Kerem", "Ahmet", "Hüseyin",
  "Kwaku", "Akosua", "Yaw", "Abena", "Kojo", "Adjoa", "Esi", "Kwesi",
  "Priscilla", "Rajesh", "Anjali", "Jermaine", "Romano", "Ravi", "Shanti", "Dwayne",
  "Xiomara", "Jairo", "Luisa", "Giovanni", "Katarzyna", "Tomasz", "Magdalena", "Paweł",
  "Marta", "Krzysztof", "Ewa", "Jakub", "Lina", "Nadia", "Stefan", "Mila",
};

static const char * const gen_last_names[] = {
  "de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
  "de Groot", "Bos", "Vos", "Hendriks", "van Dijk", "Dekker", "Brouwer", "van der Berg",
  "El Idrissi", "Bouzid", "El Amrani", "Tahiri", "Belhaj", "Azzouzi", "Ouazzani", "Benmoussa",
  "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk", "Aksoy", "Doğan",
  "Mensah", "Owusu", "Boateng", "Agyeman", "Osei", "Asamoah", "Ofori", "Darko",
  "Ramsaran", "Soekhoe", "Kartosen", "Biharie", "Pinas", "Wijngaarde", "Zaandam", "Kanhai",
  "Martina", "Isenia", "Rosaria", "Francisca", "Kowalski", "Nowak", "Wójcik", "Kamiński",
  "Lewandowski", "Zieliński", "Szymański", "Dąbrowska", "Haile", "Tesfay", "Hassan", "Ali",
};

static const char * const gen_languages[] = {
  "Nederlands", "Nederlands", "Nederlands, Engels", "Nederlands, Arabisch, Tamazight",
  "Nederlands, Turks", "Nederlands, Sranantongo", "Nederlands, Sarnami", "Nederlands, Twi, Engels",
  "Papiaments, Nederlands", "Pools, Engels", "Nederlands, Frans", "Engels",
  "Nederlands, Koerdisch", "Nederlands, Tigrinya", "Nederlands, Spaans", "Arabisch, Engels",
};

static const char * const gen_communities[] = {
  "Marokkaans-Nederlandse gemeenschap", "Turkse gemeenschap", "Surinaamse gemeenschap",
  "Hindoestaanse gemeenschap", "Ghanese gemeenschap", "Antilliaanse gemeenschap",
  "Poolse arbeidsmigranten", "Eritrese gemeenschap", "ouderen", "jongeren", "moskee", "kerk",
  "stadsdorp", "huurders", "ondernemers", "ouders van de basisschool",
};

static const char * const gen_topics[] = {
  "armoede", "eenzaamheid", "jongeren", "veiligheid", "gezondheid", "opvoeding", "taal", "werk",
  "huisvesting", "groen", "verkeer", "ouderen", "sport", "schulden", "voedsel", "onderwijs",
};

static const char * const gen_notes[] = {
  "Kent veel mensen via het schoolplein.", "Komt elke week in het buurthuis.",
  "Bereikbaar via de moskee.", "Actief in de buurtapp.", "Vrijwilliger bij de voedselbank.",
  "Wil graag meedenken maar heeft weinig tijd.", "Spreekt namens een groep huurders.",
  "Signaleert eenzaamheid bij ouderen in de flat.",
};

static const char * const gen_consent_notes[] = {
  "Wil niet in verslagen of exports.", "Liever niet met naam in stukken.",
  "Alleen bellen, geen e-mail.", "Toestemming mondeling gegeven; later op papier.",
};

static const char * const gen_private_notes[] = {
  "Zorgt voor een ouder; niet te veel tegelijk vragen.", "Schuldhulp loopt via het buurtteam.",
  "Draagt veel alleen; vraag of er iemand kan helpen.", "Net verhuisd binnen de buurt.",
};

static const char * const gen_roles[] = {
  "vrijwilliger", "lid", "bestuurslid", "voorzitter", "secretaris", "penningmeester",
  "coördinator", "opbouwwerker", "medewerker", "trekker", "adviseur", "lid kerngroep",
};

static const char * const gen_channels[] = {
  "telefoon", "huisbezoek", "e-mail", "WhatsApp", "bijeenkomst",
};

static const char * const gen_summaries[] = {
  "Kennismaking; wil op de hoogte blijven van de wijkalliantie.",
  "Zorgen over de veiligheid op het plein 's avonds.",
  "Vraagt om een ruimte voor een wekelijkse bijeenkomst.",
  "Uitnodiging voor het bewonersberaad besproken.",
  "Signaleert dat een buurvrouw niet meer buiten komt.",
  "Wil meedenken over de besteding van het buurtbudget.",
  "Afgemeld voor de bijeenkomst; wel graag het verslag.",
  "Idee voor een buurtmaaltijd in de zomer.",
  "Klacht over onderhoud van de portiek doorgegeven aan de corporatie.",
  "Vraagt hulp bij een brief van de gemeente.",
};

static const char * const gen_accessibility[] = {
  "Gelijkvloers; invalidentoilet", "Lift; invalidentoilet; ringleiding",
  "Drempel bij de ingang; hellingbaan op aanvraag", "Eerste verdieping zonder lift",
};

static const char * const gen_stadsdelen[] = {
  "Centrum", "Noord", "West", "Nieuw-West", "Zuid", "Oost", "Zuidoost", "Weesp",
};

static const char * const gen_stems[] = {
  "Linden", "Meer", "Water", "Kraaien", "Gaasp", "Sloter", "Zuider", "Ooster",
  "Vogel", "Bloemen", "Eiken", "Beuken", "Molen", "Dijk", "Haven", "Polder",
  "Riet", "Zwanen", "Elzen", "Wilgen", "Berken", "Tuin", "Brug", "Sluis",
};

static const char * const gen_endings[] = {
  "buurt", "hof", "park", "kwartier", "wijk", "dorp", "veld", "zijde",
};

static const char * const gen_compass[] = { "Noord", "Zuid", "Oost", "West" };

static const char * const gen_venue_kinds[] = {
  "Buurthuis", "Buurtcentrum", "Bibliotheek", "Gymzaal", "Moskeezaal", "Wijkcentrum",
};

static const char * const gen_unit_names[] = {
  "Kerkpad", "Schoolhof", "Bleekveld", "Kade", "Pleinzijde", "Parkrand", "Singelhof", "Lindenrij",
  "Zaaiershof", "Dorsvloer", "Hooiberg", "Molenerf", "Boomgaard", "Waterkant", "Bongerd", "Brinkzijde",
};

typedef struct {
  const char *kind, *prefix;  /* the name is the prefix and a buurt's name */
  gboolean    formal;
} GenOrgKind;

static const GenOrgKind gen_org_kinds[] = {
  { "welfare", "Stichting Welzijn ", TRUE },
  { "housing", "Woonstichting ", TRUE },
  { "neighbourhood_team", "Buurtteam ", TRUE },
  { "residents_group", "Bewonersgroep ", FALSE },
  { "residents_group", "Huurderscommissie ", TRUE },
  { "village_network", "Stadsdorp ", TRUE },
  { "initiative", "Buurtinitiatief ", FALSE },
  { "initiative", "Samen Eten ", FALSE },
  { "initiative", "Moedercentrum ", FALSE },
  { "initiative", "Jongerencollectief ", FALSE },
  { "religious", "Moskeevereniging ", TRUE },
  { "religious", "Evangeliegemeente ", TRUE },
  { "school", "Basisschool ", TRUE },
  { "business", "Ondernemersvereniging ", TRUE },
  { "other", "Sportvereniging ", TRUE },
  { "other", "Speeltuinvereniging ", TRUE },
};

static const char * const gen_alliance_status[] = {
  "exploring", "forming", "active", "active", "active", "paused", "ended",
};

static const char * const gen_challenges[] = {
  "Minder gezinnen in armoede en eenzaamheid.",
  "Jongeren een stem geven in wat er met het buurtbudget gebeurt.",
  "Een buurthuis dat van en voor de hele buurt is.",
  "Veilige en schone pleinen, met bewoners als beheerders.",
  "Ouderen langer zelfstandig en niet alleen.",
};

static const char * const gen_descriptions[] = {
  "Gestart vanuit het bewonersplatform en de welzijnsorganisatie. Alliantiebestuur eens per vier weken.",
  "Volgt op een gesprek tussen stadsdeel en corporatie; het sleutelfigurenoverleg gaat erin op.",
  "Verkenning door het opgaveteam; eerst een open huis voor de hele buurt.",
};

static const char * const gen_action_line_titles[] = {
  "Samen eten", "Schuldhulp aan de keukentafel", "Jongerenbudget", "Moeders aan tafel",
  "Buurtconciërges", "Zomerprogramma kinderen", "Belrooster ouderen", "Taalcafé",
};



/* An agenda opens and closes the same way; what lies between varies. */
static const char * const gen_agenda_middle[] = {
  "Wie missen we nog aan tafel?", "Voortgang actielijnen", "Begroting en besteding",
  "Terugkoppeling uit de buurt", "Nieuwe partners", "Plannen voor de zomer",
  "Signalen van de sleutelfiguren", "Evaluatie van de buurtmaaltijd",
};

static const char * const gen_agenda_middle_kinds[] = { "discussion", "decision", "discussion", "info" };

static const char * const gen_next_steps[] = {
  "Kennismakingsgesprek plannen", "Uitnodigen voor het alliantiebestuur",
  "Samenwerkingsafspraken op papier zetten", "Bellen over de subsidieaanvraag",
  "Terugkoppeling geven over de actielijn", "Langsgaan op hun spreekuur",
};

static const char * const gen_action_titles[] = {
  "Verslag rondsturen", "Zaal reserveren", "Uitnodiging vertalen", "Budgetoverzicht maken",
  "Partners benaderen", "Terugbellen", "Voorstel schrijven", "Langsgaan bij bewoners",
};

static const char * const gen_minutes[] = {
  "Opening door de voorzitter. Verslag goedgekeurd. Voortgang besproken; zie de actielijst.",
  "Goede opkomst. Zorgen over het budget; besluit om partners te benaderen. WVTTK: geen.",
  "Lange discussie over wie er nog ontbreekt aan tafel. Acties verdeeld.",
};

static const char * const gen_meeting_languages[] = {
  "Nederlands", "Nederlands", "Nederlands, Engels", "Nederlands, Arabisch", "Nederlands, Turks",
};

/* For the meeting languages above, in order: who interprets, if anyone. */
static const char * const gen_interpreters[] = {
  NULL, NULL, NULL, "Vrijwillige tolk Arabisch", "Tolk Turks van het buurtteam",
};

G_STATIC_ASSERT (G_N_ELEMENTS (gen_interpreters) == G_N_ELEMENTS (gen_meeting_languages));

/* What an organisation is to the others: the institutions (municipality,
 * districts, welfare, housing, neighbourhood teams), the residents' own
 * groups and initiatives, and the rest. */
typedef enum {
  ORG_INSTITUTION,
  ORG_GRASSROOTS,
  ORG_OTHER,
} GenOrgRole;

typedef struct {
  char       *id;
  guint       buurt;
  GArray     *regulars;     /* person indexes invited to its meetings */
} GenAlliance;

typedef struct {
  char       *id;
  guint       buurt;        /* its binnenbuurt lies in this buurt */
  GArray     *members;      /* person indexes: the contact first, then the deputy */
  guint       per_year;     /* gatherings */
} GenUnit;

typedef struct {
  KwStore   *store;
  guint64    state;          /* splitmix64 */
  guint      pending;        /* writes in the open transaction */
  gboolean   open;           /* a transaction of ours is open */
  KwDemoProgressFunc progress;
  gpointer   progress_data;
  guint      stage;          /* index into gen_stages */
  guint64    written;        /* records written so far */
  guint      n_people;
  GDate      today;          /* every date is relative to it */
  GPtrArray *gebieden;       /* ids */
  GPtrArray *buurten;        /* ids */
  GPtrArray *buurt_names;
  GArray    *buurt_gebied;   /* per buurt: the index of its gebied */
  GPtrArray *binnenbuurten;  /* per buurt: the id of the binnenbuurt in it */
  GPtrArray *binnen_names;
  GPtrArray *venues;
  GPtrArray *organisations;
  GArray    *org_role;       /* per organisation: GenOrgRole */
  GPtrArray *orgs_in_buurt;  /* per buurt: GArray of organisation indexes */
  GArray    *institutions;   /* organisation indexes */
  GArray    *grassroots;     /* organisation indexes */
  GPtrArray *people;
  GArray    *person_buurt;   /* per person: the index of the buurt they live in */
  GPtrArray *people_in_buurt;  /* per buurt: GArray of person indexes, its binnenbuurt's too */
  GPtrArray *people_in_binnen; /* per buurt: GArray of the people of its binnenbuurt */
  GArray    *key_figures;    /* person indexes */
  GPtrArray *alliances;      /* GenAlliance */
  GPtrArray *units;          /* GenUnit */
} Gen;

static guint64
next_random (Gen *gen)
{
  guint64 z = (gen->state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

static guint
random_below (Gen   *gen,
              guint  n)
{
  return n > 0 ? (guint) (next_random (gen) % n) : 0;
}

static gboolean
random_percent (Gen   *gen,
                guint  percent)
{
  return random_below (gen, 100) < percent;
}

#define PICK(gen, list) ((list)[random_below ((gen), G_N_ELEMENTS (list))])

static const char *
random_id (Gen       *gen,
           GPtrArray *ids)
{
  g_assert (ids->len > 0);
  return g_ptr_array_index (ids, random_below (gen, ids->len));
}

#define AT(array, i) g_array_index ((array), guint, (i))

/* One of a list of indexes (the list is not empty). */
static guint
random_of (Gen    *gen,
           GArray *list)
{
  g_assert (list->len > 0);
  return AT (list, random_below (gen, list->len));
}

static gboolean
list_contains (GArray *list,
               guint   value)
{
  for (guint i = 0; i < list->len; i++)
    if (AT (list, i) == value)
      return TRUE;
  return FALSE;
}

static void
append_unique (GArray *list,
               guint   value)
{
  if (!list_contains (list, value))
    g_array_append_val (list, value);
}

/* k distinct indexes below n (k ≤ n, k small) */
static void
pick_distinct (Gen   *gen,
               guint  n,
               guint  k,
               guint *out)
{
  g_assert (k <= n);
  for (guint j = 0; j < k; )
    {
      guint candidate = random_below (gen, n);
      gboolean seen = FALSE;

      for (guint m = 0; m < j && !seen; m++)
        seen = out[m] == candidate;
      if (!seen)
        out[j++] = candidate;
    }
}

/* Up to k distinct members of a list, appended to out (no repeats there). */
static void
pick_from (Gen    *gen,
           GArray *list,
           guint   k,
           GArray *out)
{
  g_autofree guint *picked = NULL;

  k = MIN (k, list->len);
  picked = g_new (guint, MAX (k, 1));
  pick_distinct (gen, list->len, k, picked);
  for (guint j = 0; j < k; j++)
    append_unique (out, AT (list, picked[j]));
}

static GArray *
new_list (void)
{
  return g_array_new (FALSE, FALSE, sizeof (guint));
}

static GPtrArray *
new_lists (guint n)
{
  GPtrArray *lists = g_ptr_array_new_full (n, (GDestroyNotify) g_array_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (lists, new_list ());
  return lists;
}

static void
format_date (Gen  *gen,
             char  out[11],
             gint  days_from_today)
{
  GDate date = gen->today;

  if (days_from_today < 0)
    g_date_subtract_days (&date, (guint) -days_from_today);
  else
    g_date_add_days (&date, (guint) days_from_today);
  g_snprintf (out, 11, "%04u-%02u-%02u", g_date_get_year (&date),
              (guint) g_date_get_month (&date), g_date_get_day (&date));
}

static void
format_datetime (Gen   *gen,
                 char   out[21],
                 gint   days_from_today,
                 guint  minute_of_day)
{
  char date[11];

  format_date (gen, date, days_from_today);
  g_snprintf (out, 21, "%sT%02u:%02u:00Z", date, minute_of_day / 60, minute_of_day % 60);
}

/* Today, or the day KWARTIER_DEMO_TODAY names (YYYY-MM-DD): the tests
 * pin it, so that a seed gives the same data set on every day. */
static gboolean
init_today (GDate   *today,
            GError **error)
{
  const char *pinned = g_getenv ("KWARTIER_DEMO_TODAY");
  g_autoptr(GDateTime) now = NULL;
  guint64 year, month, day;
  g_auto(GStrv) parts = NULL;

  g_date_clear (today, 1);
  if (pinned == NULL || *pinned == '\0')
    {
      now = g_date_time_new_now_local ();
      g_date_set_dmy (today, (GDateDay) g_date_time_get_day_of_month (now),
                      (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
      return TRUE;
    }
  parts = g_strsplit (pinned, "-", -1);
  if (strlen (pinned) == 10 && g_strv_length (parts) == 3
      && g_ascii_string_to_unsigned (parts[0], 10, 1900, 9999, &year, NULL)
      && g_ascii_string_to_unsigned (parts[1], 10, 1, 12, &month, NULL)
      && g_ascii_string_to_unsigned (parts[2], 10, 1, 31, &day, NULL)
      && g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      g_date_set_dmy (today, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
      return TRUE;
    }
  g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID,
               _("KWARTIER_DEMO_TODAY: “%s” is not a date (YYYY-MM-DD)"), pinned);
  return FALSE;
}

/* Whether the registry has the field (DESIGN.md lists fields that a later
 * change adds: they are generated once they are there). */
static const KwField *
optional_field (const char *type_name,
                const char *field_name)
{
  const KwEntityType *type = kw_registry_lookup (type_name);

  return type != NULL ? kw_entity_type_field (type, field_name) : NULL;
}

static void
set_optional (KwChangeset *changes,
              const char  *type_name,
              const char  *field_name,
              const char  *value)
{
  const KwField *field = optional_field (type_name, field_name);

  if (value != NULL && field != NULL
      && (field->kind != KW_FIELD_ENUM || kw_field_has_value (field, value)))
    kw_changeset_set_string (changes, field_name, value);
}

/* "Lindenhof", "Meerhof" … then "Lindenhof 2" once the names run out */
static char *
make_place_name (guint index)
{
  guint n_stems = G_N_ELEMENTS (gen_stems);
  guint n_names = n_stems * G_N_ELEMENTS (gen_endings);
  const char *stem = gen_stems[index % n_stems];
  const char *ending = gen_endings[(index / n_stems) % G_N_ELEMENTS (gen_endings)];

  if (index < n_names)
    return g_strconcat (stem, ending, NULL);
  return g_strdup_printf ("%s%s %u", stem, ending, index / n_names + 1);
}

/* The steps of generate_all (), for the progress callback. */
static const char * const gen_stages[] = {
  N_("areas"), N_("venues"), N_("organisations"), N_("people"), N_("affiliations"),
  N_("relations"), N_("contact moments"), N_("alliances"), N_("networks"), N_("meetings"),
};

static void
report_progress (Gen *gen)
{
  if (gen->progress != NULL)
    gen->progress (gen_stages[gen->stage], gen->stage + 1, G_N_ELEMENTS (gen_stages),
                   gen->written, gen->progress_data);
}

/* Between the steps: the next one starts. */
static gboolean
next_stage (Gen     *gen,
            GError **error)
{
  if (gen->stage + 1 < G_N_ELEMENTS (gen_stages))
    gen->stage++;
  report_progress (gen);
  return TRUE;
}

static gboolean
flush_batch (Gen     *gen,
             GError **error)
{
  gen->written++;
  if (++gen->pending < GEN_BATCH)
    return TRUE;
  gen->pending = 0;
  report_progress (gen);
  if (!kw_store_commit (gen->store, error))
    return FALSE;
  gen->open = FALSE;
  if (!kw_store_begin (gen->store, error))
    return FALSE;
  gen->open = TRUE;
  return TRUE;
}

/* Creates the record; returns its id. */
static char *
gen_create (Gen          *gen,
            KwChangeset  *changes,
            GError      **error)
{
  g_autofree char *id = kw_store_create (gen->store, changes, error);

  if (id == NULL || !flush_batch (gen, error))
    return NULL;
  return g_steal_pointer (&id);
}

/* Creates the record; adds its id to keep (or forgets it). */
static gboolean
gen_write (Gen          *gen,
           KwChangeset  *changes,
           GPtrArray    *keep,
           GError      **error)
{
  char *id = gen_create (gen, changes, error);

  if (id == NULL)
    return FALSE;
  if (keep != NULL)
    g_ptr_array_add (keep, id);
  else
    g_free (id);
  return TRUE;
}

static gboolean
gen_area (Gen         *gen,
          const char  *name,
          const char  *kind,
          const char  *parent,
          const char  *code,
          GPtrArray   *keep,
          GError     **error)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new ("area", error);

  if (changes == NULL)
    return FALSE;
  set_text (changes, "name", name);
  set_text (changes, "kind", kind);
  set_text (changes, "parent", parent);
  set_text (changes, "code", code);
  return gen_write (gen, changes, keep, error);
}

/* One level of the area tree: n areas, spread over the parents. */
static gboolean
gen_area_level (Gen         *gen,
                const char  *kind,
                guint        n,
                GPtrArray   *parents,
                GPtrArray   *keep,
                GError     **error)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *place = make_place_name (i);
      g_autofree char *name = NULL;
      g_autofree char *code = g_strdup_printf ("%c%04u", g_ascii_toupper (kind[0]), i + 1);
      const char *parent = g_ptr_array_index (parents, i % parents->len);

      if (g_str_equal (kind, "stadsdeel"))
        name = g_strdup (gen_stadsdelen[i % G_N_ELEMENTS (gen_stadsdelen)]);
      else if (g_str_equal (kind, "gebied"))
        name = g_strconcat ("Gebied ", place, NULL);
      else if (g_str_equal (kind, "wijk"))
        name = g_strdup_printf ("%s-%s", place, gen_compass[i % G_N_ELEMENTS (gen_compass)]);
      else
        name = g_strdup (place);
      if (!gen_area (gen, name, kind, parent, code, keep, error))
        return FALSE;
      if (keep == gen->buurten)
        g_ptr_array_add (gen->buurt_names, g_steal_pointer (&name));
    }
  return TRUE;
}

/* A binnenbuurt in every buurt, named after the others of its gebied
 * (whose network it will be a unit of): buurt b lies in wijk b mod the
 * wijken, which lies in gebied (that) mod the gebieden. */
static gboolean
gen_binnenbuurten (Gen     *gen,
                   guint    n_wijken,
                   GError **error)
{
  guint n_gebieden = gen->gebieden->len;
  g_autofree guint *in_gebied = g_new0 (guint, n_gebieden);
  guint n_names = G_N_ELEMENTS (gen_unit_names);

  for (guint b = 0; b < gen->buurten->len; b++)
    {
      guint gebied = (b % n_wijken) % n_gebieden;
      guint pos = in_gebied[gebied]++;
      char *name = pos < n_names ? g_strdup (gen_unit_names[pos])
                                 : g_strdup_printf ("%s %u", gen_unit_names[pos % n_names], pos / n_names + 1);

      g_array_append_val (gen->buurt_gebied, gebied);
      g_ptr_array_add (gen->binnen_names, name);
      if (!gen_area (gen, name, "binnenbuurt", gen->buurten->pdata[b], NULL, gen->binnenbuurten, error))
        return FALSE;
    }
  return TRUE;
}

/* A fixed tree scaled to the population: about one buurt per 500 people,
 * each with one binnenbuurt. */
static gboolean
gen_areas (Gen     *gen,
           GError **error)
{
  guint n_buurten = MAX (1, gen->n_people / 500);
  guint n_wijken = MAX (1, (n_buurten + 3) / 4);
  guint n_gebieden = MAX (1, (n_wijken + 2) / 3);
  guint n_stadsdelen = MIN (G_N_ELEMENTS (gen_stadsdelen), n_gebieden);
  g_autoptr(GPtrArray) root = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) stadsdelen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) wijken = g_ptr_array_new_with_free_func (g_free);

  if (!gen_area (gen, "Amsterdam", "other", NULL, "0363", root, error)
      || !gen_area_level (gen, "stadsdeel", n_stadsdelen, root, stadsdelen, error)
      || !gen_area_level (gen, "gebied", n_gebieden, stadsdelen, gen->gebieden, error)
      || !gen_area_level (gen, "wijk", n_wijken, gen->gebieden, wijken, error)
      || !gen_area_level (gen, "buurt", n_buurten, wijken, gen->buurten, error))
    return FALSE;
  gen->orgs_in_buurt = new_lists (n_buurten);
  gen->people_in_buurt = new_lists (n_buurten);
  gen->people_in_binnen = new_lists (n_buurten);
  return gen_binnenbuurten (gen, n_wijken, error);
}

/* One venue per two buurten: buurt b has venue b / 2 (or the last). */
static const char *
venue_of_buurt (Gen   *gen,
                guint  buurt)
{
  return gen->venues->pdata[MIN (buurt / 2, gen->venues->len - 1)];
}

static gboolean
gen_venues (Gen     *gen,
            GError **error)
{
  guint n = MAX (1, gen->buurten->len / 2);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KwChangeset) changes = kw_changeset_new ("venue", error);
      guint b = (i * 2) % gen->buurten->len;
      const char *kind = gen_venue_kinds[i % G_N_ELEMENTS (gen_venue_kinds)];
      g_autofree char *name = g_strdup_printf ("%s %s", kind, (char *) gen->buurt_names->pdata[b]);
      g_autofree char *address = NULL;
      guint number = 1 + random_below (gen, 200);

      if (changes == NULL)
        return FALSE;
      address = g_strdup_printf ("%sstraat %u, Amsterdam",
                                 gen_stems[b % G_N_ELEMENTS (gen_stems)], number);
      set_text (changes, "name", name);
      set_text (changes, "address", address);
      set_text (changes, "area", gen->buurten->pdata[b]);
      kw_changeset_set_int (changes, "capacity", 20 + random_below (gen, 180));
      set_text (changes, "accessibility", PICK (gen, gen_accessibility));
      if (!gen_write (gen, changes, gen->venues, error))
        return FALSE;
    }
  return TRUE;
}

static GenOrgRole
org_role_of (const char *kind)
{
  static const char * const institutions[] = {
    "municipality", "district", "welfare", "housing", "neighbourhood_team", NULL
  };
  static const char * const grassroots[] = {
    "residents_group", "village_network", "initiative", "religious", NULL
  };

  if (g_strv_contains (institutions, kind))
    return ORG_INSTITUTION;
  if (g_strv_contains (grassroots, kind))
    return ORG_GRASSROOTS;
  return ORG_OTHER;
}

/* The municipality, the stadsdelen, then organisations of every kind;
 * returns the kind. */
static const char *
fill_gen_organisation (Gen         *gen,
                       KwChangeset *changes,
                       guint        index,
                       guint       *buurt)
{
  static const GenOrgKind municipality = { "municipality", "Gemeente Amsterdam", TRUE };
  static const GenOrgKind district = { "district", "Stadsdeel ", TRUE };
  guint b = random_below (gen, gen->buurten->len);
  const GenOrgKind *kind = &PICK (gen, gen_org_kinds);
  g_autofree char *name = NULL;

  if (index == 0)
    kind = &municipality;
  else if (index <= G_N_ELEMENTS (gen_stadsdelen))
    kind = &district;

  if (index == 0)
    name = g_strdup (kind->prefix);
  else if (index <= G_N_ELEMENTS (gen_stadsdelen))
    name = g_strconcat (kind->prefix, gen_stadsdelen[index - 1], NULL);
  else
    name = g_strconcat (kind->prefix, gen->buurt_names->pdata[b], NULL);
  set_text (changes, "name", name);
  set_text (changes, "kind", kind->kind);
  kw_changeset_set_bool (changes, "formal", kind->formal);
  set_text (changes, "area", gen->buurten->pdata[b]);
  if (kind->formal)
    {
      g_autofree char *email = g_strdup_printf ("info@org%u.example.org", index + 1);
      set_text (changes, "email", email);
    }
  *buurt = b;
  return kind->kind;
}

static gboolean
gen_organisations (Gen     *gen,
                   GError **error)
{
  guint n = MAX (1, gen->n_people / 20);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KwChangeset) changes = kw_changeset_new ("organisation", error);
      GenOrgRole role;
      guint b;

      if (changes == NULL)
        return FALSE;
      role = org_role_of (fill_gen_organisation (gen, changes, i, &b));
      if (!gen_write (gen, changes, gen->organisations, error))
        return FALSE;
      g_array_append_val (gen->org_role, role);
      g_array_append_val (gen->orgs_in_buurt->pdata[b], i);
      if (role == ORG_INSTITUTION)
        g_array_append_val (gen->institutions, i);
      else if (role == ORG_GRASSROOTS)
        g_array_append_val (gen->grassroots, i);
    }
  return TRUE;
}

static const char *
random_consent (Gen *gen)
{
  guint r = random_below (gen, 10);

  return r < 3 ? "public" : r < 8 ? "shared" : "private";
}

/* A person in buurt b, two in five of them in its binnenbuurt. */
static gboolean
fill_gen_person (Gen         *gen,
                 KwChangeset *changes,
                 guint        index,
                 guint        b,
                 gboolean     in_binnen)
{
  const char *first = PICK (gen, gen_first_names);
  const char *last = PICK (gen, gen_last_names);
  g_autofree char *name = g_strdup_printf ("%s %s", first, last);
  g_autofree char *phone = g_strdup_printf ("06-99%06u", index);
  gboolean key_figure = random_percent (gen, 5);
  const char *consent;
  gboolean consent_note, private_note;
  char date[11];

  format_date (gen, date, -(gint) random_below (gen, 3 * 365));
  set_text (changes, "name", name);
  set_text (changes, "phone", phone);
  set_text (changes, "area", in_binnen ? gen->binnenbuurten->pdata[b] : gen->buurten->pdata[b]);
  set_text (changes, "languages", PICK (gen, gen_languages));
  kw_changeset_set_bool (changes, "key_figure", key_figure);
  set_text (changes, "topics", PICK (gen, gen_topics));
  consent = random_consent (gen);
  consent_note = random_percent (gen, 50);
  private_note = random_percent (gen, 3);
  set_text (changes, "consent", consent);
  set_text (changes, "consent_date", date);
  if (consent_note && g_str_equal (consent, "private"))
    set_text (changes, "consent_note", PICK (gen, gen_consent_notes));
  if (private_note)
    set_text (changes, "private_notes", PICK (gen, gen_private_notes));
  if (random_percent (gen, 50))
    set_text (changes, "communities", PICK (gen, gen_communities));
  if (random_percent (gen, 10))
    set_text (changes, "notes", PICK (gen, gen_notes));
  if (random_percent (gen, 70))
    {
      g_autofree char *local = make_mail_name (name);
      g_autofree char *email = g_strdup_printf ("%s.%u@example.org", local, index);
      set_text (changes, "email", email);
    }
  return key_figure;
}

static gboolean
gen_people (Gen     *gen,
            GError **error)
{
  for (guint i = 0; i < gen->n_people; i++)
    {
      g_autoptr(KwChangeset) changes = kw_changeset_new ("person", error);
      guint b = random_below (gen, gen->buurten->len);
      gboolean in_binnen = random_percent (gen, 40);

      if (changes == NULL)
        return FALSE;
      if (fill_gen_person (gen, changes, i, b, in_binnen))
        g_array_append_val (gen->key_figures, i);
      if (!gen_write (gen, changes, gen->people, error))
        return FALSE;
      g_array_append_val (gen->person_buurt, b);
      g_array_append_val (gen->people_in_buurt->pdata[b], i);
      if (in_binnen)
        g_array_append_val (gen->people_in_binnen->pdata[b], i);
    }
  return TRUE;
}

/* An organisation, mostly one in buurt b. */
static guint
org_near (Gen   *gen,
          guint  b)
{
  GArray *local = gen->orgs_in_buurt->pdata[b];
  gboolean stay = random_percent (gen, 70);

  if (stay && local->len > 0)
    return random_of (gen, local);
  return random_below (gen, gen->organisations->len);
}

/* Half the people work or volunteer somewhere, mostly near home; one in
 * twenty of those ties has ended. */
static gboolean
gen_affiliations (Gen     *gen,
                  GError **error)
{
  for (guint i = 0; i < gen->n_people / 2; i++)
    {
      g_autoptr(KwChangeset) changes = kw_changeset_new ("affiliation", error);
      guint person = random_below (gen, gen->people->len);
      guint org = org_near (gen, AT (gen->person_buurt, person));
      gint since = -(gint) random_below (gen, 10 * 365);
      gboolean ended = random_percent (gen, 5);
      char date[11], until[11];

      if (changes == NULL)
        return FALSE;
      format_date (gen, date, since);
      set_text (changes, "person", gen->people->pdata[person]);
      set_text (changes, "organisation", gen->organisations->pdata[org]);
      set_text (changes, "role", PICK (gen, gen_roles));
      set_text (changes, "since", date);
      if (ended)
        {
          format_date (gen, until, since / 2);
          set_text (changes, "until", until);
        }
      if (!gen_write (gen, changes, NULL, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
gen_relation (Gen         *gen,
              const char  *from,
              const char  *to,
              const char  *kind,
              guint        tense_percent,
              GError     **error)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new ("relation", error);
  guint sentiment = random_below (gen, 100);
  guint strength = 1 + random_below (gen, 3);

  if (changes == NULL)
    return FALSE;
  set_text (changes, "from", from);
  set_text (changes, "to", to);
  set_text (changes, "kind", kind);
  set_text (changes, "sentiment", sentiment < tense_percent ? "tense"
                                  : sentiment < tense_percent + 30 ? "neutral" : "positive");
  kw_changeset_set_int (changes, "strength", strength);
  return gen_write (gen, changes, NULL, error);
}

/* Someone a person knows: mostly a neighbour, else anyone, or an
 * organisation (mostly one nearby). */
static gboolean
gen_person_relation (Gen     *gen,
                     guint    person,
                     GError **error)
{
  static const char * const to_people[] = { "knows", "knows", "knows", "works_with", "advises" };
  static const char * const to_orgs[] = { "member_of", "works_with", "represents" };
  guint b = AT (gen->person_buurt, person);
  GArray *neighbours = gen->people_in_buurt->pdata[b];
  guint r = random_below (gen, 100);
  guint other;

  if (r < 80 && gen->people->len > 1)
    {
      other = r < 65 ? random_of (gen, neighbours) : random_below (gen, gen->people->len);
      if (other == person)
        other = (person + 1) % gen->people->len;
      return gen_relation (gen, gen->people->pdata[person], gen->people->pdata[other],
                           PICK (gen, to_people), 8, error);
    }
  other = org_near (gen, b);
  return gen_relation (gen, gen->people->pdata[person], gen->organisations->pdata[other],
                       PICK (gen, to_orgs), 8, error);
}

/* A graph to look at: one to five ties per person (three on average),
 * most of them in the own buurt; the key figures are the bridges, to a
 * residents' group or initiative and to an institution; and the residents'
 * groups deal with the institutions themselves, not always in harmony. */
static gboolean
gen_relations (Gen     *gen,
               GError **error)
{
  static const char * const bridges[] = { "works_with", "advises" };

  for (guint p = 0; p < gen->people->len; p++)
    {
      guint k = 1 + random_below (gen, 5);

      for (guint j = 0; j < k; j++)
        if (!gen_person_relation (gen, p, error))
          return FALSE;
    }
  for (guint i = 0; i < gen->key_figures->len; i++)
    {
      const char *person = gen->people->pdata[AT (gen->key_figures, i)];

      if (gen->grassroots->len > 0
          && !gen_relation (gen, person, gen->organisations->pdata[random_of (gen, gen->grassroots)],
                            "represents", 5, error))
        return FALSE;
      if (gen->institutions->len > 0
          && !gen_relation (gen, person, gen->organisations->pdata[random_of (gen, gen->institutions)],
                            PICK (gen, bridges), 15, error))
        return FALSE;
    }
  for (guint i = 0; i < gen->grassroots->len && gen->institutions->len > 0; i++)
    {
      const char *group = gen->organisations->pdata[AT (gen->grassroots, i)];
      const char *institution = gen->organisations->pdata[random_of (gen, gen->institutions)];
      gboolean funded = random_percent (gen, 30);

      if (!gen_relation (gen, group, institution, "works_with", 25, error))
        return FALSE;
      if (funded && !gen_relation (gen, gen->organisations->pdata[0], group, "funds", 10, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
gen_contact_moment (Gen         *gen,
                    const char  *person,
                    gint         day,
                    GError     **error)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new ("contact_moment", error);
  char date[11];

  if (changes == NULL)
    return FALSE;
  format_date (gen, date, day);
  set_text (changes, "person", person);
  set_text (changes, "date", date);
  set_text (changes, "channel", PICK (gen, gen_channels));
  set_text (changes, "summary", PICK (gen, gen_summaries));
  return gen_write (gen, changes, NULL, error);
}

/* About one per person over 18 months: a key figure two to eight (one in
 * seven of them not for seven to ten months), most others one or two, a
 * quarter none at all. */
static gboolean
gen_contacts (Gen     *gen,
              GError **error)
{
  guint next_key = 0;

  for (guint p = 0; p < gen->people->len; p++)
    {
      gboolean key = next_key < gen->key_figures->len && AT (gen->key_figures, next_key) == p;
      guint r = random_below (gen, 100);
      guint n = key ? 2 + r % 7 : r < 25 ? 0 : r < 80 ? 1 : 2;
      gboolean lapsed = key && random_percent (gen, 15);

      next_key += key;
      for (guint j = 0; j < n; j++)
        {
          gint day = lapsed ? -(gint) (210 + random_below (gen, 90) + 30 * j)
                            : -(gint) random_below (gen, key ? 300 : 540);

          if (!gen_contact_moment (gen, gen->people->pdata[p], day, error))
            return FALSE;
        }
    }
  return TRUE;
}

static void
gen_alliance_free (GenAlliance *alliance)
{
  g_free (alliance->id);
  g_array_unref (alliance->regulars);
  g_free (alliance);
}

static void
gen_unit_free (GenUnit *unit)
{
  g_free (unit->id);
  g_array_unref (unit->members);
  g_free (unit);
}

/* A partner, with the status, next step and its date of DESIGN.md when
 * the registry has those fields: most are active, some still prospective
 * (with a next step), a few have left. */
static gboolean
gen_partner (Gen         *gen,
             const char  *alliance,
             const char  *party,
             const char  *role,
             gboolean     lead,
             GError     **error)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new ("alliance_partner", error);
  guint r = random_below (gen, 100);
  const char *status = lead || r < 75 ? "active" : r < 90 ? "prospective" : "left";
  gboolean prospective = g_str_equal (status, "prospective");
  gboolean step_for_active = random_percent (gen, 30);
  gboolean overdue = random_percent (gen, 20);
  gint next_day = overdue ? -(gint) (1 + random_below (gen, 20)) : (gint) (3 + random_below (gen, 40));
  gint since = -(gint) random_below (gen, 2 * 365);
  const char *step = PICK (gen, gen_next_steps);
  char date[11], next_date[11];

  if (changes == NULL)
    return FALSE;
  format_date (gen, date, since);
  format_date (gen, next_date, next_day);
  set_text (changes, "alliance", alliance);
  set_text (changes, "party", party);
  set_text (changes, "role", role);
  if (!prospective || optional_field ("alliance_partner", "status") == NULL)
    set_text (changes, "since", date);
  set_optional (changes, "alliance_partner", "status", status);
  if (prospective || (g_str_equal (status, "active") && step_for_active))
    {
      set_optional (changes, "alliance_partner", "next_step", step);
      set_optional (changes, "alliance_partner", "next_step_date", next_date);
    }
  return gen_write (gen, changes, NULL, error);
}

/* Three to six organisations of the buurt (the first leads, the second
 * advises), an institution that funds, and one or two residents. */
static gboolean
gen_partners (Gen          *gen,
              GenAlliance  *alliance,
              GArray       *partner_orgs,
              GError      **error)
{
  guint k = 3 + random_below (gen, 4);
  guint n_residents = 1 + random_below (gen, 2);
  g_autoptr(GArray) residents = new_list ();
  gboolean funder;
  guint n_local;

  pick_from (gen, gen->orgs_in_buurt->pdata[alliance->buurt], k, partner_orgs);
  n_local = partner_orgs->len;
  if (gen->institutions->len > 0)
    append_unique (partner_orgs, random_of (gen, gen->institutions));
  funder = partner_orgs->len > n_local;
  for (guint j = 0; j < partner_orgs->len; j++)
    {
      const char *role = j == 0 ? "lead" : funder && j + 1 == partner_orgs->len ? "funder"
                         : j == 1 ? "advisor" : "partner";

      if (!gen_partner (gen, alliance->id, gen->organisations->pdata[AT (partner_orgs, j)], role,
                        j == 0, error))
        return FALSE;
    }
  pick_from (gen, gen->people_in_buurt->pdata[alliance->buurt], n_residents, residents);
  for (guint j = 0; j < residents->len; j++)
    {
      if (!gen_partner (gen, alliance->id, gen->people->pdata[AT (residents, j)], "partner", FALSE, error))
        return FALSE;
      append_unique (alliance->regulars, AT (residents, j));
    }
  return TRUE;
}

/* Two to five action lines with a budget; about one in seven has spent
 * more than it had. Their status follows their dates. */
static gboolean
gen_action_lines (Gen          *gen,
                  GenAlliance  *alliance,
                  GError      **error)
{
  GArray *residents = gen->people_in_buurt->pdata[alliance->buurt];
  guint n = 2 + random_below (gen, 4);
  guint first = random_below (gen, G_N_ELEMENTS (gen_action_line_titles));

  for (guint j = 0; j < n; j++)
    {
      g_autoptr(KwChangeset) changes = kw_changeset_new ("action_line", error);
      gint64 budget = 100000 * (gint64) (1 + random_below (gen, 50));
      gboolean over = random_percent (gen, 15);
      guint share = over ? 101 + random_below (gen, 30) : random_below (gen, 101);
      gint start = 60 - (gint) random_below (gen, 2 * 365);
      gint end = start + 180 + (gint) random_below (gen, 365);
      guint r = random_below (gen, 100);
      guint owner = residents->len > 0 ? random_of (gen, residents) : random_below (gen, gen->people->len);
      const char *status = start > 0 ? "planned" : end < 0 ? (r < 80 ? "done" : "stopped")
                           : r < 90 ? "active" : "stopped";
      char start_date[11], end_date[11];

      if (changes == NULL)
        return FALSE;
      format_date (gen, start_date, start);
      format_date (gen, end_date, end);
      set_text (changes, "alliance", alliance->id);
      set_text (changes, "title", gen_action_line_titles[(first + j) % G_N_ELEMENTS (gen_action_line_titles)]);
      set_text (changes, "owner", gen->people->pdata[owner]);
      kw_changeset_set_int (changes, "budget_cents", budget);
      kw_changeset_set_int (changes, "spent_cents", start > 0 ? 0 : budget * share / 100);
      set_text (changes, "status", status);
      set_text (changes, "start", start_date);
      set_text (changes, "end", end_date);
      if (!gen_write (gen, changes, NULL, error))
        return FALSE;
    }
  return TRUE;
}

/* Partners care more than the others do. */
static gboolean
gen_position (Gen         *gen,
              const char  *map,
              const char  *party,
              gboolean     partner,
              GError     **error)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new ("map_position", error);
  gint64 influence = 1 + random_below (gen, 5);
  gint64 interest = partner ? 3 + random_below (gen, 3) : 1 + random_below (gen, 5);
  gint64 stance = (gint64) random_below (gen, 5) - 2;

  if (changes == NULL)
    return FALSE;
  set_text (changes, "map", map);
  set_text (changes, "party", party);
  kw_changeset_set_int (changes, "influence", influence);
  kw_changeset_set_int (changes, "interest", interest);
  kw_changeset_set_int (changes, "stance", stance);
  return gen_write (gen, changes, NULL, error);
}

/* One to three stakeholder maps: the partners, one to three organisations
 * of the buurt that are not partners (who is missing at the table?) and a
 * few of the alliance's regulars. */
static gboolean
gen_maps (Gen          *gen,
          GenAlliance  *alliance,
          const char   *alliance_name,
          GArray       *partner_orgs,
          GError      **error)
{
  GArray *local = gen->orgs_in_buurt->pdata[alliance->buurt];
  guint n_maps = 1 + random_below (gen, 3);

  for (guint m = 0; m < n_maps; m++)
    {
      g_autoptr(KwChangeset) changes = kw_changeset_new ("stakeholder_map", error);
      const char *topic = PICK (gen, gen_topics);
      guint n_missing = 1 + random_below (gen, 3);
      guint n_people = 2 + random_below (gen, 3);
      g_autofree char *name = m == 0 ? g_strconcat ("Krachtenveld ", alliance_name, NULL)
                                     : g_strdup_printf ("Krachtenveld %s: %s", alliance_name, topic);
      g_autofree char *map = NULL;
      g_autoptr(GArray) candidates = new_list ();
      g_autoptr(GArray) people = new_list ();

      if (changes == NULL)
        return FALSE;
      set_text (changes, "name", name);
      set_text (changes, "area", gen->buurten->pdata[alliance->buurt]);
      set_text (changes, "alliance", alliance->id);
      if ((map = gen_create (gen, changes, error)) == NULL)
        return FALSE;
      for (guint j = 0; j < partner_orgs->len; j++)
        if (!gen_position (gen, map, gen->organisations->pdata[AT (partner_orgs, j)], TRUE, error))
          return FALSE;
      pick_from (gen, local, partner_orgs->len + n_missing, candidates);
      for (guint j = 0; j < candidates->len && n_missing > 0; j++)
        if (!list_contains (partner_orgs, AT (candidates, j)))
          {
            if (!gen_position (gen, map, gen->organisations->pdata[AT (candidates, j)], FALSE, error))
              return FALSE;
            n_missing--;
          }
      pick_from (gen, alliance->regulars, n_people, people);
      for (guint j = 0; j < people->len; j++)
        if (!gen_position (gen, map, gen->people->pdata[AT (people, j)], TRUE, error))
          return FALSE;
    }
  return TRUE;
}

/* An alliance in buurt b (the alliances spread over the buurten, so no
 * two share one) with its partners, action lines, regulars and maps. */
static gboolean
gen_alliance (Gen     *gen,
              guint    index,
              guint    n,
              GError **error)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new ("alliance", error);
  guint n_buurten = gen->buurten->len;
  guint span = MAX (1, n_buurten / n);
  guint b = (guint) (((guint64) index * n_buurten / n + random_below (gen, span)) % n_buurten);
  g_autofree char *name = g_strdup_printf ("Wijkalliantie %s", (char *) gen->buurt_names->pdata[b]);
  g_autoptr(GArray) partner_orgs = new_list ();
  GenAlliance *alliance;
  guint n_neighbours, n_key;
  char date[11];

  if (changes == NULL)
    return FALSE;
  format_date (gen, date, -(gint) random_below (gen, 3 * 365));
  set_text (changes, "name", name);
  set_text (changes, "area", gen->buurten->pdata[b]);
  set_text (changes, "status", PICK (gen, gen_alliance_status));
  set_text (changes, "challenge", PICK (gen, gen_challenges));
  set_text (changes, "description", PICK (gen, gen_descriptions));
  set_text (changes, "started", date);
  alliance = g_new0 (GenAlliance, 1);
  alliance->buurt = b;
  alliance->regulars = new_list ();
  g_ptr_array_add (gen->alliances, alliance);
  if ((alliance->id = gen_create (gen, changes, error)) == NULL
      || !gen_partners (gen, alliance, partner_orgs, error)
      || !gen_action_lines (gen, alliance, error))
    return FALSE;
  /* its regulars: the resident partners, neighbours and a key figure or two */
  n_neighbours = 6 + random_below (gen, 5);
  n_key = 1 + random_below (gen, 2);
  pick_from (gen, gen->people_in_buurt->pdata[b], n_neighbours, alliance->regulars);
  pick_from (gen, gen->key_figures, n_key, alliance->regulars);
  return gen_maps (gen, alliance, name, partner_orgs, error);
}

/* About one alliance per 1,000 people. */
static gboolean
gen_alliances (Gen     *gen,
               GError **error)
{
  guint n = MAX (1, gen->n_people / 1000);

  for (guint i = 0; i < n; i++)
    if (!gen_alliance (gen, i, n, error))
      return FALSE;
  return TRUE;
}

static gboolean
gen_members (Gen      *gen,
             GenUnit  *unit,
             GError  **error)
{
  for (guint j = 0; j < unit->members->len; j++)
    {
      g_autoptr(KwChangeset) changes = kw_changeset_new ("network_member", error);
      char date[11];

      if (changes == NULL)
        return FALSE;
      format_date (gen, date, -(gint) random_below (gen, 10 * 365));
      set_text (changes, "unit", unit->id);
      set_text (changes, "person", gen->people->pdata[AT (unit->members, j)]);
      set_text (changes, "since", date);
      if (!gen_write (gen, changes, NULL, error))
        return FALSE;
    }
  return TRUE;
}

/* A unit of the network: its binnenbuurt, its contact person and deputy
 * (members both; one unit in twenty has no contact, one in seven no
 * deputy) and its members. */
static gboolean
gen_unit (Gen         *gen,
          const char  *network,
          GenUnit     *unit,
          GError     **error)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new ("network_unit", error);
  gboolean contact = random_percent (gen, 95);
  gboolean deputy = random_percent (gen, 85);

  if (changes == NULL)
    return FALSE;
  set_text (changes, "network", network);
  set_text (changes, "name", gen->binnen_names->pdata[unit->buurt]);
  set_text (changes, "area", gen->binnenbuurten->pdata[unit->buurt]);
  if (contact && unit->members->len > 0)
    set_text (changes, "contact", gen->people->pdata[AT (unit->members, 0)]);
  if (deputy && unit->members->len > 1)
    set_text (changes, "deputy", gen->people->pdata[AT (unit->members, 1)]);
  kw_changeset_set_int (changes, "members_count", unit->members->len);
  kw_changeset_set_int (changes, "meetings_per_year", unit->per_year);
  if ((unit->id = gen_create (gen, changes, error)) == NULL)
    return FALSE;
  return gen_members (gen, unit, error);
}

/* A network per gebied, with a unit in the binnenbuurt of each of its
 * buurten (about one per 500 people); members live in the binnenbuurt. */
static gboolean
gen_networks (Gen     *gen,
              GError **error)
{
  static const char * const kinds[] = { "village", "residents_platform", "tenants" };
  static const char * const prefixes[] = { "Stadsdorp ", "Bewonersplatform ", "Huurdersplatform " };

  for (guint g = 0; g < gen->gebieden->len; g++)
    {
      g_autoptr(KwChangeset) changes = kw_changeset_new ("network", error);
      g_autoptr(GPtrArray) units = g_ptr_array_new ();
      g_autofree char *name = NULL;
      g_autofree char *network = NULL;
      guint members = 0;

      if (changes == NULL)
        return FALSE;
      for (guint b = 0; b < gen->buurten->len; b++)
        if (AT (gen->buurt_gebied, b) == g)
          {
            GenUnit *unit = g_new0 (GenUnit, 1);
            guint k = 15 + random_below (gen, 21);

            unit->buurt = b;
            unit->members = new_list ();
            unit->per_year = 4 + random_below (gen, 3);
            pick_from (gen, gen->people_in_binnen->pdata[b], k, unit->members);
            members += unit->members->len;
            g_ptr_array_add (gen->units, unit);
            g_ptr_array_add (units, unit);
          }
      if (units->len == 0)
        continue;
      name = g_strconcat (prefixes[g % 3],
                          (char *) gen->buurt_names->pdata[((GenUnit *) units->pdata[0])->buurt], NULL);
      set_text (changes, "name", name);
      set_text (changes, "kind", kinds[g % 3]);
      set_text (changes, "area", gen->gebieden->pdata[g]);
      kw_changeset_set_int (changes, "members_count", members);
      kw_changeset_set_int (changes, "dues_cents_month", g % 3 == 0 ? 500 : 0);
      if ((network = gen_create (gen, changes, error)) == NULL)
        return FALSE;
      for (guint u = 0; u < units->len; u++)
        if (!gen_unit (gen, network, units->pdata[u], error))
          return FALSE;
    }
  return TRUE;
}

/* Meetings come in series at a fixed interval, weekday and time, as the
 * app plans them: n_past before today, n_future from today on. */
typedef struct {
  const char *kind;
  const char *title;
  const char *alliance;      /* or NULL */
  const char *unit;          /* or NULL */
  const char *venue;
  guint       interval;      /* days */
  guint       n_past;
  guint       n_future;
  guint       start;         /* minute of the day, UTC */
  guint       minutes;       /* length, a multiple of 5, at least 90 */
  GArray     *invited;       /* person indexes: the chair first, then the minute taker */
  GArray     *stopped;       /* of them, who stopped coming (NULL: nobody) */
  guint       max_actions;   /* per held meeting */
} GenSeries;

typedef struct {
  char     *id;
  gint      day;             /* from today */
  gboolean  planned;
  gboolean  held;
  gboolean  recent;          /* one of the last three before today */
} GenMeeting;

/* Opening, two to four items, the running action list; the minutes add
 * up to the meeting's length. */
static gboolean
gen_agenda (Gen               *gen,
            const GenSeries   *series,
            const GenMeeting  *meeting,
            GError           **error)
{
  guint n = 3 + random_below (gen, series->minutes >= 120 ? 3 : 2);
  guint first = random_below (gen, G_N_ELEMENTS (gen_agenda_middle));
  guint length[5];

  length[0] = 10;
  length[n - 1] = 15;
  for (guint j = 1; j + 1 < n; j++)
    length[j] = 10;
  for (guint left = (series->minutes - 15 - 10 * (n - 1)) / 5; left > 0; left--)
    {
      guint j = 1 + random_below (gen, n - 2);

      length[j] += 5;
    }
  for (guint j = 0; j < n; j++)
    {
      g_autoptr(KwChangeset) changes = kw_changeset_new ("agenda_item", error);
      const char *middle_kind = PICK (gen, gen_agenda_middle_kinds);
      const char *kind = j == 0 ? "info" : j + 1 == n ? "discussion" : middle_kind;
      const char *title = j == 0 ? "Opening en mededelingen" : j + 1 == n ? "Lopende acties en WVTTK"
                          : gen_agenda_middle[(first + j) % G_N_ELEMENTS (gen_agenda_middle)];
      char position[3];

      if (changes == NULL)
        return FALSE;
      format_position (position, j);
      set_text (changes, "meeting", meeting->id);
      set_text (changes, "position", position);
      set_text (changes, "title", title);
      if (series->invited->len > 0)
        set_text (changes, "presenter", gen->people->pdata[random_of (gen, series->invited)]);
      kw_changeset_set_int (changes, "minutes_planned", length[j]);
      set_text (changes, "kind", kind);
      if (meeting->held && g_str_equal (kind, "decision"))
        set_text (changes, "decision", "Akkoord; zie de actielijst.");
      if (!gen_write (gen, changes, NULL, error))
        return FALSE;
    }
  return TRUE;
}

/* Everyone invited has a line: "invited" before the meeting; after it
 * mostly present, and absent from the last three for who stopped coming. */
static gboolean
gen_attendance (Gen               *gen,
                const GenSeries   *series,
                const GenMeeting  *meeting,
                GError           **error)
{
  for (guint j = 0; j < series->invited->len; j++)
    {
      g_autoptr(KwChangeset) changes = kw_changeset_new ("attendance", error);
      guint person = AT (series->invited, j);
      guint r = random_below (gen, 100);
      gboolean away = meeting->recent && series->stopped != NULL && list_contains (series->stopped, person);
      const char *status = meeting->planned ? "invited"
                           : away ? (r < 80 ? "absent" : "absent_notified")
                           : r < 72 ? "present" : r < 80 ? "late" : r < 92 ? "absent_notified" : "absent";

      if (changes == NULL)
        return FALSE;
      set_text (changes, "meeting", meeting->id);
      set_text (changes, "person", gen->people->pdata[person]);
      set_text (changes, "status", status);
      if (!gen_write (gen, changes, NULL, error))
        return FALSE;
    }
  return TRUE;
}

/* The actions a held meeting agreed on, owned by those invited: what is
 * past its deadline is mostly done, else still open (overdue) or dropped. */
static gboolean
gen_actions (Gen               *gen,
             const GenSeries   *series,
             const GenMeeting  *meeting,
             GError           **error)
{
  guint n = 1 + random_below (gen, series->max_actions);

  for (guint j = 0; j < n && series->invited->len > 0; j++)
    {
      g_autoptr(KwChangeset) changes = kw_changeset_new ("action_item", error);
      guint owner = random_of (gen, series->invited);
      gint deadline = meeting->day + 7 + (gint) random_below (gen, 40);
      guint r = random_below (gen, 100);
      const char *status = deadline < 0 ? (r < 55 ? "done" : r < 90 ? "open" : "dropped")
                           : r < 20 ? "done" : "open";
      gint latest = MIN (deadline, -1);
      char date[11], done_at[21];

      if (changes == NULL)
        return FALSE;
      if (g_str_equal (status, "done") && latest <= meeting->day)
        status = "open";
      format_date (gen, date, deadline);
      set_text (changes, "title", PICK (gen, gen_action_titles));
      set_text (changes, "owner", gen->people->pdata[owner]);
      set_text (changes, "deadline", date);
      set_text (changes, "status", status);
      set_text (changes, "meeting", meeting->id);
      set_text (changes, "alliance", series->alliance);
      if (g_str_equal (status, "done"))
        {
          gint day = meeting->day + 1 + (gint) random_below (gen, (guint) (latest - meeting->day));
          guint minute = 9 * 60 + random_below (gen, 9 * 60);

          format_datetime (gen, done_at, day, minute);
          set_text (changes, "done_at", done_at);
        }
      if (!gen_write (gen, changes, NULL, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
gen_meeting (Gen              *gen,
             const GenSeries  *series,
             GenMeeting       *meeting,
             GError          **error)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new ("meeting", error);
  gboolean cancelled = !meeting->planned && !meeting->held;
  gboolean publishable = random_percent (gen, 50);
  gboolean food = random_percent (gen, 60);
  gboolean childcare = random_percent (gen, 30);
  guint language = random_below (gen, G_N_ELEMENTS (gen_meeting_languages));
  gboolean interpreted = random_percent (gen, 50);
  const char *minutes = PICK (gen, gen_minutes);
  char starts[21], ends[21];

  if (changes == NULL)
    return FALSE;
  format_datetime (gen, starts, meeting->day, series->start);
  format_datetime (gen, ends, meeting->day, series->start + series->minutes);
  set_text (changes, "title", series->title);
  set_text (changes, "kind", series->kind);
  set_text (changes, "starts_at", starts);
  set_text (changes, "ends_at", ends);
  set_text (changes, "venue", series->venue);
  set_text (changes, "alliance", series->alliance);
  set_text (changes, "unit", series->unit);
  if (series->invited->len > 0)
    set_text (changes, "chair", gen->people->pdata[AT (series->invited, 0)]);
  if (series->invited->len > 1)
    set_text (changes, "minute_taker", gen->people->pdata[AT (series->invited, 1)]);
  set_text (changes, "status", meeting->planned ? "planned" : meeting->held ? "held" : "cancelled");
  if (meeting->held)
    set_text (changes, "minutes", minutes);
  kw_changeset_set_bool (changes, "publishable", meeting->held && publishable);
  set_text (changes, "language", gen_meeting_languages[language]);
  if (interpreted)
    set_text (changes, "interpreter", gen_interpreters[language]);
  kw_changeset_set_bool (changes, "food", food);
  kw_changeset_set_bool (changes, "childcare", childcare);
  if ((meeting->id = gen_create (gen, changes, error)) == NULL)
    return FALSE;
  return gen_agenda (gen, series, meeting, error)
         && (cancelled || gen_attendance (gen, series, meeting, error))
         && (!meeting->held || gen_actions (gen, series, meeting, error));
}

/* The last three before today are never cancelled: who stopped coming
 * shows as absent three times in a row. */
static gboolean
gen_series (Gen              *gen,
            const GenSeries  *series,
            GError          **error)
{
  guint offset = random_below (gen, series->interval);

  for (guint i = 0; i < series->n_past + series->n_future; i++)
    {
      GenMeeting meeting = { NULL, };
      gboolean cancelled = FALSE;
      gboolean ok;

      if (i + 3 < series->n_past)
        cancelled = random_percent (gen, 4);
      meeting.day = ((gint) i - (gint) series->n_past) * (gint) series->interval + (gint) offset;
      meeting.planned = i >= series->n_past;
      meeting.held = !meeting.planned && !cancelled;
      meeting.recent = !meeting.planned && i + 3 >= series->n_past;
      ok = gen_meeting (gen, series, &meeting, error);
      g_free (meeting.id);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* Twenty a year and a half: the board every four weeks (nine held, three
 * planned), the task team every six (six and two). In three alliances of
 * five someone stopped coming to the board. */
static gboolean
gen_alliance_meetings (Gen          *gen,
                       GenAlliance  *alliance,
                       GError      **error)
{
  const char *buurt = gen->buurt_names->pdata[alliance->buurt];
  const char *venue = venue_of_buurt (gen, alliance->buurt);
  g_autofree char *board_title = g_strconcat ("Alliantiebestuur ", buurt, NULL);
  g_autofree char *team_title = g_strconcat ("Opgaveteam ", buurt, NULL);
  g_autoptr(GArray) stopped = new_list ();
  g_autoptr(GArray) team = new_list ();
  guint hour = 15 + random_below (gen, 3);
  gboolean someone_stopped = random_percent (gen, 60);
  GArray *regulars = alliance->regulars;
  GenSeries board = {
    "alliance", board_title, alliance->id, NULL, venue, 28, 9, 3, hour * 60, 120, regulars, stopped, 4
  };
  GenSeries task = {
    "task_team", team_title, alliance->id, NULL, venue, 42, 6, 2, hour * 60 - 30, 90, team, NULL, 3
  };

  if (someone_stopped && regulars->len >= 5)
    {
      guint j = 2 + random_below (gen, regulars->len - 2);

      g_array_append_val (stopped, AT (regulars, j));
    }
  for (guint j = 0; j < MIN (6, regulars->len); j++)
    g_array_append_val (team, AT (regulars, j));
  return gen_series (gen, &board, error) && gen_series (gen, &task, error);
}

/* The unit's gatherings over the last 18 months and the next one; one or
 * two members (not the contact or the deputy) stopped coming. */
static gboolean
gen_gatherings (Gen      *gen,
                GenUnit  *unit,
                GError  **error)
{
  g_autofree char *title = g_strconcat ("Binnenbuurtbijeenkomst ",
                                        (char *) gen->binnen_names->pdata[unit->buurt], NULL);
  g_autoptr(GArray) stopped = new_list ();
  guint interval = 365 / unit->per_year;
  guint hour = 17 + random_below (gen, 2);
  guint n_stopped = unit->members->len >= 6 ? 1 + random_below (gen, 2) : 0;
  GenSeries series = {
    "unit_gathering", title, NULL, unit->id, venue_of_buurt (gen, unit->buurt),
    interval, 540 / interval, 1, hour * 60, 90, unit->members, stopped, 2
  };

  for (guint k = 0; k < n_stopped; k++)
    {
      guint j = 2 + random_below (gen, unit->members->len - 2);

      append_unique (stopped, AT (unit->members, j));
    }
  return gen_series (gen, &series, error);
}

/* A key figures' meeting every eight weeks per 25,000 people. */
static gboolean
gen_key_figure_meetings (Gen     *gen,
                         GError **error)
{
  guint n = MAX (1, gen->n_people / 25000);

  for (guint i = 0; i < n && gen->key_figures->len > 0; i++)
    {
      g_autofree char *title = g_strconcat ("Sleutelfigurenoverleg ",
                                            gen_stadsdelen[i % G_N_ELEMENTS (gen_stadsdelen)], NULL);
      g_autoptr(GArray) invited = new_list ();
      const char *venue = random_id (gen, gen->venues);
      GenSeries series = {
        "key_figures", title, NULL, NULL, venue, 56, 8, 2, 18 * 60, 120, invited, NULL, 3
      };

      pick_from (gen, gen->key_figures, 12, invited);
      if (!gen_series (gen, &series, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
gen_meetings (Gen     *gen,
              GError **error)
{
  for (guint i = 0; i < gen->alliances->len; i++)
    if (!gen_alliance_meetings (gen, gen->alliances->pdata[i], error))
      return FALSE;
  for (guint i = 0; i < gen->units->len; i++)
    if (!gen_gatherings (gen, gen->units->pdata[i], error))
      return FALSE;
  return gen_key_figure_meetings (gen, error);
}

static gboolean
generate_all (Gen     *gen,
              GError **error)
{
  report_progress (gen);
  return gen_areas (gen, error) && next_stage (gen, error)
         && gen_venues (gen, error) && next_stage (gen, error)
         && gen_organisations (gen, error) && next_stage (gen, error)
         && gen_people (gen, error) && next_stage (gen, error)
         && gen_affiliations (gen, error) && next_stage (gen, error)
         && gen_relations (gen, error) && next_stage (gen, error)
         && gen_contacts (gen, error) && next_stage (gen, error)
         && gen_alliances (gen, error) && next_stage (gen, error)
         && gen_networks (gen, error) && next_stage (gen, error)
         && gen_meetings (gen, error);
}

static void
gen_init (Gen *gen)
{
  gen->gebieden = g_ptr_array_new_with_free_func (g_free);
  gen->buurten = g_ptr_array_new_with_free_func (g_free);
  gen->buurt_names = g_ptr_array_new_with_free_func (g_free);
  gen->buurt_gebied = new_list ();
  gen->binnenbuurten = g_ptr_array_new_with_free_func (g_free);
  gen->binnen_names = g_ptr_array_new_with_free_func (g_free);
  gen->venues = g_ptr_array_new_with_free_func (g_free);
  gen->organisations = g_ptr_array_new_with_free_func (g_free);
  gen->org_role = g_array_new (FALSE, FALSE, sizeof (GenOrgRole));
  gen->institutions = new_list ();
  gen->grassroots = new_list ();
  gen->people = g_ptr_array_new_full (gen->n_people, g_free);
  gen->person_buurt = g_array_sized_new (FALSE, FALSE, sizeof (guint), gen->n_people);
  gen->key_figures = new_list ();
  gen->alliances = g_ptr_array_new_with_free_func ((GDestroyNotify) gen_alliance_free);
  gen->units = g_ptr_array_new_with_free_func ((GDestroyNotify) gen_unit_free);
}

static void
gen_clear (Gen *gen)
{
  g_clear_pointer (&gen->gebieden, g_ptr_array_unref);
  g_clear_pointer (&gen->buurten, g_ptr_array_unref);
  g_clear_pointer (&gen->buurt_names, g_ptr_array_unref);
  g_clear_pointer (&gen->buurt_gebied, g_array_unref);
  g_clear_pointer (&gen->binnenbuurten, g_ptr_array_unref);
  g_clear_pointer (&gen->binnen_names, g_ptr_array_unref);
  g_clear_pointer (&gen->venues, g_ptr_array_unref);
  g_clear_pointer (&gen->organisations, g_ptr_array_unref);
  g_clear_pointer (&gen->org_role, g_array_unref);
  g_clear_pointer (&gen->orgs_in_buurt, g_ptr_array_unref);
  g_clear_pointer (&gen->institutions, g_array_unref);
  g_clear_pointer (&gen->grassroots, g_array_unref);
  g_clear_pointer (&gen->people, g_ptr_array_unref);
  g_clear_pointer (&gen->person_buurt, g_array_unref);
  g_clear_pointer (&gen->people_in_buurt, g_ptr_array_unref);
  g_clear_pointer (&gen->people_in_binnen, g_ptr_array_unref);
  g_clear_pointer (&gen->key_figures, g_array_unref);
  g_clear_pointer (&gen->alliances, g_ptr_array_unref);
  g_clear_pointer (&gen->units, g_ptr_array_unref);
}

/**
 * kw_demo_generate:
 * @store: a store, normally empty
 * @n_people: how many people; the rest scales with it (docs/demo-data.md)
 * @seed: the same seed gives the same data set (on the same day, or with
 *   the same KWARTIER_DEMO_TODAY)
 * @error: return location for an error
 *
 * Writes a synthetic city of the demo's shape, in transactions of a few
 * thousand writes: on error, what was committed before stays.
 *
 * Returns: %TRUE on success
 */
gboolean
kw_demo_generate (KwStore  *store,
                  guint     n_people,
                  guint64   seed,
                  GError  **error)
{
  return kw_demo_generate_full (store, n_people, seed, NULL, NULL, error);
}

/**
 * kw_demo_generate_full:
 * @progress: (nullable): called at each step and after each transaction
 *
 * The same as kw_demo_generate(), telling how far it is.
 */
gboolean
kw_demo_generate_full (KwStore            *store,
                       guint               n_people,
                       guint64             seed,
                       KwDemoProgressFunc  progress,
                       gpointer            user_data,
                       GError            **error)
{
  Gen gen = { store, seed, 0, FALSE, progress, user_data, 0, 0, n_people, };
  gboolean ok;

  g_return_val_if_fail (KW_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_people == 0)
    return TRUE;
  if (!init_today (&gen.today, error) || !kw_store_begin (store, error))
    return FALSE;
  gen.open = TRUE;
  gen_init (&gen);
  ok = generate_all (&gen, error) && kw_store_commit (store, error);
  if (ok)
    gen.open = FALSE;
  else if (gen.open)
    kw_store_rollback (store);
  gen_clear (&gen);
  return ok;
}
