/*
 * Collecting scores by group and computing their statistics; see
 * aggregate.h.  Rendering is in aggregate_render.c.
 */
#include "esgdiag/aggregate.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "aggregate_impl.h"
#include "esgdiag/answers.h"
#include "esgdiag/buf.h"
#include "esgdiag/model.h"
#include "esgdiag/render.h"
#include "esgdiag/score.h"
#include "esgdiag/text.h"
#include "esgdiag/xalloc.h"

/*
 * 1 MiB of doubles: above malloc's mmap threshold, so a chunk is returned to
 * the system when freed, and large enough that mmap's page of header costs
 * 0.4 %, not the 3 % of 128 KiB chunks (pages a small group never touches
 * are not resident).
 */
enum { CHUNK = 131072 };

static void
chunks_add(struct chunks *c, double x)
{
	if (c->n % CHUNK == 0) {
		c->c = esg_xreallocarray(c->c, c->n / CHUNK + 1, sizeof *c->c);
		c->c[c->n / CHUNK] = esg_xmalloc(CHUNK * sizeof **c->c);
	}
	c->c[c->n / CHUNK][c->n % CHUNK] = x;
	c->n++;
}

/* Moves the values into one array, freeing each chunk as soon as it is copied. */
static double *
chunks_take(struct chunks *c)
{
	double *v = esg_xmalloc((c->n ? c->n : 1) * sizeof *v);

	for (size_t k = 0; k * CHUNK < c->n; k++) {
		size_t m = c->n - k * CHUNK < CHUNK ? c->n - k * CHUNK : CHUNK;

		memcpy(v + k * CHUNK, c->c[k], m * sizeof *v);
		free(c->c[k]);
	}
	free(c->c);
	c->c = NULL;
	return v;
}

static void
group_init(struct esg_agg *a, struct group *g, const char *key)
{
	memset(g, 0, sizeof *g);
	g->key = key ? esg_xstrdup(key) : NULL;
	g->col = esg_xcalloc(a->ncols, sizeof *g->col);
	g->sum = esg_xcalloc(a->ncols, sizeof *g->sum);
	g->st = esg_xcalloc(a->ncols, sizeof *g->st);
	g->levels = esg_xcalloc(a->q->nlevels, sizeof *g->levels);
}

static struct group *
group_new(struct esg_agg *a, const char *key)
{
	if (a->ngroups == a->cap) {
		a->cap = a->cap ? a->cap * 2 : 8;
		a->groups = esg_xreallocarray(a->groups, a->cap, sizeof *a->groups);
	}
	group_init(a, &a->groups[a->ngroups], key);
	return &a->groups[a->ngroups++];
}

struct esg_agg *
esg_agg_new(const struct esg_questionnaire *q, const struct esg_agg_by *by,
    size_t min_group)
{
	struct esg_agg *a = esg_xcalloc(1, sizeof *a);
	const struct esg_field *f;

	a->q = q;
	a->by = *by;
	a->min_group = min_group;
	a->ncols = 1 + q->npillars + q->nsections;
	a->sheets = esg_xcalloc(q->nsheets ? q->nsheets : 1, sizeof *a->sheets);
	a->all.levels = esg_xcalloc(q->nlevels, sizeof *a->all.levels);
	a->all.st = esg_xcalloc(a->ncols, sizeof *a->all.st);
	if (by->field == ESG_NONE) {
		group_new(a, NULL);	/* one implicit group: all */
		return a;
	}
	/* Known keys get their slot now, so groups come in option or band order. */
	f = &q->fields[by->field];
	if (by->nbands > 0) {
		for (size_t i = 0; i <= by->nbands; i++) {
			struct esg_buf k = ESG_BUF_INIT;

			if (i == 0)
				esg_buf_printf(&k, "<%s", by->band_text[0]);
			else if (i == by->nbands)
				esg_buf_printf(&k, ">=%s", by->band_text[i - 1]);
			else
				esg_buf_printf(&k, "%s-%s", by->band_text[i - 1],
				    by->band_text[i]);
			group_new(a, esg_buf_str(&k));
			esg_buf_release(&k);
		}
	} else if (f->type != ESG_QTYPE_MULTI && f->type != ESG_QTYPE_NUMBER &&
	    f->type != ESG_QTYPE_TEXT)
		for (size_t i = 0; i < f->noptions; i++)
			group_new(a, f->options[i].value);
	a->fixed = a->ngroups;
	return a;
}

static struct group *
find_key(struct esg_agg *a, const char *key)
{
	for (size_t i = a->fixed; i < a->ngroups; i++)
		if (strcmp(a->groups[i].key, key) == 0)
			return &a->groups[i];
	return group_new(a, key);
}

static struct group *
null_group(struct esg_agg *a)
{
	/* Kept apart from the array, so that it comes last whatever is added. */
	if (a->null == NULL) {
		a->null = esg_xmalloc(sizeof *a->null);
		group_init(a, a->null, NULL);
	}
	return a->null;
}

static struct group *
group_of(struct esg_agg *a, const struct esg_result *r)
{
	size_t i = a->by.field, k = 0;
	const struct esg_field *f;
	const struct esg_answer *ans;
	struct group *g;
	struct esg_buf key = ESG_BUF_INIT;

	if (i == ESG_NONE)
		return &a->groups[0];
	f = &a->q->fields[i];
	ans = &r->ans->a[i];
	if (ans->state != ESG_A_VALUE || r->when[i] != 1)
		return null_group(a);
	if (a->by.nbands > 0) {
		while (k < a->by.nbands && a->by.bands[k] <= ans->num)
			k++;
		return &a->groups[k];
	}
	if (a->fixed > 0)
		return &a->groups[ans->opt];
	esg_cell_format(&key, f, ans);
	g = find_key(a, esg_buf_str(&key));
	esg_buf_release(&key);
	return g;
}

void
esg_agg_add(struct esg_agg *a, const struct esg_result *r, size_t nrecs)
{
	struct group *g = group_of(a, r);
	const struct esg_questionnaire *q = a->q;
	int level = esg_render_level_index(q, r->overall);

	g->n++;
	a->total++;
	for (size_t c = 0; c < a->ncols; c++) {
		double x = c == 0 ? r->overall : c <= q->npillars ? r->pillar[c - 1] :
		    r->section[c - 1 - q->npillars];

		if (esg_score_is_null(x))
			continue;
		chunks_add(&g->col[c], x);
		g->sum[c] += x;
	}
	if (level >= 0) {
		g->levels[level]++;
		a->all.levels[level]++;
	}
	for (size_t i = 0; i < nrecs && i < r->nrecs; i++)
		a->sheets[r->recs[i].sheet]++;
}

static int
cmp_double(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;

	return (a > b) - (a < b);
}

/* Type 7 between the values at floor(h) and the next, h = (n - 1) p. */
static double
interpolate(double lo, double hi, size_t n, double p)
{
	double h = (double)(n - 1) * p;

	return lo + (h - floor(h)) * (hi - lo);
}

/* The p-quantile of sorted v[0..n), type 7. */
static double
quantile(const double *v, size_t n, double p)
{
	double h = (double)(n - 1) * p, lo = floor(h);
	size_t i = (size_t)lo;

	return i + 1 < n ? v[i] + (h - lo) * (v[i + 1] - v[i]) : v[i];
}

static struct stats
stats_of(const double *v, size_t n, double sum)
{
	struct stats s = { n, 0, 0, 0, 0, 0, 0 };

	if (n == 0)
		return s;
	s.mean = sum / (double)n;
	s.median = quantile(v, n, 0.5);
	s.q1 = quantile(v, n, 0.25);
	s.q3 = quantile(v, n, 0.75);
	s.min = v[0];
	s.max = v[n - 1];
	return s;
}

/* Positions (in the sorted values) that the statistics of n values read. */
static void
positions(size_t n, size_t pos[8])
{
	static const double p[] = { 0.25, 0.5, 0.75 };

	pos[0] = 0;
	for (size_t i = 0; i < 3; i++) {
		size_t lo = (size_t)floor((double)(n - 1) * p[i]);

		pos[1 + 2 * i] = lo;
		pos[2 + 2 * i] = lo + 1 < n ? lo + 1 : lo;
	}
	pos[7] = n - 1;
}

static int
cmp_size(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;

	return (a > b) - (a < b);
}

/*
 * Statistics of the union of the groups' sorted values, read by walking
 * their merge up to the positions needed, without building it: the union
 * would cost another 8 bytes a respondent.  Many groups (a free number or
 * text) are few values each: then the union is sorted instead.
 */
static struct stats
union_stats(double **v, const size_t *n, size_t g, size_t total, double sum)
{
	size_t pos[8], want[8], at[16] = { 0 }, nw = 0;
	double got[8], *all, x;
	struct stats s;

	if (total == 0)
		return stats_of(NULL, 0, 0);
	if (g > 16) {
		all = esg_xmalloc(total * sizeof *all);
		for (size_t i = 0, o = 0; i < g; o += n[i++])
			memcpy(all + o, v[i], n[i] * sizeof *all);
		qsort(all, total, sizeof *all, cmp_double);
		s = stats_of(all, total, sum);
		free(all);
		return s;
	}
	positions(total, pos);
	memcpy(want, pos, sizeof want);
	qsort(want, 8, sizeof *want, cmp_size);
	/* Walk the merge to the last position needed, noting the values met. */
	for (size_t k = 0, w = 0; k <= want[7] && k < total; k++) {
		size_t best = g;

		for (size_t i = 0; i < g; i++)
			if (at[i] < n[i] && (best == g || v[i][at[i]] < v[best][at[best]]))
				best = i;
		x = v[best][at[best]++];
		for (; w < 8 && want[w] == k; w++)
			got[nw++] = x;
	}
	/* got[i] is the value at want[i]; find each statistic's position in it. */
	for (size_t i = 0; i < 8; i++) {
		size_t j = 0;

		while (want[j] != pos[i])
			j++;
		pos[i] = j;
	}
	s.n = total;
	s.mean = sum / (double)total;
	s.min = got[pos[0]];
	s.max = got[pos[7]];
	s.q1 = interpolate(got[pos[1]], got[pos[2]], total, 0.25);
	s.median = interpolate(got[pos[3]], got[pos[4]], total, 0.5);
	s.q3 = interpolate(got[pos[5]], got[pos[6]], total, 0.75);
	return s;
}

static void
finish_column(struct esg_agg *a, size_t c, struct group **gs, size_t ng)
{
	double **v = esg_xcalloc(ng, sizeof *v), sum = 0;
	size_t *n = esg_xcalloc(ng, sizeof *n), total = 0;

	for (size_t i = 0; i < ng; i++) {
		n[i] = gs[i]->col[c].n;
		v[i] = chunks_take(&gs[i]->col[c]);
		qsort(v[i], n[i], sizeof *v[i], cmp_double);
		gs[i]->st[c] = stats_of(v[i], n[i], gs[i]->sum[c]);
		total += n[i];
		sum += gs[i]->sum[c];
	}
	if (ng == 1) {
		a->all.st[c] = gs[0]->st[c];
	} else {
		/* The groups are disjoint: "all" is their sorted union. */
		a->all.st[c] = union_stats(v, n, ng, total, sum);
	}
	for (size_t i = 0; i < ng; i++)
		free(v[i]);
	free(v);
	free(n);
}

/*
 * Withholds the groups under min_group (SPEC §6) and, in publication mode
 * only (a->shield: SPEC §6 asks for the size rule alone, and a plain run's
 * JSON holds every respondent's own result anyway), when those hold
 * fewer than min_group respondents together, the smallest published group
 * with them.  "all" is always published, so "all" minus the published
 * groups gives away the withheld groups' union (its n, mean, level counts):
 * it must be as large as a published group, and never one group alone (one
 * group under min_group always holds fewer).  One more group is enough: it
 * holds min_group respondents itself.  Among equal sizes the group listed
 * last goes: the null group (no value, listed last) before any option.
 */
static void
suppress(struct esg_agg *a, struct group **gs, size_t ng)
{
	size_t withheld = 0, pick = ng;

	for (size_t i = 0; i < ng; i++)
		if (gs[i]->n > 0 && gs[i]->n < a->min_group) {
			gs[i]->hidden = HIDDEN_SIZE;
			withheld += gs[i]->n;
		}
	if (!a->shield || withheld == 0 || withheld >= a->min_group)
		return;
	for (size_t i = 0; i < ng; i++)
		if (gs[i]->hidden == SHOWN && gs[i]->n > 0 &&
		    (pick == ng || gs[i]->n <= gs[pick]->n))
			pick = i;
	if (pick < ng)
		gs[pick]->hidden = HIDDEN_COMPLEMENT;
}

void
esg_agg_set_shield(struct esg_agg *a, bool on)
{
	a->shield = on;
}

void
esg_agg_finish(struct esg_agg *a)
{
	size_t ng = a->ngroups + (a->null != NULL);
	/* An array of pointers, not of groups. */
	struct group **gs = esg_xcalloc(ng, sizeof *gs); // NOLINT(bugprone-sizeof-expression)

	for (size_t i = 0; i < a->ngroups; i++)
		gs[i] = &a->groups[i];
	if (a->null)
		gs[ng - 1] = a->null;
	for (size_t c = 0; c < a->ncols; c++)
		finish_column(a, c, gs, ng);
	if (a->by.field != ESG_NONE)
		suppress(a, gs, ng);
	free(gs);
}

static void
group_release(struct group *g, size_t ncols)
{
	for (size_t c = 0; c < ncols; c++) {
		for (size_t k = 0; g->col[c].c && k * CHUNK < g->col[c].n; k++)
			free(g->col[c].c[k]);
		free(g->col[c].c);
	}
	free(g->key);
	free(g->col);
	free(g->sum);
	free(g->st);
	free(g->levels);
}

void
esg_agg_free(struct esg_agg *a)
{
	if (a == NULL)
		return;
	for (size_t i = 0; i < a->ngroups; i++)
		group_release(&a->groups[i], a->ncols);
	if (a->null) {
		group_release(a->null, a->ncols);
		free(a->null);
	}
	free(a->groups);
	free(a->all.st);
	free(a->all.levels);
	free(a->sheets);
	free(a);
}
