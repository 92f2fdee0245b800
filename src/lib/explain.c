/*
 * The explanation of a result; see explain.h.  It recomputes the sums of
 * SPEC §5 from the result's per-question scores, so what it prints is the
 * arithmetic that gave the scores, step by step.
 */
#include "esgdiag/explain.h"

#include <string.h>

#include "esgdiag/answers.h"
#include "esgdiag/buf.h"
#include "esgdiag/cond.h"
#include "esgdiag/model.h"
#include "esgdiag/render.h"
#include "esgdiag/score.h"
#include "esgdiag/text.h"
#include "i18n.h"

struct sums {
	double num, den;
};

static struct sums
section_sums(const struct esg_result *r, size_t s)
{
	const struct esg_section *sec = &r->q->sections[s];
	struct sums t = { 0, 0 };

	for (size_t i = sec->first; i < sec->first + sec->count; i++)
		if (esg_field_scored(&r->q->fields[i]) && r->counts[i]) {
			t.num += r->q->fields[i].weight * r->s[i];
			t.den += r->q->fields[i].weight;
		}
	return t;
}

static struct sums
pillar_sums(const struct esg_result *r, size_t p)
{
	struct sums t = { 0, 0 };

	for (size_t i = r->q->nprofile; i < r->q->nfields; i++) {
		const struct esg_field *f = &r->q->fields[i];

		if (esg_field_scored(f) && r->counts[i] && f->factor[p] > 0) {
			t.num += f->weight * f->factor[p] * r->s[i];
			t.den += f->weight * f->factor[p];
		}
	}
	return t;
}

/* Why field i does not count, or NULL when it does. */
static const char *
exclusion(const struct esg_result *r, size_t i, bool french, struct esg_buf *b)
{
	const struct esg_field *f = &r->q->fields[i];

	if (r->counts[i])
		return NULL;
	if (r->when[i] != ESG_TRUE) {
		struct esg_buf w = ESG_BUF_INIT;

		esg_cond_words(&w, f->when, r->q, french);
		esg_buf_printf(b, r->when[i] == ESG_FALSE ? _("not applicable: it "
		    "applies only when %s, which is not the case") : _("not "
		    "applicable: it applies only when %s, which is not known"),
		    esg_buf_str(&w));
		esg_buf_release(&w);
	}
	else
		esg_buf_puts(b, _("answered \"not applicable\" (na)"));
	return esg_buf_str(b);
}

/* Appends x with decimals digits (ESG_NUM_SHORTEST: as short as exact). */
static void
num(struct esg_buf *b, const struct esg_render_opts *o, double x, int decimals)
{
	esg_num_human(b, x, decimals, o->french);
}

/* "score 0,5000, weight 1, Environnement × 1" */
static void
weights(struct esg_buf *b, const struct esg_result *r, size_t i,
    const struct esg_render_opts *o)
{
	const struct esg_questionnaire *q = r->q;
	const struct esg_field *f = &q->fields[i];

	esg_buf_printf(b, "%s ", _("score"));
	num(b, o, r->s[i], 4);
	esg_buf_printf(b, ", %s ", _("weight"));
	num(b, o, f->weight, ESG_NUM_SHORTEST);
	for (size_t p = 0; p < q->npillars; p++)
		if (f->factor[p] > 0) {
			esg_buf_printf(b, ", %s × ", q->pillars[p].label);
			num(b, o, f->factor[p], ESG_NUM_SHORTEST);
		}
}

/* "adds 12,50 to the section, 6,25 to Environnement" */
static void
contributions(struct esg_buf *b, const struct esg_result *r, size_t i,
    struct sums sec, const struct esg_render_opts *o)
{
	const struct esg_questionnaire *q = r->q;
	const struct esg_field *f = &q->fields[i];
	struct esg_buf t = ESG_BUF_INIT;

	num(&t, o, sec.den > 0 ? 100 * f->weight * r->s[i] / sec.den : 0, 2);
	esg_buf_printf(b, _("adds %s to the section"), esg_buf_str(&t));
	for (size_t p = 0; p < q->npillars; p++) {
		struct sums ps = pillar_sums(r, p);

		if (f->factor[p] <= 0 || ps.den <= 0)
			continue;
		esg_buf_reset(&t);
		num(&t, o, 100 * f->weight * f->factor[p] * r->s[i] / ps.den, 2);
		esg_buf_printf(b, _(", %s to %s"), esg_buf_str(&t), q->pillars[p].label);
	}
	esg_buf_release(&t);
}

static void
question_text(struct esg_buf *b, const struct esg_result *r, size_t i,
    struct sums sec, const struct esg_render_opts *o)
{
	const struct esg_field *f = &r->q->fields[i];
	struct esg_buf t = ESG_BUF_INIT, v = ESG_BUF_INIT;
	size_t width = o->width ? o->width : 80;

	esg_render_answer(&v, r, i, o->french);
	esg_render_wrap(b, "  ", 4, f->label, width);
	esg_buf_printf(&t, _("answer: %s"), v.len ? esg_buf_str(&v) :
	    r->ans->a[i].state == ESG_A_EMPTY ? _("(unanswered)") : "");
	esg_render_wrap(b, "    ", 6, esg_buf_str(&t), width);
	esg_buf_reset(&t);
	if (exclusion(r, i, o->french, &t) != NULL)
		esg_render_wrap(b, _("    excluded, "), 6, esg_buf_str(&t), width);
	else {
		weights(&t, r, i, o);
		esg_render_wrap(b, "    ", 6, esg_buf_str(&t), width);
		esg_buf_reset(&t);
		contributions(&t, r, i, sec, o);
		esg_render_wrap(b, "    ", 6, esg_buf_str(&t), width);
	}
	esg_buf_release(&t);
	esg_buf_release(&v);
}

static void
formula(struct esg_buf *b, const char *what, struct sums t, double score,
    const struct esg_render_opts *o)
{
	if (t.den <= 0) {
		esg_buf_printf(b, _("%s: nothing applies, no score\n"), what);
		return;
	}
	esg_buf_printf(b, "%s = 100 × ", what);
	num(b, o, t.num, 4);
	esg_buf_puts(b, " / ");
	num(b, o, t.den, 4);
	esg_buf_puts(b, " = ");
	num(b, o, score, 2);
	esg_buf_putc(b, '\n');
}

static void
overall_text(struct esg_buf *b, const struct esg_result *r,
    const struct esg_render_opts *o)
{
	const struct esg_questionnaire *q = r->q;
	double wsum = 0;
	size_t shown = 0;

	esg_buf_printf(b, "\n%s\n  ", _("Overall: Σ pillar weight × pillar / Σ "
	    "pillar weight, over pillars with a score"));
	for (size_t p = 0; p < q->npillars; p++) {
		if (esg_score_is_null(r->pillar[p]))
			continue;
		esg_buf_puts(b, shown++ ? " + " : "(");
		num(b, o, q->pillars[p].weight, ESG_NUM_SHORTEST);
		esg_buf_puts(b, " × ");
		num(b, o, r->pillar[p], 4);
		wsum += q->pillars[p].weight;
	}
	if (esg_score_is_null(r->overall)) {
		esg_buf_printf(b, "%s\n", _("no pillar has a score: no overall score"));
		return;
	}
	esg_buf_puts(b, ") / ");
	num(b, o, wsum, ESG_NUM_SHORTEST);
	esg_buf_puts(b, " = ");
	num(b, o, r->overall, 2);
	esg_buf_putc(b, '\n');
}

void
esg_explain_text(struct esg_buf *b, const struct esg_result *r,
    const struct esg_render_opts *o)
{
	const struct esg_questionnaire *q = r->q;
	struct esg_buf t = ESG_BUF_INIT;

	esg_buf_reset(&t);
	esg_text_clean(&t, r->ans->id);
	esg_buf_printf(b, _("How the scores of respondent %s were reached\n"), esg_buf_str(&t));
	for (size_t s = 0; s < q->nsections; s++) {
		const struct esg_section *sec = &q->sections[s];
		struct sums ss = section_sums(r, s);

		esg_buf_printf(b, "\n%s %s\n", _("Section"), sec->title);
		for (size_t i = sec->first; i < sec->first + sec->count; i++)
			if (esg_field_scored(&q->fields[i]))
				question_text(b, r, i, ss, o);
		esg_buf_reset(&t);
		esg_buf_printf(&t, _("  section %s"), sec->title);
		formula(b, esg_buf_str(&t), ss, r->section[s], o);
	}
	esg_buf_printf(b, "\n%s\n", _("Pillars: 100 × Σ weight × factor × score / Σ weight × factor"));
	for (size_t p = 0; p < q->npillars; p++) {
		esg_buf_reset(&t);
		esg_buf_printf(&t, "  %s", q->pillars[p].label);
		formula(b, esg_buf_str(&t), pillar_sums(r, p), r->pillar[p], o);
	}
	overall_text(b, r, o);
	esg_buf_release(&t);
}

static void
json_sums(struct esg_buf *b, struct sums t, double score)
{
	esg_buf_printf(b, "\"numerator\": %.6f, \"denominator\": %.6f, \"score\": ",
	    t.num, t.den);
	esg_json_score(b, score);
}

static void
json_question(struct esg_buf *b, const struct esg_result *r, size_t i, bool first)
{
	const struct esg_field *f = &r->q->fields[i];
	static const char *const states[] = { "unanswered", "nsp", "na", "answered" };
	struct esg_buf t = ESG_BUF_INIT;

	esg_buf_puts(b, first ? "\n    {\"id\": " : ",\n    {\"id\": ");
	esg_json_str(b, f->id);
	esg_buf_puts(b, ", \"section\": ");
	esg_json_str(b, r->q->sections[f->section].id);
	esg_buf_printf(b, ", \"state\": \"%s\", \"answer\": ",
	    states[r->ans->a[i].state]);
	esg_cell_format(&t, f, &r->ans->a[i]);
	esg_json_str(b, esg_buf_str(&t));
	esg_buf_reset(&t);
	esg_buf_printf(b, ", \"weight\": %g, \"factors\": {", f->weight);
	for (size_t p = 0, n = 0; p < r->q->npillars; p++)
		if (f->factor[p] > 0)
			esg_buf_printf(b, "%s\"%s\": %g", n++ ? ", " : "",
			    r->q->pillars[p].id, f->factor[p]);
	esg_buf_puts(b, "}, \"counts\": ");
	esg_buf_puts(b, r->counts[i] ? "true" : "false");
	esg_buf_puts(b, ", \"score\": ");
	if (r->counts[i])
		esg_buf_printf(b, "%.6f", r->s[i]);
	else
		esg_buf_puts(b, "null");
	esg_buf_puts(b, ", \"excluded_by\": ");
	if (r->counts[i])
		esg_buf_puts(b, "null");
	else if (r->when[i] != ESG_TRUE) {
		esg_buf_puts(b, "{\"condition\": ");
		esg_json_str(b, f->when_src);
		esg_buf_printf(b, ", \"value\": %s}", r->when[i] == ESG_FALSE ?
		    "false" : "null");
	} else
		esg_buf_puts(b, "\"na\"");
	esg_buf_putc(b, '}');
	esg_buf_release(&t);
}

void
esg_explain_json(struct esg_buf *b, const struct esg_result *r,
    const struct esg_render_opts *o)
{
	const struct esg_questionnaire *q = r->q;
	bool first = true;

	(void)o;
	esg_buf_puts(b, "{\"format\": \"esgdiag-explain/1\", \"id\": ");
	esg_json_str(b, r->ans->id);
	esg_buf_puts(b, ",\n  \"questions\": [");
	for (size_t i = q->nprofile; i < q->nfields; i++)
		if (esg_field_scored(&q->fields[i])) {
			json_question(b, r, i, first);
			first = false;
		}
	esg_buf_puts(b, "],\n  \"sections\": [");
	for (size_t s = 0; s < q->nsections; s++) {
		esg_buf_puts(b, s ? ",\n    {\"id\": " : "\n    {\"id\": ");
		esg_json_str(b, q->sections[s].id);
		esg_buf_puts(b, ", ");
		json_sums(b, section_sums(r, s), r->section[s]);
		esg_buf_putc(b, '}');
	}
	esg_buf_puts(b, "],\n  \"pillars\": [");
	for (size_t p = 0; p < q->npillars; p++) {
		esg_buf_puts(b, p ? ",\n    {\"id\": " : "\n    {\"id\": ");
		esg_json_str(b, q->pillars[p].id);
		esg_buf_printf(b, ", \"weight\": %g, ", q->pillars[p].weight);
		json_sums(b, pillar_sums(r, p), r->pillar[p]);
		esg_buf_putc(b, '}');
	}
	esg_buf_puts(b, "],\n  \"overall\": ");
	esg_json_score(b, r->overall);
	esg_buf_puts(b, "}\n");
}
