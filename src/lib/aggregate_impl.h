/*
 * Private to aggregate.c and aggregate_render.c.
 */
#ifndef ESG_AGGREGATE_IMPL_H
#define ESG_AGGREGATE_IMPL_H

#include <stdbool.h>
#include <stddef.h>

#include "esgdiag/aggregate.h"

struct chunks {
	double **c;
	size_t n;
};

struct stats {
	size_t n;		/* non-null scores */
	double mean, median, q1, q3, min, max;
};

/*
 * Why a group's statistics are withheld: it is under min_group, or (in
 * publication mode only) it is withheld with the small ones so that "all"
 * minus the published groups is never fewer than min_group respondents
 * (docs/observatory.md).
 */
enum hidden { SHOWN, HIDDEN_SIZE, HIDDEN_COMPLEMENT };

struct group {
	char *key;		/* NULL: the group of respondents with no value */
	size_t n;		/* respondents */
	struct chunks *col;	/* [ncols]: overall, pillars, sections */
	double *sum;		/* [ncols] */
	struct stats *st;	/* [ncols], once finished */
	size_t *levels;		/* [nlevels] counts of the overall level */
	enum hidden hidden;	/* set by esg_agg_finish() */
};

struct esg_agg {
	const struct esg_questionnaire *q;
	struct esg_agg_by by;
	size_t min_group, ncols, total;
	bool shield;		/* publication: the complementary rule too */
	struct group *groups;	/* fixed slots first, then keys in order seen */
	size_t ngroups, cap, fixed;
	struct group *null;	/* respondents with no value, listed last */
	struct {
		struct stats *st;
		size_t *levels;
	} all;
	size_t *sheets;		/* respondents each sheet is recommended to */
};

struct esg_buf;
struct esg_render_opts;

/* Whether a group's statistics are published (neither reason to withhold). */
bool esg_agg_published(const struct group *g);
/* Why a withheld group is, in words for a table cell; NULL if published. */
const char *esg_agg_hidden_reason(const struct group *g);
/* Sheet indexes by decreasing number of respondents, ties in file order. */
size_t *esg_agg_sheet_order(const struct esg_agg *a);
/* Calls fn for every group with respondents, the null group last. */
void esg_agg_each_group(const struct esg_agg *a, void (*fn)(struct esg_buf *,
    const struct esg_agg *, const struct group *, const struct esg_render_opts *),
    struct esg_buf *b, const struct esg_render_opts *o);
/*
 * A group's key as a person reads it: option labels, bands in words
 * ("3 500 à moins de 20 000"), "(no value)" for the null group.
 */
void esg_agg_key_label(struct esg_buf *b, const struct esg_agg *a,
    const struct group *g, bool french);
/* ", by "Type"; groups of fewer than 5 respondents are not published" */
void esg_agg_grouping(struct esg_buf *b, const struct esg_agg *a,
    const struct esg_render_opts *o);

#endif
