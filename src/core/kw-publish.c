/* kw-publish.c: who a published meeting names how, and names out of free text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * kw-publish.h says the rule. Every name part of every person is a
 * term, keyed by its words (runs of letters, marks, digits), casefolded
 * and joined by single spaces. A text is split into words the same way
 * and, at each word, the longest run of words that is a term decides
 * (no pattern to compile, so a meeting of thousands is no problem):
 * kept when only named people have it, replaced when someone who is not
 * named has it (by that person's label, or "5.1.2.e" when two such
 * people share it).
 */
#define G_LOG_DOMAIN "kw-publish"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kw-analysis.h"
#include "kw-collate.h"
#include "kw-error.h"
#include "kw-publish.h"

/* how many people a search for a pair of words looks at */
#define KW_PUBLISH_KNOWN_HITS 50

const char * const KW_PUBLISH_COMMON_WORDS[] = {
  "bakker", "beek", "berg", "bloem", "boer", "bos", "brouwer", "dekker", "dijk", "eik", "fleur",
  "groen", "haan", "hoek", "hoop", "iris", "jade", "kok", "koning", "koster", "kramer",
  "kuiper", "lente", "mees", "merel", "molenaar", "mulder", "roos", "schipper", "smit",
  "steen", "storm", "veen", "vink", "visser", "vos", "wit", "wolf", "zon", "zwart",
  NULL
};

/* lower-case words that start a surname ("van der Berg", "el Amrani") */
static const char * const prefixes[] = {
  "'t", "al", "aan", "bij", "da", "de", "del", "den", "der", "di", "dos", "du", "el",
  "het", "in", "la", "le", "op", "te", "ten", "ter", "uit", "van", "von", "zu", NULL
};

typedef struct {
  char             *id;
  char             *name;
  KwPublishConsent  consent;
  char             *organisation;
  gboolean          chair;
  gboolean          known;   /* not of the meeting: full name and prefixed surname only */
  char             *label;
} Person;


typedef struct {
  char     *text;        /* as the person's name writes it */
  gboolean  one_word;
  Person   *hidden;      /* a person not named with this term, or NULL */
  gboolean  shared;      /* two such people: the replacement is 5.1.2.e */
} Term;

struct _KwPublisher {
  gboolean    public_rules;
  GPtrArray  *people;     /* Person */
  GHashTable *by_id;      /* id → Person */
  GHashTable *terms;      /* folded → Term */
  gboolean    terms_ready; /* FALSE when a person was added since */
  guint       max_words;  /* the most words of a term */
  GPtrArray  *redactions; /* KwRedaction */
  KwStore    *store;      /* for the known people, or NULL */
  GHashTable *searched;   /* the pairs of words looked up among the known people */
};

static void
person_free (Person *p)
{
  g_free (p->id);
  g_free (p->name);
  g_free (p->organisation);
  g_free (p->label);
  g_free (p);
}

static void
term_free (Term *t)
{
  g_free (t->text);
  g_free (t);
}

static void
redaction_free (KwRedaction *r)
{
  g_free (r->original);
  g_free (r->replacement);
  g_free (r);
}

static char *
fold (const char *text)
{
  g_autofree char *nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);

  return g_utf8_casefold (nfc != NULL ? nfc : text, -1);
}

static gboolean
is_named (KwPublisher  *self,
          const Person *p)
{
  if (!self->public_rules)
    return TRUE;
  if (p->consent == KW_PUBLISH_CONSENT_PRIVATE)
    return FALSE;
  return p->chair || p->consent == KW_PUBLISH_CONSENT_PUBLIC;
}

static const char *
ground_of (const Person *p)
{
  switch (p->consent)
    {
    case KW_PUBLISH_CONSENT_PRIVATE:
      return _("private");
    case KW_PUBLISH_CONSENT_NOT_ASKED:
      return _("consent not asked");
    case KW_PUBLISH_CONSENT_SHARED:
    case KW_PUBLISH_CONSENT_PUBLIC:
    default:
      return _("not public consent");
    }
}

static void
update_label (KwPublisher *self,
              Person      *p)
{
  g_free (p->label);
  if (is_named (self, p))
    p->label = g_strdup (p->name);
  else if (p->consent != KW_PUBLISH_CONSENT_PRIVATE && p->organisation != NULL)
    /* Translators: how public minutes name someone by organisation */
    p->label = g_strdup_printf (_("namens %s"), p->organisation);
  else
    p->label = g_strdup (KW_PUBLISH_REDACTED);
}

static void
count_redaction (KwPublisher *self,
                 const char  *original,
                 const char  *replacement,
                 const char  *ground)
{
  KwRedaction *r;
  g_autofree char *key = fold (original);

  for (guint i = 0; i < self->redactions->len; i++)
    {
      g_autofree char *other = NULL;

      r = g_ptr_array_index (self->redactions, i);
      other = fold (r->original);
      if (strcmp (other, key) == 0 && strcmp (r->replacement, replacement) == 0)
        {
          r->count++;
          return;
        }
    }
  r = g_new0 (KwRedaction, 1);
  r->original = g_utf8_normalize (original, -1, G_NORMALIZE_NFC);
  r->replacement = g_strdup (replacement);
  r->ground = ground;
  r->count = 1;
  g_ptr_array_add (self->redactions, r);
}

KwPublisher *
kw_publisher_new (gboolean public_rules)
{
  KwPublisher *self = g_new0 (KwPublisher, 1);

  self->public_rules = public_rules;
  self->people = g_ptr_array_new_with_free_func ((GDestroyNotify) person_free);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->terms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) term_free);
  self->redactions = g_ptr_array_new_with_free_func ((GDestroyNotify) redaction_free);
  return self;
}

void
kw_publisher_free (KwPublisher *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->people);
  g_hash_table_unref (self->by_id);
  g_hash_table_unref (self->terms);
  g_ptr_array_unref (self->redactions);
  g_clear_pointer (&self->searched, g_hash_table_unref);
  g_clear_object (&self->store);
  g_free (self);
}

gboolean
kw_publisher_is_public (KwPublisher *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->public_rules;
}

void
kw_publisher_add_person (KwPublisher      *self,
                         const char       *id,
                         const char       *name,
                         KwPublishConsent  consent,
                         const char       *organisation,
                         gboolean          chair)
{
  Person *p;

  g_return_if_fail (self != NULL);
  g_return_if_fail (id != NULL);

  if ((p = g_hash_table_lookup (self->by_id, id)) != NULL)
    {
      p->chair = p->chair || chair;
      update_label (self, p);
      return;
    }
  p = g_new0 (Person, 1);
  p->id = g_strdup (id);
  p->name = name != NULL ? g_utf8_normalize (name, -1, G_NORMALIZE_NFC) : NULL;
  if (p->name != NULL)
    g_strstrip (p->name);
  if (p->name == NULL || *p->name == '\0')
    {
      g_free (p->name);
      p->name = g_strdup (KW_PUBLISH_REDACTED);
    }
  p->consent = consent;
  p->organisation = g_strdup (organisation);
  p->chair = chair;
  update_label (self, p);
  g_ptr_array_add (self->people, p);
  g_hash_table_insert (self->by_id, p->id, p);
  self->terms_ready = FALSE;
}

gboolean
kw_publisher_is_listed (KwPublisher *self,
                        const char  *id)
{
  Person *p;

  g_return_val_if_fail (self != NULL, FALSE);

  p = id != NULL ? g_hash_table_lookup (self->by_id, id) : NULL;
  if (p == NULL)
    return FALSE;
  return !self->public_rules || p->consent != KW_PUBLISH_CONSENT_PRIVATE;
}

const char *
kw_publisher_name (KwPublisher *self,
                   const char  *id)
{
  Person *p;

  g_return_val_if_fail (self != NULL, NULL);

  p = id != NULL ? g_hash_table_lookup (self->by_id, id) : NULL;
  if (p == NULL)
    return NULL;
  if (!is_named (self, p))
    count_redaction (self, p->name, p->label, ground_of (p));
  return p->label;
}

/* Words: runs of letters, marks, digits and underscores, as byte
 * ranges of a text, with their casefolded form. */
typedef struct {
  const char *start;
  const char *end;
  char       *key;
} Word;

static void
word_clear (Word *w)
{
  g_free (w->key);
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c) || c == '_';
}

static GArray *
split_words (const char *text)
{
  GArray *words = g_array_new (FALSE, FALSE, sizeof (Word));
  const char *p = text;

  g_array_set_clear_func (words, (GDestroyNotify) word_clear);
  while (*p != '\0')
    {
      Word w;

      if (!is_word_char (g_utf8_get_char (p)))
        {
          p = g_utf8_next_char (p);
          continue;
        }
      w.start = p;
      while (*p != '\0' && is_word_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      w.end = p;
      w.key = g_utf8_casefold (w.start, w.end - w.start);
      g_array_append_val (words, w);
    }
  return words;
}

/* Whether two words of a name may stand this far apart: white space, or
 * one hyphen or apostrophe ("El-Khattabi", "O’Neil"). */
static gboolean
is_name_gap (const char *from,
             const char *to)
{
  gsize n = to - from;

  if ((n == 1 && (*from == '-' || *from == '\'')) || (n == 3 && strncmp (from, "’", 3) == 0))
    return TRUE;
  for (const char *p = from; p < to; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return n > 0;
}

/* The folded words @from … @from + @n - 1 joined by spaces, or NULL
 * when they do not stand together as the words of a name. */
static char *
dup_words_key (GArray *words,
               guint   from,
               guint   n)
{
  GString *key = g_string_new (g_array_index (words, Word, from).key);

  for (guint i = from + 1; i < from + n; i++)
    {
      const Word *before = &g_array_index (words, Word, i - 1);
      const Word *w = &g_array_index (words, Word, i);

      if (!is_name_gap (before->end, w->start))
        {
          g_string_free (key, TRUE);
          return NULL;
        }
      g_string_append_c (key, ' ');
      g_string_append (key, w->key);
    }
  return g_string_free (key, FALSE);
}

/* Terms */

static void
add_term (KwPublisher *self,
          Person      *p,
          const char  *text)
{
  g_autofree char *nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  g_autoptr(GArray) words = NULL;
  g_autofree char *key = NULL;
  Term *t;

  if (g_utf8_strlen (text, -1) < 2 || nfc == NULL)
    return;
  words = split_words (nfc);
  if (words->len == 0)
    return;
  /* the words of a name joined by single spaces, whatever stood between them */
  key = g_strdup (g_array_index (words, Word, 0).key);
  for (guint i = 1; i < words->len; i++)
    {
      char *longer = g_strconcat (key, " ", g_array_index (words, Word, i).key, NULL);

      g_free (key);
      key = longer;
    }
  self->max_words = MAX (self->max_words, words->len);
  if ((t = g_hash_table_lookup (self->terms, key)) == NULL)
    {
      t = g_new0 (Term, 1);
      t->text = g_strdup (text);
      t->one_word = words->len == 1;
      g_hash_table_insert (self->terms, g_steal_pointer (&key), t);
    }
  if (is_named (self, p))
    return;
  if (t->hidden != NULL && t->hidden != p)
    t->shared = TRUE;
  t->hidden = p;
}

static gboolean
is_prefix (const char *word)
{
  return g_strv_contains (prefixes, word);
}

/* The full name, the first name, the surname with its prefix and
 * without it, and what follows the first name. */
static void
add_terms_of (KwPublisher *self,
              Person      *p)
{
  g_auto(GStrv) words = g_regex_split_simple ("\\s+", p->name, 0, 0);
  guint n = g_strv_length (words);
  guint start = 1;

  if (strcmp (p->name, KW_PUBLISH_REDACTED) == 0 || n == 0)
    return;
  add_term (self, p, p->name);
  if (p->known)
    {
      g_autofree char *surname = NULL;

      while (start < n && !is_prefix (words[start]))
        start++;
      if (start < n && start + 1 < n)
        {
          surname = g_strjoinv (" ", words + start);
          add_term (self, p, surname);
        }
      return;
    }
  add_term (self, p, words[0]);
  if (n < 2)
    return;
  {
    g_autofree char *rest = g_strjoinv (" ", words + 1);

    add_term (self, p, rest);
  }
  /* the surname with its prefix: from the first prefix word after the first name */
  while (start < n && !is_prefix (words[start]))
    start++;
  if (start < n)
    {
      g_autofree char *surname = g_strjoinv (" ", words + start);
      guint bare = start;

      add_term (self, p, surname);
      while (bare < n && is_prefix (words[bare]))
        bare++;
      if (bare < n)
        {
          g_autofree char *plain = g_strjoinv (" ", words + bare);

          add_term (self, p, plain);
        }
    }
  else
    add_term (self, p, words[n - 1]);
}

static void
prepare_terms (KwPublisher *self)
{
  g_hash_table_remove_all (self->terms);
  self->max_words = 0;
  for (guint i = 0; i < self->people->len; i++)
    add_terms_of (self, g_ptr_array_index (self->people, i));
  self->terms_ready = TRUE;
}

static gboolean
is_capitalised (const char *text)
{
  return g_unichar_isupper (g_utf8_get_char (text)) || g_unichar_istitle (g_utf8_get_char (text));
}

/* @text with each run of white space as one space */
static char *
collapse_spaces (const char *text)
{
  g_auto(GStrv) words = g_regex_split_simple ("\\s+", text, 0, 0);

  return g_strjoinv (" ", words);
}

/* The end of a possessive right after a name ("’s", "'s"), else @end. */
static const char *
skip_possessive (const char *end)
{
  const char *p = end;

  if (*p == '\'')
    p++;
  else if (strncmp (p, "’", 3) == 0)
    p += 3;
  else
    return end;
  if (*p != 's' || (p[1] != '\0' && is_word_char (g_utf8_get_char (p + 1))))
    return end;
  return p + 1;
}

/* The term that starts at word @i, the longest first, and how many words
 * it has; NULL when none (a kept name counts: its words are skipped). */
static Term *
find_term (KwPublisher *self,
           GArray      *words,
           guint        i,
           guint       *n_words)
{
  for (guint n = MIN (self->max_words, words->len - i); n > 0; n--)
    {
      g_autofree char *key = dup_words_key (words, i, n);
      Term *t = key != NULL ? g_hash_table_lookup (self->terms, key) : NULL;

      if (t == NULL)
        continue;
      *n_words = n;
      return t;
    }
  return NULL;
}

static char *
replace_names (KwPublisher *self,
               const char  *text)
{
  g_autoptr(GArray) words = split_words (text);
  GString *out = g_string_new (NULL);
  const char *copied = text;
  guint i = 0;

  while (i < words->len)
    {
      const Word *first = &g_array_index (words, Word, i);
      guint n = 1;
      Term *t = find_term (self, words, i, &n);
      const Word *last;
      g_autofree char *found = NULL;
      g_autofree char *spaced = NULL;
      const char *replacement;

      if (t == NULL || t->hidden == NULL
          || (t->one_word && g_strv_contains (KW_PUBLISH_COMMON_WORDS, first->key) && !is_capitalised (first->start)))
        {
          i += t != NULL ? n : 1;
          continue;
        }
      last = &g_array_index (words, Word, i + n - 1);
      found = g_strndup (first->start, last->end - first->start);
      spaced = collapse_spaces (found);
      replacement = t->shared ? KW_PUBLISH_REDACTED : t->hidden->label;
      count_redaction (self, spaced, replacement, ground_of (t->hidden));
      g_string_append_len (out, copied, first->start - copied);
      g_string_append (out, replacement);
      copied = skip_possessive (last->end);
      i += n;
      /* the "s" of a possessive is a word of its own */
      while (i < words->len && g_array_index (words, Word, i).start < copied)
        i++;
    }
  g_string_append (out, copied);
  return g_string_free (out, FALSE);
}

/* The surname with its prefix of a name of two words or more ("van
 * Vliet" of "Bep van Vliet"), else the full name; folded. */
static char *
dup_known_key (const char *name)
{
  g_autofree char *nfc = g_utf8_normalize (name, -1, G_NORMALIZE_NFC);
  g_auto(GStrv) words = g_regex_split_simple ("\\s+", g_strstrip (nfc), 0, 0);
  guint n = g_strv_length (words), start = 1;
  g_autofree char *key = NULL;

  if (n < 2)
    return NULL;
  while (start < n && !is_prefix (words[start]))
    start++;
  key = g_strjoinv (" ", words + (start + 1 < n ? start : 0));
  return g_utf8_casefold (key, -1);
}

/* A known person named in @folded by a hit of the search. */
static void
add_known_hit (KwPublisher *self,
               KwSearchHit *hit,
               const char  *folded)
{
  g_autofree char *key = NULL;
  g_autoptr(KwRecord) person = NULL;
  Person *p;

  if (g_hash_table_contains (self->by_id, hit->id) || hit->title == NULL
      || (key = dup_known_key (hit->title)) == NULL || strstr (folded, key) == NULL
      || (person = kw_store_get (self->store, "person", hit->id, NULL)) == NULL
      || (g_strcmp0 (kw_record_get_string (person, "consent"), "public") == 0
          && !kw_store_is_private (self->store, "person", hit->id)))
    return;
  kw_publisher_add_from_store (self, self->store, hit->id, FALSE);
  if ((p = g_hash_table_lookup (self->by_id, hit->id)) != NULL)
    p->known = TRUE;
}

/* Adds the known people whose full name or prefixed surname is in @nfc:
 * each pair of words of which the second is capitalised ("Bep van",
 * "van Vliet") is searched for among the people once. */
static void
activate_known (KwPublisher *self,
                const char  *nfc)
{
  g_autofree char *spaced = NULL;
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;

  if (self->store == NULL)
    return;
  spaced = collapse_spaces (nfc);
  folded = g_utf8_casefold (spaced, -1);
  words = g_regex_split_simple ("[^\\p{L}\\p{M}\\p{N}'’-]+", spaced, 0, 0);
  for (guint i = 0; words[i] != NULL && words[i + 1] != NULL; i++)
    {
      g_autofree char *pair = NULL;
      g_autoptr(GPtrArray) hits = NULL;

      if (*words[i] == '\0' || !g_unichar_isupper (g_utf8_get_char (words[i + 1])))
        continue;
      pair = g_strdup_printf ("%s %s", words[i], words[i + 1]);
      if (g_hash_table_contains (self->searched, pair))
        continue;
      hits = kw_store_search (self->store, pair, "person", KW_PUBLISH_KNOWN_HITS, NULL);
      for (guint h = 0; hits != NULL && h < hits->len; h++)
        add_known_hit (self, hits->pdata[h], folded);
      g_hash_table_add (self->searched, g_steal_pointer (&pair));
    }
}

char *
kw_publisher_redact (KwPublisher *self,
                     const char  *text)
{
  g_autofree char *nfc = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (text == NULL)
    return NULL;
  if (!self->public_rules)
    return g_strdup (text);
  nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  if (nfc == NULL)
    return g_strdup ("");
  activate_known (self, nfc);
  if (!self->terms_ready)
    prepare_terms (self);
  return replace_names (self, nfc);
}

GPtrArray *
kw_publisher_get_redactions (KwPublisher *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->redactions;
}

char *
kw_publisher_format_redactions (KwPublisher *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->redactions->len; i++)
    {
      KwRedaction *r = g_ptr_array_index (self->redactions, i);

      /* Translators: one line of the redaction list: what → by what (why, how often) */
      g_string_append_printf (out, _("%s → %s (%s, %u×)"), r->original, r->replacement, r->ground,
                              r->count);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* From the store */

static KwPublishConsent
consent_of (const char *consent)
{
  if (g_strcmp0 (consent, "public") == 0)
    return KW_PUBLISH_CONSENT_PUBLIC;
  if (g_strcmp0 (consent, "shared") == 0)
    return KW_PUBLISH_CONSENT_SHARED;
  if (g_strcmp0 (consent, "private") == 0)
    return KW_PUBLISH_CONSENT_PRIVATE;
  return KW_PUBLISH_CONSENT_NOT_ASKED;
}

static gboolean
is_current (KwRecord   *affiliation,
            const char *today)
{
  const char *since = kw_record_get_string (affiliation, "since");
  const char *until = kw_record_get_string (affiliation, "until");

  return (since == NULL || strcmp (since, today) <= 0) && (until == NULL || strcmp (until, today) >= 0);
}

char *
kw_publish_dup_organisation (KwStore    *store,
                             const char *person_id)
{
  g_autoptr(GPtrArray) affiliations = kw_store_list_by_ref (store, "affiliation", "person", person_id, NULL);
  g_autofree char *best = NULL;
  g_autofree char *best_key = NULL;
  char today[11];
  GDate date;

  g_return_val_if_fail (KW_IS_STORE (store), NULL);
  g_return_val_if_fail (person_id != NULL, NULL);

  kw_analysis_get_today (&date);
  g_snprintf (today, sizeof today, "%04u-%02u-%02u", (guint) g_date_get_year (&date),
              (guint) g_date_get_month (&date), (guint) g_date_get_day (&date));
  for (guint i = 0; affiliations != NULL && i < affiliations->len; i++)
    {
      KwRecord *a = g_ptr_array_index (affiliations, i);
      g_autoptr(KwRecord) org = NULL;
      const char *name;
      g_autofree char *key = NULL;

      if (!is_current (a, today)
          || (org = kw_store_get (store, "organisation", kw_record_get_string (a, "organisation"), NULL)) == NULL
          || (name = kw_record_get_string (org, "name")) == NULL)
        continue;
      key = kw_collate_fold (name);
      if (best == NULL || strcmp (key, best_key) < 0)
        {
          g_free (best);
          g_free (best_key);
          best = g_strdup (name);
          best_key = g_steal_pointer (&key);
        }
    }
  return g_steal_pointer (&best);
}

void
kw_publisher_add_from_store (KwPublisher *self,
                             KwStore     *store,
                             const char  *person_id,
                             gboolean     chair)
{
  g_autoptr(KwRecord) person = NULL;
  g_autofree char *organisation = NULL;
  KwPublishConsent consent;

  g_return_if_fail (self != NULL);
  g_return_if_fail (KW_IS_STORE (store));

  if (person_id == NULL)
    return;
  if (g_hash_table_contains (self->by_id, person_id))
    {
      kw_publisher_add_person (self, person_id, NULL, 0, NULL, chair);
      return;
    }
  if ((person = kw_store_lookup (store, "person", person_id, NULL)) == NULL)
    return;
  if (kw_record_is_deleted (person) && !kw_store_is_private (store, "person", person_id))
    return;
  consent = kw_store_is_private (store, "person", person_id)
              ? KW_PUBLISH_CONSENT_PRIVATE
              : consent_of (kw_record_get_string (person, "consent"));
  if (consent != KW_PUBLISH_CONSENT_PRIVATE)
    organisation = kw_publish_dup_organisation (store, person_id);
  kw_publisher_add_person (self, person_id, kw_record_get_string (person, "name"), consent,
                           organisation, chair);
}

static void
add_by_ref (KwPublisher *self,
            KwStore     *store,
            const char  *type_name,
            const char  *meeting_id,
            const char  *field)
{
  g_autoptr(GPtrArray) records = kw_store_list_by_ref (store, type_name, "meeting", meeting_id, NULL);

  for (guint i = 0; records != NULL && i < records->len; i++)
    kw_publisher_add_from_store (self, store, kw_record_get_string (records->pdata[i], field), FALSE);
}

void
kw_publisher_add_known_people (KwPublisher *self,
                               KwStore     *store)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (KW_IS_STORE (store));

  if (!self->public_rules)
    return;
  g_set_object (&self->store, store);
  if (self->searched == NULL)
    self->searched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* Guests (an attendance with a guest_name and no person) gave no consent:
 * their names go out of the free text like anyone's who was not asked. */
static void
add_guests (KwPublisher *self,
            KwStore     *store,
            const char  *meeting_id)
{
  g_autoptr(GPtrArray) rows = kw_store_list_by_ref (store, "attendance", "meeting", meeting_id, NULL);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    if (kw_record_get_string (rows->pdata[i], "person") == NULL
        && kw_record_get_string (rows->pdata[i], "guest_name") != NULL)
      kw_publisher_add_person (self, kw_record_get_id (rows->pdata[i]),
                               kw_record_get_string (rows->pdata[i], "guest_name"),
                               KW_PUBLISH_CONSENT_NOT_ASKED, NULL, FALSE);
}

KwPublisher *
kw_publisher_new_for_meeting (KwStore     *store,
                              const char  *meeting_id,
                              gboolean     public_rules,
                              GError     **error)
{
  g_autoptr(KwRecord) meeting = NULL;
  g_autoptr(KwPublisher) self = NULL;

  g_return_val_if_fail (KW_IS_STORE (store), NULL);
  g_return_val_if_fail (meeting_id != NULL, NULL);

  if ((meeting = kw_store_get (store, "meeting", meeting_id, error)) == NULL)
    return NULL;
  self = kw_publisher_new (public_rules);
  kw_publisher_add_from_store (self, store, kw_record_get_string (meeting, "chair"), TRUE);
  kw_publisher_add_from_store (self, store, kw_record_get_string (meeting, "minute_taker"), FALSE);
  add_by_ref (self, store, "attendance", meeting_id, "person");
  add_guests (self, store, meeting_id);
  add_by_ref (self, store, "agenda_item", meeting_id, "presenter");
  add_by_ref (self, store, "action_item", meeting_id, "owner");
  kw_publisher_add_known_people (self, store);
  return g_steal_pointer (&self);
}
