/* kw-demo-generate.c: the synthetic city-scale generator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * kw_demo_generate() writes a data set of the demo's shape (kw-demo.c,
 * docs/demo-data.md) at city scale from a seeded splitmix64, in
 * transactions of GEN_BATCH writes. It is an algorithm, not data, so it
 * stays C while the demo itself becomes data (issue 9).
 */
#define G_LOG_DOMAIN "kw-demo"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "kw-demo.h"
#include "kw-error.h"

/* Everything in the generator is relative to this date, as in the demo. */
#define REFERENCE_YEAR  2026
#define REFERENCE_MONTH G_DATE_NOVEMBER
#define REFERENCE_DAY   1

static void
set_text (KwChangeset *changes,
          const char  *field,
          const char  *value)
{
  if (value != NULL)
    kw_changeset_set_string (changes, field, value);
}

static void
format_date (char  out[11],
             gint  days_from_reference)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, REFERENCE_DAY, REFERENCE_MONTH, REFERENCE_YEAR);
  if (days_from_reference < 0)
    g_date_subtract_days (&date, (guint) -days_from_reference);
  else
    g_date_add_days (&date, (guint) days_from_reference);
  g_snprintf (out, 11, "%04u-%02u-%02u", g_date_get_year (&date),
              (guint) g_date_get_month (&date), g_date_get_day (&date));
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

static const char * const gen_action_line_titles[] = {
  "Samen eten", "Schuldhulp aan de keukentafel", "Jongerenbudget", "Moeders aan tafel",
  "Buurtconciërges", "Zomerprogramma kinderen", "Belrooster ouderen", "Taalcafé",
};

static const char * const gen_action_line_status[] = { "planned", "active", "done", "stopped" };

typedef struct {
  const char *kind, *prefix;
} GenMeetingKind;

static const GenMeetingKind gen_meeting_kinds[] = {
  { "residents_council", "Bewonersberaad " },
  { "task_team", "Opgaveteam " },
  { "working_group", "Werkgroep " },
  { "key_figures", "Sleutelfigurenoverleg " },
  { "alliance", "Alliantiebestuur " },
  { "open_house", "Open huis " },
  { "unit_gathering", "Binnenbuurtbijeenkomst " },
};

static const char * const gen_agenda_titles[] = {
  "Opening en mededelingen", "Wie missen we nog aan tafel?", "Voortgang actielijnen",
  "Begroting en besteding", "Terugkoppeling uit de buurt", "Lopende acties en WVTTK",
};

static const char * const gen_agenda_kinds[] = { "info", "discussion", "decision", "discussion" };

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
  GPtrArray *buurten;        /* ids */
  GPtrArray *buurt_names;
  GPtrArray *venues;
  GPtrArray *organisations;
  GPtrArray *people;
  GPtrArray *alliances;
  GPtrArray *units;
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

static void
format_datetime (char  out[21],
                 gint  days_from_reference,
                 guint hour)
{
  char date[11];

  format_date (date, days_from_reference);
  g_snprintf (out, 21, "%sT%02u:00:00Z", date, hour);
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

/* A fixed tree scaled to the population: about one buurt per 500 people. */
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
  g_autoptr(GPtrArray) gebieden = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) wijken = g_ptr_array_new_with_free_func (g_free);

  return gen_area (gen, "Amsterdam", "other", NULL, "0363", root, error)
         && gen_area_level (gen, "stadsdeel", n_stadsdelen, root, stadsdelen, error)
         && gen_area_level (gen, "gebied", n_gebieden, stadsdelen, gebieden, error)
         && gen_area_level (gen, "wijk", n_wijken, gebieden, wijken, error)
         && gen_area_level (gen, "buurt", n_buurten, wijken, gen->buurten, error);
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

/* The municipality, the stadsdelen, then organisations of every kind. */
static void
fill_gen_organisation (Gen         *gen,
                       KwChangeset *changes,
                       guint        index)
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
}

static gboolean
gen_organisations (Gen     *gen,
                   GError **error)
{
  guint n = MAX (1, gen->n_people / 20);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KwChangeset) changes = kw_changeset_new ("organisation", error);

      if (changes == NULL)
        return FALSE;
      fill_gen_organisation (gen, changes, i);
      if (!gen_write (gen, changes, gen->organisations, error))
        return FALSE;
    }
  return TRUE;
}

static const char *
random_consent (Gen *gen)
{
  guint r = random_below (gen, 10);

  return r < 3 ? "public" : r < 8 ? "shared" : "private";
}

static void
fill_gen_person (Gen         *gen,
                 KwChangeset *changes,
                 guint        index)
{
  const char *first = PICK (gen, gen_first_names);
  const char *last = PICK (gen, gen_last_names);
  g_autofree char *name = g_strdup_printf ("%s %s", first, last);
  g_autofree char *phone = g_strdup_printf ("06-99%06u", index);
  char date[11];

  format_date (date, -(gint) random_below (gen, 3 * 365));
  set_text (changes, "name", name);
  set_text (changes, "phone", phone);
  set_text (changes, "area", random_id (gen, gen->buurten));
  set_text (changes, "languages", PICK (gen, gen_languages));
  kw_changeset_set_bool (changes, "key_figure", random_percent (gen, 5));
  set_text (changes, "topics", PICK (gen, gen_topics));
  set_text (changes, "consent", random_consent (gen));
  set_text (changes, "consent_date", date);
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
}

static gboolean
gen_people (Gen     *gen,
            GError **error)
{
  for (guint i = 0; i < gen->n_people; i++)
    {
      g_autoptr(KwChangeset) changes = kw_changeset_new ("person", error);

      if (changes == NULL)
        return FALSE;
      fill_gen_person (gen, changes, i);
      if (!gen_write (gen, changes, gen->people, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
gen_affiliations (Gen     *gen,
                  GError **error)
{
  for (guint i = 0; i < gen->n_people / 2; i++)
    {
      g_autoptr(KwChangeset) changes = kw_changeset_new ("affiliation", error);
      char date[11];

      if (changes == NULL)
        return FALSE;
      format_date (date, -(gint) random_below (gen, 10 * 365));
      set_text (changes, "person", random_id (gen, gen->people));
      set_text (changes, "organisation", random_id (gen, gen->organisations));
      set_text (changes, "role", PICK (gen, gen_roles));
      set_text (changes, "since", date);
      if (!gen_write (gen, changes, NULL, error))
        return FALSE;
    }
  return TRUE;
}

static void
fill_gen_relation (Gen         *gen,
                   KwChangeset *changes)
{
  static const char * const kinds[] = { "knows", "knows", "works_with", "member_of", "advises", "represents" };
  static const char * const org_kinds[] = { "funds", "works_with", "advises" };
  gboolean from_org = random_percent (gen, 10);
  const char *from = random_id (gen, from_org ? gen->organisations : gen->people);
  gboolean to_org = random_percent (gen, 20);
  const char *to = random_id (gen, to_org ? gen->organisations : gen->people);
  guint sentiment = random_below (gen, 100);
  guint strength = 1 + random_below (gen, 3);
  const char *kind = from_org ? PICK (gen, org_kinds) : PICK (gen, kinds);

  if (from == to)
    to = (to_org ? gen->people : gen->organisations)->pdata[0];
  set_text (changes, "from", from);
  set_text (changes, "to", to);
  set_text (changes, "kind", kind);
  set_text (changes, "sentiment", sentiment < 10 ? "tense" : sentiment < 40 ? "neutral" : "positive");
  kw_changeset_set_int (changes, "strength", strength);
}

static gboolean
gen_relations (Gen     *gen,
               GError **error)
{
  for (guint i = 0; i < 2 * gen->n_people; i++)
    {
      g_autoptr(KwChangeset) changes = kw_changeset_new ("relation", error);

      if (changes == NULL)
        return FALSE;
      fill_gen_relation (gen, changes);
      if (!gen_write (gen, changes, NULL, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
gen_contacts (Gen     *gen,
              GError **error)
{
  for (guint i = 0; i < gen->n_people; i++)
    {
      g_autoptr(KwChangeset) changes = kw_changeset_new ("contact_moment", error);
      char date[11];

      if (changes == NULL)
        return FALSE;
      format_date (date, -(gint) random_below (gen, 540));
      set_text (changes, "person", random_id (gen, gen->people));
      set_text (changes, "date", date);
      set_text (changes, "channel", PICK (gen, gen_channels));
      set_text (changes, "summary", PICK (gen, gen_summaries));
      if (!gen_write (gen, changes, NULL, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
gen_partner (Gen         *gen,
             const char  *alliance,
             const char  *party,
             const char  *role,
             GError     **error)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new ("alliance_partner", error);
  char date[11];

  if (changes == NULL)
    return FALSE;
  format_date (date, -(gint) random_below (gen, 2 * 365));
  set_text (changes, "alliance", alliance);
  set_text (changes, "party", party);
  set_text (changes, "role", role);
  set_text (changes, "since", date);
  return gen_write (gen, changes, NULL, error);
}

/* Up to six organisations (a lead, an advisor, a funder, partners) and a resident. */
static gboolean
gen_partners (Gen         *gen,
              const char  *alliance,
              GError     **error)
{
  guint k = MIN (6, gen->organisations->len);
  guint picked[6];

  pick_distinct (gen, gen->organisations->len, k, picked);
  for (guint j = 0; j < k; j++)
    {
      const char *role = j == 0 ? "lead" : j == 1 ? "advisor" : j == 2 ? "funder" : "partner";

      if (!gen_partner (gen, alliance, gen->organisations->pdata[picked[j]], role, error))
        return FALSE;
    }
  return gen_partner (gen, alliance, random_id (gen, gen->people), "partner", error);
}

static gboolean
gen_action_lines (Gen         *gen,
                  const char  *alliance,
                  GError     **error)
{
  for (guint j = 0; j < 3; j++)
    {
      g_autoptr(KwChangeset) changes = kw_changeset_new ("action_line", error);
      gint64 budget = 100000 * (gint64) (1 + random_below (gen, 50));
      gint64 spent = budget * random_below (gen, 101) / 100;
      gint start = -(gint) random_below (gen, 2 * 365);
      char start_date[11], end_date[11];

      if (changes == NULL)
        return FALSE;
      format_date (start_date, start);
      format_date (end_date, start + 365);
      set_text (changes, "alliance", alliance);
      set_text (changes, "title", PICK (gen, gen_action_line_titles));
      set_text (changes, "owner", random_id (gen, gen->people));
      kw_changeset_set_int (changes, "budget_cents", budget);
      kw_changeset_set_int (changes, "spent_cents", spent);
      set_text (changes, "status", PICK (gen, gen_action_line_status));
      set_text (changes, "start", start_date);
      set_text (changes, "end", end_date);
      if (!gen_write (gen, changes, NULL, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
gen_position (Gen         *gen,
              const char  *map,
              const char  *party,
              GError     **error)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new ("map_position", error);
  gint64 influence = 1 + random_below (gen, 5);
  gint64 interest = 1 + random_below (gen, 5);
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

/* A stakeholder map of the alliance: six organisations and four people. */
static gboolean
gen_map (Gen         *gen,
         const char  *alliance,
         const char  *alliance_name,
         GError     **error)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new ("stakeholder_map", error);
  g_autofree char *name = g_strconcat ("Krachtenveld ", alliance_name, NULL);
  g_autofree char *map = NULL;
  guint n_orgs = MIN (6, gen->organisations->len);
  guint n_people = MIN (4, gen->people->len);
  guint orgs[6], people[4];

  if (changes == NULL)
    return FALSE;
  set_text (changes, "name", name);
  set_text (changes, "alliance", alliance);
  if ((map = gen_create (gen, changes, error)) == NULL)
    return FALSE;
  pick_distinct (gen, gen->organisations->len, n_orgs, orgs);
  pick_distinct (gen, gen->people->len, n_people, people);
  for (guint j = 0; j < n_orgs; j++)
    if (!gen_position (gen, map, gen->organisations->pdata[orgs[j]], error))
      return FALSE;
  for (guint j = 0; j < n_people; j++)
    if (!gen_position (gen, map, gen->people->pdata[people[j]], error))
      return FALSE;
  return TRUE;
}

static gboolean
gen_alliance (Gen     *gen,
              GError **error)
{
  g_autoptr(KwChangeset) changes = kw_changeset_new ("alliance", error);
  guint b = random_below (gen, gen->buurten->len);
  g_autofree char *name = g_strdup_printf ("Wijkalliantie %s", (char *) gen->buurt_names->pdata[b]);
  const char *alliance;
  char date[11];

  if (changes == NULL)
    return FALSE;
  format_date (date, -(gint) random_below (gen, 3 * 365));
  set_text (changes, "name", name);
  set_text (changes, "area", gen->buurten->pdata[b]);
  set_text (changes, "status", PICK (gen, gen_alliance_status));
  set_text (changes, "challenge", PICK (gen, gen_challenges));
  set_text (changes, "started", date);
  if (!gen_write (gen, changes, gen->alliances, error))
    return FALSE;
  alliance = g_ptr_array_index (gen->alliances, gen->alliances->len - 1);
  return gen_partners (gen, alliance, error)
         && gen_action_lines (gen, alliance, error)
         && gen_map (gen, alliance, name, error);
}

/* About one alliance per ten buurten. */
static gboolean
gen_alliances (Gen     *gen,
               GError **error)
{
  guint n = MAX (1, gen->buurten->len / 10);

  for (guint i = 0; i < n; i++)
    if (!gen_alliance (gen, error))
      return FALSE;
  return TRUE;
}

static gboolean
gen_members (Gen         *gen,
             const char  *unit,
             GError     **error)
{
  guint k = MIN (20, gen->people->len);
  guint picked[20];

  pick_distinct (gen, gen->people->len, k, picked);
  for (guint j = 0; j < k; j++)
    {
      g_autoptr(KwChangeset) changes = kw_changeset_new ("network_member", error);
      char date[11];

      if (changes == NULL)
        return FALSE;
      format_date (date, -(gint) random_below (gen, 10 * 365));
      set_text (changes, "unit", unit);
      set_text (changes, "person", gen->people->pdata[picked[j]]);
      set_text (changes, "since", date);
      if (!gen_write (gen, changes, NULL, error))
        return FALSE;
    }
  return TRUE;
}

/* A binnenbuurt in the network's buurt, its unit (one in ten without a
 * deputy) and its members. */
static gboolean
gen_unit (Gen         *gen,
          const char  *network,
          const char  *buurt,
          guint        index,
          GError     **error)
{
  g_autoptr(GPtrArray) area = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(KwChangeset) changes = kw_changeset_new ("network_unit", error);
  const char *name = gen_unit_names[index % G_N_ELEMENTS (gen_unit_names)];
  const char *contact, *unit;

  if (changes == NULL || !gen_area (gen, name, "binnenbuurt", buurt, NULL, area, error))
    return FALSE;
  contact = random_id (gen, gen->people);
  set_text (changes, "network", network);
  set_text (changes, "name", name);
  set_text (changes, "area", area->pdata[0]);
  set_text (changes, "contact", contact);
  if (!random_percent (gen, 10))
    set_text (changes, "deputy", random_id (gen, gen->people));
  kw_changeset_set_int (changes, "members_count", 40 + random_below (gen, 20));
  kw_changeset_set_int (changes, "meetings_per_year", 3);
  if (!gen_write (gen, changes, gen->units, error))
    return FALSE;
  unit = g_ptr_array_index (gen->units, gen->units->len - 1);
  return gen_members (gen, unit, error);
}

/* About one network of eight units per 10,000 people. */
static gboolean
gen_networks (Gen     *gen,
              GError **error)
{
  static const char * const kinds[] = { "village", "residents_platform", "tenants" };
  static const char * const prefixes[] = { "Stadsdorp ", "Bewonersplatform ", "Huurdersplatform " };
  guint n = MAX (1, gen->n_people / 10000);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KwChangeset) changes = kw_changeset_new ("network", error);
      guint b = random_below (gen, gen->buurten->len);
      const char *buurt = gen->buurten->pdata[b];
      g_autofree char *name = g_strconcat (prefixes[i % 3], gen->buurt_names->pdata[b], NULL);
      g_autofree char *network = NULL;

      if (changes == NULL)
        return FALSE;
      set_text (changes, "name", name);
      set_text (changes, "kind", kinds[i % 3]);
      set_text (changes, "area", buurt);
      kw_changeset_set_int (changes, "members_count", 8 * (40 + random_below (gen, 20)));
      kw_changeset_set_int (changes, "dues_cents_month", i % 3 == 0 ? 500 : 0);
      if ((network = gen_create (gen, changes, error)) == NULL)
        return FALSE;
      for (guint u = 0; u < 8; u++)
        if (!gen_unit (gen, network, buurt, u, error))
          return FALSE;
    }
  return TRUE;
}

typedef struct {
  char        *id;
  const char  *alliance;
  gint         day;          /* relative to the reference date */
  gboolean     planned;
  gboolean     held;
  guint        n_attendees;
  guint        attendees[8]; /* indexes into gen->people */
} GenMeeting;

static gboolean
gen_agenda (Gen               *gen,
            const GenMeeting  *meeting,
            GError           **error)
{
  for (guint j = 0; j < 4; j++)
    {
      g_autoptr(KwChangeset) changes = kw_changeset_new ("agenda_item", error);
      const char *kind = gen_agenda_kinds[j];
      char position[3];

      if (changes == NULL)
        return FALSE;
      format_position (position, j);
      set_text (changes, "meeting", meeting->id);
      set_text (changes, "position", position);
      set_text (changes, "title", gen_agenda_titles[(j * 2 + random_below (gen, 2)) % G_N_ELEMENTS (gen_agenda_titles)]);
      set_text (changes, "presenter", random_id (gen, gen->people));
      kw_changeset_set_int (changes, "minutes_planned", 30);
      set_text (changes, "kind", kind);
      if (meeting->held && g_str_equal (kind, "decision"))
        set_text (changes, "decision", "Akkoord; zie de actielijst.");
      if (!gen_write (gen, changes, NULL, error))
        return FALSE;
    }
  return TRUE;
}

static const char *
random_attendance (Gen              *gen,
                   const GenMeeting *meeting)
{
  guint r = random_below (gen, 100);

  if (meeting->planned)
    return "invited";
  return r < 70 ? "present" : r < 80 ? "late" : r < 92 ? "absent_notified" : "absent";
}

static gboolean
gen_attendance (Gen         *gen,
                GenMeeting  *meeting,
                GError     **error)
{
  meeting->n_attendees = MIN (G_N_ELEMENTS (meeting->attendees), gen->people->len);
  pick_distinct (gen, gen->people->len, meeting->n_attendees, meeting->attendees);
  for (guint j = 0; j < meeting->n_attendees; j++)
    {
      g_autoptr(KwChangeset) changes = kw_changeset_new ("attendance", error);

      if (changes == NULL)
        return FALSE;
      set_text (changes, "meeting", meeting->id);
      set_text (changes, "person", gen->people->pdata[meeting->attendees[j]]);
      set_text (changes, "status", random_attendance (gen, meeting));
      if (!gen_write (gen, changes, NULL, error))
        return FALSE;
    }
  return TRUE;
}

/* Three actions per meeting, owned by attendees; after a held meeting
 * some are done. */
static gboolean
gen_actions (Gen               *gen,
             const GenMeeting  *meeting,
             GError           **error)
{
  for (guint j = 0; j < 3 && meeting->n_attendees > 0; j++)
    {
      g_autoptr(KwChangeset) changes = kw_changeset_new ("action_item", error);
      guint owner = meeting->attendees[random_below (gen, meeting->n_attendees)];
      gint deadline = meeting->day + 14 + (gint) random_below (gen, 46);
      guint r = random_below (gen, 100);
      const char *status = !meeting->held ? "open" : r < 40 ? "done" : r < 95 ? "open" : "dropped";
      char date[11], done_at[21];

      if (changes == NULL)
        return FALSE;
      format_date (date, deadline);
      set_text (changes, "title", PICK (gen, gen_action_titles));
      set_text (changes, "owner", gen->people->pdata[owner]);
      set_text (changes, "deadline", date);
      set_text (changes, "status", status);
      set_text (changes, "meeting", meeting->id);
      set_text (changes, "alliance", meeting->alliance);
      if (g_str_equal (status, "done"))
        {
          format_datetime (done_at, MIN (deadline, -1), 9);
          set_text (changes, "done_at", done_at);
        }
      if (!gen_write (gen, changes, NULL, error))
        return FALSE;
    }
  return TRUE;
}

static void
fill_gen_meeting (Gen         *gen,
                  KwChangeset *changes,
                  GenMeeting  *meeting)
{
  const GenMeetingKind *kind = &PICK (gen, gen_meeting_kinds);
  guint b = random_below (gen, gen->buurten->len);
  guint hour = 15 + random_below (gen, 4);
  gboolean cancelled = random_percent (gen, 4);
  g_autofree char *title = g_strconcat (kind->prefix, gen->buurt_names->pdata[b], NULL);
  char starts[21], ends[21];

  meeting->day = (gint) random_below (gen, 600) - 540;  /* 18 months back, 2 ahead */
  meeting->planned = meeting->day >= 0;
  meeting->held = !meeting->planned && !cancelled;
  meeting->alliance = random_percent (gen, 50) ? random_id (gen, gen->alliances) : NULL;
  format_datetime (starts, meeting->day, hour);
  format_datetime (ends, meeting->day, hour + 2);
  set_text (changes, "title", title);
  set_text (changes, "kind", kind->kind);
  set_text (changes, "starts_at", starts);
  set_text (changes, "ends_at", ends);
  set_text (changes, "venue", random_id (gen, gen->venues));
  set_text (changes, "alliance", meeting->alliance);
  if (g_str_equal (kind->kind, "unit_gathering") && gen->units->len > 0)
    set_text (changes, "unit", random_id (gen, gen->units));
  set_text (changes, "chair", random_id (gen, gen->people));
  set_text (changes, "minute_taker", random_id (gen, gen->people));
  set_text (changes, "status", meeting->planned ? "planned" : meeting->held ? "held" : "cancelled");
  if (meeting->held)
    set_text (changes, "minutes", PICK (gen, gen_minutes));
  kw_changeset_set_bool (changes, "publishable", meeting->held && random_percent (gen, 50));
  set_text (changes, "language", PICK (gen, gen_meeting_languages));
  kw_changeset_set_bool (changes, "food", random_percent (gen, 60));
  kw_changeset_set_bool (changes, "childcare", random_percent (gen, 30));
}

/* About one meeting per 200 people, each with agenda, attendance and actions. */
static gboolean
gen_meetings (Gen     *gen,
              GError **error)
{
  guint n = MAX (1, gen->n_people / 200);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KwChangeset) changes = kw_changeset_new ("meeting", error);
      GenMeeting meeting = { NULL, };
      gboolean ok;

      if (changes == NULL)
        return FALSE;
      fill_gen_meeting (gen, changes, &meeting);
      if ((meeting.id = gen_create (gen, changes, error)) == NULL)
        return FALSE;
      ok = gen_agenda (gen, &meeting, error)
           && gen_attendance (gen, &meeting, error)
           && gen_actions (gen, &meeting, error);
      g_free (meeting.id);
      if (!ok)
        return FALSE;
    }
  return TRUE;
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
gen_clear (Gen *gen)
{
  g_clear_pointer (&gen->buurten, g_ptr_array_unref);
  g_clear_pointer (&gen->buurt_names, g_ptr_array_unref);
  g_clear_pointer (&gen->venues, g_ptr_array_unref);
  g_clear_pointer (&gen->organisations, g_ptr_array_unref);
  g_clear_pointer (&gen->people, g_ptr_array_unref);
  g_clear_pointer (&gen->alliances, g_ptr_array_unref);
  g_clear_pointer (&gen->units, g_ptr_array_unref);
}

/**
 * kw_demo_generate:
 * @store: a store, normally empty
 * @n_people: how many people; the rest scales with it (docs/demo-data.md)
 * @seed: the same seed gives the same data set
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
  if (!kw_store_begin (store, error))
    return FALSE;
  gen.open = TRUE;
  gen.buurten = g_ptr_array_new_with_free_func (g_free);
  gen.buurt_names = g_ptr_array_new_with_free_func (g_free);
  gen.venues = g_ptr_array_new_with_free_func (g_free);
  gen.organisations = g_ptr_array_new_with_free_func (g_free);
  gen.people = g_ptr_array_new_full (n_people, g_free);
  gen.alliances = g_ptr_array_new_with_free_func (g_free);
  gen.units = g_ptr_array_new_with_free_func (g_free);
  ok = generate_all (&gen, error) && kw_store_commit (store, error);
  if (ok)
    gen.open = FALSE;
  else if (gen.open)
    kw_store_rollback (store);
  gen_clear (&gen);
  return ok;
}
