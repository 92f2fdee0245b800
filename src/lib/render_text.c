/*
 * The plain-text maturity profile a person reads in a terminal.  Labels
 * are padded by display width, not bytes, so accented French lines up.
 */
#include <math.h>
#include <string.h>

#include "esgdiag/answers.h"
#include "esgdiag/buf.h"
#include "esgdiag/model.h"
#include "esgdiag/score.h"
#include "esgdiag/text.h"
#include "i18n.h"
#include "render_impl.h"

enum { LABEL_WIDTH = 34, BAR_WIDTH = 20 };

/* Appends s padded with spaces to w columns (cut with "..." if longer). */
static void
padded(struct esg_buf *b, const char *s, size_t w)
{
	size_t n = strlen(s), width = esg_utf8_width(s, n);

	if (width > w) {
		size_t cols = 0, i = 0;

		for (; i < n; i++) {
			if (((unsigned char)s[i] & 0xc0) != 0x80 && ++cols > w - 3)
				break;
		}
		esg_buf_add(b, s, i);
		esg_buf_puts(b, "...");
		return;
	}
	esg_buf_puts(b, s);
	esg_buf_repeat(b, " ", w - width);
}

static void
score_line(struct esg_buf *b, const struct esg_questionnaire *q,
    const char *label, double x)
{
	esg_buf_puts(b, "  ");
	padded(b, label, LABEL_WIDTH);
	if (esg_score_is_null(x)) {
		esg_buf_printf(b, " %-*s   %s\n", BAR_WIDTH, "", _("no score"));
		return;
	}
	double r = esg_round2(x);
	size_t fill = (size_t)lround(r * BAR_WIDTH / 100);
	const char *level = esg_level_of(q, r);

	esg_buf_putc(b, ' ');
	esg_buf_repeat(b, "#", fill);
	esg_buf_repeat(b, ".", BAR_WIDTH - fill);
	esg_buf_printf(b, " %6.2f  %s\n", x, level ? level : "");
}

void
esg_text_begin(struct esg_buf *b, const struct esg_questionnaire *q,
    const struct esg_render_opts *o)
{
	(void)o;
	esg_buf_printf(b, "%s (%s %s)\n", q->title, q->id, q->version);
}

static void
profile(struct esg_buf *b, const struct esg_result *r)
{
	const struct esg_questionnaire *q = r->q;

	for (size_t i = 0; i < q->nprofile; i++) {
		struct esg_buf v = ESG_BUF_INIT;

		esg_cell_format(&v, &q->fields[i], &r->ans->a[i]);
		esg_buf_puts(b, "  ");
		padded(b, q->fields[i].text, LABEL_WIDTH);
		esg_buf_printf(b, " %s\n", v.len ? esg_buf_str(&v) : "-");
		esg_buf_release(&v);
	}
}

static const char *
status_text(enum esg_ostatus s)
{
	switch (s) {
	case ESG_OBL_NOT_APPLICABLE: return _("does not apply");
	case ESG_OBL_UNKNOWN: return _("unknown");
	case ESG_OBL_COMPLIANT: return _("met");
	case ESG_OBL_NON_COMPLIANT: return _("NOT MET");
	}
	return "";
}

static void
recommendations(struct esg_buf *b, const struct esg_result *r,
    const struct esg_render_opts *o)
{
	size_t n = esg_render_nrecs(r, o);

	esg_buf_printf(b, "\n%s\n", _("Recommended action sheets"));
	if (n == 0)
		esg_buf_printf(b, "  %s\n", _("none"));
	for (size_t i = 0; i < n; i++) {
		const struct esg_sheet *s = &r->q->sheets[r->recs[i].sheet];

		esg_buf_printf(b, "  %zu. %s [%s]\n", i + 1, s->title, s->id);
		if (r->recs[i].obligation)
			esg_buf_printf(b, "     %s\n", _("needed to meet a legal "
			    "obligation"));
		else
			esg_buf_printf(b, _("     could add %.2f points to the "
			    "overall score\n"), r->recs[i].gain);
		esg_buf_printf(b, "     %s\n", s->objective);
	}
}

void
esg_text_respondent(struct esg_buf *b, const struct esg_result *r,
    const struct esg_render_opts *o, size_t n)
{
	const struct esg_questionnaire *q = r->q;
	const struct esg_coverage *c = &r->cov;

	esg_buf_printf(b, "%s\n%s %s\n", n ? "\n" : "", _("Respondent"),
	    r->ans->id);
	profile(b, r);
	esg_buf_printf(b, "\n%s\n", _("Maturity"));
	score_line(b, q, _("Overall"), r->overall);
	for (size_t p = 0; p < q->npillars; p++)
		score_line(b, q, q->pillars[p].label, r->pillar[p]);
	esg_buf_printf(b, "\n%s\n", _("Sections"));
	for (size_t s = 0; s < q->nsections; s++)
		score_line(b, q, q->sections[s].title, r->section[s]);
	esg_buf_printf(b, _("\nCoverage: %zu applicable questions: %zu answered, "
	    "%zu unknown, %zu unanswered; %zu not applicable\n"),
	    c->applicable, c->answered, c->unknown, c->unanswered,
	    c->not_applicable);
	if (q->nobligations > 0)
		esg_buf_printf(b, "\n%s\n", _("Legal obligations"));
	for (size_t i = 0; i < q->nobligations; i++) {
		esg_buf_puts(b, "  ");
		padded(b, q->obligations[i].title, LABEL_WIDTH);
		esg_buf_printf(b, " %s\n", status_text(r->obligation[i]));
	}
	recommendations(b, r, o);
}

void
esg_text_end(struct esg_buf *b, const struct esg_questionnaire *q,
    const struct esg_render_opts *o, size_t count)
{
	(void)b;
	(void)q;
	(void)o;
	(void)count;
}
