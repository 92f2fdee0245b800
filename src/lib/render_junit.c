/*
 * JUnit XML for CI dashboards: a test suite per respondent, with a test
 * case for the overall score and each pillar (failing when below a
 * --fail-under threshold) and one per obligation (skipped when it does not
 * apply or cannot be decided).  A failure is only ever what makes the exit
 * status 1: an obligation not met fails its case under
 * --fail-on-obligation, and is otherwise a passing case that says so in a
 * property and in its output, so that a green job is not shown red.
 */
#include <math.h>
#include <string.h>

#include "esgdiag/answers.h"
#include "esgdiag/buf.h"
#include "esgdiag/model.h"
#include "esgdiag/score.h"
#include "i18n.h"
#include "render_impl.h"

void
esg_junit_begin(struct esg_buf *b, const struct esg_questionnaire *q,
    const struct esg_render_opts *o)
{
	(void)o;
	esg_buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<testsuites name=\"esgdiag ");
	esg_xml_str(b, q->id);
	esg_buf_puts(b, "\">\n");
}

struct suite {
	struct esg_buf cases;
	size_t tests, failures, skipped;
	const char *id;
};

static void
open_case(struct suite *s, const char *kind, const char *name)
{
	s->tests++;
	esg_buf_puts(&s->cases, "    <testcase classname=\"");
	esg_xml_str(&s->cases, s->id);
	esg_buf_printf(&s->cases, ".%s\" name=\"", kind);
	esg_xml_str(&s->cases, name);
	esg_buf_puts(&s->cases, "\"");
}

static void
score_case(struct suite *s, const struct esg_questionnaire *q, const char *kind,
    const char *name, double x, double threshold, bool shorts)
{
	const char *level = esg_render_level(q, x);

	open_case(s, kind, name);
	if (esg_score_is_null(x)) {
		s->skipped++;
		esg_buf_puts(&s->cases, "><skipped message=\"");
		esg_xml_str(&s->cases, _("no score: nothing applies"));
		esg_buf_puts(&s->cases, "\"/></testcase>\n");
		return;
	}
	if (!shorts) {
		esg_buf_printf(&s->cases, "><system-out>%.2f ", x);
		esg_xml_str(&s->cases, level ? level : "");
		esg_buf_puts(&s->cases, "</system-out></testcase>\n");
		return;
	}
	s->failures++;
	struct esg_buf m = ESG_BUF_INIT;

	esg_buf_printf(&m, _("%.2f is below the threshold %g"), x, threshold);
	esg_buf_puts(&s->cases, "><failure message=\"");
	esg_xml_str(&s->cases, esg_buf_str(&m));
	esg_buf_puts(&s->cases, "\"/></testcase>\n");
	esg_buf_release(&m);
}

/* "TITLE: not met", escaped; the colon is the language's (French spaces it). */
static void
not_met(struct esg_buf *b, const struct esg_obligation *o)
{
	struct esg_buf t = ESG_BUF_INIT;

	esg_buf_printf(&t, _("%s: not met"), o->title);
	esg_xml_str(b, esg_buf_str(&t));
	esg_buf_release(&t);
}

/* An obligation not met that no policy asked to fail on: reported, passing. */
static void
unmet_case(struct suite *s, const struct esg_obligation *o)
{
	esg_buf_puts(&s->cases, "><properties><property name=\"status\" "
	    "value=\"non_compliant\"/></properties><system-out>");
	not_met(&s->cases, o);
	esg_buf_puts(&s->cases, " (");
	esg_xml_str(&s->cases, o->source);
	esg_buf_puts(&s->cases, ")</system-out></testcase>\n");
}

static void
obligation_case(struct suite *s, const struct esg_result *r, size_t i,
    bool fail)
{
	const struct esg_obligation *o = &r->q->obligations[i];

	open_case(s, "obligation", o->id);
	switch (r->obligation[i]) {
	case ESG_OBL_COMPLIANT:
		esg_buf_puts(&s->cases, "/>\n");
		return;
	case ESG_OBL_NON_COMPLIANT:
		if (!fail) {
			unmet_case(s, o);
			return;
		}
		s->failures++;
		esg_buf_puts(&s->cases, "><failure message=\"");
		not_met(&s->cases, o);
		esg_buf_puts(&s->cases, "\">");
		esg_xml_str(&s->cases, o->source);
		esg_buf_puts(&s->cases, "</failure></testcase>\n");
		return;
	default:
		s->skipped++;
		esg_buf_puts(&s->cases, "><skipped message=\"");
		esg_xml_str(&s->cases, r->obligation[i] == ESG_OBL_UNKNOWN ?
		    _("unknown") : _("does not apply"));
		esg_buf_puts(&s->cases, "\"/></testcase>\n");
	}
}

void
esg_junit_respondent(struct esg_buf *b, const struct esg_result *r,
    const struct esg_render_opts *o, size_t n)
{
	const struct esg_questionnaire *q = r->q;
	const struct esg_thresholds *th = o->th;
	struct suite s = { ESG_BUF_INIT, 0, 0, 0, r->ans->id };

	(void)n;
	score_case(&s, q, "overall", "overall", r->overall,
	    th ? th->overall : NAN, esg_thresholds_short_overall(th, r));
	for (size_t p = 0; p < q->npillars; p++)
		score_case(&s, q, "pillar", q->pillars[p].id, r->pillar[p],
		    th && th->pillar ? th->pillar[p] : NAN,
		    esg_thresholds_short_pillar(th, r, p));
	for (size_t i = 0; i < q->nobligations; i++)
		obligation_case(&s, r, i, th != NULL && th->obligations);
	esg_buf_puts(b, "  <testsuite name=\"");
	esg_xml_str(b, r->ans->id);
	esg_buf_printf(b, "\" tests=\"%zu\" failures=\"%zu\" errors=\"0\" "
	    "skipped=\"%zu\">\n%s  </testsuite>\n", s.tests, s.failures,
	    s.skipped, esg_buf_str(&s.cases));
	esg_buf_release(&s.cases);
}

void
esg_junit_end(struct esg_buf *b, const struct esg_questionnaire *q,
    const struct esg_render_opts *o, size_t count)
{
	(void)q;
	(void)o;
	(void)count;
	esg_buf_puts(b, "</testsuites>\n");
}
