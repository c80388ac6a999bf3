/* kw-meeting-doc.c: the printable pages of a meeting, drawn with cairo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * kw-meeting-doc.h says what each document holds. A document is a list
 * of blocks: a paragraph (one line of the source text, wrapped by pango)
 * or a table row (cells side by side, each wrapped in its column). The
 * pages are cut between blocks for a page size, so a printer's page
 * size gives its own page count. Text is measured and drawn at 72 dpi
 * without hinted metrics, so one unit is one point on any cairo_t.
 */
#define G_LOG_DOMAIN "kw-meeting-doc"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "kw-collate.h"
#include "kw-error.h"
#include "kw-meeting-doc.h"
#include "kw-publish.h"

#define MARGIN        50.0
#define FOOTER        22.0
#define CELL_PAD      4.0
#define SIGNIN_ROW    30.0

typedef enum {
  STYLE_TITLE,
  STYLE_HEADING,
  STYLE_SUBHEADING,
  STYLE_BODY,
  STYLE_META,
  STYLE_CELL,
  STYLE_HEAD_CELL,
  STYLE_WARNING,
  N_STYLES
} Style;

static const char * const fonts[N_STYLES] = {
  "Sans Bold 17", "Sans Bold 13", "Sans Bold 11", "Sans 10", "Sans Italic 9",
  "Sans 10", "Sans Bold 10", "Sans Bold 10",
};

typedef struct {
  Style          style;
  GStrv          cells;       /* one for a paragraph */
  const double  *widths;      /* fractions of the text width, NULL for one cell */
  double         min_height;
  double         space_before;
  gboolean       boxed;
} Block;

struct _KwMeetingDoc {
  KwMeetingDocKind  kind;
  KwMinutes        *minutes;
  gboolean          owns_minutes;
  GPtrArray        *blocks;       /* Block */
  PangoContext     *context;
  PangoFontDescription *fonts[N_STYLES];
  double            width, height; /* of the pagination below */
  GArray           *page_starts;  /* guint: the first block of each page */
};

static const double action_widths[] = { 0.34, 0.2, 0.16, 0.3 };
static const double agenda_widths[] = { 0.07, 0.43, 0.22, 0.12, 0.16 };
static const double signin_widths[] = { 0.38, 0.32, 0.30 };

static void
block_free (Block *b)
{
  g_strfreev (b->cells);
  g_free (b);
}

void
kw_meeting_doc_free (KwMeetingDoc *doc)
{
  if (doc == NULL)
    return;
  if (doc->owns_minutes)
    kw_minutes_free (doc->minutes);
  g_ptr_array_unref (doc->blocks);
  for (guint i = 0; i < N_STYLES; i++)
    pango_font_description_free (doc->fonts[i]);
  g_clear_object (&doc->context);
  g_clear_pointer (&doc->page_starts, g_array_unref);
  g_free (doc);
}

/* Blocks */

static Block *
add_block (KwMeetingDoc *doc,
           Style         style,
           double        space_before,
           const char   *text)
{
  Block *b = g_new0 (Block, 1);

  b->style = style;
  b->space_before = space_before;
  b->cells = g_new0 (char *, 2);
  b->cells[0] = g_strdup (text != NULL ? text : "");
  g_ptr_array_add (doc->blocks, b);
  return b;
}

/* A paragraph per line of @text; an empty line leaves some space. */
static void
add_text (KwMeetingDoc *doc,
          Style         style,
          double        space_before,
          const char   *text)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);
  double space = space_before;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (*g_strstrip (lines[i]) == '\0')
        {
          space = 5.0;
          continue;
        }
      add_block (doc, style, space, lines[i]);
      space = 1.0;
    }
}

static void
add_field (KwMeetingDoc *doc,
           const char   *label,
           const char   *value)
{
  g_autofree char *line = NULL;

  if (value == NULL)
    return;
  line = g_strdup_printf ("%s: %s", label, value);
  add_text (doc, STYLE_BODY, 1.0, line);
}

static void
add_row (KwMeetingDoc  *doc,
         Style          style,
         const double  *widths,
         guint          n_cells,
         double         min_height,
         const char   **cells)
{
  Block *b = g_new0 (Block, 1);

  b->style = style;
  b->widths = widths;
  b->min_height = min_height;
  b->boxed = TRUE;
  b->cells = g_new0 (char *, n_cells + 1);
  for (guint i = 0; i < n_cells; i++)
    b->cells[i] = g_strdup (cells[i] != NULL ? cells[i] : "");
  g_ptr_array_add (doc->blocks, b);
}

static char *
dup_when (KwMinutes *m)
{
  if (m->date == NULL)
    return NULL;
  return m->time != NULL ? g_strdup_printf ("%s, %s", m->date, m->time) : g_strdup (m->date);
}

static void
add_header (KwMeetingDoc *doc,
            const char   *subtitle)
{
  KwMinutes *m = doc->minutes;
  g_autofree char *when = dup_when (m);

  add_block (doc, STYLE_TITLE, 0, m->title);
  if (subtitle != NULL)
    add_block (doc, STYLE_SUBHEADING, 2.0, subtitle);
  add_text (doc, STYLE_BODY, 8.0, NULL);
  add_field (doc, _("Kind"), m->kind);
  add_field (doc, _("Date"), when);
  add_field (doc, _("Venue"), m->venue);
  add_field (doc, _("Online link"), m->online_link);
  add_field (doc, _("Chair"), m->chair);
}

/* The minutes */

static void
add_attendance (KwMeetingDoc *doc)
{
  KwMinutes *m = doc->minutes;

  add_block (doc, STYLE_HEADING, 12.0, _("Attendance"));
  for (guint g = 0; g < KW_MINUTES_N_GROUPS; g++)
    {
      g_autoptr(GString) names = g_string_new (NULL);
      g_autofree char *others = kw_minutes_dup_others (m, g);

      for (guint i = 0; i < m->people[g]->len; i++)
        g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", (char *) m->people[g]->pdata[i]);
      if (others != NULL)
        g_string_append_printf (names, "%s%s", names->len > 0 ? " " : "", others);
      if (names->len > 0)
        add_field (doc, kw_minutes_presence_label (g), names->str);
    }
}

static void
add_items (KwMeetingDoc *doc)
{
  KwMinutes *m = doc->minutes;

  add_block (doc, STYLE_HEADING, 12.0, _("Agenda"));
  for (guint i = 0; i < m->items->len; i++)
    {
      KwMinutesItem *item = m->items->pdata[i];
      g_autofree char *title = g_strdup_printf ("%u. %s", i + 1, item->title);
      g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

      add_block (doc, STYLE_SUBHEADING, 8.0, title);
      if (item->presenter != NULL)
        g_ptr_array_add (parts, g_strdup (item->presenter));
      if (item->minutes_planned >= 0)
        g_ptr_array_add (parts, g_strdup_printf (_("%d min"), (int) item->minutes_planned));
      if (item->kind != NULL)
        g_ptr_array_add (parts, g_strdup (item->kind));
      if (parts->len > 0)
        {
          g_autofree char *line = NULL;

          g_ptr_array_add (parts, NULL);
          line = g_strjoinv (" · ", (char **) parts->pdata);
          add_block (doc, STYLE_META, 1.0, line);
        }
      add_text (doc, STYLE_BODY, 3.0, item->notes);
      add_field (doc, _("Decision"), item->decision);
    }
}

static void
add_actions (KwMeetingDoc *doc)
{
  KwMinutes *m = doc->minutes;
  const char *head[] = { _("Action"), _("Who"), _("Deadline"), _("Information") };

  add_block (doc, STYLE_HEADING, 12.0, _("Running Actions"));
  if (m->actions->len == 0)
    {
      add_text (doc, STYLE_BODY, 2.0, _("No open actions."));
      return;
    }
  add_row (doc, STYLE_HEAD_CELL, action_widths, 4, 0, head);
  for (guint i = 0; i < m->actions->len; i++)
    {
      KwMinutesAction *a = m->actions->pdata[i];
      g_autofree char *deadline = a->overdue && a->deadline != NULL
                                    ? g_strdup_printf ("%s (%s)", a->deadline, _("overdue"))
                                    : g_strdup (a->deadline);
      const char *cells[] = { a->title, a->who, deadline, a->info };

      add_row (doc, STYLE_CELL, action_widths, 4, 0, cells);
    }
}

static void
build_minutes (KwMeetingDoc *doc)
{
  KwMinutes *m = doc->minutes;

  add_header (doc, NULL);
  add_field (doc, _("Minute taker"), m->minute_taker);
  add_attendance (doc);
  if (m->minutes != NULL)
    {
      add_block (doc, STYLE_HEADING, 12.0, _("Minutes"));
      add_text (doc, STYLE_BODY, 3.0, m->minutes);
    }
  add_items (doc);
  add_actions (doc);
  if (m->next_time->len > 0)
    {
      add_block (doc, STYLE_HEADING, 12.0, _("Next time on the agenda"));
      for (guint i = 0; i < m->next_time->len; i++)
        {
          g_autofree char *line = g_strdup_printf ("• %s", (char *) m->next_time->pdata[i]);

          add_block (doc, STYLE_BODY, 1.0, line);
        }
    }
}

/* The agenda */

static void
build_agenda (KwMeetingDoc *doc)
{
  KwMinutes *m = doc->minutes;
  const char *head[] = { "#", _("Item"), _("Presenter"), _("Minutes"), _("Kind") };
  g_autofree char *total = NULL;

  add_header (doc, _("Agenda"));
  add_text (doc, STYLE_BODY, 10.0, NULL);
  add_row (doc, STYLE_HEAD_CELL, agenda_widths, 5, 0, head);
  ((Block *) doc->blocks->pdata[doc->blocks->len - 1])->space_before = 10.0;
  for (guint i = 0; i < m->items->len; i++)
    {
      KwMinutesItem *item = m->items->pdata[i];
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *planned = item->minutes_planned >= 0
                                   ? g_strdup_printf ("%" G_GINT64_FORMAT, item->minutes_planned) : NULL;
      const char *cells[] = { number, item->title, item->presenter, planned, item->kind };

      add_row (doc, STYLE_CELL, agenda_widths, 5, 0, cells);
    }
  if (m->length >= 0)
    /* Translators: under the printed agenda: planned minutes of the meeting's length */
    total = g_strdup_printf (_("Total: %d of %d minutes"), (int) m->planned_total, (int) m->length);
  else
    total = g_strdup_printf (_("Total: %d minutes"), (int) m->planned_total);
  add_block (doc, STYLE_SUBHEADING, 8.0, total);
  if (m->length >= 0 && m->planned_total > m->length)
    {
      int over_by = (int) (m->planned_total - m->length);
      g_autofree char *over = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "The agenda runs %d minute over the meeting’s length.",
                                                            "The agenda runs %d minutes over the meeting’s length.",
                                                            over_by),
                                               over_by);

      add_block (doc, STYLE_WARNING, 2.0, over);
    }
}

/* The sign-in sheet */

typedef struct {
  char *name;
  char *organisation;
  char *key;
} Signer;

static void
signer_free (Signer *s)
{
  g_free (s->name);
  g_free (s->organisation);
  g_free (s->key);
  g_free (s);
}

static int
compare_signers (gconstpointer a,
                 gconstpointer b)
{
  const Signer *x = *(Signer * const *) a, *y = *(Signer * const *) b;

  return strcmp (x->key, y->key);
}

/* Those named on the sheet (consent public or shared), by name; how many others in @n_unnamed. */
static GPtrArray *
collect_signers (KwStore    *store,
                 const char *meeting_id,
                 guint      *n_unnamed)
{
  g_autoptr(GPtrArray) rows = kw_store_list_by_ref (store, "attendance", "meeting", meeting_id, NULL);
  GPtrArray *signers = g_ptr_array_new_with_free_func ((GDestroyNotify) signer_free);

  *n_unnamed = 0;
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      const char *id = kw_record_get_string (rows->pdata[i], "person");
      g_autoptr(KwRecord) person = id != NULL ? kw_store_get (store, "person", id, NULL) : NULL;
      const char *consent = person != NULL ? kw_record_get_string (person, "consent") : NULL;
      Signer *s;

      if (person == NULL || kw_store_is_private (store, "person", id)
          || (g_strcmp0 (consent, "public") != 0 && g_strcmp0 (consent, "shared") != 0)
          || kw_record_get_string (person, "name") == NULL)
        {
          (*n_unnamed)++;
          continue;
        }
      s = g_new0 (Signer, 1);
      s->name = g_strdup (kw_record_get_string (person, "name"));
      s->organisation = kw_publish_dup_organisation (store, id);
      s->key = kw_collate_fold (s->name);
      g_ptr_array_add (signers, s);
    }
  g_ptr_array_sort (signers, compare_signers);
  return signers;
}

static void
build_signin (KwMeetingDoc *doc,
              KwStore      *store,
              const char   *meeting_id)
{
  const char *head[] = { _("Name"), _("Organisation"), _("Signature") };
  const char *empty[] = { "", "", "" };
  g_autoptr(GPtrArray) signers = NULL;
  guint n_unnamed = 0;

  add_header (doc, _("Sign-in sheet"));
  signers = collect_signers (store, meeting_id, &n_unnamed);
  add_row (doc, STYLE_HEAD_CELL, signin_widths, 3, 0, head);
  ((Block *) doc->blocks->pdata[doc->blocks->len - 1])->space_before = 12.0;
  for (guint i = 0; i < signers->len; i++)
    {
      Signer *s = signers->pdata[i];
      const char *cells[] = { s->name, s->organisation, "" };

      add_row (doc, STYLE_CELL, signin_widths, 3, SIGNIN_ROW, cells);
    }
  for (guint i = 0; i < n_unnamed + KW_MEETING_DOC_GUEST_LINES; i++)
    add_row (doc, STYLE_CELL, signin_widths, 3, SIGNIN_ROW, empty);
}

/* Layout */

static KwMeetingDoc *
doc_new (KwMeetingDocKind kind)
{
  KwMeetingDoc *doc = g_new0 (KwMeetingDoc, 1);
  cairo_font_options_t *options = cairo_font_options_create ();

  doc->kind = kind;
  doc->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  doc->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (doc->context, 72.0);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (doc->context, options);
  cairo_font_options_destroy (options);
  for (guint i = 0; i < N_STYLES; i++)
    doc->fonts[i] = pango_font_description_from_string (fonts[i]);
  return doc;
}

static double
cell_width (const Block *b,
            guint        i,
            double       text_width)
{
  return b->widths != NULL ? b->widths[i] * text_width : text_width;
}

static PangoLayout *
new_layout (KwMeetingDoc *doc,
            const Block  *b,
            guint         i,
            double        text_width)
{
  PangoLayout *layout = pango_layout_new (doc->context);
  double pad = b->boxed ? CELL_PAD : 0;

  pango_layout_set_font_description (layout, doc->fonts[b->style]);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, (int) ((cell_width (b, i, text_width) - 2 * pad) * PANGO_SCALE));
  pango_layout_set_text (layout, b->cells[i], -1);
  return layout;
}

static double
block_height (KwMeetingDoc *doc,
              const Block  *b,
              double        text_width)
{
  double pad = b->boxed ? CELL_PAD : 0;
  double h = 0;

  for (guint i = 0; b->cells[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) layout = new_layout (doc, b, i, text_width);
      int w, lh;

      pango_layout_get_size (layout, &w, &lh);
      h = MAX (h, (double) lh / PANGO_SCALE + 2 * pad);
    }
  return MAX (h, b->min_height);
}

static void
paginate (KwMeetingDoc *doc,
          double        width,
          double        height)
{
  double text_width = width - 2 * MARGIN;
  double bottom = height - MARGIN - FOOTER;
  double y = MARGIN;
  guint first = 0;

  if (doc->page_starts != NULL && doc->width == width && doc->height == height)
    return;
  g_clear_pointer (&doc->page_starts, g_array_unref);
  doc->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  doc->width = width;
  doc->height = height;
  g_array_append_val (doc->page_starts, first);
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      const Block *b = doc->blocks->pdata[i];
      double h = block_height (doc, b, text_width);
      gboolean top = g_array_index (doc->page_starts, guint, doc->page_starts->len - 1) == i;

      if (!top && y + b->space_before + h > bottom)
        {
          g_array_append_val (doc->page_starts, i);
          y = MARGIN;
          top = TRUE;
        }
      y += (top ? 0 : b->space_before) + h;
    }
}

guint
kw_meeting_doc_get_n_pages (KwMeetingDoc *doc,
                            double        width,
                            double        height)
{
  g_return_val_if_fail (doc != NULL, 1);
  g_return_val_if_fail (width > 2 * MARGIN && height > 2 * MARGIN + FOOTER, 1);

  paginate (doc, width, height);
  return doc->page_starts->len;
}

static void
draw_block (KwMeetingDoc *doc,
            cairo_t      *cr,
            const Block  *b,
            double        y,
            double        h,
            double        text_width)
{
  double x = MARGIN;
  double pad = b->boxed ? CELL_PAD : 0;

  for (guint i = 0; b->cells[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) layout = new_layout (doc, b, i, text_width);
      double w = cell_width (b, i, text_width);

      if (b->boxed)
        {
          cairo_set_line_width (cr, 0.6);
          cairo_rectangle (cr, x, y, w, h);
          if (b->style == STYLE_HEAD_CELL)
            {
              cairo_set_source_rgb (cr, 0.9, 0.9, 0.9);
              cairo_fill_preserve (cr);
            }
          cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
          cairo_stroke (cr);
        }
      cairo_set_source_rgb (cr, b->style == STYLE_WARNING ? 0.65 : 0, 0, 0);
      cairo_move_to (cr, x + pad, y + pad);
      pango_cairo_show_layout (cr, layout);
      x += w;
    }
}

static void
draw_footer (KwMeetingDoc *doc,
             cairo_t      *cr,
             double        width,
             double        height,
             guint         page)
{
  Block footer = { STYLE_META, NULL, NULL, 0, 0, FALSE };
  char *cells[2] = { NULL, NULL };
  g_autoptr(PangoLayout) layout = NULL;

  /* Translators: the foot of a printed page: title, page number and count */
  cells[0] = g_strdup_printf (_("%s — page %u of %u"), doc->minutes->title != NULL ? doc->minutes->title : "",
                              page + 1, doc->page_starts->len);
  footer.cells = cells;
  layout = new_layout (doc, &footer, 0, width - 2 * MARGIN);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  cairo_move_to (cr, MARGIN, height - MARGIN - FOOTER + 8);
  pango_cairo_show_layout (cr, layout);
  g_free (cells[0]);
}

void
kw_meeting_doc_draw_page (KwMeetingDoc *doc,
                          cairo_t      *cr,
                          double        width,
                          double        height,
                          guint         page)
{
  double text_width = width - 2 * MARGIN;
  guint from, to;
  double y = MARGIN;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (cr != NULL);

  paginate (doc, width, height);
  g_return_if_fail (page < doc->page_starts->len);
  from = g_array_index (doc->page_starts, guint, page);
  to = page + 1 < doc->page_starts->len ? g_array_index (doc->page_starts, guint, page + 1) : doc->blocks->len;
  cairo_save (cr);
  for (guint i = from; i < to; i++)
    {
      const Block *b = doc->blocks->pdata[i];
      double h = block_height (doc, b, text_width);

      y += i == from ? 0 : b->space_before;
      draw_block (doc, cr, b, y, h, text_width);
      y += h;
    }
  draw_footer (doc, cr, width, height, page);
  cairo_restore (cr);
}

/* Public API */

KwMeetingDoc *
kw_meeting_doc_new_for_minutes (KwMinutes *minutes)
{
  KwMeetingDoc *doc;

  g_return_val_if_fail (minutes != NULL, NULL);

  doc = doc_new (KW_MEETING_DOC_MINUTES);
  doc->minutes = minutes;
  build_minutes (doc);
  return doc;
}

KwMeetingDoc *
kw_meeting_doc_new (KwStore           *store,
                    const char        *meeting_id,
                    KwMeetingDocKind   kind,
                    gboolean           public_rules,
                    GError           **error)
{
  KwMinutes *minutes;
  KwMeetingDoc *doc;

  g_return_val_if_fail (KW_IS_STORE (store), NULL);
  g_return_val_if_fail (meeting_id != NULL, NULL);

  minutes = kw_minutes_new (store, meeting_id, kind == KW_MEETING_DOC_MINUTES ? public_rules : TRUE, error);
  if (minutes == NULL)
    return NULL;
  doc = doc_new (kind);
  doc->minutes = minutes;
  doc->owns_minutes = TRUE;
  switch (kind)
    {
    case KW_MEETING_DOC_AGENDA:
      build_agenda (doc);
      break;
    case KW_MEETING_DOC_SIGNIN:
      build_signin (doc, store, meeting_id);
      break;
    case KW_MEETING_DOC_MINUTES:
    default:
      build_minutes (doc);
      break;
    }
  return doc;
}

char *
kw_meeting_doc_dup_text (KwMeetingDoc *doc)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (doc != NULL, NULL);

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      const Block *b = doc->blocks->pdata[i];
      g_autofree char *line = g_strjoinv (" | ", b->cells);

      g_string_append (out, line);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

char *
kw_meeting_doc_dup_redactions (KwMeetingDoc *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);
  return kw_minutes_dup_redactions (doc->minutes);
}

static cairo_status_t
on_pdf_write_cb (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

gboolean
kw_meeting_doc_write_pdf (KwMeetingDoc  *doc,
                          const char    *path,
                          GError       **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GError) local = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n;

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  surface = cairo_pdf_surface_create_for_stream (on_pdf_write_cb, bytes, KW_MEETING_DOC_A4_WIDTH,
                                                 KW_MEETING_DOC_A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  doc->minutes->title != NULL ? doc->minutes->title : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Kwartier");
  cr = cairo_create (surface);
  n = kw_meeting_doc_get_n_pages (doc, KW_MEETING_DOC_A4_WIDTH, KW_MEETING_DOC_A4_HEIGHT);
  for (guint page = 0; page < n; page++)
    {
      kw_meeting_doc_draw_page (doc, cr, KW_MEETING_DOC_A4_WIDTH, KW_MEETING_DOC_A4_HEIGHT, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_IO, "%s: %s", path, cairo_status_to_string (status));
      return FALSE;
    }
  if (!g_file_set_contents_full (path, (const char *) bytes->data, bytes->len, G_FILE_SET_CONTENTS_CONSISTENT,
                                 0644, &local))
    {
      g_set_error (error, KW_CORE_ERROR, KW_CORE_ERROR_IO, "%s", local->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
kw_meeting_doc_write_minutes_pdf (KwMinutes   *minutes,
                                  const char  *path,
                                  GError     **error)
{
  g_autoptr(KwMeetingDoc) doc = NULL;

  g_return_val_if_fail (minutes != NULL, FALSE);

  doc = kw_meeting_doc_new_for_minutes (minutes);
  return kw_meeting_doc_write_pdf (doc, path, error);
}
