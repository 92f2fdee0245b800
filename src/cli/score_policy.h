/*
 * What `score` checks for CI and how it groups for the observatory:
 * thresholds (--fail-under), obligations (--fail-on-obligation), a
 * baseline (--fail-on-regression) and the --by specification.
 */
#ifndef ESG_SCORE_POLICY_H
#define ESG_SCORE_POLICY_H

#include <stdbool.h>
#include <stddef.h>

#include "esgdiag/aggregate.h"
#include "esgdiag/render.h"

struct esg_questionnaire;
struct esg_result;
struct esg_map;
struct cli;

struct baseline_entry {
	char *id;
	double overall;		/* rounded; NAN when null */
	double *pillar;		/* rounded, [npillars] */
};

struct policy {
	struct esg_thresholds th;
	const struct esg_questionnaire *q;
	struct baseline_entry *base;	/* sorted by id */
	size_t nbase;
	bool failed;		/* a respondent fell short */
};

/* Parses --fail-under N or ID=N,...; returns an exit status. */
int policy_thresholds(struct policy *p, const struct esg_questionnaire *q,
    const char *spec);
/* Scores a baseline file for --fail-on-regression; returns an exit status. */
struct cli_source_opts;
int policy_baseline(struct policy *p, struct cli *cli, const char *path,
    const struct cli_source_opts *o);
/* Checks one result; prints a line on stderr when it falls short. */
void policy_check(struct policy *p, const struct esg_result *r);
void policy_release(struct policy *p);

struct agg_spec {
	struct esg_agg_by by;
	double *bands;
	char **band_text;
};

/* Parses --by FIELD or FIELD:l1,l2,...; returns an exit status. */
int agg_spec_parse(struct agg_spec *s, const struct esg_questionnaire *q,
    const char *spec);
void agg_spec_release(struct agg_spec *s);

#endif
