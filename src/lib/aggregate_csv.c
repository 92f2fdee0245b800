/*
 * The observatory statistics as one CSV table for a spreadsheet (score
 * --aggregate -f csv, --excel for French Excel): a row per group and
 * measure, in the order of the JSON (groups, the group of respondents with
 * no value, then all respondents).  A group under --min-group keeps its
 * key and size, and its statistics are empty cells, as in JSON.
 */
#include "aggregate_impl.h"
#include "render_impl.h"
#include "esgdiag/buf.h"
#include "esgdiag/csv.h"
#include "esgdiag/csv_cell.h"
#include "esgdiag/model.h"
#include "esgdiag/render.h"
#include "esgdiag/text.h"

struct table {
	struct esg_buf *b;
	const struct esg_agg *a;
	const struct esg_render_opts *o;
	char sep;
};

/* A statistic: empty when there is none, decimal comma with --excel. */
static void
number(struct table *t, double x, bool present)
{
	size_t at = t->b->len;

	esg_buf_putc(t->b, t->sep);
	if (!present)
		return;
	esg_fmt2(t->b, x);
	if (t->o->excel)
		for (size_t i = at; i < t->b->len; i++)
			if (t->b->data[i] == '.')
				t->b->data[i] = ',';
}

/*
 * The first columns of a row: scope, group key, respondents, and the
 * measure, "overall", "pillar_E", "section_ID" or "level:LABEL".
 */
static void
lead(struct table *t, const char *scope, const struct group *g, size_t n,
    const char *measure, char join, const char *id)
{
	struct esg_buf m = ESG_BUF_INIT;

	esg_buf_puts(t->b, scope);
	esg_buf_putc(t->b, t->sep);
	if (g != NULL && g->key != NULL)
		esg_csv_cell(t->b, g->key);
	esg_buf_printf(t->b, "%c%zu%c", t->sep, n, t->sep);
	esg_buf_puts(&m, measure);
	if (id != NULL)
		esg_buf_printf(&m, "%c%s", join, id);
	esg_csv_quote(t->b, esg_buf_str(&m));
	esg_buf_release(&m);
}

static void
stats_row(struct table *t, const char *scope, const struct group *g, size_t n,
    const char *measure, const char *id, const struct stats *s)
{
	const double v[] = { s ? s->mean : 0, s ? s->median : 0, s ? s->q1 : 0,
	    s ? s->q3 : 0, s ? s->min : 0, s ? s->max : 0 };

	lead(t, scope, g, n, measure, '_', id);
	esg_buf_putc(t->b, t->sep);
	if (s != NULL)
		esg_buf_printf(t->b, "%zu", s->n);
	for (size_t i = 0; i < 6; i++)
		number(t, v[i], s != NULL && s->n > 0);
	esg_csv_eol(t->b, t->o);
}

/* Every measure of one block; st and levels NULL for a suppressed group. */
static void
block(struct table *t, const char *scope, const struct group *g, size_t n,
    const struct stats *st, const size_t *levels)
{
	const struct esg_questionnaire *q = t->a->q;

	stats_row(t, scope, g, n, "overall", NULL, st);
	for (size_t p = 0; p < q->npillars; p++)
		stats_row(t, scope, g, n, "pillar", q->pillars[p].id,
		    st ? &st[1 + p] : NULL);
	for (size_t s = 0; s < q->nsections; s++)
		stats_row(t, scope, g, n, "section", q->sections[s].id,
		    st ? &st[1 + q->npillars + s] : NULL);
	/* A level's row: how many respondents reached it, in the n column. */
	for (size_t l = 0; l < q->nlevels; l++) {
		lead(t, scope, g, n, "level", ':', q->levels[l].label);
		esg_buf_putc(t->b, t->sep);
		if (levels != NULL)
			esg_buf_printf(t->b, "%zu", levels[l]);
		for (size_t i = 0; i < 6; i++)
			esg_buf_putc(t->b, t->sep);
		esg_csv_eol(t->b, t->o);
	}
}

static void
group_block(struct table *t, const struct group *g, const char *scope)
{
	bool pub = esg_agg_published(g);

	block(t, scope, g, g->n, pub ? g->st : NULL, pub ? g->levels : NULL);
}

void
esg_agg_csv(struct esg_buf *b, const struct esg_agg *a,
    const struct esg_render_opts *o)
{
	struct table t = { b, a, o, o->excel ? ';' : ',' };

	if (o->excel)
		esg_buf_puts(b, "\xef\xbb\xbf");
	esg_buf_printf(b, "scope%cgroup%crespondents%cmeasure%cn%cmean%cmedian"
	    "%cq1%cq3%cmin%cmax", t.sep, t.sep, t.sep, t.sep, t.sep, t.sep,
	    t.sep, t.sep, t.sep, t.sep);
	esg_csv_eol(b, o);
	for (size_t i = 0; a->by.field != ESG_NONE && i < a->ngroups; i++)
		if (a->groups[i].n > 0)
			group_block(&t, &a->groups[i], "group");
	if (a->by.field != ESG_NONE && a->null && a->null->n > 0)
		group_block(&t, a->null, "group");
	block(&t, "all", NULL, a->total, a->all.st, a->all.levels);
}
