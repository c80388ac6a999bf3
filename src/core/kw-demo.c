/* kw-demo.c: the demo data set
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo is a fictional Amsterdam: every person, organisation, venue and
 * address in it is made up (docs/demo-data.md). It is written as data
 * tables; every row starts with a symbolic key ("p:fatima", or NULL) and
 * refers to other rows by their keys, which are mapped to the ids the
 * store hands out. All dates are relative to a fixed reference date, so
 * the data set is the same on every machine and every day.
 *
 * The generator, kw-demo-generate.c, writes the same shape at city scale
 * from a seeded splitmix64.
 */
#define G_LOG_DOMAIN "kw-demo"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "kw-demo.h"
#include "kw-error.h"

/* Everything in the demo and the generator is relative to this date. */
#define REFERENCE_YEAR  2026
#define REFERENCE_MONTH G_DATE_NOVEMBER
#define REFERENCE_DAY   1

#define REACH_PHONE (1u << 0)
#define REACH_EMAIL (1u << 1)
#define REACH_BOTH  (REACH_PHONE | REACH_EMAIL)

/* Data tables: the first member of every row is its key (or NULL). */

typedef struct {
  const char *key, *name, *kind, *parent, *code;
} DemoArea;

typedef struct {
  const char *key, *name, *address, *area;
  gint64      capacity;
  const char *accessibility;
} DemoVenue;

typedef struct {
  const char *key, *name, *kind;
  gboolean    formal;
  const char *area;
  const char *domain;   /* website and e-mail at <domain>.example.org, or NULL */
  const char *notes;
} DemoOrganisation;

typedef struct {
  const char *key, *name, *area, *languages, *communities, *topics;
  gboolean    key_figure;
  const char *consent, *consent_date, *consent_note, *notes, *private_notes;
  guint       reach;    /* REACH_*: which of phone and e-mail are known */
} DemoPerson;

typedef struct {
  const char *key, *person, *organisation, *role, *since, *until;
} DemoAffiliation;

typedef struct {
  const char *key, *from, *to, *kind, *sentiment;
  gint64      strength;
  const char *notes;
} DemoRelation;

typedef struct {
  const char *key, *person;
  guint       days_ago;
  const char *channel, *summary;
} DemoContact;

typedef struct {
  const char *key, *name, *area, *status, *challenge, *description, *started;
} DemoAlliance;

typedef struct {
  const char *key, *alliance, *party, *role, *since;
} DemoPartner;

typedef struct {
  const char *key, *alliance, *title, *goal, *owner;
  gint64      budget_cents, spent_cents;
  const char *status, *start, *end;
} DemoActionLine;

typedef struct {
  const char *key, *name, *kind, *area;
  gint64      members_count, dues_cents_month;
  const char *notes;
} DemoNetwork;

typedef struct {
  const char *key, *network, *name, *area, *contact, *deputy;
  gint64      members_count, meetings_per_year;
} DemoUnit;

typedef struct {
  const char *key, *unit, *person, *since;
} DemoMember;

typedef struct {
  const char *key, *name, *area, *alliance, *notes;
} DemoMap;

typedef struct {
  const char *key, *map, *party;
  gint64      influence, interest, stance;
} DemoPosition;

typedef struct {
  const char *key, *title, *kind, *starts_at, *ends_at, *venue, *online_link;
  const char *alliance, *unit, *chair, *minute_taker, *status, *minutes;
  gboolean    publishable;
  const char *language, *interpreter;
  gboolean    food, childcare;
} DemoMeeting;

typedef struct {
  const char *key, *meeting, *title, *presenter;
  gint64      minutes_planned;
  const char *kind, *notes, *decision;
} DemoAgendaItem;

typedef struct {
  const char *key, *meeting, *status;
  const char *people;   /* keys separated by spaces */
} DemoAttendance;

typedef struct {
  const char *key, *title, *owner, *deadline, *info, *status, *meeting, *alliance, *done_at;
} DemoActionItem;

/* Areas: Amsterdam → stadsdeel → gebied → wijk → buurt → binnenbuurt. */
static const DemoArea demo_areas[] = {
  { "a:amsterdam", "Amsterdam", "other", NULL, "0363" },
  { "a:nieuw-west", "Nieuw-West", "stadsdeel", "a:amsterdam", "F" },
  { "a:oost", "Oost", "stadsdeel", "a:amsterdam", "M" },
  { "a:zuidoost", "Zuidoost", "stadsdeel", "a:amsterdam", "T" },
  { "a:gss", "Geuzenveld, Slotermeer, Sloterdijken", "gebied", "a:nieuw-west", "F-G05" },
  { "a:osdorp", "Osdorp", "gebied", "a:nieuw-west", "F-G06" },
  { "a:watergraafsmeer", "Watergraafsmeer", "gebied", "a:oost", "M-G13" },
  { "a:bijlmer-oost", "Bijlmer-Oost", "gebied", "a:zuidoost", "T-G21" },
  { "a:gaasperdam", "Gaasperdam", "gebied", "a:zuidoost", "T-G22" },
  { "a:slotermeer", "Slotermeer", "wijk", "a:gss", "F-W51" },
  { "a:geuzenveld", "Geuzenveld", "wijk", "a:gss", "F-W52" },
  { "a:osdorp-midden", "Osdorp-Midden", "wijk", "a:osdorp", "F-W61" },
  { "a:betondorp", "Betondorp", "wijk", "a:watergraafsmeer", "M-W34" },
  { "a:k-buurt", "K-buurt", "wijk", "a:bijlmer-oost", "T-W93" },
  { "a:gaasperdam-noord", "Gaasperdam-Noord", "wijk", "a:gaasperdam", "T-W96" },
  { "a:slotermeer-noord", "Slotermeer-Noord", "buurt", "a:slotermeer", "F-B511" },
  { "a:sierplein", "Sierpleinbuurt", "buurt", "a:slotermeer", "F-B512" },
  { "a:geuzenveld-oost", "Geuzenveld-Oost", "buurt", "a:geuzenveld", "F-B521" },
  { "a:osdorpplein", "Osdorpplein e.o.", "buurt", "a:osdorp-midden", "F-B611" },
  { "a:betondorp-noord", "Betondorp-Noord", "buurt", "a:betondorp", "M-B341" },
  { "a:betondorp-zuid", "Betondorp-Zuid", "buurt", "a:betondorp", "M-B342" },
  { "a:kraaiennest", "Kraaiennest", "buurt", "a:k-buurt", "T-B931" },
  { "a:k-buurt-zuid", "K-buurt-Zuid", "buurt", "a:k-buurt", "T-B932" },
  { "a:nellestein", "Nellestein", "buurt", "a:gaasperdam-noord", "T-B961" },
  { "a:bb-brinkzijde", "Brinkzijde", "binnenbuurt", "a:betondorp-noord", NULL },
  { "a:bb-zaaiershof", "Zaaiershof", "binnenbuurt", "a:betondorp-noord", NULL },
  { "a:bb-akkerpad", "Akkerpad", "binnenbuurt", "a:betondorp-noord", NULL },
  { "a:bb-oogstlaan", "Oogstlaan", "binnenbuurt", "a:betondorp-noord", NULL },
  { "a:bb-ploeghof", "Ploeghof", "binnenbuurt", "a:betondorp-zuid", NULL },
  { "a:bb-dorsvloer", "Dorsvloer", "binnenbuurt", "a:betondorp-zuid", NULL },
  { "a:bb-hooiberg", "Hooiberg", "binnenbuurt", "a:betondorp-zuid", NULL },
  { "a:bb-molenkwartier", "Molenkwartier", "binnenbuurt", "a:betondorp-zuid", NULL },
};

static const DemoVenue demo_venues[] = {
  { "v:zaaiveld", "Buurthuis Het Zaaiveld", "Akkerpad 12, 1097 XK Amsterdam",
    "a:betondorp-noord", 80, "Gelijkvloers; invalidentoilet; ringleiding in de grote zaal" },
  { "v:kraal", "Community Centre De Kraal", "Kraaiennestpad 3, 1104 XB Amsterdam",
    "a:kraaiennest", 150, "Lift; invalidentoilet; rolstoelingang aan de achterzijde" },
  { "v:gaasperhof", "Buurthuis Gaasperhof", "Nellesteinpad 40, 1106 XP Amsterdam",
    "a:nellestein", 60, "Drempel bij de hoofdingang; hellingbaan op aanvraag" },
  { "v:bibliotheek", "Buurtbibliotheek Slotermeer", "Sierplein 18, 1064 XT Amsterdam",
    "a:sierplein", 40, "Lift; invalidentoilet; prikkelarme stilteruimte" },
  { "v:al-amal", "Zaal Moskee Al-Amal", "Plaspad 7, 1064 XM Amsterdam",
    "a:slotermeer-noord", 120, "Gelijkvloers; aparte ingang voor vrouwen; schoenen uit in de gebedsruimte" },
  { "v:horizon", "Gymzaal OBS De Horizon", "Horizonpad 2, 1068 XD Amsterdam",
    "a:osdorpplein", 200, "Gelijkvloers; geen ringleiding; alleen buiten schooltijd" },
  { "v:stadsdeelkantoor", "Stadsdeelkantoor Nieuw-West, zaal 3.12", "Stadhuispad 1, 1068 XA Amsterdam",
    "a:osdorpplein", 24, "Lift; invalidentoilet; ringleiding; legitimatie bij de balie" },
};

static const DemoOrganisation demo_organisations[] = {
  { "o:gemeente", "Gemeente Amsterdam", "municipality", TRUE, "a:amsterdam", "gemeente",
    "Opdrachtgever van de wijkallianties; budget via de gebiedsplannen." },
  { "o:sd-nieuw-west", "Stadsdeel Nieuw-West", "district", TRUE, "a:nieuw-west", "nieuw-west",
    "Gebiedsteam GSS en Osdorp; jongerenraad van het stadsdeel." },
  { "o:sd-oost", "Stadsdeel Oost", "district", TRUE, "a:oost", "oost",
    "Gebiedsmakelaar Watergraafsmeer trekt het gesprek over Betondorp." },
  { "o:sd-zuidoost", "Stadsdeel Zuidoost", "district", TRUE, "a:zuidoost", "zuidoost",
    "Financiert de wijkalliantie K-buurt uit het buurtbudget." },
  { "o:buurtwerk-oost", "Stichting Buurtwerk Oost", "welfare", TRUE, "a:oost", "buurtwerk-oost",
    "Beheert Buurthuis Het Zaaiveld. Spanning met een deel van de informele partijen over "
    "de programmering en over wie wat doet." },
  { "o:welzijn-plas", "Stichting Welzijn aan de Plas", "welfare", TRUE, "a:nieuw-west", "welzijn-plas",
    "Opbouwwerk en jongerenwerk in Slotermeer en Geuzenveld." },
  { "o:samen-verder", "Stichting Samen Verder Zuidoost", "welfare", TRUE, "a:zuidoost", "samen-verder",
    "Trekker van de wijkalliantie K-buurt; beheert De Kraal." },
  { "o:amstelhuis", "Woonstichting Amstelhuis", "housing", TRUE, "a:amsterdam", "amstelhuis",
    "Grootste verhuurder in Betondorp en Slotermeer." },
  { "o:de-gaasp", "Woningcorporatie De Gaasp", "housing", TRUE, "a:zuidoost", "de-gaasp",
    "Bezit in de K-buurt en Nellestein; stelt ruimtes beschikbaar voor initiatieven." },
  { "o:buurtteam-wgm", "Buurtteam Watergraafsmeer", "neighbourhood_team", TRUE, "a:watergraafsmeer",
    "buurtteam-wgm", "Doorverwijzing vanuit Het Zaaiveld en de vereniging loopt nog stroef." },
  { "o:buurtteam-bijlmer", "Buurtteam Bijlmer-Oost", "neighbourhood_team", TRUE, "a:bijlmer-oost",
    "buurtteam-bijlmer", "Schuldhulp aan de keukentafel." },
  { "o:bv-betondorp", "Bewonersvereniging Betondorp", "residents_group", TRUE, "a:betondorp", NULL,
    "Oude, trouwe kern. Kritisch op Buurtwerk Oost." },
  { "o:brinkvrouwen", "De Brinkvrouwen", "residents_group", FALSE, "a:betondorp", NULL,
    "Informele groep vrouwen rond de Brink; botst met Betondorp Vooruit." },
  { "o:betondorp-vooruit", "Actiegroep Betondorp Vooruit", "residents_group", FALSE, "a:betondorp", NULL,
    "Verkeer, groen, bomenkap. Zit (nog) niet aan tafel bij de wijkalliantie." },
  { "o:bp-kbuurt", "Bewonersplatform K-buurt", "residents_group", FALSE, "a:k-buurt", NULL,
    "Kerngroep van acht bewoners; maandelijks overleg met De Gaasp." },
  { "o:stadsdorp", "Stadsdorp Meerzicht", "village_network", TRUE, "a:betondorp", "meerzicht",
    "Stadsdorp met acht binnenbuurten van elk ongeveer vijftig leden." },
  { "o:al-amal", "Stichting Moskee Al-Amal", "religious", TRUE, "a:slotermeer", NULL,
    "Marokkaans-Nederlandse moskee; zaal beschikbaar voor buurtactiviteiten." },
  { "o:yeni-cami", "Stichting Yeni Cami Osdorp", "religious", TRUE, "a:osdorp-midden", NULL,
    "Turkse moskee met actieve jongerenafdeling en theemiddagen voor ouderen." },
  { "o:horizon", "OBS De Horizon", "school", TRUE, "a:osdorpplein", "horizon",
    "Basisschool met ouderkamer; veel Poolse en Turkse gezinnen." },
  { "o:regenboog", "Basisschool De Regenboog", "school", TRUE, "a:kraaiennest", "regenboog",
    "Schoolmaatschappelijk werk signaleert armoede bij gezinnen." },
  { "o:sc-nellestein", "Sportclub Nellestein '78", "other", TRUE, "a:nellestein", "sc-nellestein",
    "Voetbal en koersbal; kantine op zaterdag gedeeld met Makandra." },
  { "o:samen-eten", "Voedselinitiatief Samen Eten K-buurt", "initiative", FALSE, "a:k-buurt", NULL,
    "Drie avonden per week een warme maaltijd; ongeveer 140 gezinnen." },
  { "o:ondernemers", "Ondernemersvereniging Slotermeer-Noord", "business", TRUE, "a:slotermeer",
    "ondernemers-slotermeer", "Winkeliers rond het plein; willen meedoen aan het open huis." },
  { "o:sterke-moeders", "Sterke Moeders Nieuw-West", "initiative", FALSE, "a:nieuw-west", NULL,
    "Moedergroep rond opvoeding en veiligheid." },
  { "o:makandra", "Seniorenclub Makandra", "initiative", FALSE, "a:nellestein", NULL,
    "Surinaamse ouderen; koersbal en gezondheidsvoorlichting." },
  { "o:akwaaba", "Akwaaba Vrouwenkring", "initiative", FALSE, "a:k-buurt", NULL,
    "Ghanese vrouwen; gesprekken over schulden, gezondheid en opvoeding." },
  { "o:razem", "Stowarzyszenie Razem Amsterdam", "initiative", TRUE, "a:osdorp", "razem",
    "Poolse vereniging met zaterdagschool en ouderavonden." },
};

/* People: fictional names; phone numbers and e-mail addresses are made up
 * from the row (06-12345nnn, first.last@example.org). */
static const DemoPerson demo_people[] = {
  /* key figures */
  { "p:fatima", "Fatima Aït Brahim", "a:slotermeer-noord", "Nederlands, Tamazight, Arabisch",
    "Marokkaans-Nederlandse moeders, moskee Al-Amal", "opvoeding, jongeren, veiligheid", TRUE,
    "public", "2025-04-02", NULL,
    "Trekker van Sterke Moeders. Kent de halve buurt via het schoolplein van De Horizon.", NULL, REACH_BOTH },
  { "p:kofi", "Kofi Mensah-Boateng", "a:kraaiennest", "Nederlands, Engels, Twi",
    "Ghanese gemeenschap, pinksterkerken", "armoede, schulden, kerken", TRUE,
    "public", "2025-06-18", NULL,
    "Diaken in een Ghanese kerk aan de rand van de K-buurt; brug naar de kerkgenootschappen.", NULL, REACH_BOTH },
  { "p:ingrid", "Ingrid Zwanenburg", "a:betondorp-zuid", "Nederlands",
    "ouderen, stadsdorp", "eenzaamheid, ontmoeting", TRUE,
    "shared", "2025-02-10", "Mag naar collega-organisatoren, niet publiceren.",
    "Coördinator binnenbuurten van Stadsdorp Meerzicht. Woont sinds 1979 in Betondorp.", NULL, REACH_BOTH },
  { "p:mehmet", "Mehmet Yıldırım", "a:osdorpplein", "Nederlands, Turks",
    "Turkse gemeenschap, Yeni Cami", "ouderen, mantelzorg", TRUE,
    "shared", "2025-09-01", NULL,
    "Bestuurslid Yeni Cami; organiseert de theemiddagen voor Turkse ouderen.", NULL, REACH_PHONE },
  { "p:sharmila", "Sharmila Ramdin", "a:nellestein", "Nederlands, Sarnami, Sranantongo",
    "Hindoestaanse gemeenschap", "gezondheid, diabetes, ouderen", TRUE,
    "public", "2025-03-22", NULL,
    "Gezondheidsvoorlichting in de buurt; werkt samen met Seniorenclub Makandra.", NULL, REACH_BOTH },
  { "p:rachid", "Rachid El Khattabi", "a:geuzenveld-oost", "Nederlands, Arabisch, Tamazight",
    "jongeren, voetbal", "jongeren, sport, werk", TRUE,
    "shared", "2025-05-05", NULL,
    "Jongerencoach bij de voetbalkooi; jongens bellen hem eerder dan de politie.",
    "Zorgt voor zijn vader; niet te veel tegelijk vragen.", REACH_PHONE },
  { "p:marisol", "Marisol Martina", "a:k-buurt-zuid", "Papiaments, Nederlands, Spaans",
    "Antilliaanse gemeenschap", "armoede, jonge moeders", TRUE,
    "private", "2025-07-30", "Wil niet in verslagen of exports; contact via Ama.",
    "Zit in het kernteam van Samen Eten.", "Schuldhulp loopt via het buurtteam.", REACH_PHONE },
  { "p:agnieszka", "Agnieszka Kowalczyk", "a:osdorpplein", "Pools, Nederlands, Engels",
    "Poolse arbeidsmigranten", "huisvesting, werk, taal", TRUE,
    "shared", "2025-08-14", NULL,
    "Zaterdagschool en Facebookgroep van Poolse gezinnen in Nieuw-West.", NULL, REACH_BOTH },
  { "p:henk", "Henk Verduin", "a:betondorp-noord", "Nederlands",
    "bewonersvereniging, oude Betondorpers", "buurthuis, woningonderhoud", TRUE,
    "public", "2024-12-03", NULL,
    "Voorzitter Bewonersvereniging Betondorp. Kritisch op de programmering van het buurthuis.", NULL, REACH_BOTH },
  { "p:gloria", "Gloria Asante", "a:kraaiennest", "Twi, Engels, Nederlands",
    "Ghanese vrouwen, kerk", "vrouwen, armoede, gezondheid", TRUE,
    "shared", "2025-06-18", NULL, "Trekker van Akwaaba Vrouwenkring.", NULL, REACH_PHONE },
  { "p:hatice", "Hatice Demirtaş", "a:slotermeer-noord", "Turks, Nederlands",
    "Turkse moeders", "onderwijs, ouderbetrokkenheid", TRUE,
    "private", "2026-01-09", "Liever niet met naam in stukken.",
    "Ouderconsulent (vrijwilliger) op De Horizon.", NULL, REACH_PHONE },
  { "p:errol", "Errol Pinas", "a:nellestein", "Nederlands, Sranantongo",
    "Surinaamse ouderen", "ouderen, bewegen", TRUE,
    "public", "2025-03-22", NULL,
    "Voorzitter Seniorenclub Makandra; zaterdags koersbal in Gaasperhof.", NULL, REACH_PHONE },
  { "p:noor", "Noor Bakkali", "a:sierplein", "Nederlands, Arabisch, Engels",
    "jonge vrouwen, studenten", "jongeren, democratie, werk", TRUE,
    "public", "2025-10-11", NULL,
    "Studeert bestuurskunde; zit in de jongerenraad van het stadsdeel.", NULL, REACH_BOTH },
  { "p:wim", "Wim de Graaf", "a:betondorp-zuid", "Nederlands",
    "Betondorp Vooruit", "verkeer, groen", TRUE,
    "shared", "2025-01-15", NULL,
    "Woordvoerder van Actiegroep Betondorp Vooruit. Botst geregeld met De Brinkvrouwen.", NULL, REACH_BOTH },
  { "p:yasmina", "Yasmina Ouali", "a:osdorpplein", "Nederlands, Arabisch, Frans",
    "Marokkaanse vrouwen, moskee", "vrouwen, taal", TRUE,
    "shared", "2025-11-20", NULL,
    "Geeft taalles aan vrouwen in de zaal van Al-Amal.", NULL, REACH_PHONE },
  { "p:ama", "Ama Owusu", "a:kraaiennest", "Nederlands, Twi, Engels",
    "Ghanese gemeenschap, jonge gezinnen", "voedsel, armoede", TRUE,
    "public", "2025-06-18", NULL,
    "Oprichter van Samen Eten K-buurt; draagt veel alleen.", "Signalen van overbelasting (oktober).", REACH_BOTH },
  /* professionals */
  { "p:joost", "Joost van Leeuwen", "a:watergraafsmeer", "Nederlands, Engels", NULL,
    "gebiedsgericht werken", FALSE, "public", "2024-11-20", NULL,
    "Gebiedsmakelaar Watergraafsmeer bij Stadsdeel Oost.", NULL, REACH_BOTH },
  { "p:sanne", "Sanne Kuipers", "a:nieuw-west", "Nederlands, Engels", NULL,
    "wijkallianties, buurtdemocratie", FALSE, "public", "2024-11-20", NULL,
    "Kwartiermaker wijkallianties Nieuw-West; voorzitter van het opgaveteam.", NULL, REACH_BOTH },
  { "p:dewi", "Dewi Kartoredjo", "a:betondorp-noord", "Nederlands, Javaans", NULL,
    "buurthuis, vrijwilligers", FALSE, "shared", "2025-01-06", NULL,
    "Sociaal werker van Buurtwerk Oost in Het Zaaiveld.", NULL, REACH_BOTH },
  { "p:bram", "Bram Hoekstra", "a:watergraafsmeer", "Nederlands", NULL,
    "woningonderhoud, leefbaarheid", FALSE, "shared", "2025-02-01", NULL,
    "Gebiedsregisseur van Amstelhuis voor Betondorp.", NULL, REACH_BOTH },
  { "p:naima", "Naïma Chaouch", "a:slotermeer", "Nederlands, Arabisch, Tamazight", NULL,
    "opbouwwerk, moeders, jongeren", FALSE, "shared", "2025-04-02", NULL,
    "Opbouwwerker van Welzijn aan de Plas.", NULL, REACH_BOTH },
  { "p:kwame", "Kwame Ofori", "a:k-buurt", "Nederlands, Twi, Engels", NULL,
    "opbouwwerk, armoede", FALSE, "shared", "2025-03-10", NULL,
    "Opbouwwerker van Samen Verder Zuidoost; beheert de agenda van De Kraal.", NULL, REACH_BOTH },
  { "p:lisa", "Lisa Brouwer", "a:watergraafsmeer", "Nederlands", NULL,
    "buurtteam, mediation", FALSE, "shared", "2025-01-06", NULL,
    "Buurtteam Watergraafsmeer.", NULL, REACH_BOTH },
  { "p:tom", "Tom Vermeulen", "a:zuidoost", "Nederlands", NULL,
    "gebiedsgericht werken, budget", FALSE, "public", "2025-02-14", NULL,
    "Gebiedsadviseur van Stadsdeel Zuidoost; voorzitter van het alliantiebestuur K-buurt.", NULL, REACH_BOTH },
  { "p:esra", "Esra Kaya", "a:nieuw-west", "Nederlands, Turks", NULL,
    "participatie, transparantie", FALSE, "public", "2024-11-20", NULL,
    "Beleidsadviseur participatie bij Stadsdeel Nieuw-West.", NULL, REACH_BOTH },
  { "p:marieke", "Marieke Dijkstra", "a:amsterdam", "Nederlands, Engels", NULL,
    "buurtdemocratie, Woo", FALSE, "public", "2024-11-20", NULL,
    "Programmamanager buurtdemocratie bij de gemeente.", NULL, REACH_EMAIL },
  { "p:jurgen", "Jurgen Wolthuis", "a:zuidoost", "Nederlands", NULL,
    "beheer, bedrijfsruimtes", FALSE, "shared", "2025-05-20", NULL,
    "Wijkbeheerder van De Gaasp.", NULL, REACH_BOTH },
  { "p:priya", "Priya Jagesar", "a:k-buurt", "Nederlands, Sarnami", NULL,
    "schuldhulp", FALSE, "shared", "2025-03-10", NULL,
    "Buurtteam Bijlmer-Oost; schuldhulp aan de keukentafel.", NULL, REACH_BOTH },
  { "p:olga", "Olga Wiśniewska", "a:osdorpplein", "Pools, Nederlands", NULL,
    "onderwijs, ouders", FALSE, "shared", "2025-08-14", NULL,
    "Leerkracht groep 6 op De Horizon.", NULL, REACH_EMAIL },
  { "p:youssef", "Youssef Amrani", "a:slotermeer-noord", "Arabisch, Tamazight, Nederlands",
    "moskee Al-Amal", "ruimte, jongeren", FALSE, "shared", "2025-04-15", NULL,
    "Secretaris van Al-Amal.", NULL, REACH_PHONE },
  { "p:emre", "Emre Aydın", "a:osdorpplein", "Turks, Nederlands", "Turkse jongeren",
    "jongeren, sport", FALSE, "shared", "2025-09-01", NULL,
    "Jongerenwerker bij Yeni Cami.", NULL, REACH_BOTH },
  { "p:marco", "Marco Rosario", "a:nellestein", "Papiaments, Nederlands", NULL,
    "sport, jongeren", FALSE, "shared", "2025-03-22", NULL,
    "Jeugdtrainer bij Sportclub Nellestein '78.", NULL, REACH_PHONE },
  { "p:anouk", "Anouk Smit", "a:slotermeer-noord", "Nederlands", NULL,
    "winkels, veiligheid", FALSE, "public", "2025-10-01", NULL,
    "Voorzitter van de ondernemersvereniging.", NULL, REACH_BOTH },
  { "p:germaine", "Germaine Kerster", "a:nellestein", "Sranantongo, Nederlands",
    "Surinaamse ouderen", "ouderen", FALSE, "shared", "2025-03-22", NULL,
    "Secretaris van Makandra.", NULL, REACH_PHONE },
  { "p:femke", "Femke Jansen", "a:betondorp-noord", "Nederlands", "stadsdorp",
    "eenzaamheid, burenhulp", FALSE, "public", "2025-02-10", NULL,
    "Voorzitter van Stadsdorp Meerzicht.", NULL, REACH_BOTH },
  /* residents of Betondorp, most of them in the stadsdorp */
  { "p:truus", "Truus Bakker", "a:betondorp-noord", "Nederlands", "stadsdorp", "burenhulp", FALSE,
    "shared", "2025-02-10", NULL, "Contactpersoon Brinkzijde; wil na de zomer stoppen.", NULL, REACH_PHONE },
  { "p:ger", "Ger Molenaar", "a:betondorp-noord", "Nederlands", "stadsdorp", NULL, FALSE,
    "shared", "2025-02-10", NULL, NULL, NULL, REACH_PHONE },
  { "p:loes", "Loes van Dam", "a:betondorp-noord", "Nederlands", "stadsdorp", "ontmoeting", FALSE,
    "public", "2025-02-10", NULL, "Contactpersoon Zaaiershof.", NULL, REACH_BOTH },
  { "p:kees", "Kees Hoogendoorn", "a:betondorp-noord", "Nederlands", "stadsdorp", "burenhulp", FALSE,
    "shared", "2025-02-10", NULL, "Vervanger Zaaiershof; maakt het belrooster.", NULL, REACH_BOTH },
  { "p:annie", "Annie Schouten", "a:betondorp-noord", "Nederlands", "stadsdorp", NULL, FALSE,
    "shared", "2025-02-10", NULL, NULL, NULL, REACH_PHONE },
  { "p:frits", "Frits Koster", "a:betondorp-zuid", "Nederlands", "stadsdorp", NULL, FALSE,
    "shared", "2025-02-10", NULL, NULL, NULL, REACH_PHONE },
  { "p:mies", "Mies Verhoef", "a:betondorp-zuid", "Nederlands", "stadsdorp", NULL, FALSE,
    "private", "2025-02-10", "Alleen binnen het stadsdorp.", NULL, NULL, REACH_PHONE },
  { "p:johan", "Johan Pronk", "a:betondorp-zuid", "Nederlands", "stadsdorp, bewonersvereniging", NULL, FALSE,
    "shared", "2025-02-10", NULL, "Contactpersoon Dorsvloer, zonder vervanger.", NULL, REACH_BOTH },
  { "p:riet", "Riet Kramer", "a:betondorp-zuid", "Nederlands", "stadsdorp", NULL, FALSE,
    "shared", "2025-02-10", NULL, NULL, NULL, REACH_PHONE },
  { "p:sevda", "Sevda Arslan", "a:betondorp-zuid", "Turks, Nederlands", "De Brinkvrouwen, stadsdorp",
    "ontmoeting", FALSE, "shared", "2025-05-12", NULL, NULL, NULL, REACH_PHONE },
  { "p:abdel", "Abdelkader Ziani", "a:betondorp-noord", "Arabisch, Nederlands", "stadsdorp", NULL, FALSE,
    "private", "2025-06-01", NULL, "Nieuw als contactpersoon Oogstlaan.", NULL, REACH_PHONE },
  { "p:nel", "Nel Groen", "a:betondorp-zuid", "Nederlands", "stadsdorp", NULL, FALSE,
    "shared", "2025-02-10", NULL, NULL, NULL, REACH_PHONE },
  { "p:ton", "Ton Veenstra", "a:betondorp-zuid", "Nederlands", "stadsdorp", NULL, FALSE,
    "shared", "2025-02-10", NULL, NULL, NULL, REACH_BOTH },
  { "p:margriet", "Margriet Boon", "a:betondorp-noord", "Nederlands", "bewonersvereniging, stadsdorp",
    NULL, FALSE, "shared", "2025-02-10", NULL, "Penningmeester van de bewonersvereniging.", NULL, REACH_BOTH },
  { "p:joke", "Joke Timmer", "a:betondorp-zuid", "Nederlands", "stadsdorp", NULL, FALSE,
    "shared", "2025-02-10", NULL, NULL, NULL, REACH_PHONE },
  { "p:gerda", "Gerda Lammers", "a:betondorp-noord", "Nederlands", "stadsdorp", NULL, FALSE,
    "public", "2025-02-10", NULL, "Vertelt graag over vroeger.", NULL, REACH_PHONE },
  { "p:bep", "Bep van Vliet", "a:betondorp-noord", "Nederlands", "stadsdorp", NULL, FALSE,
    "private", "2025-02-10", NULL, "Komt niet meer naar de bijeenkomsten.",
    "Mogelijk ziek of eenzaam; Loes gaat langs.", REACH_PHONE },
  { "p:hasan", "Hasan Toprak", "a:betondorp-noord", "Turks, Nederlands", "stadsdorp", NULL, FALSE,
    "shared", "2025-09-30", NULL, NULL, NULL, REACH_PHONE },
  /* residents elsewhere */
  { "p:samira", "Samira Benali", "a:slotermeer-noord", "Nederlands, Arabisch", "Sterke Moeders",
    "opvoeding", FALSE, "shared", "2025-04-02", NULL, NULL, NULL, REACH_PHONE },
  { "p:ozan", "Ozan Çelik", "a:osdorpplein", "Turks, Nederlands", "jongeren", "sport, werk", FALSE,
    "shared", "2025-09-01", NULL, "Wil in de jongerenraad.", NULL, REACH_BOTH },
  { "p:kwabena", "Kwabena Asare", "a:kraaiennest", "Twi, Engels, Nederlands", "Ghanese gemeenschap",
    "voedsel", FALSE, "shared", "2025-06-18", NULL, "Rijdt op zaterdag de boodschappen.", NULL, REACH_PHONE },
  { "p:chantal", "Chantal Doelwijt", "a:nellestein", "Nederlands, Sranantongo", NULL, "sport", FALSE,
    "public", "2025-03-22", NULL, NULL, NULL, REACH_BOTH },
  { "p:piotr", "Piotr Zieliński", "a:osdorpplein", "Pools, Engels", "Poolse arbeidsmigranten",
    "werk", FALSE, "shared", "2025-08-14", NULL, NULL, NULL, REACH_EMAIL },
  { "p:shirley", "Shirley Wijngaarde", "a:k-buurt-zuid", "Nederlands, Sranantongo", NULL,
    "armoede", FALSE, "private", "2025-10-05", NULL, NULL, NULL, REACH_PHONE },
  { "p:yusuf", "Yusuf Bozkurt", "a:geuzenveld-oost", "Turks, Nederlands", "jongeren", "huiswerk",
    FALSE, "shared", "2025-05-05", NULL, NULL, NULL, REACH_PHONE },
  { "p:linda", "Linda Vos", "a:betondorp-noord", "Nederlands", "De Brinkvrouwen, stadsdorp",
    "ontmoeting, buurtapp", FALSE, "shared", "2025-01-15", NULL,
    "Trekker van De Brinkvrouwen; voelt zich aangevallen in de buurtapp.", NULL, REACH_BOTH },
  { "p:ahmed", "Ahmed Ouahabi", "a:geuzenveld-oost", "Arabisch, Tamazight, Nederlands", "moskee Al-Amal",
    "jongeren", FALSE, "shared", "2025-04-15", NULL, NULL, NULL, REACH_PHONE },
  { "p:efua", "Efua Boakye", "a:k-buurt-zuid", "Twi, Engels", "Ghanese vrouwen", NULL, FALSE,
    "shared", "2025-06-18", NULL, NULL, NULL, REACH_PHONE },
  { "p:rosa", "Rosa Isenia", "a:k-buurt-zuid", "Papiaments, Nederlands", "Antilliaanse gemeenschap",
    "koken", FALSE, "private", "2025-07-30", NULL, NULL, NULL, REACH_PHONE },
  { "p:dirk", "Dirk Mulder", "a:betondorp-zuid", "Nederlands", "Betondorp Vooruit, stadsdorp",
    "groen", FALSE, "shared", "2025-01-15", NULL, NULL, NULL, REACH_BOTH },
  /* the same social worker, entered a second time after a market day:
   * a duplicate to find and merge */
  { "p:dewi-again", "Dewie Kartoredjo", "a:betondorp-noord", "Nederlands", NULL,
    "buurthuis", FALSE, "shared", "2026-09-12", NULL,
    "Aangemeld op de buurtmarkt; wil helpen met de kerstmarkt.", NULL, REACH_PHONE },
};

static const DemoAffiliation demo_affiliations[] = {
  { NULL, "p:fatima", "o:sterke-moeders", "trekker", "2021-09-01", NULL },
  { NULL, "p:fatima", "o:horizon", "lid ouderraad", "2023-09-01", NULL },
  { NULL, "p:kofi", "o:bp-kbuurt", "lid kerngroep", "2022-03-01", NULL },
  { NULL, "p:kofi", "o:samen-eten", "vrijwilliger", "2023-01-15", NULL },
  { NULL, "p:ingrid", "o:stadsdorp", "coördinator binnenbuurten", "2019-05-01", NULL },
  { NULL, "p:mehmet", "o:yeni-cami", "bestuurslid", "2016-01-01", NULL },
  { NULL, "p:sharmila", "o:makandra", "gezondheidsvoorlichter", "2022-10-01", NULL },
  { NULL, "p:rachid", "o:welzijn-plas", "vrijwillig jongerencoach", "2020-06-01", NULL },
  { NULL, "p:rachid", "o:al-amal", "jongerenwerk (vrijwilliger)", "2021-01-01", NULL },
  { NULL, "p:marisol", "o:samen-eten", "kernteam", "2023-02-01", NULL },
  { NULL, "p:agnieszka", "o:razem", "voorzitter", "2019-03-01", NULL },
  { NULL, "p:henk", "o:bv-betondorp", "voorzitter", "2015-04-01", NULL },
  { NULL, "p:henk", "o:stadsdorp", "lid", "2019-05-01", NULL },
  { NULL, "p:gloria", "o:akwaaba", "trekker", "2020-01-01", NULL },
  { NULL, "p:hatice", "o:horizon", "ouderconsulent (vrijwilliger)", "2022-09-01", NULL },
  { NULL, "p:hatice", "o:sterke-moeders", "lid", "2022-09-01", NULL },
  { NULL, "p:errol", "o:makandra", "voorzitter", "2014-06-01", NULL },
  { NULL, "p:noor", "o:sd-nieuw-west", "lid jongerenraad", "2025-01-01", NULL },
  { NULL, "p:wim", "o:betondorp-vooruit", "woordvoerder", "2021-05-01", NULL },
  { NULL, "p:wim", "o:bv-betondorp", "bestuurslid", "2016-01-01", "2020-12-31" },
  { NULL, "p:yasmina", "o:al-amal", "taaldocent (vrijwilliger)", "2022-01-01", NULL },
  { NULL, "p:ama", "o:samen-eten", "oprichter", "2020-04-01", NULL },
  { NULL, "p:joost", "o:sd-oost", "gebiedsmakelaar", "2019-09-01", NULL },
  { NULL, "p:sanne", "o:gemeente", "kwartiermaker wijkallianties", "2023-05-01", NULL },
  { NULL, "p:dewi", "o:buurtwerk-oost", "sociaal werker", "2018-02-01", NULL },
  { NULL, "p:bram", "o:amstelhuis", "gebiedsregisseur", "2020-08-01", NULL },
  { NULL, "p:naima", "o:welzijn-plas", "opbouwwerker", "2017-11-01", NULL },
  { NULL, "p:kwame", "o:samen-verder", "opbouwwerker", "2021-03-01", NULL },
  { NULL, "p:lisa", "o:buurtteam-wgm", "buurtteammedewerker", "2022-05-01", NULL },
  { NULL, "p:tom", "o:sd-zuidoost", "gebiedsadviseur", "2020-01-01", NULL },
  { NULL, "p:esra", "o:sd-nieuw-west", "beleidsadviseur participatie", "2021-09-01", NULL },
  { NULL, "p:marieke", "o:gemeente", "programmamanager buurtdemocratie", "2022-02-01", NULL },
  { NULL, "p:jurgen", "o:de-gaasp", "wijkbeheerder", "2019-04-01", NULL },
  { NULL, "p:priya", "o:buurtteam-bijlmer", "buurtteammedewerker", "2021-10-01", NULL },
  { NULL, "p:olga", "o:horizon", "leerkracht groep 6", "2018-08-01", NULL },
  { NULL, "p:youssef", "o:al-amal", "secretaris", "2015-09-01", NULL },
  { NULL, "p:emre", "o:yeni-cami", "jongerenwerker", "2023-03-01", NULL },
  { NULL, "p:marco", "o:sc-nellestein", "jeugdtrainer", "2016-08-01", NULL },
  { NULL, "p:anouk", "o:ondernemers", "voorzitter", "2020-05-01", NULL },
  { NULL, "p:germaine", "o:makandra", "secretaris", "2017-02-01", NULL },
  { NULL, "p:femke", "o:stadsdorp", "voorzitter", "2018-01-01", NULL },
  { NULL, "p:linda", "o:brinkvrouwen", "trekker", "2019-10-01", NULL },
  { NULL, "p:sevda", "o:brinkvrouwen", "lid", "2023-03-01", NULL },
  { NULL, "p:dirk", "o:betondorp-vooruit", "lid", "2022-01-01", NULL },
  { NULL, "p:margriet", "o:bv-betondorp", "penningmeester", "2017-01-01", NULL },
  { NULL, "p:johan", "o:bv-betondorp", "secretaris", "2020-03-01", NULL },
  { NULL, "p:samira", "o:sterke-moeders", "vrijwilliger", "2022-02-01", NULL },
  { NULL, "p:kwabena", "o:samen-eten", "vrijwilliger", "2024-01-01", NULL },
  { NULL, "p:efua", "o:akwaaba", "lid", "2023-06-01", NULL },
  { NULL, "p:rosa", "o:samen-eten", "vrijwilliger", "2024-09-01", NULL },
  { NULL, "p:shirley", "o:bp-kbuurt", "lid kerngroep", "2023-04-01", NULL },
  { NULL, "p:piotr", "o:razem", "penningmeester", "2021-01-01", NULL },
  { NULL, "p:ozan", "o:yeni-cami", "jongerenraad", "2024-09-01", NULL },
  { NULL, "p:ahmed", "o:al-amal", "bestuurslid", "2019-01-01", NULL },
  { NULL, "p:chantal", "o:sc-nellestein", "vrijwilliger kantine", "2022-08-01", NULL },
  { NULL, "p:yusuf", "o:welzijn-plas", "vrijwilliger huiswerkbegeleiding", "2024-02-01", NULL },
};

static const DemoRelation demo_relations[] = {
  /* between organisations */
  { NULL, "o:gemeente", "o:buurtwerk-oost", "funds", "positive", 3, "Subsidie welzijn Oost" },
  { NULL, "o:gemeente", "o:welzijn-plas", "funds", "positive", 3, NULL },
  { NULL, "o:gemeente", "o:samen-verder", "funds", "positive", 3, NULL },
  { NULL, "o:sd-zuidoost", "o:samen-eten", "funds", "neutral", 2, "Buurtbudget; elk jaar opnieuw aanvragen" },
  { NULL, "o:sd-oost", "o:stadsdorp", "funds", "neutral", 1, "Kleine subsidie voor bijeenkomsten" },
  { NULL, "o:bv-betondorp", "o:buurtwerk-oost", "works_with", "tense", 2,
    "Onvrede over de programmering van Het Zaaiveld en over wie wat doet." },
  { NULL, "o:brinkvrouwen", "o:betondorp-vooruit", "knows", "tense", 2,
    "Onderlinge spanningen; persoonlijke aanvallen in de buurtapp." },
  { NULL, "o:betondorp-vooruit", "o:buurtwerk-oost", "works_with", "tense", 1, NULL },
  { NULL, "o:stadsdorp", "o:buurtwerk-oost", "works_with", "positive", 2, NULL },
  { NULL, "o:buurtwerk-oost", "o:buurtteam-wgm", "works_with", "positive", 3, "Doorverwijzing naar het buurtteam" },
  { NULL, "o:amstelhuis", "o:bv-betondorp", "works_with", "neutral", 2, "Onderhoudsplanning" },
  { NULL, "o:samen-eten", "o:samen-verder", "works_with", "tense", 2,
    "Samen Eten voelt zich niet gehoord over het gebruik van de keuken van De Kraal." },
  { NULL, "o:samen-eten", "o:akwaaba", "works_with", "positive", 3, NULL },
  { NULL, "o:bp-kbuurt", "o:de-gaasp", "works_with", "neutral", 2, NULL },
  { NULL, "o:al-amal", "o:welzijn-plas", "works_with", "positive", 2, NULL },
  { NULL, "o:yeni-cami", "o:welzijn-plas", "works_with", "neutral", 1, NULL },
  { NULL, "o:al-amal", "o:yeni-cami", "knows", "positive", 2, NULL },
  { NULL, "o:horizon", "o:sterke-moeders", "works_with", "positive", 3, NULL },
  { NULL, "o:ondernemers", "o:sd-nieuw-west", "works_with", "neutral", 2, NULL },
  { NULL, "o:makandra", "o:sc-nellestein", "works_with", "positive", 2, "Delen de kantine op zaterdag" },
  { NULL, "o:buurtteam-bijlmer", "o:samen-eten", "works_with", "positive", 2, NULL },
  /* people and organisations */
  { NULL, "p:henk", "o:bv-betondorp", "represents", "positive", 3, NULL },
  { NULL, "p:wim", "o:betondorp-vooruit", "represents", "positive", 3, NULL },
  { NULL, "p:linda", "o:brinkvrouwen", "represents", "positive", 3, NULL },
  { NULL, "p:henk", "o:buurtwerk-oost", "works_with", "tense", 2,
    "Verwijt Buurtwerk Oost dat het vaste programma alleen de oudere kern bedient." },
  { NULL, "p:dewi", "o:bv-betondorp", "works_with", "tense", 2, NULL },
  { NULL, "p:ama", "o:samen-eten", "represents", "positive", 3, NULL },
  { NULL, "p:kofi", "o:bp-kbuurt", "member_of", "positive", 2, NULL },
  { NULL, "p:sanne", "o:sterke-moeders", "advises", "positive", 2, NULL },
  { NULL, "p:ingrid", "o:stadsdorp", "member_of", "positive", 3, NULL },
  { NULL, "p:fatima", "o:sterke-moeders", "represents", "positive", 3, NULL },
  { NULL, "p:mehmet", "o:yeni-cami", "represents", "positive", 3, NULL },
  { NULL, "p:youssef", "o:al-amal", "represents", "positive", 3, NULL },
  { NULL, "p:gloria", "o:akwaaba", "represents", "positive", 3, NULL },
  { NULL, "p:errol", "o:makandra", "represents", "positive", 3, NULL },
  { NULL, "p:agnieszka", "o:razem", "represents", "positive", 3, NULL },
  { NULL, "p:anouk", "o:ondernemers", "represents", "positive", 2, NULL },
  { NULL, "p:noor", "o:sd-nieuw-west", "advises", "positive", 1, "Namens de jongerenraad" },
  { NULL, "p:marisol", "o:samen-eten", "member_of", "positive", 3, NULL },
  { NULL, "p:kwame", "o:samen-eten", "works_with", "tense", 2, "Discussie over keukengebruik en hygiëneregels." },
  { NULL, "p:jurgen", "o:bp-kbuurt", "works_with", "neutral", 2, NULL },
  { NULL, "p:bram", "o:bv-betondorp", "works_with", "neutral", 2, NULL },
  { NULL, "p:lisa", "o:buurtwerk-oost", "works_with", "positive", 3, NULL },
  /* between people */
  { NULL, "p:fatima", "p:hatice", "knows", "positive", 3, "Samen op het schoolplein van De Horizon" },
  { NULL, "p:fatima", "p:yasmina", "knows", "positive", 2, NULL },
  { NULL, "p:fatima", "p:naima", "works_with", "positive", 3, NULL },
  { NULL, "p:fatima", "p:samira", "knows", "positive", 3, NULL },
  { NULL, "p:naima", "p:sanne", "works_with", "positive", 2, NULL },
  { NULL, "p:sanne", "p:esra", "works_with", "positive", 3, NULL },
  { NULL, "p:sanne", "p:marieke", "works_with", "positive", 2, NULL },
  { NULL, "p:esra", "p:noor", "knows", "positive", 2, NULL },
  { NULL, "p:rachid", "p:ahmed", "knows", "positive", 2, NULL },
  { NULL, "p:rachid", "p:yusuf", "knows", "positive", 2, NULL },
  { NULL, "p:rachid", "p:emre", "knows", "neutral", 1, "Kennen elkaar van het voetbaltoernooi" },
  { NULL, "p:mehmet", "p:emre", "knows", "positive", 3, NULL },
  { NULL, "p:mehmet", "p:hatice", "knows", "positive", 2, NULL },
  { NULL, "p:agnieszka", "p:olga", "knows", "positive", 3, "Olga is de leerkracht van haar dochter" },
  { NULL, "p:agnieszka", "p:piotr", "knows", "positive", 3, NULL },
  { NULL, "p:olga", "p:hatice", "works_with", "positive", 2, NULL },
  { NULL, "p:kofi", "p:gloria", "knows", "positive", 3, NULL },
  { NULL, "p:kofi", "p:ama", "knows", "positive", 3, NULL },
  { NULL, "p:ama", "p:marisol", "works_with", "positive", 3, NULL },
  { NULL, "p:ama", "p:kwabena", "works_with", "positive", 2, NULL },
  { NULL, "p:ama", "p:kwame", "knows", "tense", 2, "Ama voelt zich door Kwame beheerd in plaats van gesteund." },
  { NULL, "p:gloria", "p:efua", "knows", "positive", 2, NULL },
  { NULL, "p:priya", "p:kwame", "works_with", "positive", 2, NULL },
  { NULL, "p:tom", "p:kwame", "works_with", "positive", 2, NULL },
  { NULL, "p:marisol", "p:rosa", "knows", "positive", 3, NULL },
  { NULL, "p:shirley", "p:marisol", "knows", "positive", 2, NULL },
  { NULL, "p:sharmila", "p:errol", "works_with", "positive", 3, NULL },
  { NULL, "p:errol", "p:germaine", "knows", "positive", 3, NULL },
  { NULL, "p:errol", "p:marco", "knows", "positive", 2, NULL },
  { NULL, "p:chantal", "p:marco", "knows", "positive", 2, NULL },
  { NULL, "p:henk", "p:wim", "knows", "tense", 3, "Oud-bestuursleden; ruzie sinds de bestuurswissel van 2020." },
  { NULL, "p:linda", "p:wim", "knows", "tense", 2, NULL },
  { NULL, "p:linda", "p:sevda", "knows", "positive", 3, NULL },
  { NULL, "p:henk", "p:margriet", "knows", "positive", 3, NULL },
  { NULL, "p:wim", "p:dirk", "knows", "positive", 3, NULL },
  { NULL, "p:dewi", "p:lisa", "works_with", "positive", 3, NULL },
  { NULL, "p:joost", "p:dewi", "works_with", "positive", 2, NULL },
  { NULL, "p:joost", "p:bram", "works_with", "neutral", 2, NULL },
  { NULL, "p:ingrid", "p:femke", "works_with", "positive", 3, NULL },
  { NULL, "p:ingrid", "p:henk", "knows", "positive", 2,
    "Ingrid is de tussenpersoon tussen de vereniging en het stadsdorp." },
  { NULL, "p:ingrid", "p:linda", "knows", "positive", 2, NULL },
  { NULL, "p:marieke", "p:joost", "works_with", "positive", 2, NULL },
  { NULL, "p:marieke", "p:tom", "works_with", "positive", 2, NULL },
  { NULL, "p:youssef", "p:naima", "works_with", "positive", 2, NULL },
};

static const DemoContact demo_contacts[] = {
  { NULL, "p:fatima", 12, "WhatsApp",
    "Vraagt of de moeders op 28 november met kinderen mogen komen; er is een kinderhoek." },
  { NULL, "p:fatima", 47, "huisbezoek",
    "Koffie bij Fatima thuis: zorgen over jongens die 's avonds op het plein hangen. Wil meedenken over Moeders aan tafel." },
  { NULL, "p:fatima", 160, "bijeenkomst",
    "Kennismaking op het schoolplein van De Horizon, samen met Naïma." },
  { NULL, "p:fatima", 400, "telefoon",
    "Eerste contact via Naïma; belangstelling voor een moedergroep rond veiligheid." },
  { NULL, "p:kofi", 5, "telefoon",
    "Afgestemd wie het bewonersberaad opent; Kofi heet welkom in drie talen." },
  { NULL, "p:kofi", 26, "bijeenkomst",
    "Na het alliantiebestuur: wil de kerken inzetten als vindplaats voor schuldhulp." },
  { NULL, "p:kofi", 120, "huisbezoek",
    "Gesprek over zijn rol als diaken en wat hij ziet aan armoede achter de voordeur." },
  { NULL, "p:kofi", 380, "e-mail",
    "Uitnodiging voor de eerste verkenning van de wijkalliantie; hij komt met twee anderen uit de kerk." },
  { NULL, "p:ingrid", 9, "telefoon",
    "Dorsvloer heeft nog steeds geen vervanger; Ingrid vraagt rond onder de leden." },
  { NULL, "p:ingrid", 19, "bijeenkomst",
    "Sleutelfigurenoverleg: Ingrid bemiddelt tussen de bewonersvereniging en het stadsdorp." },
  { NULL, "p:ingrid", 95, "huisbezoek",
    "De acht binnenbuurten doorgenomen; twee contactpersonen willen na de zomer stoppen." },
  { NULL, "p:ingrid", 300, "e-mail", "Aantallen leden per binnenbuurt ontvangen, zonder namen." },
  { NULL, "p:mehmet", 210, "huisbezoek",
    "Theemiddag Turkse ouderen bezocht; veel eenzaamheid onder mannen na hun pensioen." },
  { NULL, "p:mehmet", 420, "telefoon",
    "Kennismaking via Esra; wil iets voor mantelzorgers organiseren." },
  { NULL, "p:sharmila", 26, "WhatsApp",
    "Foto's van de diabetesvoorlichting in Gaasperhof; 34 bezoekers." },
  { NULL, "p:sharmila", 140, "bijeenkomst",
    "Gezondheidsmarkt Nellestein: samen met Errol een kraam voor Makandra." },
  { NULL, "p:sharmila", 350, "telefoon",
    "Vraagt of de wijkalliantie ook Nellestein gaat bestrijken; nog niet, wel contact houden." },
  { NULL, "p:rachid", 3, "WhatsApp",
    "De jongens willen naar het open huis als ze zelf iets over het jongerenbudget mogen presenteren." },
  { NULL, "p:rachid", 58, "huisbezoek",
    "Lang gesprek bij hem thuis; hij zorgt voor zijn vader en doet het jongerenwerk erbij." },
  { NULL, "p:rachid", 190, "bijeenkomst",
    "Toernooi in de voetbalkooi; kennisgemaakt met Emre van Yeni Cami." },
  { NULL, "p:marisol", 40, "WhatsApp",
    "Via Ama: wil niet genoemd worden in het verslag van het alliantiebestuur." },
  { NULL, "p:marisol", 230, "huisbezoek",
    "Samen met Ama: hoe het kernteam van Samen Eten de boodschappen regelt." },
  { NULL, "p:agnieszka", 255, "telefoon",
    "Vraagt om een Poolse vertaling van de uitnodigingen; we zoeken een vrijwilliger." },
  { NULL, "p:agnieszka", 500, "bijeenkomst",
    "Zaterdagschool bezocht; zestig kinderen, ouders werken veel 's avonds." },
  { NULL, "p:henk", 2, "telefoon",
    "Belt boos over de toon in de buurtapp; wil dat het stadsdeel ingrijpt." },
  { NULL, "p:henk", 19, "bijeenkomst",
    "Sleutelfigurenoverleg: eerst een stip op de horizon, dan pas iets stoppen in Het Zaaiveld." },
  { NULL, "p:henk", 75, "e-mail",
    "Brief van de bewonersvereniging over de programmering van Het Zaaiveld ontvangen en bevestigd." },
  { NULL, "p:henk", 260, "huisbezoek",
    "Kennismaking; veertig jaar actief in de buurt, voelt zich niet gehoord door Buurtwerk Oost." },
  { NULL, "p:gloria", 26, "bijeenkomst",
    "Alliantiebestuur: neemt de terugkoppeling van de groepen op het bewonersberaad op zich." },
  { NULL, "p:gloria", 170, "huisbezoek",
    "Vrouwenkring bezocht; gesprekken over schulden en schaamte." },
  { NULL, "p:hatice", 64, "telefoon",
    "Wil meedoen aan Moeders aan tafel, maar niet met naam in stukken." },
  { NULL, "p:hatice", 330, "bijeenkomst",
    "Koffieochtend voor ouders op De Horizon; vertaalt spontaan voor Turkse moeders." },
  { NULL, "p:errol", 310, "bijeenkomst",
    "Koersbal in Gaasperhof; vraagt aandacht voor de drempel bij de ingang." },
  { NULL, "p:errol", 530, "telefoon",
    "Eerste contact; Makandra zoekt een nieuwe zaal voor de zaterdagen." },
  { NULL, "p:noor", 8, "e-mail",
    "Stuurt een opzet voor de kaart 'Wie missen we nog aan tafel?' voor het open huis." },
  { NULL, "p:noor", 48, "bijeenkomst",
    "Opgaveteam: neemt de aansluiting van de jongerenraad op zich." },
  { NULL, "p:noor", 150, "WhatsApp",
    "Vraagt of de jongerenraad een eigen budget kan krijgen binnen de wijkalliantie." },
  { NULL, "p:wim", 19, "bijeenkomst",
    "Kwam te laat op het sleutelfigurenoverleg en vertrok na het punt over de buurtapp." },
  { NULL, "p:wim", 90, "telefoon",
    "Wil niet aan één tafel met De Brinkvrouwen; afgesproken eerst apart te praten." },
  { NULL, "p:wim", 240, "huisbezoek",
    "Gesprek over verkeersveiligheid rond de Brink en zijn vertrek uit het bestuur van de vereniging." },
  { NULL, "p:yasmina", 100, "bijeenkomst",
    "Taalles in de zaal van Al-Amal bezocht; achttien vrouwen en een wachtlijst." },
  { NULL, "p:yasmina", 410, "telefoon",
    "Vraagt of de bibliotheek ruimte heeft voor een tweede groep." },
  { NULL, "p:ama", 4, "telefoon",
    "Boodschappen voor het bewonersberaad: maaltijd voor 120 mensen, halal en vegetarisch." },
  { NULL, "p:ama", 26, "bijeenkomst",
    "Alliantiebestuur: presenteert de cijfers van Samen Eten; het budget is bijna op." },
  { NULL, "p:ama", 66, "huisbezoek",
    "Ama is moe en draagt te veel alleen. Gesproken over taken verdelen in het kernteam." },
  { NULL, "p:ama", 200, "WhatsApp",
    "De keuken van De Kraal was weer dicht op dinsdag; boos over de communicatie." },
  { NULL, "p:ama", 480, "bijeenkomst",
    "Eerste verkenning wijkalliantie K-buurt; Ama vertelt hoe Samen Eten begon." },
  { NULL, "p:joost", 11, "e-mail",
    "Planning van de gesprekken met de informele partijen afgestemd; nog twee te gaan." },
  { NULL, "p:joost", 45, "telefoon",
    "Voorbereiding sleutelfigurenoverleg; afspraken over de omgang op papier." },
  { NULL, "p:sanne", 6, "e-mail", "Draaiboek van het open huis van 28 november gedeeld." },
  { NULL, "p:sanne", 48, "bijeenkomst", "Opgaveteam van 14 september voorgezeten." },
  { NULL, "p:dewi", 19, "bijeenkomst",
    "Presentatie stip op de horizon voor Het Zaaiveld; veel reactie uit de zaal." },
  { NULL, "p:dewi", 130, "telefoon",
    "Vrijwilligers van de vereniging helpen bewoners zelf in plaats van door te verwijzen." },
  { NULL, "p:bram", 22, "e-mail", "Amstelhuis schuift vanaf januari aan bij het brede overleg." },
  { NULL, "p:naima", 15, "huisbezoek",
    "Samen bij het bestuur van Al-Amal; het staat open voor het open huis." },
  { NULL, "p:naima", 80, "bijeenkomst", "Verkenning Slotermeer-Noord met Sanne en Esra." },
  { NULL, "p:kwame", 26, "bijeenkomst",
    "Alliantiebestuur: besluit over vaste keukentijden na discussie met Ama." },
  { NULL, "p:kwame", 205, "telefoon",
    "Klacht over hygiëne in de keuken van De Kraal doorgegeven; gevoelig bij Samen Eten." },
  { NULL, "p:lisa", 30, "e-mail",
    "Mediation tussen de informele groepen gestopt; beide groepen haakten af." },
  { NULL, "p:tom", 27, "telefoon",
    "Budgetoverzicht van de actielijnen gevraagd voor het stadsdeel." },
  { NULL, "p:esra", 13, "e-mail", "Verslag van het opgaveteam rondgestuurd ter controle." },
  { NULL, "p:marieke", 50, "telefoon",
    "Voorstel transparantie verslagen: alleen de voorzitter met naam, anderen met organisatie." },
  { NULL, "p:jurgen", 26, "bijeenkomst",
    "Alliantiebestuur: De Gaasp stelt een lege bedrijfsruimte beschikbaar voor opslag." },
  { NULL, "p:priya", 26, "bijeenkomst",
    "Alliantiebestuur: schuldhulp aan de keukentafel loopt, wachttijd drie weken." },
  { NULL, "p:olga", 180, "bijeenkomst",
    "Ouderavond De Horizon; Olga vertaalt voor Poolse ouders." },
  { NULL, "p:youssef", 15, "huisbezoek",
    "Gesprek met het bestuur van Al-Amal over het open huis; de zaal is beschikbaar als uitwijk." },
  { NULL, "p:emre", 195, "bijeenkomst",
    "Voetbaltoernooi; Emre brengt jongeren van Yeni Cami mee." },
  { NULL, "p:marco", 290, "telefoon",
    "De sportclub zoekt vrijwilligers voor de kantine; Chantal wil wel." },
  { NULL, "p:anouk", 60, "e-mail", "Ondernemers willen met een kraam meedoen aan het open huis." },
  { NULL, "p:germaine", 320, "huisbezoek",
    "Ledenadministratie van Makandra doorgenomen; 85 leden, vooral zeventigplussers." },
  { NULL, "p:femke", 21, "telefoon",
    "Vraagt of de wijkalliantie ook over eenzaamheid onder stadsdorpers gaat." },
  { NULL, "p:femke", 110, "bijeenkomst",
    "Algemene ledenvergadering van Stadsdorp Meerzicht bezocht." },
  { NULL, "p:truus", 100, "huisbezoek",
    "Wil na de zomer stoppen als contactpersoon Brinkzijde; zoekt een opvolger." },
  { NULL, "p:loes", 12, "bijeenkomst",
    "Binnenbuurtbijeenkomst Zaaiershof; een van de leden was er voor de derde keer niet." },
  { NULL, "p:kees", 12, "bijeenkomst", "Maakt het belrooster voor de winter." },
  { NULL, "p:johan", 9, "telefoon",
    "Zoekt nog steeds een vervanger voor Dorsvloer; vraagt hulp van Ingrid." },
  { NULL, "p:abdel", 140, "huisbezoek",
    "Nieuw als contactpersoon Oogstlaan; ingewerkt door Ingrid." },
  { NULL, "p:sevda", 85, "WhatsApp",
    "Vraagt of De Brinkvrouwen op vrijdag de zaal van Het Zaaiveld mogen gebruiken." },
  { NULL, "p:samira", 15, "WhatsApp", "Neemt vijf moeders mee naar het open huis." },
  { NULL, "p:ozan", 200, "bijeenkomst", "Voetbaltoernooi; Ozan wil in de jongerenraad." },
  { NULL, "p:kwabena", 70, "telefoon", "Rijdt op zaterdag de boodschappen voor Samen Eten." },
  { NULL, "p:chantal", 280, "bijeenkomst", "Gezondheidsmarkt Nellestein." },
  { NULL, "p:piotr", 490, "e-mail", "Stuurt de contactgegevens van de zaterdagschool." },
  { NULL, "p:shirley", 26, "bijeenkomst",
    "Kwam later op het alliantiebestuur; wil meepraten over de keuken." },
  { NULL, "p:linda", 19, "bijeenkomst", "Sleutelfigurenoverleg: spreekt namens De Brinkvrouwen." },
  { NULL, "p:linda", 88, "huisbezoek",
    "Vertelt over de ruzie in de buurtapp; voelt zich persoonlijk aangevallen." },
  { NULL, "p:efua", 260, "bijeenkomst", "Vrouwenkring Akwaaba; Efua regelt de muziek." },
  { NULL, "p:rosa", 70, "WhatsApp", "Kookt Antilliaans op de donderdagen van Samen Eten." },
  { NULL, "p:dirk", 240, "telefoon", "Belt namens Betondorp Vooruit over de bomenkap." },
  { NULL, "p:gerda", 12, "bijeenkomst",
    "Vertelde over 45 jaar Betondorp op de binnenbuurtbijeenkomst." },
  { NULL, "p:margriet", 20, "e-mail", "Meldt zich af voor het sleutelfigurenoverleg." },
  { NULL, "p:ahmed", 150, "telefoon", "Wil namens Al-Amal meedenken over het jongerenbudget." },
};

static const DemoAlliance demo_alliances[] = {
  { "al:k-buurt", "Wijkalliantie K-buurt", "a:k-buurt", "active",
    "Minder gezinnen in armoede en eenzaamheid: bewoners, kerken en professionals organiseren "
    "samen eten, schuldhulp en ontmoeting, en beslissen samen over het budget.",
    "Gestart vanuit Samen Eten en het bewonersplatform. Alliantiebestuur eens per zes weken; "
    "twee keer per jaar een bewonersberaad in De Kraal.", "2025-03-01" },
  { "al:betondorp", "Wijkalliantie Betondorp", "a:betondorp", "forming",
    "Een nieuwe stip op de horizon voor Het Zaaiveld: voor wie is het buurthuis? En hoe werken "
    "informele partijen en professionals samen, met duidelijke kaders over wie wat doet?",
    "Volgt op het gesprek tussen stadsdeel en Buurtwerk Oost. Het oude sleutelfigurenoverleg "
    "gaat op in een breder overleg met gemeente en corporatie.", "2026-02-01" },
  { "al:slotermeer", "Wijkalliantie Slotermeer-Noord", "a:slotermeer", "exploring",
    "Jongeren en moeders een stem geven in wat er met het buurtbudget gebeurt.",
    "Verkenning door het opgaveteam; eerste open huis op 28 november.", "2026-09-01" },
};

static const DemoPartner demo_partners[] = {
  { NULL, "al:k-buurt", "o:samen-verder", "lead", "2025-03-01" },
  { NULL, "al:k-buurt", "o:samen-eten", "partner", "2025-03-01" },
  { NULL, "al:k-buurt", "o:akwaaba", "partner", "2025-06-01" },
  { NULL, "al:k-buurt", "o:bp-kbuurt", "partner", "2025-03-01" },
  { NULL, "al:k-buurt", "o:de-gaasp", "partner", "2025-04-01" },
  { NULL, "al:k-buurt", "o:regenboog", "partner", "2025-09-01" },
  { NULL, "al:k-buurt", "o:buurtteam-bijlmer", "advisor", "2025-03-01" },
  { NULL, "al:k-buurt", "o:sd-zuidoost", "funder", "2025-03-01" },
  { NULL, "al:k-buurt", "p:kofi", "partner", "2025-06-18" },
  { NULL, "al:betondorp", "o:sd-oost", "lead", "2026-02-01" },
  { NULL, "al:betondorp", "o:buurtwerk-oost", "partner", "2026-02-01" },
  { NULL, "al:betondorp", "o:bv-betondorp", "partner", "2026-03-01" },
  { NULL, "al:betondorp", "o:stadsdorp", "partner", "2026-03-01" },
  { NULL, "al:betondorp", "o:brinkvrouwen", "partner", "2026-06-01" },
  { NULL, "al:betondorp", "o:amstelhuis", "funder", "2026-10-28" },
  { NULL, "al:betondorp", "o:buurtteam-wgm", "advisor", "2026-02-01" },
  { NULL, "al:slotermeer", "o:welzijn-plas", "lead", "2026-09-01" },
  { NULL, "al:slotermeer", "o:sterke-moeders", "partner", "2026-09-14" },
  { NULL, "al:slotermeer", "o:al-amal", "partner", "2026-10-17" },
  { NULL, "al:slotermeer", "o:horizon", "partner", "2026-09-14" },
  { NULL, "al:slotermeer", "o:sd-nieuw-west", "funder", "2026-09-01" },
  { NULL, "al:slotermeer", "p:noor", "advisor", "2026-09-14" },
};

static const DemoActionLine demo_action_lines[] = {
  { NULL, "al:k-buurt", "Samen Eten: drie avonden per week",
    "Elke week 140 gezinnen een warme maaltijd en een praatje.", "p:ama",
    3800000, 2950000, "active", "2025-04-01", "2026-12-31" },
  { NULL, "al:k-buurt", "Schuldhulp aan de keukentafel",
    "Schulden vroeg in beeld, zonder loket: het buurtteam schuift aan bij Samen Eten.", "p:priya",
    1500000, 620000, "active", "2025-06-01", "2027-06-30" },
  { NULL, "al:k-buurt", "Kerken als vindplaats",
    "Diakenen en voorgangers herkennen armoede en verwijzen warm door.", "p:kofi",
    450000, 0, "planned", "2027-01-01", "2027-12-31" },
  { NULL, "al:k-buurt", "Zomerprogramma kinderen 2025",
    "Zes weken activiteiten en lunch voor kinderen die niet op vakantie gaan.", "p:kwame",
    1200000, 1185000, "done", "2025-07-01", "2025-08-31" },
  { NULL, "al:betondorp", "Stip op de horizon voor Het Zaaiveld",
    "Samen met bewoners bepalen voor wie het buurthuis er is en wat daarvoor moet stoppen.", "p:joost",
    800000, 125000, "active", "2026-03-01", "2027-03-01" },
  { NULL, "al:betondorp", "Breed sleutelfigurenoverleg",
    "Eens per zes weken informele partijen, professionals, gemeente en corporatie aan één tafel.", "p:dewi",
    250000, 40000, "active", "2026-02-01", "2026-12-31" },
  { NULL, "al:betondorp", "Mediation informele groepen",
    "De Brinkvrouwen en Betondorp Vooruit in gesprek zonder persoonlijke aanvallen.", "p:lisa",
    600000, 90000, "stopped", "2026-04-01", "2026-09-30" },
  { NULL, "al:slotermeer", "Moeders aan tafel",
    "Moeders praten mee over veiligheid en de besteding van het buurtbudget.", "p:fatima",
    500000, 0, "planned", "2027-01-01", "2027-12-31" },
  { NULL, "al:slotermeer", "Jongerenbudget",
    "Jongeren beslissen zelf over een deel van het budget, met de jongerenraad.", "p:noor",
    1000000, 0, "planned", "2027-01-01", "2027-12-31" },
};

static const DemoNetwork demo_networks[] = {
  { "n:meerzicht", "Stadsdorp Meerzicht", "village", "a:betondorp", 412, 500,
    "Acht binnenbuurten van ongeveer vijftig leden, elk met een contactpersoon en een vervanger. "
    "Drie bijeenkomsten per jaar per binnenbuurt, in een huiskamer of in Het Zaaiveld." },
  { "n:huurders-nellestein", "Huurdersplatform Nellestein", "tenants", "a:nellestein", 96, 0,
    "Overleg met De Gaasp over onderhoud en servicekosten." },
};

static const DemoUnit demo_units[] = {
  { "u:brinkzijde", "n:meerzicht", "Brinkzijde", "a:bb-brinkzijde", "p:truus", "p:ger", 54, 3 },
  { "u:zaaiershof", "n:meerzicht", "Zaaiershof", "a:bb-zaaiershof", "p:loes", "p:kees", 48, 3 },
  { "u:akkerpad", "n:meerzicht", "Akkerpad", "a:bb-akkerpad", "p:annie", "p:margriet", 51, 3 },
  { "u:oogstlaan", "n:meerzicht", "Oogstlaan", "a:bb-oogstlaan", "p:abdel", "p:henk", 50, 3 },
  { "u:ploeghof", "n:meerzicht", "Ploeghof", "a:bb-ploeghof", "p:frits", "p:mies", 46, 3 },
  { "u:dorsvloer", "n:meerzicht", "Dorsvloer", "a:bb-dorsvloer", "p:johan", NULL, 39, 3 },
  { "u:hooiberg", "n:meerzicht", "Hooiberg", "a:bb-hooiberg", "p:riet", "p:nel", 55, 4 },
  { "u:molenkwartier", "n:meerzicht", "Molenkwartier", "a:bb-molenkwartier", "p:ton", "p:joke", 43, 3 },
};

static const DemoMember demo_members[] = {
  { NULL, "u:brinkzijde", "p:truus", "2015-03-01" },
  { NULL, "u:brinkzijde", "p:ger", "2016-09-01" },
  { NULL, "u:brinkzijde", "p:linda", "2019-10-01" },
  { NULL, "u:zaaiershof", "p:loes", "2014-05-01" },
  { NULL, "u:zaaiershof", "p:kees", "2016-01-01" },
  { NULL, "u:zaaiershof", "p:femke", "2014-05-01" },
  { NULL, "u:zaaiershof", "p:gerda", "2015-03-01" },
  { NULL, "u:zaaiershof", "p:bep", "2014-05-01" },
  { NULL, "u:zaaiershof", "p:hasan", "2025-09-30" },
  { NULL, "u:akkerpad", "p:annie", "2015-03-01" },
  { NULL, "u:akkerpad", "p:margriet", "2017-01-01" },
  { NULL, "u:oogstlaan", "p:abdel", "2025-06-01" },
  { NULL, "u:oogstlaan", "p:henk", "2019-05-01" },
  { NULL, "u:ploeghof", "p:frits", "2015-03-01" },
  { NULL, "u:ploeghof", "p:mies", "2015-03-01" },
  { NULL, "u:ploeghof", "p:sevda", "2023-03-01" },
  { NULL, "u:dorsvloer", "p:johan", "2018-04-01" },
  { NULL, "u:dorsvloer", "p:dirk", "2022-01-01" },
  { NULL, "u:hooiberg", "p:riet", "2014-05-01" },
  { NULL, "u:hooiberg", "p:nel", "2014-05-01" },
  { NULL, "u:hooiberg", "p:ingrid", "2014-05-01" },
  { NULL, "u:molenkwartier", "p:ton", "2016-06-01" },
  { NULL, "u:molenkwartier", "p:joke", "2016-06-01" },
};

static const DemoMap demo_maps[] = {
  { "sm:k-buurt", "Krachtenveld wijkalliantie K-buurt", "a:k-buurt", "al:k-buurt",
    "Wie heeft invloed op het budget, wie heeft er belang bij? Stand van oktober." },
  { "sm:betondorp", "Betondorp: wie doet wat rond Het Zaaiveld", "a:betondorp", "al:betondorp",
    "Na het sleutelfigurenoverleg van 13 oktober bijgewerkt." },
};

static const DemoPosition demo_positions[] = {
  { NULL, "sm:k-buurt", "o:sd-zuidoost", 5, 3, 1 },
  { NULL, "sm:k-buurt", "o:samen-verder", 4, 4, 1 },
  { NULL, "sm:k-buurt", "o:samen-eten", 2, 5, 2 },
  { NULL, "sm:k-buurt", "o:de-gaasp", 4, 2, 0 },
  { NULL, "sm:k-buurt", "o:akwaaba", 2, 4, 2 },
  { NULL, "sm:k-buurt", "o:buurtteam-bijlmer", 3, 3, 1 },
  { NULL, "sm:k-buurt", "o:regenboog", 2, 3, 1 },
  { NULL, "sm:k-buurt", "p:kofi", 2, 5, 2 },
  { NULL, "sm:k-buurt", "p:ama", 3, 5, 1 },
  { NULL, "sm:k-buurt", "p:kwame", 3, 4, 0 },
  { NULL, "sm:betondorp", "o:sd-oost", 5, 3, 1 },
  { NULL, "sm:betondorp", "o:buurtwerk-oost", 4, 5, 1 },
  { NULL, "sm:betondorp", "o:bv-betondorp", 3, 5, -1 },
  { NULL, "sm:betondorp", "o:betondorp-vooruit", 2, 4, -2 },
  { NULL, "sm:betondorp", "o:brinkvrouwen", 2, 4, 0 },
  { NULL, "sm:betondorp", "o:stadsdorp", 2, 4, 1 },
  { NULL, "sm:betondorp", "o:amstelhuis", 4, 2, 0 },
  { NULL, "sm:betondorp", "p:henk", 3, 5, -1 },
  { NULL, "sm:betondorp", "p:wim", 2, 5, -2 },
  { NULL, "sm:betondorp", "p:ingrid", 2, 4, 2 },
};

/* Times are UTC: 17:00 in Amsterdam in September is 15:00Z. */
static const DemoMeeting demo_meetings[] = {
  { "m:opgaveteam", "Opgaveteam Eigenaarschap en Democratisering", "task_team",
    "2026-09-14T15:00:00Z", "2026-09-14T17:00:00Z", "v:stadsdeelkantoor", "https://meet.example.org/ot-ed",
    "al:slotermeer", NULL, "p:sanne", "p:esra", "held",
    "1. Opening en mededelingen\n"
    "Welkom aan Noor namens de jongerenraad van het stadsdeel. Afmeldingen van Rachid en Agnieszka.\n\n"
    "2. Wie missen we nog aan tafel?\n"
    "Nog niemand van Yeni Cami en van de Poolse gezinnen. Naïma en Esra benaderen hen voor het open huis.\n\n"
    "3. Wijkalliantie Slotermeer-Noord: verkenning\n"
    "Naïma doet verslag van de eerste gesprekken. Moeders en jongeren willen meebeslissen over het "
    "buurtbudget; de moskee Al-Amal staat open voor samenwerking.\n\n"
    "4. Format A4'tjes actielijnen en begroting\n"
    "Besluit: het format wordt vastgesteld; elke actielijn krijgt een eigenaar, een budget en een einddatum.\n\n"
    "5. Transparantie verslagen\n"
    "Besluit: verslagen worden openbaar; alleen de voorzitter met naam, de anderen met hun organisatie.\n\n"
    "6. Lopende acties en WVTTK\n"
    "Zie de actielijst. Open huis op 28 november in de buurtbibliotheek.",
    TRUE, "Nederlands", NULL, TRUE, FALSE },
  { "m:alliantiebestuur", "Alliantiebestuur wijkalliantie K-buurt", "alliance",
    "2026-10-06T17:30:00Z", "2026-10-06T19:30:00Z", "v:kraal", NULL,
    "al:k-buurt", NULL, "p:tom", "p:priya", "held",
    "1. Opening\nTom opent; Shirley schuift later aan.\n\n"
    "2. Verslag vorige vergadering\nGoedgekeurd.\n\n"
    "3. Voortgang Samen Eten en budget\n"
    "Ama laat zien dat Samen Eten 140 gezinnen per week bereikt; van het budget is driekwart besteed. "
    "Zorg over de belasting van de vaste vrijwilligers.\n\n"
    "4. Keukengebruik De Kraal\n"
    "Stevige discussie tussen Samen Eten en Samen Verder. Besluit: vaste keukentijden op dinsdag, "
    "donderdag en zaterdag; hygiënetraining voor de vrijwilligers.\n\n"
    "5. Bewonersberaad 19 november\n"
    "Kofi opent, Gloria doet de terugkoppeling. Uitnodiging in vier talen.\n\n"
    "6. Wie missen we nog aan tafel?\nDe kerken, en jongeren uit de K-buurt.\n\n"
    "7. Lopende acties, WVTTK en sluiting",
    TRUE, "Nederlands, Engels", NULL, TRUE, FALSE },
  { "m:sleutelfiguren", "Sleutelfigurenoverleg Betondorp", "key_figures",
    "2026-10-13T17:00:00Z", "2026-10-13T19:00:00Z", "v:zaaiveld", NULL,
    "al:betondorp", NULL, "p:joost", "p:lisa", "held",
    "1. Welkom en afspraken over de omgang\n"
    "Joost herhaalt de afspraak: we vallen elkaar niet persoonlijk aan, ook niet in de buurtapp.\n\n"
    "2. Stip op de horizon voor Het Zaaiveld\n"
    "Dewi presenteert. Het programma zit vol maar bedient vooral een vaste, oudere kern. Henk wil eerst "
    "weten waar we naartoe gaan voordat er iets stopt.\n\n"
    "3. Wie doet wat\n"
    "Wanneer verwijzen vrijwilligers door naar het buurtteam? Lisa zet kaders op papier.\n\n"
    "4. Verbreding van het overleg\n"
    "Besluit: vanaf januari een breed overleg, eens per zes weken, met gemeente en Amstelhuis aan tafel.\n\n"
    "5. Lopende acties en WVTTK\n"
    "Wim vertrok na punt 3. Betondorp Vooruit zit nog niet aan tafel.",
    FALSE, "Nederlands", NULL, FALSE, FALSE },
  { "m:binnenbuurt", "Binnenbuurtbijeenkomst Zaaiershof", "unit_gathering",
    "2026-10-20T12:00:00Z", "2026-10-20T14:00:00Z", NULL, NULL,
    NULL, "u:zaaiershof", "p:loes", "p:kees", "held",
    "Bij Loes thuis, met appeltaart. Gerda vertelde over 45 jaar Betondorp.\n\n"
    "Wie zien we niet meer? Een van de leden is nu drie keer niet geweest; Loes gaat langs.\n\n"
    "Besluit: Kees maakt een belrooster voor de wintermaanden, zodat iedereen één keer per week "
    "wordt gebeld.",
    FALSE, "Nederlands", NULL, TRUE, FALSE },
  { "m:bewonersberaad", "Bewonersberaad K-buurt: rondkomen en samen eten", "residents_council",
    "2026-11-19T18:00:00Z", "2026-11-19T20:30:00Z", "v:kraal", NULL,
    "al:k-buurt", NULL, "p:kofi", "p:kwame", "planned", NULL,
    FALSE, "Nederlands, Engels, Papiaments", "Tolken Twi en Papiaments aanwezig", TRUE, TRUE },
  { "m:open-huis", "Open huis: wie missen we nog aan tafel?", "open_house",
    "2026-11-28T12:00:00Z", "2026-11-28T15:00:00Z", "v:bibliotheek", NULL,
    "al:slotermeer", NULL, "p:naima", "p:noor", "planned", NULL,
    FALSE, "Nederlands, Arabisch, Turks", "Vrijwillige tolken Arabisch en Turks", TRUE, TRUE },
};

/* Agenda items in order; positions ("a0", "a1", …) are given by the loader. */
static const DemoAgendaItem demo_agenda_items[] = {
  { NULL, "m:opgaveteam", "Opening, mededelingen en vaststellen agenda", "p:sanne", 10, "info", NULL, NULL },
  { NULL, "m:opgaveteam", "Wie missen we nog aan tafel?", "p:sanne", 15, "discussion",
    "Staand agendapunt: inhoud, representativiteit, netwerk.", NULL },
  { NULL, "m:opgaveteam", "Wijkalliantie Slotermeer-Noord: verkenning", "p:naima", 30, "discussion", NULL, NULL },
  { NULL, "m:opgaveteam", "Format A4'tjes actielijnen en begroting", "p:esra", 30, "decision", NULL,
    "Het format wordt vastgesteld; elke actielijn krijgt een eigenaar, een budget en een einddatum." },
  { NULL, "m:opgaveteam", "Transparantie verslagen", "p:marieke", 20, "decision", NULL,
    "Verslagen worden openbaar; alleen de voorzitter met naam, de anderen met hun organisatie." },
  { NULL, "m:opgaveteam", "Lopende acties en WVTTK", "p:sanne", 15, "info", NULL, NULL },
  { NULL, "m:alliantiebestuur", "Opening", "p:tom", 5, "info", NULL, NULL },
  { NULL, "m:alliantiebestuur", "Verslag vorige vergadering", "p:priya", 5, "decision", NULL, "Goedgekeurd." },
  { NULL, "m:alliantiebestuur", "Voortgang actielijn Samen Eten en budget", "p:ama", 30, "discussion", NULL, NULL },
  { NULL, "m:alliantiebestuur", "Keukengebruik De Kraal", "p:kwame", 25, "decision", NULL,
    "Vaste keukentijden voor Samen Eten op dinsdag, donderdag en zaterdag; hygiënetraining via Samen Verder." },
  { NULL, "m:alliantiebestuur", "Bewonersberaad 19 november voorbereiden", "p:kofi", 30, "discussion", NULL, NULL },
  { NULL, "m:alliantiebestuur", "Wie missen we nog aan tafel?", "p:tom", 15, "discussion", NULL, NULL },
  { NULL, "m:alliantiebestuur", "Lopende acties, WVTTK en sluiting", "p:tom", 10, "info", NULL, NULL },
  { NULL, "m:sleutelfiguren", "Welkom en afspraken over de omgang", "p:joost", 10, "info",
    "We vallen elkaar niet persoonlijk aan.", NULL },
  { NULL, "m:sleutelfiguren", "Stip op de horizon voor Het Zaaiveld", "p:dewi", 45, "discussion", NULL, NULL },
  { NULL, "m:sleutelfiguren", "Wie doet wat: vrijwilligers en professionals", "p:lisa", 30, "discussion", NULL, NULL },
  { NULL, "m:sleutelfiguren", "Verbreding van het overleg", "p:joost", 25, "decision", NULL,
    "Vanaf januari een breed overleg, eens per zes weken, met gemeente en Amstelhuis aan tafel." },
  { NULL, "m:sleutelfiguren", "Lopende acties en WVTTK", "p:joost", 10, "info", NULL, NULL },
  { NULL, "m:binnenbuurt", "Koffie en bijpraten", "p:loes", 30, "info", NULL, NULL },
  { NULL, "m:binnenbuurt", "Persoonlijk verhaal: 45 jaar Betondorp", "p:gerda", 30, "info", NULL, NULL },
  { NULL, "m:binnenbuurt", "Wie zien we niet meer?", "p:loes", 20, "discussion",
    "Wie komt er niet, en is daar een reden voor die aandacht vraagt?", NULL },
  { NULL, "m:binnenbuurt", "Burenhulp in de winter", "p:kees", 25, "decision", NULL,
    "Kees maakt een belrooster voor de wintermaanden." },
  { NULL, "m:binnenbuurt", "Volgende bijeenkomst", "p:loes", 15, "info", NULL, NULL },
  { NULL, "m:bewonersberaad", "Welkom en maaltijd", "p:kofi", 30, "info", NULL, NULL },
  { NULL, "m:bewonersberaad", "Wat is de wijkalliantie?", "p:tom", 15, "info", NULL, NULL },
  { NULL, "m:bewonersberaad", "In groepen: wat maakt rondkomen zwaar?", "p:kwame", 45, "discussion", NULL, NULL },
  { NULL, "m:bewonersberaad", "Terugkoppeling uit de groepen", "p:gloria", 30, "discussion", NULL, NULL },
  { NULL, "m:bewonersberaad", "Welke actie krijgt voorrang?", "p:kofi", 20, "decision", NULL, NULL },
  { NULL, "m:bewonersberaad", "Afsluiting", "p:kofi", 10, "info", NULL, NULL },
  { NULL, "m:open-huis", "Inloop met thee", "p:naima", 30, "info", NULL, NULL },
  { NULL, "m:open-huis", "Wie missen we nog aan tafel? De kaart van de buurt", "p:noor", 60, "discussion", NULL, NULL },
  { NULL, "m:open-huis", "Moeders aan tafel: ideeën ophalen", "p:fatima", 45, "discussion", NULL, NULL },
  { NULL, "m:open-huis", "Jongerenbudget: hoe beslissen jongeren mee?", "p:rachid", 30, "discussion", NULL, NULL },
  { NULL, "m:open-huis", "Afsluiting en vervolg", "p:naima", 15, "info", NULL, NULL },
};

static const DemoAttendance demo_attendance[] = {
  { NULL, "m:opgaveteam", "present", "p:sanne p:esra p:naima p:marieke p:noor p:fatima p:youssef" },
  { NULL, "m:opgaveteam", "late", "p:anouk" },
  { NULL, "m:opgaveteam", "absent_notified", "p:rachid p:agnieszka" },
  { NULL, "m:opgaveteam", "absent", "p:mehmet" },
  { NULL, "m:alliantiebestuur", "present", "p:tom p:priya p:ama p:kofi p:kwame p:jurgen p:gloria" },
  { NULL, "m:alliantiebestuur", "late", "p:shirley" },
  { NULL, "m:alliantiebestuur", "absent_notified", "p:marisol" },
  { NULL, "m:alliantiebestuur", "absent", "p:efua" },
  { NULL, "m:sleutelfiguren", "present", "p:joost p:dewi p:lisa p:henk p:ingrid p:linda p:femke p:bram" },
  { NULL, "m:sleutelfiguren", "late", "p:wim" },
  { NULL, "m:sleutelfiguren", "absent_notified", "p:margriet" },
  { NULL, "m:sleutelfiguren", "absent", "p:dirk" },
  { NULL, "m:binnenbuurt", "present", "p:loes p:kees p:femke p:gerda p:hasan" },
  { NULL, "m:binnenbuurt", "absent", "p:bep" },
  { NULL, "m:bewonersberaad", "invited",
    "p:kofi p:kwame p:tom p:gloria p:ama p:marisol p:rosa p:shirley p:efua p:kwabena p:priya p:jurgen" },
  { NULL, "m:open-huis", "invited",
    "p:naima p:noor p:fatima p:rachid p:samira p:hatice p:yasmina p:ozan p:yusuf p:ahmed p:esra p:sanne" },
};

/* The running action list (Actie / Wie / Deadline / Informatie). */
static const DemoActionItem demo_action_items[] = {
  { NULL, "Format A4'tjes rondsturen", "p:esra", "2026-09-21", "Na vaststelling in het opgaveteam.",
    "done", "m:opgaveteam", "al:slotermeer", "2026-09-19T10:12:00Z" },
  { NULL, "Gesprekken met moskeebesturen Slotermeer-Noord", "p:naima", "2026-10-31",
    "Al-Amal gesproken; Yeni Cami nog niet.", "open", "m:opgaveteam", "al:slotermeer", NULL },
  { NULL, "Voorstel transparantie verslagen naar het alliantiebestuur", "p:marieke", "2026-10-15",
    "Alleen de voorzitter met naam.", "done", "m:opgaveteam", NULL, "2026-10-12T08:30:00Z" },
  { NULL, "Jongerenraad aansluiten bij de wijkalliantie", "p:noor", "2026-11-30",
    "Doorgeschoven van 14 september; op de agenda van het open huis.", "open", "m:opgaveteam", "al:slotermeer", NULL },
  { NULL, "Open huis 28 november organiseren", "p:sanne", "2026-11-21",
    "Zaal in de bibliotheek geboekt; tolken Arabisch en Turks regelen.", "open", "m:opgaveteam", "al:slotermeer", NULL },
  { NULL, "Poolse vertaling van de uitnodiging", "p:agnieszka", "2026-11-14",
    "Vrijwilliger gezocht.", "open", "m:opgaveteam", "al:slotermeer", NULL },
  { NULL, "Keukenrooster De Kraal vastleggen", "p:kwame", "2026-10-20", "Dinsdag, donderdag, zaterdag.",
    "done", "m:alliantiebestuur", "al:k-buurt", "2026-10-18T16:45:00Z" },
  { NULL, "Hygiënetraining vrijwilligers Samen Eten", "p:ama", "2026-11-30", "Via Samen Verder Zuidoost.",
    "open", "m:alliantiebestuur", "al:k-buurt", NULL },
  { NULL, "Uitnodiging bewonersberaad in vier talen", "p:kofi", "2026-10-30",
    "Nederlands, Engels, Papiaments, Twi.", "open", "m:alliantiebestuur", "al:k-buurt", NULL },
  { NULL, "Budgetoverzicht actielijnen derde kwartaal", "p:priya", "2026-10-31",
    "Doorgeschoven van het vorige alliantiebestuur; besteed tegen begroot per actielijn.",
    "open", "m:alliantiebestuur", "al:k-buurt", NULL },
  { NULL, "Kerken benaderen als vindplaats", "p:kofi", "2026-12-15", "Eerst de drie grootste Ghanese kerken.",
    "open", "m:alliantiebestuur", "al:k-buurt", NULL },
  { NULL, "Gesprekken met alle informele partijen", "p:joost", "2026-11-15",
    "Doorgeschoven: gestart in oktober, nog twee te gaan.", "open", "m:sleutelfiguren", "al:betondorp", NULL },
  { NULL, "Kaders wie-doet-wat op papier", "p:lisa", "2026-11-30",
    "Wanneer verwijzen we door naar het buurtteam?", "open", "m:sleutelfiguren", "al:betondorp", NULL },
  { NULL, "Amstelhuis uitnodigen voor het brede overleg", "p:bram", "2026-11-01", NULL,
    "done", "m:sleutelfiguren", "al:betondorp", "2026-10-28T14:00:00Z" },
  { NULL, "Mediation De Brinkvrouwen en Betondorp Vooruit", "p:lisa", "2026-09-30",
    "Gestopt: beide groepen haakten af.", "dropped", "m:sleutelfiguren", "al:betondorp", NULL },
  { NULL, "Betondorp Vooruit aan tafel krijgen", "p:joost", "2026-12-31",
    "Eerst apart met Wim praten.", "open", NULL, "al:betondorp", NULL },
  { NULL, "Belrooster winter opstellen", "p:kees", "2026-11-15", "Alle leden, ook wie niet meer komt.",
    "open", "m:binnenbuurt", NULL, NULL },
  { NULL, "Langsgaan bij een lid dat drie keer niet kwam", "p:loes", "2026-10-27", NULL,
    "done", "m:binnenbuurt", NULL, "2026-10-25T11:00:00Z" },
  { NULL, "Vervanger zoeken voor Dorsvloer", "p:ingrid", "2026-12-01", "Johan staat er alleen voor.",
    "open", NULL, NULL, NULL },
};

/* Loading the tables */

typedef struct {
  KwStore    *store;
  GHashTable *ids;    /* symbolic key → record id */
  GError     *error;  /* the first key that did not resolve */
} Demo;

typedef void (*FillFunc) (Demo          *demo,
                          KwChangeset   *changes,
                          gconstpointer  row,
                          guint          index);

typedef struct {
  const char    *type_name;
  gconstpointer  rows;
  gsize          row_size;
  guint          n_rows;
  FillFunc       fill;
} DemoTable;

static void
set_text (KwChangeset *changes,
          const char  *field,
          const char  *value)
{
  if (value != NULL)
    kw_changeset_set_string (changes, field, value);
}

static void
set_ref (Demo        *demo,
         KwChangeset *changes,
         const char  *field,
         const char  *key)
{
  const char *id;

  if (key == NULL)
    return;
  id = g_hash_table_lookup (demo->ids, key);
  if (id != NULL)
    kw_changeset_set_string (changes, field, id);
  else if (demo->error == NULL)
    g_set_error (&demo->error, KW_CORE_ERROR, KW_CORE_ERROR_INVALID,
                 "demo data: %s refers to unknown key “%s”", field, key);
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

static void
fill_area (Demo          *demo,
           KwChangeset   *changes,
           gconstpointer  row,
           guint          index)
{
  const DemoArea *a = row;

  set_text (changes, "name", a->name);
  set_text (changes, "kind", a->kind);
  set_ref (demo, changes, "parent", a->parent);
  set_text (changes, "code", a->code);
}

static void
fill_venue (Demo          *demo,
            KwChangeset   *changes,
            gconstpointer  row,
            guint          index)
{
  const DemoVenue *v = row;

  set_text (changes, "name", v->name);
  set_text (changes, "address", v->address);
  set_ref (demo, changes, "area", v->area);
  kw_changeset_set_int (changes, "capacity", v->capacity);
  set_text (changes, "accessibility", v->accessibility);
}

static void
fill_organisation (Demo          *demo,
                   KwChangeset   *changes,
                   gconstpointer  row,
                   guint          index)
{
  const DemoOrganisation *o = row;

  set_text (changes, "name", o->name);
  set_text (changes, "kind", o->kind);
  kw_changeset_set_bool (changes, "formal", o->formal);
  set_ref (demo, changes, "area", o->area);
  set_text (changes, "notes", o->notes);
  if (o->domain != NULL)
    {
      g_autofree char *website = g_strdup_printf ("https://%s.example.org", o->domain);
      g_autofree char *email = g_strdup_printf ("info@%s.example.org", o->domain);
      g_autofree char *phone = g_strdup_printf ("020-123 45 %02u", index + 1);

      set_text (changes, "website", website);
      set_text (changes, "email", email);
      set_text (changes, "phone", phone);
    }
}

static void
fill_person (Demo          *demo,
             KwChangeset   *changes,
             gconstpointer  row,
             guint          index)
{
  const DemoPerson *p = row;

  set_text (changes, "name", p->name);
  set_ref (demo, changes, "area", p->area);
  set_text (changes, "languages", p->languages);
  set_text (changes, "communities", p->communities);
  kw_changeset_set_bool (changes, "key_figure", p->key_figure);
  set_text (changes, "topics", p->topics);
  set_text (changes, "consent", p->consent);
  set_text (changes, "consent_date", p->consent_date);
  set_text (changes, "consent_note", p->consent_note);
  set_text (changes, "notes", p->notes);
  set_text (changes, "private_notes", p->private_notes);
  if (p->reach & REACH_PHONE)
    {
      g_autofree char *phone = g_strdup_printf ("06-12345%03u", index + 1);
      set_text (changes, "phone", phone);
    }
  if (p->reach & REACH_EMAIL)
    {
      g_autofree char *local = make_mail_name (p->name);
      g_autofree char *email = g_strconcat (local, "@example.org", NULL);
      set_text (changes, "email", email);
    }
}

static void
fill_affiliation (Demo          *demo,
                  KwChangeset   *changes,
                  gconstpointer  row,
                  guint          index)
{
  const DemoAffiliation *a = row;

  set_ref (demo, changes, "person", a->person);
  set_ref (demo, changes, "organisation", a->organisation);
  set_text (changes, "role", a->role);
  set_text (changes, "since", a->since);
  set_text (changes, "until", a->until);
}

static void
fill_relation (Demo          *demo,
               KwChangeset   *changes,
               gconstpointer  row,
               guint          index)
{
  const DemoRelation *r = row;

  set_ref (demo, changes, "from", r->from);
  set_ref (demo, changes, "to", r->to);
  set_text (changes, "kind", r->kind);
  set_text (changes, "sentiment", r->sentiment);
  kw_changeset_set_int (changes, "strength", r->strength);
  set_text (changes, "notes", r->notes);
}

static void
fill_contact (Demo          *demo,
              KwChangeset   *changes,
              gconstpointer  row,
              guint          index)
{
  const DemoContact *c = row;
  char date[11];

  format_date (date, -(gint) c->days_ago);
  set_ref (demo, changes, "person", c->person);
  set_text (changes, "date", date);
  set_text (changes, "channel", c->channel);
  set_text (changes, "summary", c->summary);
}

static void
fill_alliance (Demo          *demo,
               KwChangeset   *changes,
               gconstpointer  row,
               guint          index)
{
  const DemoAlliance *a = row;

  set_text (changes, "name", a->name);
  set_ref (demo, changes, "area", a->area);
  set_text (changes, "status", a->status);
  set_text (changes, "challenge", a->challenge);
  set_text (changes, "description", a->description);
  set_text (changes, "started", a->started);
}

static void
fill_partner (Demo          *demo,
              KwChangeset   *changes,
              gconstpointer  row,
              guint          index)
{
  const DemoPartner *p = row;

  set_ref (demo, changes, "alliance", p->alliance);
  set_ref (demo, changes, "party", p->party);
  set_text (changes, "role", p->role);
  set_text (changes, "since", p->since);
}

static void
fill_action_line (Demo          *demo,
                  KwChangeset   *changes,
                  gconstpointer  row,
                  guint          index)
{
  const DemoActionLine *l = row;

  set_ref (demo, changes, "alliance", l->alliance);
  set_text (changes, "title", l->title);
  set_text (changes, "goal", l->goal);
  set_ref (demo, changes, "owner", l->owner);
  kw_changeset_set_int (changes, "budget_cents", l->budget_cents);
  kw_changeset_set_int (changes, "spent_cents", l->spent_cents);
  set_text (changes, "status", l->status);
  set_text (changes, "start", l->start);
  set_text (changes, "end", l->end);
}

static void
fill_network (Demo          *demo,
              KwChangeset   *changes,
              gconstpointer  row,
              guint          index)
{
  const DemoNetwork *n = row;

  set_text (changes, "name", n->name);
  set_text (changes, "kind", n->kind);
  set_ref (demo, changes, "area", n->area);
  kw_changeset_set_int (changes, "members_count", n->members_count);
  kw_changeset_set_int (changes, "dues_cents_month", n->dues_cents_month);
  set_text (changes, "notes", n->notes);
}

static void
fill_unit (Demo          *demo,
           KwChangeset   *changes,
           gconstpointer  row,
           guint          index)
{
  const DemoUnit *u = row;

  set_ref (demo, changes, "network", u->network);
  set_text (changes, "name", u->name);
  set_ref (demo, changes, "area", u->area);
  set_ref (demo, changes, "contact", u->contact);
  set_ref (demo, changes, "deputy", u->deputy);
  kw_changeset_set_int (changes, "members_count", u->members_count);
  kw_changeset_set_int (changes, "meetings_per_year", u->meetings_per_year);
}

static void
fill_member (Demo          *demo,
             KwChangeset   *changes,
             gconstpointer  row,
             guint          index)
{
  const DemoMember *m = row;

  set_ref (demo, changes, "unit", m->unit);
  set_ref (demo, changes, "person", m->person);
  set_text (changes, "since", m->since);
}

static void
fill_map (Demo          *demo,
          KwChangeset   *changes,
          gconstpointer  row,
          guint          index)
{
  const DemoMap *m = row;

  set_text (changes, "name", m->name);
  set_ref (demo, changes, "area", m->area);
  set_ref (demo, changes, "alliance", m->alliance);
  set_text (changes, "notes", m->notes);
}

static void
fill_position (Demo          *demo,
               KwChangeset   *changes,
               gconstpointer  row,
               guint          index)
{
  const DemoPosition *p = row;

  set_ref (demo, changes, "map", p->map);
  set_ref (demo, changes, "party", p->party);
  kw_changeset_set_int (changes, "influence", p->influence);
  kw_changeset_set_int (changes, "interest", p->interest);
  kw_changeset_set_int (changes, "stance", p->stance);
}

static void
fill_meeting (Demo          *demo,
              KwChangeset   *changes,
              gconstpointer  row,
              guint          index)
{
  const DemoMeeting *m = row;

  set_text (changes, "title", m->title);
  set_text (changes, "kind", m->kind);
  set_text (changes, "starts_at", m->starts_at);
  set_text (changes, "ends_at", m->ends_at);
  set_ref (demo, changes, "venue", m->venue);
  set_text (changes, "online_link", m->online_link);
  set_ref (demo, changes, "alliance", m->alliance);
  set_ref (demo, changes, "unit", m->unit);
  set_ref (demo, changes, "chair", m->chair);
  set_ref (demo, changes, "minute_taker", m->minute_taker);
  set_text (changes, "status", m->status);
  set_text (changes, "minutes", m->minutes);
  kw_changeset_set_bool (changes, "publishable", m->publishable);
  set_text (changes, "language", m->language);
  set_text (changes, "interpreter", m->interpreter);
  kw_changeset_set_bool (changes, "food", m->food);
  kw_changeset_set_bool (changes, "childcare", m->childcare);
}

static void
fill_agenda_item (Demo          *demo,
                  KwChangeset   *changes,
                  gconstpointer  row,
                  guint          index)
{
  const DemoAgendaItem *a = row;
  char position[3];
  guint n = 0;

  /* the position within its meeting: how many items of it come before */
  for (guint i = 0; i < index; i++)
    if (g_str_equal (demo_agenda_items[i].meeting, a->meeting))
      n++;
  format_position (position, n);

  set_ref (demo, changes, "meeting", a->meeting);
  set_text (changes, "position", position);
  set_text (changes, "title", a->title);
  set_ref (demo, changes, "presenter", a->presenter);
  kw_changeset_set_int (changes, "minutes_planned", a->minutes_planned);
  set_text (changes, "kind", a->kind);
  set_text (changes, "notes", a->notes);
  set_text (changes, "decision", a->decision);
}

static void
fill_action_item (Demo          *demo,
                  KwChangeset   *changes,
                  gconstpointer  row,
                  guint          index)
{
  const DemoActionItem *a = row;

  set_text (changes, "title", a->title);
  set_ref (demo, changes, "owner", a->owner);
  set_text (changes, "deadline", a->deadline);
  set_text (changes, "info", a->info);
  set_text (changes, "status", a->status);
  set_ref (demo, changes, "meeting", a->meeting);
  set_ref (demo, changes, "alliance", a->alliance);
  set_text (changes, "done_at", a->done_at);
}

#define TABLE(type, rows, fill) { type, rows, sizeof rows[0], G_N_ELEMENTS (rows), fill }

/* In the order in which they refer to each other. */
static const DemoTable demo_tables[] = {
  TABLE ("area", demo_areas, fill_area),
  TABLE ("venue", demo_venues, fill_venue),
  TABLE ("organisation", demo_organisations, fill_organisation),
  TABLE ("person", demo_people, fill_person),
  TABLE ("affiliation", demo_affiliations, fill_affiliation),
  TABLE ("relation", demo_relations, fill_relation),
  TABLE ("contact_moment", demo_contacts, fill_contact),
  TABLE ("alliance", demo_alliances, fill_alliance),
  TABLE ("alliance_partner", demo_partners, fill_partner),
  TABLE ("action_line", demo_action_lines, fill_action_line),
  TABLE ("network", demo_networks, fill_network),
  TABLE ("network_unit", demo_units, fill_unit),
  TABLE ("network_member", demo_members, fill_member),
  TABLE ("stakeholder_map", demo_maps, fill_map),
  TABLE ("map_position", demo_positions, fill_position),
  TABLE ("meeting", demo_meetings, fill_meeting),
  TABLE ("agenda_item", demo_agenda_items, fill_agenda_item),
  TABLE ("action_item", demo_action_items, fill_action_item),
};

static gboolean
create_record (Demo         *demo,
               const char   *key,
               KwChangeset  *changes,
               GError      **error)
{
  char *id;

  if (demo->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&demo->error));
      return FALSE;
    }
  id = kw_store_create (demo->store, changes, error);
  if (id == NULL)
    {
      g_prefix_error (error, "demo data, %s %s: ",
                      kw_changeset_get_entity_type (changes)->name, key ? key : "");
      return FALSE;
    }
  if (key != NULL)
    g_hash_table_insert (demo->ids, g_strdup (key), id);
  else
    g_free (id);
  return TRUE;
}

static gboolean
load_table (Demo             *demo,
            const DemoTable  *table,
            GError          **error)
{
  for (guint i = 0; i < table->n_rows; i++)
    {
      gconstpointer row = (const guint8 *) table->rows + i * table->row_size;
      const char *key = *(const char * const *) row;
      g_autoptr(KwChangeset) changes = kw_changeset_new (table->type_name, error);

      if (changes == NULL)
        return FALSE;
      table->fill (demo, changes, row, i);
      if (!create_record (demo, key, changes, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
load_attendance (Demo    *demo,
                 GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_attendance); i++)
    {
      const DemoAttendance *a = &demo_attendance[i];
      g_auto(GStrv) people = g_strsplit (a->people, " ", -1);

      for (guint j = 0; people[j] != NULL; j++)
        {
          g_autoptr(KwChangeset) changes = kw_changeset_new ("attendance", error);

          if (changes == NULL)
            return FALSE;
          set_ref (demo, changes, "meeting", a->meeting);
          set_ref (demo, changes, "person", people[j]);
          set_text (changes, "status", a->status);
          if (!create_record (demo, NULL, changes, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
load_all (Demo    *demo,
          GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_tables); i++)
    if (!load_table (demo, &demo_tables[i], error))
      return FALSE;
  return load_attendance (demo, error);
}

/**
 * kw_demo_load:
 * @store: a store, normally empty
 * @error: return location for an error
 *
 * Writes the demo data set (docs/demo-data.md) in one transaction: all of
 * it, or on error nothing.
 *
 * Returns: %TRUE on success
 */
gboolean
kw_demo_load (KwStore  *store,
              GError  **error)
{
  Demo demo = { store, NULL, NULL };
  gboolean ok;

  g_return_val_if_fail (KW_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!kw_store_begin (store, error))
    return FALSE;
  demo.ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ok = load_all (&demo, error) && kw_store_commit (store, error);
  if (!ok)
    kw_store_rollback (store);
  g_clear_error (&demo.error);
  g_hash_table_unref (demo.ids);
  return ok;
}
