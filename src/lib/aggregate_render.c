/*
 * The observatory statistics as JSON (SPEC §6), and what the human
 * renderings (aggregate_text.c, aggregate_html.c) share: which groups are
 * published, the sheets ranking, and a group's key in words.
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

bool
esg_agg_published(const struct group *g)
{
	return g->hidden == SHOWN;
}

const char *
esg_agg_hidden_reason(const struct group *g)
{
	switch (g->hidden) {
	case HIDDEN_SIZE:
		return _("not published: too few respondents");
	case HIDDEN_COMPLEMENT:
		/* Withheld with a small group lest "all" minus it expose that one. */
		return _("not published: shields a small group");
	case SHOWN:
		break;
	}
	return NULL;
}

/* The JSON name of why a group is withheld (docs/observatory.md). */
static const char *
hidden_json(const struct group *g)
{
	return g->hidden == HIDDEN_SIZE ? "\"size\"" :
	    g->hidden == HIDDEN_COMPLEMENT ? "\"complement\"" : "null";
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
	esg_buf_printf(b, ", \"n\": %zu, \"suppressed\": %s,\n       ", g->n,
	    hidden_json(g));
	if (esg_agg_published(g))
		json_block(b, a, g->st, g->levels);
	else
		esg_buf_puts(b, "\"overall\": null, \"pillars\": null, "
		    "\"sections\": null, \"levels\": null");
	esg_buf_putc(b, '}');
}

size_t *
esg_agg_sheet_order(const struct esg_agg *a)
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
	size_t *order = esg_agg_sheet_order(a), shown = 0;
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

void
esg_agg_each_group(const struct esg_agg *a, void (*fn)(struct esg_buf *,
    const struct esg_agg *, const struct group *, const struct esg_render_opts *),
    struct esg_buf *b, const struct esg_render_opts *o)
{
	if (a->by.field == ESG_NONE)
		return;
	for (size_t i = 0; i < a->ngroups; i++)
		if (a->groups[i].n > 0)
			fn(b, a, &a->groups[i], o);
	if (a->null && a->null->n > 0)
		fn(b, a, a->null, o);
}

/* A band of a number field in words: "under 3,500", "3,500 to 20,000"... */
static void
band_label(struct esg_buf *b, const struct esg_agg *a, size_t k, bool french)
{
	struct esg_buf lo = ESG_BUF_INIT, hi = ESG_BUF_INIT;

	if (k > 0)
		esg_num_human(&lo, a->by.bands[k - 1], ESG_NUM_SHORTEST, french);
	if (k < a->by.nbands)
		esg_num_human(&hi, a->by.bands[k], ESG_NUM_SHORTEST, french);
	if (k == 0)
		esg_buf_printf(b, _("under %s"), esg_buf_str(&hi));
	else if (k == a->by.nbands)
		esg_buf_printf(b, _("%s or more"), esg_buf_str(&lo));
	else
		esg_buf_printf(b, _("%s to under %s"), esg_buf_str(&lo),
		    esg_buf_str(&hi));
	esg_buf_release(&lo);
	esg_buf_release(&hi);
}

void
esg_agg_key_label(struct esg_buf *b, const struct esg_agg *a,
    const struct group *g, bool french)
{
	const struct esg_field *f;
	const char *k = g->key;

	if (k == NULL || a->by.field == ESG_NONE) {
		esg_buf_puts(b, k ? k : _("(no value)"));
		return;
	}
	f = &a->q->fields[a->by.field];
	if (a->by.nbands > 0) {
		band_label(b, a, (size_t)(g - a->groups), french);
		return;
	}
	esg_render_selection_label(b, f, k);
}

void
esg_agg_grouping(struct esg_buf *b, const struct esg_agg *a,
    const struct esg_render_opts *o)
{
	struct esg_buf n = ESG_BUF_INIT;
	const char *label;

	if (a->by.field == ESG_NONE)
		return;
	label = a->q->fields[a->by.field].label;
	if (a->min_group <= 1) {
		esg_buf_printf(b, _(", by \"%s\""), label);
		return;
	}
	esg_render_count(&n, o, a->min_group);
	esg_buf_printf(b, _(", by \"%s\"; groups of fewer than %s respondents "
	    "are not published"), label, esg_buf_str(&n));
	esg_buf_release(&n);
}
