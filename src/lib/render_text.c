/*
 * The maturity profile a person reads in a terminal: scores with bars and
 * levels, coverage, obligations, and the recommended sheets in full.  Uses
 * the width it is given (80 by default), UTF-8 bars or an ASCII fallback,
 * and colours per level only when asked (the CLI asks on a terminal).
 */
#include <math.h>
#include <string.h>

#include "esgdiag/aggregate.h"
#include "esgdiag/answers.h"
#include "esgdiag/buf.h"
#include "esgdiag/model.h"
#include "esgdiag/peers.h"
#include "esgdiag/score.h"
#include "esgdiag/text.h"
#include "i18n.h"
#include "render_impl.h"

enum { LABEL_MIN = 24, LABEL_MAX = 40 };

struct layout {
	const struct esg_render_opts *o;
	size_t width, label, bar;
};

static struct layout
layout_of(const struct esg_render_opts *o)
{
	struct layout l = { o, o->width ? o->width : 80, 0, 0 };

	/* label + space + bar + " 100.00  " + level name of about 12. */
	l.label = l.width > 80 ? LABEL_MAX : LABEL_MIN + (l.width > 72 ? 10 : 0);
	l.bar = l.width > l.label + 24 + 10 ? l.width - l.label - 24 : 10;
	if (l.bar > 40)
		l.bar = 40;
	return l;
}

static const char *
level_color(const struct esg_questionnaire *q, int k)
{
	static const char *const c[] = { "\033[31m", "\033[33m", "\033[36m", "\033[32m" };

	if (k < 0 || q->nlevels < 2)
		return "";
	return c[(size_t)k * 3 / (q->nlevels - 1)];
}

static void
bar(struct esg_buf *b, const struct layout *l, double r)
{
	size_t eighths = (size_t)lround(r * (double)l->bar * 8 / 100);
	static const char *const part[] = { "", "▏", "▎", "▍", "▌", "▋", "▊", "▉" };
	size_t full = eighths / 8, used = full;

	if (!l->o->utf8) {
		size_t n = (size_t)lround(r * (double)l->bar / 100);

		esg_buf_repeat(b, "#", n);
		esg_buf_repeat(b, ".", l->bar - n);
		return;
	}
	esg_buf_repeat(b, "█", full);
	if (eighths % 8 && used < l->bar) {
		esg_buf_puts(b, part[eighths % 8]);
		used++;
	}
	esg_buf_repeat(b, "░", l->bar - used);
}

static void
score_line(struct esg_buf *b, const struct layout *l,
    const struct esg_questionnaire *q, const char *label, double x)
{
	int k = esg_render_level_index(q, x);
	struct esg_buf num = ESG_BUF_INIT;
	const char *rest;

	esg_buf_puts(b, "  ");
	rest = esg_render_cell(b, label, l->label);
	esg_buf_putc(b, ' ');
	if (esg_score_is_null(x)) {
		esg_buf_repeat(b, " ", l->bar);
		esg_buf_printf(b, "     -  %s\n", _("no score (nothing applies)"));
	} else {
		if (l->o->color)
			esg_buf_puts(b, level_color(q, k));
		bar(b, l, esg_round2(x));
		esg_render_score(&num, l->o, x);
		esg_buf_repeat(b, " ", 7 - esg_utf8_width(num.data, num.len));
		esg_buf_printf(b, "%s  %s", esg_buf_str(&num),
		    k >= 0 ? q->levels[k].label : "");
		esg_buf_puts(b, l->o->color ? "\033[0m\n" : "\n");
	}
	esg_render_cell_rest(b, rest, 4, l->label - 2);
	esg_buf_release(&num);
}

void
esg_text_begin(struct esg_buf *b, const struct esg_questionnaire *q,
    const struct esg_render_opts *o)
{
	(void)o;
	esg_buf_printf(b, "%s\n", q->title);
	esg_buf_printf(b, _("questionnaire %s, version %s\n"), q->id, q->version);
}

static void
profile(struct esg_buf *b, const struct esg_result *r, const struct layout *l)
{
	const struct esg_questionnaire *q = r->q;
	struct esg_buf t = ESG_BUF_INIT;

	for (size_t i = 0; i < q->nprofile; i++) {
		esg_buf_reset(&t);
		/* TRANSLATORS: a profile field and its answer, e.g. "Type: EPCI". */
		esg_buf_printf(&t, _("%s: "), q->fields[i].label);
		if (r->ans->a[i].state == ESG_A_EMPTY)
			esg_buf_puts(&t, "-");
		esg_render_answer(&t, r, i, l->o->french);
		esg_render_wrap(b, "  ", 4, esg_buf_str(&t), l->width);
	}
	esg_buf_release(&t);
}

static void
coverage(struct esg_buf *b, const struct esg_result *r, size_t width)
{
	const struct esg_coverage *c = &r->cov;
	struct esg_buf line = ESG_BUF_INIT;

	esg_render_coverage(&line, c);
	esg_buf_printf(b, "\n%s\n", _("Coverage"));
	esg_render_wrap(b, "  ", 2, esg_buf_str(&line), width);
	if (c->applicable > 0 && c->answered * 10 < c->applicable * 8) {
		esg_buf_reset(&line);
		esg_buf_printf(&line, _("Warning: only %zu%% of the questions that "
		    "apply are answered. Unanswered and unknown answers count as 0, "
		    "so the scores understate practice that was not reported."),
		    c->answered * 100 / c->applicable);
		esg_render_wrap(b, "  ! ", 4, esg_buf_str(&line), width);
	}
	esg_buf_release(&line);
}

static const char *
applies_text(unsigned char t)
{
	return t == 1 ? _("yes") : t == 0 ? _("no") : _("undetermined");
}

static const char *
status_text(enum esg_ostatus s)
{
	switch (s) {
	case ESG_OBL_NOT_APPLICABLE: return "-";
	case ESG_OBL_UNKNOWN: return _("unknown");
	case ESG_OBL_COMPLIANT: return _("met");
	case ESG_OBL_NON_COMPLIANT: return _("NOT MET");
	}
	return "";
}

static void
obligations(struct esg_buf *b, const struct esg_result *r, const struct layout *l)
{
	const struct esg_questionnaire *q = r->q;

	if (q->nobligations == 0)
		return;
	esg_buf_printf(b, "\n%s\n  ", _("Legal obligations"));
	esg_render_cell(b, _("obligation"), l->label);
	esg_buf_putc(b, ' ');
	esg_render_cell(b, _("applies"), 12);
	esg_buf_printf(b, "%s\n", _("status"));
	for (size_t i = 0; i < q->nobligations; i++) {
		const struct esg_obligation *o = &q->obligations[i];
		const char *rest;

		esg_buf_puts(b, "  ");
		rest = esg_render_cell(b, o->title, l->label);
		esg_buf_putc(b, ' ');
		esg_render_cell(b, applies_text(r->applies[i]), 12);
		if (l->o->color && r->obligation[i] == ESG_OBL_NON_COMPLIANT)
			esg_buf_printf(b, "\033[31m%s\033[0m\n", status_text(r->obligation[i]));
		else
			esg_buf_printf(b, "%s\n", status_text(r->obligation[i]));
		esg_render_cell_rest(b, rest, 4, l->label - 2);
		if (r->applies[i] != 0 && *o->source)
			esg_render_wrap(b, "    ", 4, o->source, l->width);
	}
}

static void
list(struct esg_buf *b, const char *title, const char **items, size_t n,
    size_t width)
{
	if (n == 0)
		return;
	esg_buf_printf(b, "     %s\n", title);
	for (size_t i = 0; i < n; i++)
		esg_render_wrap(b, "       - ", 9, items[i], width);
}

static void
sheet(struct esg_buf *b, const struct esg_result *r, size_t i,
    const struct esg_render_opts *o, size_t width)
{
	const struct esg_rec *rec = &r->recs[i];
	const struct esg_sheet *s = &r->q->sheets[rec->sheet];
	struct esg_buf t = ESG_BUF_INIT;

	esg_buf_printf(&t, "%zu. %s", i + 1, s->title);
	esg_render_wrap(b, "  ", 5, esg_buf_str(&t), width);
	esg_buf_reset(&t);
	esg_render_why(&t, r, rec, o);
	esg_render_wrap(b, "     ", 5, esg_buf_str(&t), width);
	esg_render_wrap(b, "     ", 5, s->objective, width);
	list(b, _("Key steps:"), s->steps, s->nsteps, width);
	list(b, _("Deliverables:"), s->deliverables, s->ndeliverables, width);
	if (s->nrefs > 0)
		esg_buf_printf(b, "     %s\n", _("References:"));
	for (size_t k = 0; k < s->nrefs; k++) {
		esg_buf_reset(&t);
		esg_buf_printf(&t, s->refs[k].url ? "%s <%s>" : "%s", s->refs[k].label,
		    s->refs[k].url);
		esg_render_wrap(b, "       - ", 9, esg_buf_str(&t), width);
	}
	esg_buf_release(&t);
}

static void
recommendations(struct esg_buf *b, const struct esg_result *r,
    const struct layout *l)
{
	size_t n = esg_render_nrecs(r, l->o);

	esg_buf_printf(b, "\n%s\n", _("Recommended action sheets"));
	if (n == 0)
		esg_buf_printf(b, "  %s\n", _("None: no sheet would raise the score."));
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			esg_buf_putc(b, '\n');
		sheet(b, r, i, l->o, l->width);
	}
}

static void
notes(struct esg_buf *b, const struct esg_result *r, bool french, size_t width)
{
	const struct esg_questionnaire *q = r->q;
	struct esg_buf t = ESG_BUF_INIT;

	if (!esg_render_has_notes(r))
		return;
	esg_buf_printf(b, "\n%s\n", _("Justifications given"));
	for (size_t i = 0; i < q->nfields; i++) {
		if (r->ans->a[i].note == NULL)
			continue;
		esg_buf_reset(&t);
		esg_render_answer(&t, r, i, french);
		esg_buf_puts(&t, " — ");
		esg_text_clean(&t, r->ans->a[i].note);
		esg_render_wrap(b, "  ", 2, q->fields[i].label, width);
		esg_render_wrap(b, "    ", 4, esg_buf_str(&t), width);
	}
	esg_buf_release(&t);
}

void
esg_text_respondent(struct esg_buf *b, const struct esg_result *r,
    const struct esg_render_opts *o, size_t n)
{
	const struct esg_questionnaire *q = r->q;
	struct layout l = layout_of(o);

	esg_buf_printf(b, "\n%s%s ", n ? "\n" : "", _("Respondent"));
	esg_text_clean(b, r->ans->id);
	esg_buf_putc(b, '\n');
	profile(b, r, &l);
	esg_buf_printf(b, "\n%s\n", _("Maturity"));
	score_line(b, &l, q, _("Overall"), r->overall);
	for (size_t p = 0; p < q->npillars; p++)
		score_line(b, &l, q, q->pillars[p].label, r->pillar[p]);
	esg_buf_printf(b, "\n%s\n", _("Sections"));
	for (size_t s = 0; s < q->nsections; s++)
		score_line(b, &l, q, q->sections[s].title, r->section[s]);
	esg_peers_text(b, r, o);
	coverage(b, r, l.width);
	obligations(b, r, &l);
	recommendations(b, r, &l);
	notes(b, r, o->french, l.width);
}

void
esg_text_end(struct esg_buf *b, const struct esg_questionnaire *q,
    const struct esg_render_opts *o, size_t count)
{
	(void)q;
	(void)count;
	if (o->agg != NULL) {
		esg_buf_putc(b, '\n');
		esg_agg_text(b, o->agg, o);
	}
}
