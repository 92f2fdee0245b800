/*
 * The maturity profile in Markdown, for wikis and tickets: tables for the
 * scores and obligations, the recommended sheets in full.
 */
#include <stdio.h>
#include <string.h>

#include "esgdiag/aggregate.h"
#include "esgdiag/answers.h"
#include "esgdiag/buf.h"
#include "esgdiag/cond.h"
#include "esgdiag/model.h"
#include "esgdiag/qtype.h"
#include "esgdiag/peers.h"
#include "esgdiag/score.h"
#include "esgdiag/text.h"
#include "i18n.h"
#include "render_impl.h"

static void
score_row(struct esg_buf *b, const struct esg_result *r,
    const struct esg_render_opts *o, const char *label, double x, bool strong)
{
	const char *level = esg_render_level(r->q, x);

	esg_buf_puts(b, strong ? "| **" : "| ");
	esg_md_text(b, label);
	esg_buf_puts(b, strong ? "** | " : " | ");
	if (esg_score_is_null(x)) {
		esg_buf_puts(b, "— | — |\n");
		return;
	}
	esg_render_score(b, o, x);
	esg_buf_printf(b, " | %s |\n", level ? level : "");
}

void
esg_md_begin(struct esg_buf *b, const struct esg_questionnaire *q,
    const struct esg_render_opts *o)
{
	(void)o;
	esg_buf_printf(b, "# %s\n\n", q->title);
	esg_buf_printf(b, _("*questionnaire %s, version %s*\n"), q->id, q->version);
}

static void
profile(struct esg_buf *b, const struct esg_result *r, bool french)
{
	const struct esg_questionnaire *q = r->q;

	if (q->nprofile == 0)
		return;
	esg_buf_printf(b, "\n| %s | |\n|---|---|\n", _("Profile"));
	for (size_t i = 0; i < q->nprofile; i++) {
		struct esg_buf v = ESG_BUF_INIT;

		esg_render_answer(&v, r, i, french);
		esg_buf_puts(b, "| ");
		esg_md_text(b, q->fields[i].label);
		esg_buf_puts(b, " | ");
		esg_md_text(b, v.len ? esg_buf_str(&v) : "—");
		esg_buf_puts(b, " |\n");
		esg_buf_release(&v);
	}
}

static void
scores(struct esg_buf *b, const struct esg_result *r,
    const struct esg_render_opts *o)
{
	const struct esg_questionnaire *q = r->q;

	esg_buf_printf(b, "\n### %s\n\n| | %s | %s |\n|---|---:|---|\n",
	    _("Maturity"), _("Score"), _("Level"));
	score_row(b, r, o, _("Overall"), r->overall, true);
	for (size_t p = 0; p < q->npillars; p++)
		score_row(b, r, o, q->pillars[p].label, r->pillar[p], false);
	esg_buf_printf(b, "\n### %s\n\n| %s | %s | %s |\n|---|---:|---|\n",
	    _("Sections"), _("Section"), _("Score"), _("Level"));
	for (size_t s = 0; s < q->nsections; s++)
		score_row(b, r, o, q->sections[s].title, r->section[s], false);
	esg_buf_printf(b, "\n**%s** ", _("Coverage:"));
	esg_render_coverage(b, &r->cov);
	esg_buf_putc(b, '\n');
}


static void
obligations(struct esg_buf *b, const struct esg_result *r)
{
	const struct esg_questionnaire *q = r->q;

	if (q->nobligations == 0)
		return;
	esg_buf_printf(b, "\n### %s\n\n| %s | %s | %s |\n|---|---|---|\n",
	    _("Legal obligations"), _("Obligation"), _("Status"), _("Source"));
	for (size_t i = 0; i < q->nobligations; i++) {
		esg_buf_puts(b, "| ");
		esg_md_text(b, q->obligations[i].title);
		esg_buf_printf(b, r->obligation[i] == ESG_OBL_NON_COMPLIANT ? " | **%s** | " :
		    " | %s | ", esg_ostatus_text((int)r->obligation[i]));
		esg_md_text(b, q->obligations[i].source);
		esg_buf_puts(b, " |\n");
	}
}

static void
md_list(struct esg_buf *b, const char *title, const char **items, size_t n)
{
	if (n == 0)
		return;
	esg_buf_printf(b, "\n**%s**\n\n", title);
	for (size_t i = 0; i < n; i++)
		esg_buf_printf(b, "- %s\n", items[i]);
}

void
esg_md_sheet(struct esg_buf *b, const struct esg_sheet *s, const char *heading)
{
	esg_buf_printf(b, "\n%s %s\n\n%s\n", heading, s->title, s->objective);
	md_list(b, _("Key steps"), s->steps, s->nsteps);
	md_list(b, _("Deliverables"), s->deliverables, s->ndeliverables);
	if (s->nrefs > 0)
		esg_buf_printf(b, "\n**%s**\n\n", _("References"));
	for (size_t k = 0; k < s->nrefs; k++) {
		const char *url = s->refs[k].url;

		if (url && esg_render_web_url(url))
			esg_buf_printf(b, "- [%s](%s)\n", s->refs[k].label, url);
		else if (url) {
			/* Not a web address: shown, never a link. */
			esg_buf_printf(b, "- %s — ", s->refs[k].label);
			esg_md_text(b, url);
			esg_buf_putc(b, '\n');
		} else
			esg_buf_printf(b, "- %s\n", s->refs[k].label);
	}
}

static void
recommendations(struct esg_buf *b, const struct esg_result *r,
    const struct esg_render_opts *o)
{
	size_t n = esg_render_nrecs(r, o);

	esg_buf_printf(b, "\n### %s\n", _("Recommended action sheets"));
	if (n == 0)
		esg_buf_printf(b, "\n%s\n", _("None: no sheet would raise the score."));
	for (size_t i = 0; i < n; i++) {
		const struct esg_rec *rec = &r->recs[i];
		char h[32];

		snprintf(h, sizeof h, "#### %zu.", i + 1);
		esg_md_sheet(b, &r->q->sheets[rec->sheet], h);
		esg_buf_puts(b, "\n*");
		esg_render_why(b, r, rec, o);
		esg_buf_puts(b, "*\n");
	}
}

static void
notes(struct esg_buf *b, const struct esg_result *r, bool french)
{
	if (!esg_render_has_notes(r))
		return;
	esg_buf_printf(b, "\n### %s\n\n", _("Justifications given"));
	for (size_t i = 0; i < r->q->nfields; i++) {
		struct esg_buf v = ESG_BUF_INIT;

		if (r->ans->a[i].note == NULL)
			continue;
		struct esg_buf a = ESG_BUF_INIT, n = ESG_BUF_INIT;

		esg_render_answer(&v, r, i, french);
		esg_md_text(&a, esg_buf_str(&v));
		esg_md_text(&n, r->ans->a[i].note);
		esg_buf_reset(&v);
		esg_md_text(&v, r->q->fields[i].label);
		/* TRANSLATORS: a question, its answer and the note given for it. */
		esg_buf_printf(b, _("- **%s** (%s): %s\n"), esg_buf_str(&v),
		    esg_buf_str(&a), esg_buf_str(&n));
		esg_buf_release(&v);
		esg_buf_release(&a);
		esg_buf_release(&n);
	}
}

void
esg_md_respondent(struct esg_buf *b, const struct esg_result *r,
    const struct esg_render_opts *o, size_t n)
{
	(void)n;
	esg_buf_printf(b, "\n## %s ", _("Respondent"));
	esg_md_text(b, r->ans->id);
	esg_buf_putc(b, '\n');
	profile(b, r, o->french);
	scores(b, r, o);
	esg_peers_markdown(b, r, o);
	obligations(b, r);
	recommendations(b, r, o);
	notes(b, r, o->french);
}

void
esg_md_end(struct esg_buf *b, const struct esg_questionnaire *q,
    const struct esg_render_opts *o, size_t count)
{
	(void)q;
	(void)count;
	if (o->agg != NULL)
		esg_agg_markdown(b, o->agg, o);
}

static void
md_field(struct esg_buf *b, const struct esg_questionnaire *q,
    const struct esg_field *f, size_t num, bool french)
{
	esg_buf_printf(b, "\n**%zu. %s** `%s`\n\n", num, f->text, f->id);
	if (f->help)
		esg_buf_printf(b, "*%s*\n\n", f->help);
	if (f->when != NULL) {
		struct esg_buf w = ESG_BUF_INIT;

		esg_cond_words(&w, f->when, q, french);
		esg_buf_printf(b, _("Only if %s.\n\n"), esg_buf_str(&w));
		esg_buf_release(&w);
	}
	esg_qtype(f)->paper(b, f);
	/* A text cell is kept verbatim (SPEC §4): "nsp" there is a comment. */
	if (f->type == ESG_QTYPE_TEXT)
		return;
	esg_buf_printf(b, "\n%s\n", f->allow_na ? _("Don't know ( )  Not applicable ( )") :
	    _("Don't know ( )"));
}

void
esg_md_questionnaire(struct esg_buf *b, const struct esg_questionnaire *q,
    bool french)
{
	size_t num = 0;

	esg_buf_printf(b, "# %s\n\n", q->title);
	esg_buf_printf(b, _("*questionnaire %s, version %s: answer on paper, then "
	    "type the answers with `esgdiag ask`, or in a copy of `esgdiag "
	    "template`.*\n"), q->id, q->version);
	if (q->nprofile > 0)
		esg_buf_printf(b, "\n## %s\n", _("Profile"));
	for (size_t i = 0; i < q->nprofile; i++)
		md_field(b, q, &q->fields[i], ++num, french);
	for (size_t s = 0; s < q->nsections; s++) {
		const struct esg_section *sec = &q->sections[s];

		esg_buf_printf(b, "\n## %s\n", sec->title);
		if (sec->intro)
			esg_buf_printf(b, "\n%s\n", sec->intro);
		for (size_t i = sec->first; i < sec->first + sec->count; i++)
			md_field(b, q, &q->fields[i], ++num, french);
	}
}
