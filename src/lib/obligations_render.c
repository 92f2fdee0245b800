/*
 * `esgdiag obligations` in each format that serves it: for a respondent or
 * a profile given as options, which obligations apply, why, and whether
 * they are met.
 */
#include "esgdiag/render.h"

#include "esgdiag/answers.h"
#include "esgdiag/buf.h"
#include "esgdiag/cond.h"
#include "esgdiag/model.h"
#include "esgdiag/score.h"
#include "i18n.h"

static const char *
applies_word(unsigned char t)
{
	return t == ESG_TRUE ? _("yes") : t == ESG_FALSE ? _("no") :
	    _("undetermined");
}

/* Who the report is about: a respondent, or the profile given as options. */
static void
text_heading(struct esg_buf *b, const struct esg_result *r, bool answers,
    bool french)
{
	const struct esg_questionnaire *q = r->q;

	if (answers) {
		esg_buf_printf(b, "%s %s\n", _("Respondent"), r->ans->id);
		return;
	}
	esg_buf_printf(b, "%s\n", _("Profile given"));
	for (size_t i = 0; i < q->nprofile; i++) {
		if (r->ans->a[i].state == ESG_A_EMPTY)
			continue;
		esg_buf_printf(b, "  ");
		esg_buf_printf(b, _("%s: "), q->fields[i].label);
		esg_render_answer(b, r, i, french);
		esg_buf_putc(b, '\n');
	}
}

static void
text_report(struct esg_buf *b, const struct esg_result *r, bool answers,
    size_t n, const struct esg_render_opts *opts)
{
	const struct esg_questionnaire *q = r->q;
	struct esg_buf t = ESG_BUF_INIT, w = ESG_BUF_INIT;

	if (n)
		esg_buf_putc(b, '\n');
	text_heading(b, r, answers, opts->french);
	for (size_t i = 0; i < q->nobligations; i++) {
		const struct esg_obligation *o = &q->obligations[i];

		esg_buf_putc(b, '\n');
		esg_render_wrap(b, "  ", 2, o->title, 80);
		esg_buf_reset(&t);
		esg_buf_reset(&w);
		esg_cond_words(&w, o->applies, q, opts->french);
		esg_buf_printf(&t, _("applies: %s (it applies when %s)"),
		    applies_word(r->applies[i]), esg_buf_str(&w));
		esg_render_wrap(b, "    ", 6, esg_buf_str(&t), 80);
		esg_buf_reset(&t);
		if (r->applies[i] == ESG_TRUE)
			esg_buf_printf(&t, _("status: %s%s"),
			    esg_ostatus_text((int)r->obligation[i]), answers ? "" :
			    _(" (answer the questionnaire to know whether it is met)"));
		if (t.len)
			esg_render_wrap(b, "    ", 6, esg_buf_str(&t), 80);
		esg_render_wrap(b, _("    source: "), 6, o->source, 80);
		if (o->sheet != ESG_NONE && r->applies[i] != ESG_FALSE)
			esg_buf_printf(b, _("    help: esgdiag sheets %s\n"),
			    q->sheets[o->sheet].id);
	}
	esg_buf_release(&t);
	esg_buf_release(&w);
}

static void
json_begin(struct esg_buf *b)
{
	esg_buf_puts(b, "[");
}

static void
json_report(struct esg_buf *b, const struct esg_result *r, bool answers,
    size_t n, const struct esg_render_opts *opts)
{
	const struct esg_questionnaire *q = r->q;

	(void)answers, (void)opts;
	esg_buf_puts(b, n ? ",\n  {\"id\": " : "\n  {\"id\": ");
	esg_json_str(b, r->ans->id);
	esg_buf_puts(b, ", \"obligations\": [");
	for (size_t i = 0; i < q->nobligations; i++) {
		const struct esg_obligation *o = &q->obligations[i];

		esg_buf_puts(b, i ? ",\n    {\"id\": " : "\n    {\"id\": ");
		esg_json_str(b, o->id);
		esg_buf_puts(b, ", \"title\": ");
		esg_json_str(b, o->title);
		esg_buf_printf(b, ", \"applies\": %s, \"status\": \"%s\", \"condition\": ",
		    r->applies[i] == ESG_TRUE ? "true" : r->applies[i] == ESG_FALSE ?
		    "false" : "null", esg_ostatus_name(r->obligation[i]));
		esg_json_str(b, o->applies_src);
		esg_buf_puts(b, ", \"source\": ");
		esg_json_str(b, o->source);
		esg_buf_puts(b, ", \"sheet\": ");
		if (o->sheet != ESG_NONE)
			esg_json_str(b, q->sheets[o->sheet].id);
		else
			esg_buf_puts(b, "null");
		esg_buf_putc(b, '}');
	}
	esg_buf_puts(b, "]}");
}

static void
json_end(struct esg_buf *b)
{
	esg_buf_puts(b, "\n]\n");
}

const struct esg_obl_renderer esg_obl_text = { NULL, text_report, NULL };
const struct esg_obl_renderer esg_obl_json = { json_begin, json_report, json_end };
