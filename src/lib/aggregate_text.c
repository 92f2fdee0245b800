/*
 * The observatory statistics as a text table and in Markdown: one table
 * for the overall score by group, one for the pillars and one for the
 * sections of all respondents, the overall levels, and the sheets ranking.
 */
#include <stdlib.h>
#include <string.h>

#include "aggregate_impl.h"
#include "esgdiag/aggregate.h"
#include "esgdiag/buf.h"
#include "esgdiag/model.h"
#include "esgdiag/render.h"
#include "esgdiag/text.h"
#include "i18n.h"

enum { LABEL_W = 26, NUM_W = 8 };

/* The column heads of a statistics table, translated at use. */
static const char *const stat_heads[] = {
	N_("mean"), N_("median"), N_("Q1"), N_("Q3"), N_("min"), N_("max"),
};

static void
stat_values(const struct stats *s, double v[6])
{
	v[0] = s->mean, v[1] = s->median, v[2] = s->q1;
	v[3] = s->q3, v[4] = s->min, v[5] = s->max;
}

static void
text_head(struct esg_buf *b, const char *first)
{
	esg_buf_puts(b, "  ");
	esg_render_cell(b, first, LABEL_W);
	esg_render_right(b, "n", 6);
	for (size_t i = 0; i < 6; i++)
		esg_render_right(b, _(stat_heads[i]), NUM_W);
	esg_buf_putc(b, '\n');
}

static void
text_stats(struct esg_buf *b, const struct esg_render_opts *o,
    const char *label, size_t n, const struct stats *s, const char *why)
{
	struct esg_buf t = ESG_BUF_INIT;
	const char *rest;
	double v[6];

	esg_buf_puts(b, "  ");
	rest = esg_render_cell(b, label, LABEL_W);
	esg_render_count(&t, o, n);
	esg_render_right(b, esg_buf_str(&t), 6);
	stat_values(s, v);
	if (why)
		esg_buf_printf(b, "  (%s)", why);
	else if (s->n == 0)
		esg_render_right(b, "-", NUM_W);
	for (size_t i = 0; !why && s->n > 0 && i < 6; i++) {
		esg_buf_reset(&t);
		esg_render_score(&t, o, v[i]);
		esg_render_right(b, esg_buf_str(&t), NUM_W);
	}
	esg_buf_putc(b, '\n');
	esg_render_cell_rest(b, rest, 4, LABEL_W - 2);
	esg_buf_release(&t);
}

static void
text_group(struct esg_buf *b, const struct esg_agg *a, const struct group *g,
    const struct esg_render_opts *o)
{
	struct esg_buf k = ESG_BUF_INIT;

	esg_agg_key_label(&k, a, g, o->french);
	text_stats(b, o, esg_buf_str(&k), g->n, &g->st[0], esg_agg_hidden_reason(g));
	esg_buf_release(&k);
}

/* The first line: how many respondents, grouped by what. */
static void
intro(struct esg_buf *t, const struct esg_agg *a,
    const struct esg_render_opts *o)
{
	struct esg_buf n = ESG_BUF_INIT;

	esg_render_count(&n, o, a->total);
	esg_buf_printf(t, dngettext(ESG_TEXTDOMAIN, "Observatory: %s respondent",
	    "Observatory: %s respondents", a->total), esg_buf_str(&n));
	esg_agg_grouping(t, a, o);
	esg_buf_putc(t, '.');
	esg_buf_release(&n);
}

static const char *
col_label(const struct esg_questionnaire *q, size_t c)
{
	return c <= q->npillars ? q->pillars[c - 1].label :
	    q->sections[c - 1 - q->npillars].title;
}

static void
text_columns(struct esg_buf *b, const struct esg_agg *a,
    const struct esg_render_opts *o)
{
	const struct esg_questionnaire *q = a->q;

	esg_buf_printf(b, "\n%s\n", _("Pillars, all respondents"));
	text_head(b, _("pillar"));
	for (size_t c = 1; c <= q->npillars; c++)
		text_stats(b, o, col_label(q, c), a->all.st[c].n, &a->all.st[c], NULL);
	esg_buf_printf(b, "\n%s\n", _("Sections, all respondents"));
	text_head(b, _("section"));
	for (size_t c = 1 + q->npillars; c < a->ncols; c++)
		text_stats(b, o, col_label(q, c), a->all.st[c].n, &a->all.st[c], NULL);
}

void
esg_agg_text(struct esg_buf *b, const struct esg_agg *a,
    const struct esg_render_opts *o)
{
	const struct esg_questionnaire *q = a->q;
	size_t *order = esg_agg_sheet_order(a), width = o->width ? o->width : 80;
	struct esg_buf t = ESG_BUF_INIT, n = ESG_BUF_INIT;

	intro(&t, a, o);
	esg_render_wrap(b, "", 0, esg_buf_str(&t), width);
	esg_buf_printf(b, "\n%s\n", _("Overall score"));
	text_head(b, _("group"));
	esg_agg_each_group(a, text_group, b, o);
	text_stats(b, o, _("all respondents"), a->total, &a->all.st[0], NULL);
	text_columns(b, a, o);
	esg_render_wrap(b, "\n  ", 2, _("Q1 and Q3: first and third quartiles "
	    "(a quarter of the scores lie below Q1, a quarter above Q3)."), width);
	esg_buf_printf(b, "\n%s\n", _("Overall levels, all respondents"));
	for (size_t l = 0; l < q->nlevels; l++) {
		esg_buf_printf(b, "%s%s ", l ? ", " : "  ", q->levels[l].label);
		esg_render_count(b, o, a->all.levels[l]);
	}
	esg_buf_puts(b, "\n\n");
	esg_render_wrap(b, "", 0, _("Sheets recommended to the most respondents "
	    "(shared gaps a pooled project could close)"), width);
	for (size_t i = 0; i < q->nsheets && a->sheets[order[i]]; i++) {
		esg_buf_reset(&n);
		esg_render_count(&n, o, a->sheets[order[i]]);
		esg_buf_reset(&t);
		esg_buf_puts(&t, "  ");
		esg_render_right(&t, esg_buf_str(&n), 3);
		esg_buf_puts(&t, "  ");
		esg_render_wrap(b, esg_buf_str(&t), 9, q->sheets[order[i]].title,
		    width);
	}
	free(order);
	esg_buf_release(&t);
	esg_buf_release(&n);
}

static void
md_head(struct esg_buf *b, const char *first)
{
	esg_buf_printf(b, "| %s | n |", first);
	for (size_t i = 0; i < 6; i++)
		esg_buf_printf(b, " %s |", _(stat_heads[i]));
	esg_buf_puts(b, "\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
}

static void
md_stats(struct esg_buf *b, const struct esg_render_opts *o, const char *label,
    size_t n, const struct stats *s, const char *why)
{
	double v[6];

	esg_buf_printf(b, "| %s | ", label);
	esg_render_count(b, o, n);
	esg_buf_puts(b, " |");
	stat_values(s, v);
	if (why)
		esg_buf_printf(b, " %s | | | | | |\n", why);
	else if (s->n == 0)
		esg_buf_puts(b, " — | — | — | — | — | — |\n");
	for (size_t i = 0; !why && s->n > 0 && i < 6; i++) {
		esg_buf_putc(b, ' ');
		esg_render_score(b, o, v[i]);
		esg_buf_puts(b, i == 5 ? " |\n" : " |");
	}
}

static void
md_group(struct esg_buf *b, const struct esg_agg *a, const struct group *g,
    const struct esg_render_opts *o)
{
	struct esg_buf k = ESG_BUF_INIT;

	esg_agg_key_label(&k, a, g, o->french);
	md_stats(b, o, esg_buf_str(&k), g->n, &g->st[0], esg_agg_hidden_reason(g));
	esg_buf_release(&k);
}

void
esg_agg_markdown(struct esg_buf *b, const struct esg_agg *a,
    const struct esg_render_opts *o)
{
	const struct esg_questionnaire *q = a->q;
	size_t *order = esg_agg_sheet_order(a);
	struct esg_buf t = ESG_BUF_INIT;

	intro(&t, a, o);
	esg_buf_printf(b, "\n## %s\n\n%s\n\n### %s\n\n", _("Observatory"),
	    esg_buf_str(&t), _("Overall score"));
	md_head(b, _("group"));
	esg_agg_each_group(a, md_group, b, o);
	md_stats(b, o, _("**all respondents**"), a->total, &a->all.st[0], NULL);
	esg_buf_printf(b, "\n### %s\n\n", _("Pillars, all respondents"));
	md_head(b, _("pillar"));
	for (size_t c = 1; c <= q->npillars; c++)
		md_stats(b, o, col_label(q, c), a->all.st[c].n, &a->all.st[c], NULL);
	esg_buf_printf(b, "\n### %s\n\n", _("Sections, all respondents"));
	md_head(b, _("section"));
	for (size_t c = 1 + q->npillars; c < a->ncols; c++)
		md_stats(b, o, col_label(q, c), a->all.st[c].n, &a->all.st[c], NULL);
	esg_buf_printf(b, "\n%s\n", _("Q1 and Q3: first and third quartiles "
	    "(a quarter of the scores lie below Q1, a quarter above Q3)."));
	esg_buf_printf(b, "\n### %s\n\n", _("Sheets recommended to the most respondents"));
	for (size_t i = 0; i < q->nsheets && a->sheets[order[i]]; i++) {
		esg_buf_reset(&t);
		esg_render_count(&t, o, a->sheets[order[i]]);
		esg_buf_printf(b, dngettext(ESG_TEXTDOMAIN, "%zu. %s — %s respondent\n",
		    "%zu. %s — %s respondents\n", a->sheets[order[i]]), i + 1,
		    q->sheets[order[i]].title, esg_buf_str(&t));
	}
	free(order);
	esg_buf_release(&t);
}
