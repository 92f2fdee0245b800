/*
 * Progress between two assessments for people, as text or Markdown: the
 * pillars and the sections in two tables, obligations whose status
 * changed and answers that changed, by their titles and labels.
 */
#include <math.h>
#include <string.h>

#include "compare_impl.h"
#include "esgdiag/buf.h"
#include "esgdiag/model.h"
#include "esgdiag/render.h"
#include "esgdiag/text.h"
#include "i18n.h"

enum { LABEL_W = 34 };

static const char *
col_label(const struct esg_questionnaire *q, size_t c)
{
	if (c == 0)
		return _("Overall");
	if (c <= q->npillars)
		return q->pillars[c - 1].label;
	return q->sections[c - 1 - q->npillars].title;
}

static const char *
arrow(const struct esg_render_opts *o)
{
	return o->utf8 ? "→" : "->";
}

/* A change of score, signed: +8,16 or -2,00. */
static void
delta(struct esg_buf *b, const struct esg_render_opts *o, double d)
{
	if (esg_round2(d) > 0)
		esg_buf_putc(b, '+');
	esg_render_score(b, o, d);
}

/*
 * The width of the change column: its head, translated, may be as wide as
 * the numbers (« Évolution »), and a column touching the previous one
 * reads as one word; rows and head share this width.
 */
static size_t
change_w(void)
{
	const char *h = _("Change");
	size_t w = esg_utf8_width(h, strlen(h)) + 2;

	return w > 9 ? w : 9;
}

static void
text_score(struct esg_buf *b, const struct esg_questionnaire *q, size_t c,
    double x, double y, const struct esg_render_opts *o)
{
	const char *lx = isnan(x) ? NULL : esg_level_of(q, x);
	const char *ly = isnan(y) ? NULL : esg_level_of(q, y);
	struct esg_buf t = ESG_BUF_INIT;
	const char *rest;

	esg_buf_puts(b, "    ");
	rest = esg_render_cell(b, col_label(q, c), LABEL_W);
	if (isnan(x) || isnan(y))
		esg_buf_printf(b, "  %s\n", isnan(x) && isnan(y) ? "-" : isnan(x) ?
		    _("no score before") : _("no score now"));
	else {
		esg_render_score(&t, o, x);
		esg_render_right(b, esg_buf_str(&t), 7);
		esg_buf_printf(b, " %s ", arrow(o));
		esg_buf_reset(&t);
		esg_render_score(&t, o, y);
		esg_render_right(b, esg_buf_str(&t), 6);
		esg_buf_reset(&t);
		delta(&t, o, y - x);
		esg_render_right(b, esg_buf_str(&t), change_w());
		if (lx && ly && strcmp(lx, ly) != 0)
			esg_buf_printf(b, "  %s %s %s", lx, arrow(o), ly);
		esg_buf_putc(b, '\n');
	}
	esg_render_cell_rest(b, rest, 4, LABEL_W);
	esg_buf_release(&t);
}

static void
text_table(struct esg_buf *b, const struct esg_questionnaire *q,
    const struct esg_snap *x, const struct esg_snap *y, size_t from, size_t to,
    const char *title, const struct esg_render_opts *o)
{
	esg_buf_printf(b, "\n  ");
	esg_render_cell(b, title, LABEL_W + 2);
	esg_render_right(b, _("Before"), 7);
	esg_render_right(b, _("After"), 9);
	esg_render_right(b, _("Change"), change_w());
	esg_buf_putc(b, '\n');
	for (size_t c = from; c < to; c++)
		text_score(b, q, c, x->score[c], y->score[c], o);
}

static void
text_obligations(struct esg_buf *b, const struct esg_questionnaire *q,
    const struct esg_snap *x, const struct esg_snap *y,
    const struct esg_render_opts *o)
{
	struct esg_buf t = ESG_BUF_INIT;
	size_t n = 0;

	for (size_t i = 0; i < q->nobligations; i++) {
		if (!esg_obligation_change(x->obligation[i], y->obligation[i]))
			continue;
		if (n++ == 0)
			esg_buf_printf(b, "\n  %s\n", _("Obligations whose status changed"));
		esg_buf_reset(&t);
		esg_buf_printf(&t, _("%s: "), q->obligations[i].title);
		esg_buf_printf(&t, "%s %s %s", esg_ostatus_text((int)x->obligation[i]),
		    arrow(o), esg_ostatus_text((int)y->obligation[i]));
		esg_render_wrap(b, "    ", 6, esg_buf_str(&t), o->width ? o->width : 80);
	}
	esg_buf_release(&t);
}

static void
text_answers(struct esg_buf *b, const struct esg_questionnaire *q,
    const struct esg_snap *x, const struct esg_snap *y,
    const struct esg_render_opts *o)
{
	size_t width = o->width ? o->width : 80, n = 0;
	struct esg_buf t = ESG_BUF_INIT;

	for (size_t i = 0; i < q->nfields; i++) {
		if (strcmp(x->cell[i], y->cell[i]) == 0)
			continue;
		if (n++ == 0)
			esg_buf_printf(b, "\n  %s\n", _("Answers changed"));
		esg_render_wrap(b, "    ", 4, q->fields[i].label, width);
		esg_buf_reset(&t);
		esg_buf_printf(&t, "%s %s %s", *x->shown[i] ? x->shown[i] : "-",
		    arrow(o), *y->shown[i] ? y->shown[i] : "-");
		esg_render_wrap(b, "      ", 6, esg_buf_str(&t), width);
	}
	esg_buf_release(&t);
}

static void
text_one(struct esg_buf *b, const struct esg_questionnaire *q,
    const struct esg_snap *x, const struct esg_snap *y,
    const struct esg_render_opts *o)
{
	esg_buf_printf(b, "\n%s ", _("Respondent"));
	esg_text_clean(b, y->id);
	esg_buf_putc(b, '\n');
	text_table(b, q, x, y, 0, 1 + q->npillars, _("Pillars"), o);
	text_table(b, q, x, y, 1 + q->npillars, esg_compare_ncols(q), _("Sections"),
	    o);
	text_obligations(b, q, x, y, o);
	text_answers(b, q, x, y, o);
}

/*
 * The ids of s that other lacks: absent from it (unread false), or there
 * in a row that could not be read, which is no disappearance.
 */
static void
unmatched(struct esg_buf *b, const struct esg_snaps *s,
    const struct esg_snaps *other, bool unread, const char *title)
{
	size_t n = 0;

	for (size_t i = 0; i < s->n; i++)
		if (esg_snaps_find(other, s->v[i].id) == NULL &&
		    esg_snaps_unread(other, s->v[i].id) == unread) {
			esg_buf_puts(b, n++ ? ", " : title);
			esg_text_clean(b, s->v[i].id);
		}
	if (n)
		esg_buf_putc(b, '\n');
}

static void
unmatched_all(struct esg_buf *b, const struct esg_snaps *before,
    const struct esg_snaps *after)
{
	unmatched(b, before, after, false, _("Only before: "));
	unmatched(b, after, before, false, _("Only after: "));
	unmatched(b, before, after, true,
	    _("Not compared, their row after could not be read: "));
	unmatched(b, after, before, true,
	    _("Not compared, their row before could not be read: "));
}

void
esg_compare_text(struct esg_buf *b, const struct esg_snaps *before,
    const struct esg_snaps *after, const struct esg_render_opts *o)
{
	const struct esg_questionnaire *q = after->q ? after->q : before->q;

	esg_buf_printf(b, _("Progress from %s to %s\n"), before->name, after->name);
	for (size_t i = 0; q && i < after->n; i++) {
		const struct esg_snap *x = esg_snaps_find(before, after->v[i].id);

		if (x != NULL)
			text_one(b, q, x, &after->v[i], o);
	}
	esg_buf_putc(b, '\n');
	unmatched_all(b, before, after);
}

static void
md_table(struct esg_buf *b, const struct esg_questionnaire *q,
    const struct esg_snap *x, const struct esg_snap *y, size_t from, size_t to,
    const char *title, const char *head, const struct esg_render_opts *o)
{
	esg_buf_printf(b, "\n### %s\n\n| %s | %s | %s | %s | %s |\n"
	    "|---|---:|---:|---:|---|\n", title, head, _("Before"), _("After"),
	    _("Change"), _("Level"));
	for (size_t c = from; c < to; c++) {
		double s0 = x->score[c], s1 = y->score[c];
		const char *l0 = isnan(s0) ? "—" : esg_level_of(q, s0);
		const char *l1 = isnan(s1) ? "—" : esg_level_of(q, s1);

		esg_buf_printf(b, c == 0 ? "| **%s** | " : "| %s | ", col_label(q, c));
		if (isnan(s0) || isnan(s1)) {
			esg_buf_puts(b, "— | — | — | — |\n");
			continue;
		}
		esg_render_score(b, o, s0);
		esg_buf_puts(b, " | ");
		esg_render_score(b, o, s1);
		esg_buf_puts(b, " | ");
		delta(b, o, s1 - s0);
		esg_buf_printf(b, " | %s%s%s |\n", l0, strcmp(l0, l1) ? " → " : "",
		    strcmp(l0, l1) ? l1 : "");
	}
}

static void
md_one(struct esg_buf *b, const struct esg_questionnaire *q,
    const struct esg_snap *x, const struct esg_snap *y,
    const struct esg_render_opts *o)
{
	size_t n = 0;

	esg_buf_printf(b, "\n## %s ", _("Respondent"));
	esg_md_text(b, y->id);
	esg_buf_putc(b, '\n');
	md_table(b, q, x, y, 0, 1 + q->npillars, _("Pillars"), _("Pillar"), o);
	md_table(b, q, x, y, 1 + q->npillars, esg_compare_ncols(q), _("Sections"),
	    _("Section"), o);
	for (size_t i = 0; i < q->nobligations; i++)
		if (esg_obligation_change(x->obligation[i], y->obligation[i]))
			esg_buf_printf(b, "%s- %s — %s → %s\n", n++ ? "" :
			    _("\n### Obligations whose status changed\n\n"),
			    q->obligations[i].title,
			    esg_ostatus_text((int)x->obligation[i]),
			    esg_ostatus_text((int)y->obligation[i]));
	n = 0;
	for (size_t i = 0; i < q->nfields; i++)
		if (strcmp(x->cell[i], y->cell[i]))
			esg_buf_printf(b, "%s- %s — %s → %s\n", n++ ? "" :
			    _("\n### Answers changed\n\n"), q->fields[i].label,
			    *x->shown[i] ? x->shown[i] : "—",
			    *y->shown[i] ? y->shown[i] : "—");
}

void
esg_compare_markdown(struct esg_buf *b, const struct esg_snaps *before,
    const struct esg_snaps *after, const struct esg_render_opts *o)
{
	const struct esg_questionnaire *q = after->q ? after->q : before->q;

	esg_buf_printf(b, _("# Progress from %s to %s\n"), before->name, after->name);
	for (size_t i = 0; q && i < after->n; i++) {
		const struct esg_snap *x = esg_snaps_find(before, after->v[i].id);

		if (x != NULL)
			md_one(b, q, x, &after->v[i], o);
	}
	esg_buf_putc(b, '\n');
	unmatched_all(b, before, after);
}
