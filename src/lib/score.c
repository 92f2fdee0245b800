/*
 * Scoring (SPEC §5).  Applicability is computed in the questionnaire's
 * dependency order, so every `when` reads fields already decided.  Pillar,
 * section and overall scores are weighted means; a zero denominator gives
 * a null score, never 0.
 */
#include "esgdiag/score.h"

#include <stdlib.h>
#include <string.h>

#include "esgdiag/answers.h"
#include "esgdiag/cond.h"
#include "esgdiag/model.h"
#include "esgdiag/qtype.h"
#include "esgdiag/xalloc.h"

static bool lists_sheet_before(const struct esg_field *f, size_t k, size_t sheet);

/*
 * Once per questionnaire: the products every respondent would otherwise
 * compute again.  weight * factor is the first product of the formula in
 * the order it is written, so the sums are the same to the last bit.
 */
static void
index_fields(struct esg_result *r)
{
	const struct esg_questionnaire *q = r->q;

	r->scored = esg_xcalloc(q->nfields, sizeof *r->scored);
	r->wf = esg_xcalloc(q->nfields * q->npillars + 1, sizeof *r->wf);
	for (size_t i = 0; i < q->nfields; i++) {
		const struct esg_field *f = &q->fields[i];

		r->scored[i] = esg_field_scored(f);
		for (size_t p = 0; r->scored[i] && p < q->npillars; p++)
			r->wf[i * q->npillars + p] = f->weight * f->factor[p];
	}
}

/* Once per questionnaire: which scored questions each sheet improves. */
static void
index_sheets(struct esg_result *r)
{
	const struct esg_questionnaire *q = r->q;
	size_t n = 0;

	r->sheet_at = esg_xcalloc(q->nsheets + 1, sizeof *r->sheet_at);
	for (size_t i = q->nprofile; i < q->nfields; i++)
		n += q->fields[i].nsheets;
	r->sheet_q = esg_xcalloc(n ? n : 1, sizeof *r->sheet_q);
	n = 0;
	for (size_t s = 0; s < q->nsheets; s++) {
		r->sheet_at[s] = n;
		for (size_t i = q->nprofile; i < q->nfields; i++) {
			const struct esg_field *f = &q->fields[i];

			if (!esg_field_scored(f))
				continue;
			for (size_t k = 0; k < f->nsheets; k++)
				if (f->sheets[k] == s && !lists_sheet_before(f, k, s))
					r->sheet_q[n++] = i;
		}
	}
	r->sheet_at[q->nsheets] = n;
}

struct esg_result *
esg_result_new(const struct esg_questionnaire *q)
{
	struct esg_result *r = esg_xcalloc(1, sizeof *r);

	r->q = q;
	r->pillar = esg_xcalloc(q->npillars, sizeof *r->pillar);
	r->section = esg_xcalloc(q->nsections, sizeof *r->section);
	r->when = esg_xcalloc(q->nfields, 1);
	r->counts = esg_xcalloc(q->nfields, sizeof *r->counts);
	r->s = esg_xcalloc(q->nfields, sizeof *r->s);
	r->obligation = esg_xcalloc(q->nobligations, sizeof *r->obligation);
	r->applies = esg_xcalloc(q->nobligations, 1);
	r->recs = esg_xcalloc(q->nsheets, sizeof *r->recs);
	r->gain = esg_xcalloc(q->nsheets, sizeof *r->gain);
	r->pnum = esg_xcalloc(q->npillars, sizeof *r->pnum);
	r->pden = esg_xcalloc(q->npillars, sizeof *r->pden);
	r->snum = esg_xcalloc(q->npillars, sizeof *r->snum);
	index_fields(r);
	index_sheets(r);
	return r;
}

void
esg_result_free(struct esg_result *r)
{
	if (r == NULL)
		return;
	free(r->pillar);
	free(r->section);
	free(r->when);
	free(r->counts);
	free(r->s);
	free(r->obligation);
	free(r->applies);
	free(r->recs);
	free(r->gain);
	free(r->pnum);
	free(r->pden);
	free(r->snum);
	free(r->sheet_q);
	free(r->sheet_at);
	free(r->scored);
	free(r->wf);
	free(r);
}

/* The normalised score in [0, 1] of a question's answer (0 when none). */
static double
question_score(const struct esg_questionnaire *q, size_t field,
    const struct esg_answers *ans)
{
	const struct esg_field *f = &q->fields[field];
	const struct esg_answer *a = &ans->a[field];

	if (a->state != ESG_A_VALUE)
		return 0;	/* unanswered and unknown count as 0 */
	return esg_qtype(f)->score(f, a);
}

static void
applicability(struct esg_result *r, const struct esg_answers *ans)
{
	const struct esg_questionnaire *q = r->q;
	struct esg_env env = { q, ans->a, r->when };

	for (size_t k = 0; k < q->nfields; k++) {
		size_t i = q->order[k];
		const struct esg_field *f = &q->fields[i];

		r->when[i] = f->when ? esg_cond_eval(f->when, &env) : ESG_TRUE;
		r->counts[i] = r->when[i] == ESG_TRUE &&
		    ans->a[i].state != ESG_A_NA;
	}
}

static void
coverage(struct esg_result *r, const struct esg_answers *ans)
{
	const struct esg_questionnaire *q = r->q;

	memset(&r->cov, 0, sizeof r->cov);
	for (size_t i = q->nprofile; i < q->nfields; i++) {
		if (!r->scored[i])
			continue;
		if (!r->counts[i]) {
			r->cov.not_applicable++;
			continue;
		}
		r->cov.applicable++;
		switch (ans->a[i].state) {
		case ESG_A_VALUE: r->cov.answered++; break;
		case ESG_A_UNKNOWN: r->cov.unknown++; break;
		default: r->cov.unanswered++; break;
		}
	}
}

static double
ratio(double num, double den)
{
	return den > 0 ? 100 * num / den : ESG_NULL_SCORE;
}

/* Overall from pillar numerators and denominators (SPEC §5). */
static double
overall_of(const struct esg_questionnaire *q, const double *num,
    const double *den)
{
	double sum = 0, wsum = 0;

	for (size_t p = 0; p < q->npillars; p++) {
		if (!(den[p] > 0))
			continue;
		sum += q->pillars[p].weight * ratio(num[p], den[p]);
		wsum += q->pillars[p].weight;
	}
	return wsum > 0 ? sum / wsum : ESG_NULL_SCORE;
}

static void
pillars_and_sections(struct esg_result *r, const struct esg_answers *ans)
{
	const struct esg_questionnaire *q = r->q;

	memset(r->pnum, 0, q->npillars * sizeof *r->pnum);
	memset(r->pden, 0, q->npillars * sizeof *r->pden);
	for (size_t sec = 0; sec < q->nsections; sec++) {
		const struct esg_section *s = &q->sections[sec];
		double num = 0, den = 0;

		for (size_t i = s->first; i < s->first + s->count; i++) {
			const double *wf = &r->wf[i * q->npillars];

			if (!r->scored[i] || !r->counts[i])
				continue;
			r->s[i] = question_score(q, i, ans);
			num += q->fields[i].weight * r->s[i];
			den += q->fields[i].weight;
			for (size_t p = 0; p < q->npillars; p++) {
				r->pnum[p] += wf[p] * r->s[i];
				r->pden[p] += wf[p];
			}
		}
		r->section[sec] = ratio(num, den);
	}
	for (size_t p = 0; p < q->npillars; p++)
		r->pillar[p] = ratio(r->pnum[p], r->pden[p]);
	r->overall = overall_of(q, r->pnum, r->pden);
}

static bool
lists_sheet_before(const struct esg_field *f, size_t k, size_t sheet)
{
	for (size_t j = 0; j < k; j++)
		if (f->sheets[j] == sheet)
			return true;
	return false;
}

/*
 * The gain of a sheet: the overall score if every counting question linked
 * to it scored 1, applicability unchanged, minus the overall score.
 */
static double
sheet_gain(struct esg_result *r, size_t sheet)
{
	const struct esg_questionnaire *q = r->q;
	double g;

	if (esg_score_is_null(r->overall))
		return 0;
	memcpy(r->snum, r->pnum, q->npillars * sizeof *r->snum);
	for (size_t j = r->sheet_at[sheet]; j < r->sheet_at[sheet + 1]; j++) {
		size_t i = r->sheet_q[j];
		const double *wf = &r->wf[i * q->npillars];

		if (!r->counts[i])
			continue;
		for (size_t p = 0; p < q->npillars; p++)
			r->snum[p] += wf[p] * (1 - r->s[i]);
	}
	g = overall_of(q, r->snum, r->pden) - r->overall;
	return g > 0 ? g : 0;	/* rounding noise must not show as -0.00 */
}

static void
obligations(struct esg_result *r, const struct esg_answers *ans)
{
	const struct esg_questionnaire *q = r->q;
	struct esg_env env = { q, ans->a, r->when };

	for (size_t i = 0; i < q->nobligations; i++) {
		const struct esg_obligation *o = &q->obligations[i];
		enum esg_tri applies = esg_cond_eval(o->applies, &env), met;

		r->applies[i] = (unsigned char)applies;
		if (applies == ESG_FALSE) {
			r->obligation[i] = ESG_OBL_NOT_APPLICABLE;
			continue;
		}
		if (applies == ESG_UNKNOWN) {
			r->obligation[i] = ESG_OBL_UNKNOWN;
			continue;
		}
		met = esg_cond_eval(o->met, &env);
		r->obligation[i] = met == ESG_TRUE ? ESG_OBL_COMPLIANT :
		    met == ESG_FALSE ? ESG_OBL_NON_COMPLIANT : ESG_OBL_UNKNOWN;
	}
}

static bool
listed(const struct esg_result *r, size_t sheet)
{
	for (size_t i = 0; i < r->nrecs; i++)
		if (r->recs[i].sheet == sheet)
			return true;
	return false;
}

/* Inserts a gain recommendation after every listed one it does not beat. */
static void
insert_by_gain(struct esg_result *r, size_t first, size_t sheet)
{
	size_t at = r->nrecs;

	while (at > first && r->gain[sheet] > r->recs[at - 1].gain +
	    ESG_GAIN_EPSILON)
		at--;
	memmove(&r->recs[at + 1], &r->recs[at], (r->nrecs - at) * sizeof *r->recs);
	r->recs[at] = (struct esg_rec){ sheet, false, r->gain[sheet] };
	r->nrecs++;
}

static void
recommendations(struct esg_result *r)
{
	const struct esg_questionnaire *q = r->q;
	size_t first;

	for (size_t k = 0; k < q->nsheets; k++)
		r->gain[k] = sheet_gain(r, k);
	r->nrecs = 0;
	for (size_t i = 0; i < q->nobligations; i++) {
		size_t k = q->obligations[i].sheet;

		if (r->obligation[i] == ESG_OBL_NON_COMPLIANT && k != ESG_NONE &&
		    !listed(r, k))
			r->recs[r->nrecs++] = (struct esg_rec){ k, true, r->gain[k] };
	}
	first = r->nrecs;
	for (size_t k = 0; k < q->nsheets; k++)
		if (r->gain[k] > ESG_GAIN_EPSILON && !listed(r, k))
			insert_by_gain(r, first, k);
}

void
esg_score(struct esg_result *r, const struct esg_answers *ans)
{
	const struct esg_questionnaire *q = r->q;

	r->ans = ans;
	memset(r->s, 0, q->nfields * sizeof *r->s);
	applicability(r, ans);
	coverage(r, ans);
	pillars_and_sections(r, ans);
	obligations(r, ans);
	/* A tenth of the scoring, for outputs that may not show it. */
	if (r->no_recs)
		r->nrecs = 0;
	else
		recommendations(r);
}

const char *
esg_ostatus_name(enum esg_ostatus s)
{
	static const char *const names[] = {
		"not_applicable", "unknown", "compliant", "non_compliant",
	};

	return names[s];
}
