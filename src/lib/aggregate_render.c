/*
 * The observatory statistics as JSON (SPEC §6), a text table, Markdown,
 * and HTML with the distribution of the overall score per group.
 */
#include <stdlib.h>
#include <string.h>

#include "aggregate_impl.h"
#include "esgdiag/buf.h"
#include "esgdiag/model.h"
#include "esgdiag/render.h"
#include "esgdiag/text.h"
#include "esgdiag/xalloc.h"
#include "i18n.h"

static bool
published(const struct esg_agg *a, const struct group *g)
{
	return g->n >= a->min_group;
}

static void
json_stats(struct esg_buf *b, const struct stats *s)
{
	static const char *const names[] = { "mean", "median", "q1", "q3", "min", "max" };
	const double v[] = { s->mean, s->median, s->q1, s->q3, s->min, s->max };

	esg_buf_printf(b, "{\"n\": %zu", s->n);
	for (size_t i = 0; i < 6; i++) {
		esg_buf_printf(b, ", \"%s\": ", names[i]);
		if (s->n == 0)
			esg_buf_puts(b, "null");
		else
			esg_buf_printf(b, "%.2f", v[i]);
	}
	esg_buf_putc(b, '}');
}

static void
json_block(struct esg_buf *b, const struct esg_agg *a, const struct stats *st,
    const size_t *levels)
{
	const struct esg_questionnaire *q = a->q;

	esg_buf_puts(b, "\"overall\": ");
	json_stats(b, &st[0]);
	esg_buf_puts(b, ",\n       \"pillars\": {");
	for (size_t p = 0; p < q->npillars; p++) {
		esg_buf_puts(b, p ? ", " : "");
		esg_json_str(b, q->pillars[p].id);
		esg_buf_puts(b, ": ");
		json_stats(b, &st[1 + p]);
	}
	esg_buf_puts(b, "},\n       \"sections\": {");
	for (size_t s = 0; s < q->nsections; s++) {
		esg_buf_puts(b, s ? ",\n         " : "");
		esg_json_str(b, q->sections[s].id);
		esg_buf_puts(b, ": ");
		json_stats(b, &st[1 + q->npillars + s]);
	}
	esg_buf_puts(b, "},\n       \"levels\": {");
	for (size_t l = 0; l < q->nlevels; l++) {
		esg_buf_puts(b, l ? ", " : "");
		esg_json_str(b, q->levels[l].label);
		esg_buf_printf(b, ": %zu", levels[l]);
	}
	esg_buf_putc(b, '}');
}

static void
json_group(struct esg_buf *b, const struct esg_agg *a, const struct group *g,
    bool first)
{
	esg_buf_puts(b, first ? "\n      {\"key\": " : ",\n      {\"key\": ");
	if (g->key)
		esg_json_str(b, g->key);
	else
		esg_buf_puts(b, "null");
	esg_buf_printf(b, ", \"n\": %zu,\n       ", g->n);
	if (published(a, g))
		json_block(b, a, g->st, g->levels);
	else
		esg_buf_puts(b, "\"overall\": null, \"pillars\": null, "
		    "\"sections\": null, \"levels\": null");
	esg_buf_putc(b, '}');
}

/* Sheets in decreasing number of respondents, ties in file order. */
static size_t *
sheet_order(const struct esg_agg *a)
{
	size_t n = a->q->nsheets, *o = esg_xcalloc(n ? n : 1, sizeof *o);

	for (size_t i = 0; i < n; i++) {
		size_t j = i;

		while (j > 0 && a->sheets[o[j - 1]] < a->sheets[i]) {
			o[j] = o[j - 1];
			j--;
		}
		o[j] = i;
	}
	return o;
}

void
esg_agg_json(struct esg_buf *b, const struct esg_agg *a)
{
	size_t *order = sheet_order(a), shown = 0;
	bool first = true;

	esg_buf_puts(b, "  \"aggregate\": {\"by\": ");
	if (a->by.field == ESG_NONE)
		esg_buf_puts(b, "null");
	else
		esg_json_str(b, a->q->fields[a->by.field].id);
	esg_buf_printf(b, ", \"min_group\": %zu,\n    \"groups\": [", a->min_group);
	for (size_t i = 0; a->by.field != ESG_NONE && i < a->ngroups; i++)
		if (a->groups[i].n > 0) {
			json_group(b, a, &a->groups[i], first);
			first = false;
		}
	if (a->null && a->null->n > 0)
		json_group(b, a, a->null, first);
	esg_buf_printf(b, "%s],\n    \"all\": {\"n\": %zu,\n       ",
	    first && !(a->null && a->null->n) ? "" : "\n    ", a->total);
	json_block(b, a, a->all.st, a->all.levels);
	esg_buf_puts(b, "},\n    \"sheets\": [");
	for (size_t i = 0; i < a->q->nsheets; i++) {
		if (a->sheets[order[i]] == 0)
			continue;
		esg_buf_puts(b, shown++ ? ", {\"sheet\": " : "{\"sheet\": ");
		esg_json_str(b, a->q->sheets[order[i]].id);
		esg_buf_printf(b, ", \"respondents\": %zu}", a->sheets[order[i]]);
	}
	esg_buf_puts(b, "]}");
	free(order);
}

static const char *
key_text(const struct group *g)
{
	return g->key ? g->key : _("(no value)");
}

/* Calls fn for every group with respondents, the null group last. */
static void
each_group(const struct esg_agg *a, void (*fn)(struct esg_buf *,
    const struct esg_agg *, const struct group *), struct esg_buf *b)
{
	if (a->by.field == ESG_NONE)
		return;
	for (size_t i = 0; i < a->ngroups; i++)
		if (a->groups[i].n > 0)
			fn(b, a, &a->groups[i]);
	if (a->null && a->null->n > 0)
		fn(b, a, a->null);
}

static void
text_stats(struct esg_buf *b, const char *label, size_t n, const struct stats *s,
    bool shown)
{
	esg_buf_puts(b, "  ");
	esg_render_pad(b, label, 22);
	esg_buf_printf(b, " %6zu ", n);
	if (!shown)
		esg_buf_printf(b, " %s\n", _("(not published: too few respondents)"));
	else if (s->n == 0)
		esg_buf_puts(b, "      -\n");
	else
		esg_buf_printf(b, "%7.2f %7.2f %7.2f %7.2f %7.2f %7.2f\n", s->mean,
		    s->median, s->q1, s->q3, s->min, s->max);
}

static void
text_group(struct esg_buf *b, const struct esg_agg *a, const struct group *g)
{
	text_stats(b, key_text(g), g->n, &g->st[0], published(a, g));
}

static void
text_levels(struct esg_buf *b, const struct esg_agg *a, const size_t *levels)
{
	for (size_t l = 0; l < a->q->nlevels; l++)
		esg_buf_printf(b, "%s%s %zu", l ? ", " : "  ", a->q->levels[l].label,
		    levels[l]);
	esg_buf_putc(b, '\n');
}

void
esg_agg_text(struct esg_buf *b, const struct esg_agg *a, size_t width)
{
	const struct esg_questionnaire *q = a->q;
	size_t *order = sheet_order(a);
	struct esg_buf t = ESG_BUF_INIT;

	esg_buf_printf(&t, _("Observatory: %zu respondents"), a->total);
	if (a->by.field != ESG_NONE)
		esg_buf_printf(&t, _(", by %s; groups of fewer than %zu respondents "
		    "are not published"), q->fields[a->by.field].id, a->min_group);
	esg_render_wrap(b, "", 0, esg_buf_str(&t), width);
	esg_buf_printf(b, "\n%s\n  %-22s %6s %7s %7s %7s %7s %7s %7s\n",
	    _("Overall score"), _("group"), "n", _("mean"), _("median"), "q1", "q3",
	    "min", "max");
	each_group(a, text_group, b);
	text_stats(b, _("all"), a->total, &a->all.st[0], true);
	esg_buf_printf(b, "\n%s\n  %-22s %6s %7s %7s %7s %7s %7s %7s\n",
	    _("All respondents, by pillar and section"), "", "n", _("mean"),
	    _("median"), "q1", "q3", "min", "max");
	for (size_t c = 1; c < a->ncols; c++) {
		esg_buf_reset(&t);
		if (c <= q->npillars)
			esg_buf_printf(&t, "%s %s", q->pillars[c - 1].id,
			    q->pillars[c - 1].label);
		else
			esg_buf_printf(&t, "  %s", q->sections[c - 1 - q->npillars].title);
		text_stats(b, esg_buf_str(&t), a->all.st[c].n, &a->all.st[c], true);
	}
	esg_buf_printf(b, "\n%s\n", _("Overall levels, all respondents"));
	text_levels(b, a, a->all.levels);
	esg_buf_printf(b, "\n%s\n", _("Sheets recommended to the most respondents "
	    "(shared gaps a pooled project could close)"));
	for (size_t i = 0; i < q->nsheets && a->sheets[order[i]]; i++)
		esg_buf_printf(b, "  %3zu  %s\n", a->sheets[order[i]],
		    q->sheets[order[i]].title);
	free(order);
	esg_buf_release(&t);
}

static void
md_stats(struct esg_buf *b, const char *label, size_t n, const struct stats *s,
    bool shown)
{
	esg_buf_printf(b, "| %s | %zu |", label, n);
	if (!shown)
		esg_buf_printf(b, " %s | | | | | |\n", _("not published"));
	else if (s->n == 0)
		esg_buf_puts(b, " — | — | — | — | — | — |\n");
	else
		esg_buf_printf(b, " %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |\n",
		    s->mean, s->median, s->q1, s->q3, s->min, s->max);
}

static void
md_group(struct esg_buf *b, const struct esg_agg *a, const struct group *g)
{
	md_stats(b, key_text(g), g->n, &g->st[0], published(a, g));
}

void
esg_agg_markdown(struct esg_buf *b, const struct esg_agg *a)
{
	const struct esg_questionnaire *q = a->q;
	size_t *order = sheet_order(a);
	const char *head = "| | n | mean | median | q1 | q3 | min | max |\n"
	    "|---|---:|---:|---:|---:|---:|---:|---:|\n";

	esg_buf_printf(b, "\n## %s\n\n", _("Observatory"));
	if (a->by.field != ESG_NONE)
		esg_buf_printf(b, _("By `%s`; groups of fewer than %zu respondents "
		    "are not published.\n\n"), q->fields[a->by.field].id, a->min_group);
	esg_buf_printf(b, "### %s\n\n%s", _("Overall score"), head);
	each_group(a, md_group, b);
	md_stats(b, _("**all**"), a->total, &a->all.st[0], true);
	esg_buf_printf(b, "\n### %s\n\n%s", _("All respondents, by pillar and section"),
	    head);
	for (size_t c = 1; c < a->ncols; c++)
		md_stats(b, c <= q->npillars ? q->pillars[c - 1].label :
		    q->sections[c - 1 - q->npillars].title, a->all.st[c].n,
		    &a->all.st[c], true);
	esg_buf_printf(b, "\n### %s\n\n", _("Sheets recommended to the most respondents"));
	for (size_t i = 0; i < q->nsheets && a->sheets[order[i]]; i++)
		esg_buf_printf(b, "%zu. %s — %zu\n", i + 1, q->sheets[order[i]].title,
		    a->sheets[order[i]]);
	free(order);
}

/* One row of the distribution chart: min-max line, q1-q3 box, median. */
static void
html_box(struct esg_buf *b, const char *label, const struct stats *s, size_t row)
{
	double y = 10 + 26.0 * (double)row, k = 4;	/* 4 px per point */

	esg_buf_printf(b, "<text x=\"0\" y=\"%.0f\" font-size=\"12\" fill=\"#1a1a1a\">",
	    y + 13);
	esg_xml_str(b, label);
	esg_buf_puts(b, "</text>\n");
	if (s->n == 0)
		return;
	esg_buf_printf(b, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.0f\" y2=\"%.0f\" "
	    "stroke=\"#444\"/>\n<rect x=\"%.1f\" y=\"%.0f\" width=\"%.1f\" height=\"16\" "
	    "fill=\"#9db7dc\" stroke=\"#1d4f91\"/>\n<line x1=\"%.1f\" x2=\"%.1f\" "
	    "y1=\"%.0f\" y2=\"%.0f\" stroke=\"#1a1a1a\" stroke-width=\"2\"/>\n",
	    160 + s->min * k, 160 + s->max * k, y + 10, y + 10, 160 + s->q1 * k, y + 2,
	    (s->q3 - s->q1) * k + 0.5, 160 + s->median * k, 160 + s->median * k, y + 2,
	    y + 18);
}

void
esg_agg_html(struct esg_buf *b, const struct esg_agg *a)
{
	size_t rows = 1, row = 0;
	struct esg_buf md = ESG_BUF_INIT;

	for (size_t i = 0; a->by.field != ESG_NONE && i < a->ngroups; i++)
		rows += a->groups[i].n > 0 && published(a, &a->groups[i]);
	rows += a->null && a->null->n > 0 && published(a, a->null);
	esg_buf_puts(b, "<section class=\"respondent\" aria-labelledby=\"agg\">\n"
	    "<h2 id=\"agg\">");
	esg_xml_str(b, _("Observatory"));
	esg_buf_printf(b, "</h2>\n<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "width=\"580\" height=\"%zu\" role=\"img\" aria-labelledby=\"agg-t\">\n"
	    "<title id=\"agg-t\">", rows * 26 + 30);
	esg_xml_str(b, _("Distribution of the overall score per group: "
	    "minimum to maximum, quartiles, median (the table below gives the values)"));
	esg_buf_puts(b, "</title>\n");
	for (size_t i = 0; a->by.field != ESG_NONE && i < a->ngroups; i++)
		if (a->groups[i].n > 0 && published(a, &a->groups[i]))
			html_box(b, key_text(&a->groups[i]), &a->groups[i].st[0], row++);
	if (a->null && a->null->n > 0 && published(a, a->null))
		html_box(b, key_text(a->null), &a->null->st[0], row++);
	html_box(b, _("all"), &a->all.st[0], row++);
	for (int t = 0; t <= 100; t += 20)
		esg_buf_printf(b, "<text x=\"%d\" y=\"%zu\" font-size=\"10\" "
		    "text-anchor=\"middle\" fill=\"#444\">%d</text>\n", 160 + t * 4,
		    row * 26 + 24, t);
	esg_buf_puts(b, "</svg>\n</figure>\n");
	/* The numbers, as a table made from the Markdown rendering. */
	esg_agg_markdown(&md, a);
	esg_buf_puts(b, "<pre>");
	esg_xml_str(b, esg_buf_str(&md));
	esg_buf_puts(b, "</pre>\n</section>\n");
	esg_buf_release(&md);
}
