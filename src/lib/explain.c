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
exclusion(const struct esg_result *r, size_t i, struct esg_buf *b)
{
	const struct esg_field *f = &r->q->fields[i];

	if (r->counts[i])
		return NULL;
	if (r->when[i] != ESG_TRUE)
		esg_buf_printf(b, _("not applicable: its condition `%s` is %s"),
		    f->when_src, r->when[i] == ESG_FALSE ? _("false") : _("unknown"));
	else
		esg_buf_puts(b, _("answered \"not applicable\" (na)"));
	return esg_buf_str(b);
}

static void
question_text(struct esg_buf *b, const struct esg_result *r, size_t i,
    struct sums sec, size_t width)
{
	const struct esg_questionnaire *q = r->q;
	const struct esg_field *f = &q->fields[i];
	struct esg_buf t = ESG_BUF_INIT, v = ESG_BUF_INIT;

	esg_render_answer(&v, r, i);
	esg_buf_printf(&t, "%s: %s", f->id, v.len ? esg_buf_str(&v) :
	    r->ans->a[i].state == ESG_A_EMPTY ? _("(unanswered)") : "");
	esg_render_wrap(b, "  ", 4, esg_buf_str(&t), width);
	esg_buf_reset(&t);
	if (exclusion(r, i, &t) != NULL) {
		esg_render_wrap(b, _("    excluded, "), 4, esg_buf_str(&t), width);
		goto out;
	}
	esg_buf_printf(b, _("    score %.4f, weight %g"), r->s[i], f->weight);
	for (size_t p = 0; p < q->npillars; p++)
		if (f->factor[p] > 0)
			esg_buf_printf(b, ", %s ×%g", q->pillars[p].id, f->factor[p]);
	esg_buf_printf(b, _("; adds %.2f to the section"), sec.den > 0 ?
	    100 * f->weight * r->s[i] / sec.den : 0);
	for (size_t p = 0; p < q->npillars; p++) {
		struct sums ps = pillar_sums(r, p);

		if (f->factor[p] > 0 && ps.den > 0)
			esg_buf_printf(b, _(", %.2f to %s"), 100 * f->weight *
			    f->factor[p] * r->s[i] / ps.den, q->pillars[p].id);
	}
	esg_buf_putc(b, '\n');
out:
	esg_buf_release(&t);
	esg_buf_release(&v);
}

static void
formula(struct esg_buf *b, const char *what, struct sums t, double score)
{
	if (t.den > 0)
		esg_buf_printf(b, "%s = 100 × %.4f / %.4f = %.2f\n", what, t.num, t.den,
		    score);
	else
		esg_buf_printf(b, _("%s: nothing applies, no score\n"), what);
}

void
esg_explain_text(struct esg_buf *b, const struct esg_result *r, size_t width)
{
	const struct esg_questionnaire *q = r->q;
	struct esg_buf t = ESG_BUF_INIT;
	double wsum = 0;
	size_t shown = 0;

	esg_buf_printf(b, _("How the scores of %s were reached\n"), r->ans->id);
	for (size_t s = 0; s < q->nsections; s++) {
		const struct esg_section *sec = &q->sections[s];
		struct sums ss = section_sums(r, s);

		esg_buf_printf(b, "\n%s [%s]\n", sec->title, sec->id);
		for (size_t i = sec->first; i < sec->first + sec->count; i++)
			if (esg_field_scored(&q->fields[i]))
				question_text(b, r, i, ss, width);
		esg_buf_reset(&t);
		esg_buf_printf(&t, _("  section %s"), sec->id);
		formula(b, esg_buf_str(&t), ss, r->section[s]);
	}
	esg_buf_printf(b, "\n%s\n", _("Pillars: 100 × Σ weight × factor × score / Σ weight × factor"));
	for (size_t p = 0; p < q->npillars; p++) {
		esg_buf_reset(&t);
		esg_buf_printf(&t, "  %s %s", q->pillars[p].id, q->pillars[p].label);
		formula(b, esg_buf_str(&t), pillar_sums(r, p), r->pillar[p]);
	}
	esg_buf_printf(b, "\n%s\n  ", _("Overall: Σ pillar weight × pillar / Σ pillar weight, over pillars with a score"));
	for (size_t p = 0; p < q->npillars; p++) {
		if (esg_score_is_null(r->pillar[p]))
			continue;
		esg_buf_printf(b, "%s%g × %.4f", shown++ ? " + " : "(",
		    q->pillars[p].weight, r->pillar[p]);
		wsum += q->pillars[p].weight;
	}
	if (esg_score_is_null(r->overall))
		esg_buf_printf(b, "%s\n", _("no pillar has a score: no overall score"));
	else
		esg_buf_printf(b, ") / %g = %.2f\n", wsum, r->overall);
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
esg_explain_json(struct esg_buf *b, const struct esg_result *r)
{
	const struct esg_questionnaire *q = r->q;
	bool first = true;

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
