/*
 * Progress between two assessments (esgdiag compare): respondents matched
 * by id, the change of every score (computed on the rounded scores people
 * see, so 56.60 -> 84.38 is +27.78), levels gained or lost, obligations
 * newly met or broken, and the answers that changed.
 */
#ifndef ESG_COMPARE_H
#define ESG_COMPARE_H

#include <stdbool.h>
#include <stddef.h>

#include "esgdiag/score.h"

struct esg_buf;
struct esg_questionnaire;
struct esg_result;

/* What is kept of one scored respondent. */
struct esg_snap {
	char *id;
	double *score;		/* rounded: overall, pillars, sections; NAN null */
	enum esg_ostatus *obligation;
	char **cell;		/* every field's canonical answer */
	char **shown;		/* the same as a person reads it (labels) */
};

struct esg_snaps {
	const struct esg_questionnaire *q;
	struct esg_snap *v;
	size_t n, cap;
	const char *name;	/* the file, borrowed */
	bool french;		/* set before adding: how numbers are shown */
	char sha256[65];
	char **unread;		/* ids whose row could not be read */
	size_t nunread;
};

void esg_snaps_add(struct esg_snaps *s, const struct esg_result *r);
/* Records that the row of respondent id was refused (invalid input). */
void esg_snaps_add_unread(struct esg_snaps *s, const char *id);
void esg_snaps_release(struct esg_snaps *s);

struct esg_render_opts;
/*
 * For people: pillars and sections apart, obligations and changed answers
 * by their titles and labels, numbers the French way when o->french.
 */
void esg_compare_text(struct esg_buf *b, const struct esg_snaps *before,
    const struct esg_snaps *after, const struct esg_render_opts *o);
void esg_compare_markdown(struct esg_buf *b, const struct esg_snaps *before,
    const struct esg_snaps *after, const struct esg_render_opts *o);
/* o is unused: a machine format has one form (renderer table's signature). */
void esg_compare_json(struct esg_buf *b, const struct esg_snaps *before,
    const struct esg_snaps *after, const struct esg_render_opts *o);

#endif
