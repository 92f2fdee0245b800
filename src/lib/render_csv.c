/*
 * One CSV row per respondent, for spreadsheets: id, profile, every score
 * and level, coverage and the obligations not met.  Null scores are empty
 * cells.  The header names columns after the questionnaire's ids.
 */
#include <string.h>

#include "esgdiag/answers.h"
#include "esgdiag/buf.h"
#include "esgdiag/model.h"
#include "esgdiag/score.h"
#include "render_impl.h"

static void
field(struct esg_buf *b, const char *s)
{
	if (strpbrk(s, ",\"\r\n;") == NULL) {
		esg_buf_puts(b, s);
		return;
	}
	esg_buf_putc(b, '"');
	for (; *s; s++) {
		if (*s == '"')
			esg_buf_putc(b, '"');
		esg_buf_putc(b, *s);
	}
	esg_buf_putc(b, '"');
}

void
esg_csv_begin(struct esg_buf *b, const struct esg_questionnaire *q,
    const struct esg_render_opts *o)
{
	(void)o;
	esg_buf_puts(b, "id");
	for (size_t i = 0; i < q->nprofile; i++)
		esg_buf_printf(b, ",%s", q->fields[i].id);
	esg_buf_puts(b, ",overall,overall_level");
	for (size_t p = 0; p < q->npillars; p++)
		esg_buf_printf(b, ",pillar_%s,pillar_%s_level", q->pillars[p].id,
		    q->pillars[p].id);
	for (size_t s = 0; s < q->nsections; s++)
		esg_buf_printf(b, ",section_%s,section_%s_level", q->sections[s].id,
		    q->sections[s].id);
	esg_buf_puts(b, ",applicable,answered,unknown,unanswered,not_applicable,"
	    "obligations_not_met\n");
}

static void
score(struct esg_buf *b, const struct esg_questionnaire *q, double x)
{
	const char *level = esg_render_level(q, x);

	if (esg_score_is_null(x)) {
		esg_buf_puts(b, ",,");
		return;
	}
	esg_buf_printf(b, ",%.2f,", x);
	field(b, level ? level : "");
}

void
esg_csv_respondent(struct esg_buf *b, const struct esg_result *r,
    const struct esg_render_opts *o, size_t n)
{
	const struct esg_questionnaire *q = r->q;
	const struct esg_coverage *c = &r->cov;
	struct esg_buf v = ESG_BUF_INIT;
	const char *sep = "";

	(void)o;
	(void)n;
	field(b, r->ans->id);
	for (size_t i = 0; i < q->nprofile; i++) {
		esg_buf_reset(&v);
		esg_cell_format(&v, &q->fields[i], &r->ans->a[i]);
		esg_buf_putc(b, ',');
		field(b, esg_buf_str(&v));
	}
	score(b, q, r->overall);
	for (size_t p = 0; p < q->npillars; p++)
		score(b, q, r->pillar[p]);
	for (size_t s = 0; s < q->nsections; s++)
		score(b, q, r->section[s]);
	esg_buf_printf(b, ",%zu,%zu,%zu,%zu,%zu,", c->applicable, c->answered,
	    c->unknown, c->unanswered, c->not_applicable);
	esg_buf_reset(&v);
	for (size_t i = 0; i < q->nobligations; i++)
		if (r->obligation[i] == ESG_OBL_NON_COMPLIANT) {
			esg_buf_printf(&v, "%s%s", sep, q->obligations[i].id);
			sep = "|";
		}
	field(b, esg_buf_str(&v));
	esg_buf_putc(b, '\n');
	esg_buf_release(&v);
}

void
esg_csv_end(struct esg_buf *b, const struct esg_questionnaire *q,
    const struct esg_render_opts *o, size_t count)
{
	(void)b;
	(void)q;
	(void)o;
	(void)count;
}
