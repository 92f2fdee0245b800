/*
 * Observatory statistics (SPEC §6 --aggregate): per group of respondents
 * (by a field, or by bands of a number field) and for all of them, n,
 * mean, median, quartiles, min and max of the overall, pillar and section
 * scores, and the count of each overall level.  Quartiles interpolate
 * linearly between closest ranks (Hyndman and Fan's type 7, numpy's
 * default).  Statistics are computed on unrounded scores, then rounded.
 *
 * Memory: 8 bytes per non-null score kept (to sort them at the end), in
 * chunks that are never copied while they grow.
 */
#ifndef ESG_AGGREGATE_H
#define ESG_AGGREGATE_H

#include <stdbool.h>
#include <stddef.h>

struct esg_buf;
struct esg_questionnaire;
struct esg_result;

struct esg_agg_by {
	size_t field;		/* ESG_NONE: no groups, only "all" */
	const double *bands;	/* for a number field: ascending limits */
	const char *const *band_text;	/* the limits as written */
	size_t nbands;
};

struct esg_agg;

/* by is copied; the strings it points to are borrowed. */
struct esg_agg *esg_agg_new(const struct esg_questionnaire *q,
    const struct esg_agg_by *by, size_t min_group);
/*
 * Publication mode (score --no-respondents): esg_agg_finish() also
 * withholds a group so that "all" minus the published groups gives no
 * small group away (docs/observatory.md).  Off by default: SPEC 6's size
 * rule alone.  Call before esg_agg_finish().
 */
void esg_agg_set_shield(struct esg_agg *a, bool on);
/* Adds a scored respondent; nrecs is how many of its sheets are shown. */
void esg_agg_add(struct esg_agg *a, const struct esg_result *r, size_t nrecs);
/* Computes the statistics; call once, after the last esg_agg_add(). */
void esg_agg_finish(struct esg_agg *a);
void esg_agg_json(struct esg_buf *b, const struct esg_agg *a);
struct esg_render_opts;
/*
 * The statistics for people: group keys and fields by their labels,
 * numbers the French way when o->french.  The HTML is a section of a page
 * (tables, one box plot per group, pillar and section, the sheets ranking).
 */
void esg_agg_text(struct esg_buf *b, const struct esg_agg *a,
    const struct esg_render_opts *o);
void esg_agg_markdown(struct esg_buf *b, const struct esg_agg *a,
    const struct esg_render_opts *o);
void esg_agg_html(struct esg_buf *b, const struct esg_agg *a,
    const struct esg_render_opts *o);
/*
 * One table for a spreadsheet: scope (group or all), group key,
 * respondents, measure (overall, pillar_ID, section_ID, level:LABEL), then
 * n, mean, median, q1, q3, min, max (a level row: its count in n).  With
 * o->excel: ';', decimal comma and a byte order mark.
 */
void esg_agg_csv(struct esg_buf *b, const struct esg_agg *a,
    const struct esg_render_opts *o);
void esg_agg_free(struct esg_agg *a);

#endif
