/*
 * The scoring engine (SPEC §5): a pure function of a questionnaire and one
 * respondent's answers.  No I/O, no allocation per respondent once the
 * result is set up: a result is made once per questionnaire and reused.
 */
#ifndef ESG_SCORE_H
#define ESG_SCORE_H

#include <math.h>
#include <stdbool.h>
#include <stddef.h>

struct esg_questionnaire;
struct esg_answers;

/* A score with no denominator is null, kept as NAN. */
#define ESG_NULL_SCORE NAN
#define esg_score_is_null(x) isnan(x)

/* Gains closer than this are equal; a gain not above it is no gain. */
#define ESG_GAIN_EPSILON 1e-9

enum esg_ostatus {
	ESG_OBL_NOT_APPLICABLE,
	ESG_OBL_UNKNOWN,
	ESG_OBL_COMPLIANT,
	ESG_OBL_NON_COMPLIANT,
};

struct esg_coverage {
	size_t applicable, answered, unknown, unanswered, not_applicable;
};

struct esg_rec {
	size_t sheet;
	bool obligation;	/* priority "obligation", else "gain" */
	double gain;		/* rise of the overall score, unrounded */
};

struct esg_result {
	const struct esg_questionnaire *q;
	const struct esg_answers *ans;	/* borrowed, the respondent scored */
	double overall;
	double *pillar;			/* [npillars] */
	double *section;		/* [nsections] */
	/* Per field: the value of its `when` (ESG_TRUE when it has none)... */
	unsigned char *when;
	/* ...and whether it counts: applicable and not answered `na`. */
	bool *counts;
	double *s;			/* normalised score of counting questions */
	struct esg_coverage cov;
	enum esg_ostatus *obligation;	/* [nobligations] */
	unsigned char *applies;		/* [nobligations], an esg_tri */
	struct esg_rec *recs;		/* every recommendation, in order */
	size_t nrecs;
	double *gain;			/* [nsheets], unrounded */
	/* Scratch: pillar numerators and denominators, and a sheet's. */
	double *pnum, *pden, *snum;
	/* The scored questions linked to each sheet, each once. */
	size_t *sheet_q, *sheet_at;	/* sheet k: sheet_q[sheet_at[k]..sheet_at[k+1]) */
	/* Set by a caller that shows no recommendation: recs stay empty. */
	bool no_recs;
	/* Once per questionnaire: which fields are scored, and each one's
	 * weight times its factor in pillar p, at wf[field * npillars + p]. */
	bool *scored;
	double *wf;
};

struct esg_result *esg_result_new(const struct esg_questionnaire *q);
void esg_result_free(struct esg_result *r);
/* Scores ans into r (which keeps a borrowed pointer to ans). */
void esg_score(struct esg_result *r, const struct esg_answers *ans);
const char *esg_ostatus_name(enum esg_ostatus s);

#endif
