/*
 * The observatory statistics as a section of the HTML page: for the overall
 * score by group, for the pillars and for the sections, a box plot in
 * inline SVG (minimum to maximum, quartiles, median) above the table of the
 * same numbers; then the overall levels and the sheets ranking.  Every
 * chart has a text alternative and its numbers are in the table under it.
 */
#include <stdlib.h>
#include <string.h>

#include "aggregate_impl.h"
#include "esgdiag/aggregate.h"
#include "esgdiag/buf.h"
#include "esgdiag/model.h"
#include "esgdiag/render.h"
#include "esgdiag/text.h"
#include "esgdiag/xalloc.h"
#include "i18n.h"

/* Chart geometry: labels on the left, 4 px per point of score. */
enum { LABEL_PX = 250, SCALE_PX = 4, LINE_PX = 15, LABEL_CHARS = 36 };

/* One row of a chart or a table: a label and its statistics. */
struct row {
	const char *label;
	size_t n;
	const struct stats *st;	/* NULL: not published */
	const char *why;	/* when st is NULL, why (esg_agg_hidden_reason) */
};

static size_t
label_lines(const char *label)
{
	struct esg_buf t = ESG_BUF_INIT;
	size_t n = 0;

	for (const char *s = label; *s; n++)
		s = esg_render_cell(&t, s, LABEL_CHARS);
	esg_buf_release(&t);
	return n ? n : 1;
}

static double
row_height(const struct row *r)
{
	return (double)label_lines(r->label) * LINE_PX + 13;
}

static void
svg_label(struct esg_buf *b, const char *label, double y)
{
	struct esg_buf line = ESG_BUF_INIT;

	esg_buf_printf(b, "<text x=\"0\" y=\"%.0f\" font-size=\"12\" "
	    "fill=\"#1a1a1a\">", y);
	for (size_t i = 0; *label; i++) {
		esg_buf_reset(&line);
		label = esg_render_cell(&line, label, LABEL_CHARS);
		while (line.len > 0 && line.data[line.len - 1] == ' ')
			line.data[--line.len] = '\0';
		esg_buf_printf(b, "<tspan x=\"0\" dy=\"%d\">", i ? LINE_PX : 0);
		esg_xml_str(b, esg_buf_str(&line));
		esg_buf_puts(b, "</tspan>");
	}
	esg_buf_puts(b, "</text>\n");
	esg_buf_release(&line);
}

static void
svg_box(struct esg_buf *b, const struct stats *s, double y)
{
	double x0 = LABEL_PX, k = SCALE_PX;

	esg_buf_printf(b, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" "
	    "stroke=\"#444\"/>\n", x0 + s->min * k, x0 + s->max * k, y, y);
	esg_buf_printf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"14\" "
	    "fill=\"#9db7dc\" stroke=\"#1d4f91\"/>\n", x0 + s->q1 * k, y - 7,
	    (s->q3 - s->q1) * k + 0.5);
	esg_buf_printf(b, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" "
	    "stroke=\"#1a1a1a\" stroke-width=\"2.5\"/>\n", x0 + s->median * k,
	    x0 + s->median * k, y - 8, y + 8);
}

static void
svg_axis(struct esg_buf *b, double top, double bottom)
{
	for (int t = 0; t <= 100; t += 10) {
		int x = LABEL_PX + t * SCALE_PX;

		esg_buf_printf(b, "<line x1=\"%d\" x2=\"%d\" y1=\"%.0f\" y2=\"%.0f\" "
		    "stroke=\"#ddd\"/>\n", x, x, top, bottom);
		if (t % 20 == 0)
			esg_buf_printf(b, "<text x=\"%d\" y=\"%.0f\" font-size=\"11\" "
			    "text-anchor=\"middle\" fill=\"#444\">%d</text>\n", x,
			    bottom + 14, t);
	}
}

/* A box plot of the rows with published statistics. */
static void
chart(struct esg_buf *b, const struct row *rows, size_t n, const char *title,
    size_t id)
{
	double h = 8, y = 8;

	for (size_t i = 0; i < n; i++)
		h += row_height(&rows[i]);
	esg_buf_printf(b, "<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "width=\"%d\" height=\"%.0f\" viewBox=\"0 0 %d %.0f\" role=\"img\" "
	    "aria-labelledby=\"agg-t%zu\">\n<title id=\"agg-t%zu\">",
	    LABEL_PX + 100 * SCALE_PX + 20, h + 24, LABEL_PX + 100 * SCALE_PX + 20,
	    h + 24, id, id);
	esg_xml_str(b, title);
	esg_buf_puts(b, "</title>\n");
	svg_axis(b, 4, h);
	for (size_t i = 0; i < n; i++) {
		double rh = row_height(&rows[i]);

		svg_label(b, rows[i].label, y + 13);
		if (rows[i].st != NULL && rows[i].st->n > 0)
			svg_box(b, rows[i].st, y + 9);
		y += rh;
	}
	esg_buf_puts(b, "</svg>\n<figcaption>");
	esg_xml_str(b, _("Line: from the minimum to the maximum; box: from Q1 to "
	    "Q3; thick bar: the median."));
	esg_buf_puts(b, "</figcaption>\n</figure>\n");
}

static void
table(struct esg_buf *b, const struct row *rows, size_t n, const char *first,
    const struct esg_render_opts *o)
{
	static const char *const heads[] = {
		N_("mean"), N_("median"), N_("Q1"), N_("Q3"), N_("min"), N_("max"),
	};

	esg_buf_puts(b, "<table>\n<thead><tr><th scope=\"col\">");
	esg_xml_str(b, first);
	esg_buf_puts(b, "</th><th scope=\"col\" class=\"num\">n</th>");
	for (size_t i = 0; i < 6; i++) {
		esg_buf_puts(b, "<th scope=\"col\" class=\"num\">");
		esg_xml_str(b, _(heads[i]));
		esg_buf_puts(b, "</th>");
	}
	esg_buf_puts(b, "</tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < n; i++) {
		const struct stats *s = rows[i].st;

		esg_buf_puts(b, "<tr><th scope=\"row\">");
		esg_xml_str(b, rows[i].label);
		esg_buf_puts(b, "</th><td class=\"num\">");
		esg_render_count(b, o, rows[i].n);
		esg_buf_puts(b, "</td>");
		if (s == NULL) {
			esg_buf_puts(b, "<td colspan=\"6\">");
			esg_xml_str(b, rows[i].why);
			esg_buf_puts(b, "</td></tr>\n");
			continue;
		}
		for (size_t k = 0; k < 6; k++) {
			const double v[] = { s->mean, s->median, s->q1, s->q3, s->min,
			    s->max };

			esg_buf_puts(b, "<td class=\"num\">");
			if (s->n == 0)
				esg_buf_puts(b, "—");
			else
				esg_render_score(b, o, v[k]);
			esg_buf_puts(b, "</td>");
		}
		esg_buf_puts(b, "</tr>\n");
	}
	esg_buf_puts(b, "</tbody>\n</table>\n");
}

static void
block(struct esg_buf *b, const char *heading, const char *first,
    const struct row *rows, size_t n, size_t id, const struct esg_render_opts *o)
{
	struct esg_buf t = ESG_BUF_INIT;

	esg_buf_puts(b, "<h3>");
	esg_xml_str(b, heading);
	esg_buf_puts(b, "</h3>\n");
	esg_buf_printf(&t, _("%s: distribution of the scores, from the minimum to "
	    "the maximum, the box from Q1 to Q3 and the median as a bar; the "
	    "table below gives the values"), heading);
	chart(b, rows, n, esg_buf_str(&t), id);
	table(b, rows, n, first, o);
	esg_buf_release(&t);
}

/* The rows of the overall score: each group with respondents, then all. */
static size_t
group_rows(const struct esg_agg *a, struct row *rows, struct esg_buf *keys,
    bool french)
{
	size_t n = 0;

	for (size_t i = 0; a->by.field != ESG_NONE && i <= a->ngroups; i++) {
		const struct group *g = i < a->ngroups ? &a->groups[i] : a->null;

		if (g == NULL || g->n == 0)
			continue;
		esg_agg_key_label(&keys[n], a, g, french);
		rows[n] = (struct row){ esg_buf_str(&keys[n]), g->n,
		    esg_agg_published(g) ? &g->st[0] : NULL,
		    esg_agg_hidden_reason(g) };
		n++;
	}
	rows[n++] = (struct row){ _("all respondents"), a->total, &a->all.st[0],
	    NULL };
	return n;
}

static void
overall(struct esg_buf *b, const struct esg_agg *a,
    const struct esg_render_opts *o)
{
	size_t cap = a->ngroups + 2, n;
	struct row *rows = esg_xcalloc(cap, sizeof *rows);
	struct esg_buf *keys = esg_xcalloc(cap, sizeof *keys);

	n = group_rows(a, rows, keys, o->french);
	block(b, _("Overall score"), _("group"), rows, n, 0, o);
	for (size_t i = 0; i < cap; i++)
		esg_buf_release(&keys[i]);
	free(rows);
	free(keys);
}

/* Pillars (first, count = npillars) or sections, all respondents. */
static void
columns(struct esg_buf *b, const struct esg_agg *a, size_t first, size_t count,
    const char *heading, const char *head, const struct esg_render_opts *o)
{
	const struct esg_questionnaire *q = a->q;
	struct row *rows = esg_xcalloc(count ? count : 1, sizeof *rows);

	for (size_t i = 0; i < count; i++) {
		size_t c = first + i;

		rows[i] = (struct row){ c <= q->npillars ? q->pillars[c - 1].label :
		    q->sections[c - 1 - q->npillars].title, a->all.st[c].n,
		    &a->all.st[c], NULL };
	}
	block(b, heading, head, rows, count, first, o);
	free(rows);
}

static void
levels(struct esg_buf *b, const struct esg_agg *a,
    const struct esg_render_opts *o)
{
	esg_buf_puts(b, "<h3>");
	esg_xml_str(b, _("Overall levels, all respondents"));
	esg_buf_puts(b, "</h3>\n<table class=\"narrow\">\n<thead><tr><th scope=\"col\">");
	esg_xml_str(b, _("Level"));
	esg_buf_puts(b, "</th><th scope=\"col\" class=\"num\">");
	esg_xml_str(b, _("Respondents"));
	esg_buf_puts(b, "</th></tr></thead>\n<tbody>\n");
	for (size_t l = 0; l < a->q->nlevels; l++) {
		esg_buf_puts(b, "<tr><th scope=\"row\">");
		esg_xml_str(b, a->q->levels[l].label);
		esg_buf_puts(b, "</th><td class=\"num\">");
		esg_render_count(b, o, a->all.levels[l]);
		esg_buf_puts(b, "</td></tr>\n");
	}
	esg_buf_puts(b, "</tbody>\n</table>\n");
}

static void
sheets(struct esg_buf *b, const struct esg_agg *a,
    const struct esg_render_opts *o)
{
	const struct esg_questionnaire *q = a->q;
	size_t *order = esg_agg_sheet_order(a);

	esg_buf_puts(b, "<h3>");
	esg_xml_str(b, _("Sheets recommended to the most respondents"));
	esg_buf_puts(b, "</h3>\n<p>");
	esg_xml_str(b, _("Gaps many authorities share, which a pooled project "
	    "could close."));
	esg_buf_puts(b, "</p>\n<table>\n<thead><tr><th scope=\"col\" class=\"num\">");
	esg_xml_str(b, _("Rank"));
	esg_buf_puts(b, "</th><th scope=\"col\">");
	esg_xml_str(b, _("Action sheet"));
	esg_buf_puts(b, "</th><th scope=\"col\" class=\"num\">");
	esg_xml_str(b, _("Respondents"));
	esg_buf_puts(b, "</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < q->nsheets && a->sheets[order[i]]; i++) {
		esg_buf_printf(b, "<tr><td class=\"num\">%zu</td><td>", i + 1);
		esg_xml_str(b, q->sheets[order[i]].title);
		esg_buf_puts(b, "</td><td class=\"num\">");
		esg_render_count(b, o, a->sheets[order[i]]);
		esg_buf_puts(b, "</td></tr>\n");
	}
	esg_buf_puts(b, "</tbody>\n</table>\n");
	free(order);
}

void
esg_agg_html(struct esg_buf *b, const struct esg_agg *a,
    const struct esg_render_opts *o)
{
	const struct esg_questionnaire *q = a->q;
	struct esg_buf t = ESG_BUF_INIT, n = ESG_BUF_INIT;

	esg_buf_puts(b, "<section class=\"observatory\" aria-labelledby=\"agg\">\n"
	    "<h2 id=\"agg\">");
	esg_xml_str(b, _("Observatory"));
	esg_buf_puts(b, "</h2>\n<p>");
	esg_render_count(&n, o, a->total);
	esg_buf_printf(&t, dngettext(ESG_TEXTDOMAIN, "%s respondent",
	    "%s respondents", a->total), esg_buf_str(&n));
	esg_agg_grouping(&t, a, o);
	esg_buf_putc(&t, '.');
	esg_xml_str(b, esg_buf_str(&t));
	esg_buf_puts(b, "</p>\n");
	overall(b, a, o);
	columns(b, a, 1, q->npillars, _("Pillars, all respondents"), _("Pillar"), o);
	columns(b, a, 1 + q->npillars, q->nsections, _("Sections, all respondents"),
	    _("Section"), o);
	esg_buf_puts(b, "<p class=\"meta\">");
	esg_xml_str(b, _("Q1 and Q3: first and third quartiles (a quarter of the "
	    "scores lie below Q1, a quarter above Q3)."));
	esg_buf_puts(b, "</p>\n");
	levels(b, a, o);
	sheets(b, a, o);
	esg_buf_puts(b, "</section>\n");
	esg_buf_release(&t);
	esg_buf_release(&n);
}
