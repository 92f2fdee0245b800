/*
 * The JSON result, format "esgdiag-result/1" (SPEC §6, docs/json.md).
 * Keys come in a fixed order and numbers are printed as "%.2f", so the
 * output is stable byte for byte and diffs cleanly.
 */
#include <stdint.h>

#include "esgdiag/aggregate.h"
#include "esgdiag/answers.h"
#include "esgdiag/buf.h"
#include "esgdiag/model.h"
#include "esgdiag/peers.h"
#include "esgdiag/score.h"
#include "esgdiag/text.h"
#include "render_impl.h"

static void
score_level(struct esg_buf *b, const struct esg_questionnaire *q, double x)
{
	const char *level;

	esg_buf_puts(b, "\"score\": ");
	esg_json_score(b, x);
	esg_buf_puts(b, ", \"level\": ");
	level = esg_score_is_null(x) ? NULL : esg_level_of(q, esg_round2(x));
	if (level)
		esg_json_str(b, level);
	else
		esg_buf_puts(b, "null");
}

void
esg_json_begin(struct esg_buf *b, const struct esg_questionnaire *q,
    const struct esg_render_opts *o)
{
	(void)o;
	esg_buf_puts(b, "{\n  \"format\": \"esgdiag-result/1\",\n"
	    "  \"questionnaire\": {\"id\": ");
	esg_json_str(b, q->id);
	esg_buf_puts(b, ", \"version\": ");
	esg_json_str(b, q->version);
	esg_buf_puts(b, ", \"title\": ");
	esg_json_str(b, q->title);
	esg_buf_puts(b, ", \"language\": ");
	if (q->language)
		esg_json_str(b, q->language);
	else
		esg_buf_puts(b, "null");
	esg_buf_printf(b, ", \"sha256\": \"%s\"},\n  \"respondents\": [", q->sha256);
}

static void
profile(struct esg_buf *b, const struct esg_result *r)
{
	const struct esg_questionnaire *q = r->q;

	esg_buf_puts(b, "      \"profile\": {");
	for (size_t i = 0; i < q->nprofile; i++) {
		esg_buf_puts(b, i ? ", " : "");
		esg_json_str(b, q->fields[i].id);
		esg_buf_puts(b, ": ");
		esg_json_profile_value(b, r, i);
	}
	esg_buf_puts(b, "},\n");
}

static void
pillars(struct esg_buf *b, const struct esg_result *r)
{
	const struct esg_questionnaire *q = r->q;

	esg_buf_puts(b, "      \"pillars\": [");
	for (size_t p = 0; p < q->npillars; p++) {
		esg_buf_puts(b, p ? ",\n        {\"id\": " : "\n        {\"id\": ");
		esg_json_str(b, q->pillars[p].id);
		esg_buf_puts(b, ", \"label\": ");
		esg_json_str(b, q->pillars[p].label);
		esg_buf_puts(b, ", ");
		score_level(b, q, r->pillar[p]);
		esg_buf_putc(b, '}');
	}
	esg_buf_puts(b, q->npillars ? "\n      ],\n" : "],\n");
}

static void
sections(struct esg_buf *b, const struct esg_result *r)
{
	const struct esg_questionnaire *q = r->q;

	esg_buf_puts(b, "      \"sections\": [");
	for (size_t s = 0; s < q->nsections; s++) {
		esg_buf_puts(b, s ? ",\n        {\"id\": " : "\n        {\"id\": ");
		esg_json_str(b, q->sections[s].id);
		esg_buf_puts(b, ", \"title\": ");
		esg_json_str(b, q->sections[s].title);
		esg_buf_puts(b, ", ");
		score_level(b, q, r->section[s]);
		esg_buf_putc(b, '}');
	}
	esg_buf_puts(b, q->nsections ? "\n      ],\n" : "],\n");
}

static void
obligations(struct esg_buf *b, const struct esg_result *r)
{
	const struct esg_questionnaire *q = r->q;

	esg_buf_puts(b, "      \"obligations\": [");
	for (size_t i = 0; i < q->nobligations; i++) {
		esg_buf_puts(b, i ? ", {\"id\": " : "{\"id\": ");
		esg_json_str(b, q->obligations[i].id);
		esg_buf_puts(b, ", \"status\": \"");
		esg_buf_puts(b, esg_ostatus_name(r->obligation[i]));
		esg_buf_puts(b, "\"}");
	}
	esg_buf_puts(b, "],\n");
}

static void
recommendations(struct esg_buf *b, const struct esg_result *r,
    const struct esg_render_opts *o)
{
	size_t n = esg_render_nrecs(r, o);

	esg_buf_puts(b, "      \"recommendations\": [");
	for (size_t i = 0; i < n; i++) {
		esg_buf_puts(b, i ? ", {\"sheet\": " : "{\"sheet\": ");
		esg_json_str(b, r->q->sheets[r->recs[i].sheet].id);
		esg_buf_puts(b, r->recs[i].obligation ?
		    ", \"priority\": \"obligation\", \"gain\": " :
		    ", \"priority\": \"gain\", \"gain\": ");
		esg_fmt2(b, r->recs[i].gain);
		esg_buf_putc(b, '}');
	}
	esg_buf_puts(b, "]");
}

void
esg_json_respondent(struct esg_buf *b, const struct esg_result *r,
    const struct esg_render_opts *o, size_t n)
{
	const struct esg_coverage *c = &r->cov;

	esg_buf_puts(b, n ? ",\n    {\n      \"id\": " : "\n    {\n      \"id\": ");
	esg_json_str(b, r->ans->id);
	esg_buf_puts(b, ",\n");
	profile(b, r);
	esg_buf_puts(b, "      \"overall\": {");
	score_level(b, r->q, r->overall);
	esg_buf_puts(b, "},\n");
	pillars(b, r);
	sections(b, r);
	esg_buf_puts(b, "      \"coverage\": {\"applicable\": ");
	esg_buf_addu(b, c->applicable);
	esg_buf_puts(b, ", \"answered\": ");
	esg_buf_addu(b, c->answered);
	esg_buf_puts(b, ", \"unknown\": ");
	esg_buf_addu(b, c->unknown);
	esg_buf_puts(b, ", \"unanswered\": ");
	esg_buf_addu(b, c->unanswered);
	esg_buf_puts(b, ", \"not_applicable\": ");
	esg_buf_addu(b, c->not_applicable);
	esg_buf_puts(b, "},\n");
	obligations(b, r);
	recommendations(b, r, o);
	esg_peers_json(b, r, o);
	esg_buf_puts(b, "\n    }");
}

void
esg_json_end(struct esg_buf *b, const struct esg_questionnaire *q,
    const struct esg_render_opts *o, size_t count)
{
	(void)q;
	esg_buf_puts(b, count ? "\n  ],\n" : "],\n");
	if (o->agg != NULL) {
		esg_agg_json(b, o->agg);
		esg_buf_puts(b, ",\n");
	}
	esg_peers_json_trace(b, o);
	esg_buf_puts(b, "  \"inputs\": [");
	for (size_t i = 0; i < o->ninputs; i++) {
		esg_buf_puts(b, i ? ", {\"file\": " : "{\"file\": ");
		esg_json_str(b, o->inputs[i].name);
		esg_buf_printf(b, ", \"sha256\": \"%s\"}", o->inputs[i].sha256);
	}
	esg_buf_puts(b, "]\n}\n");
}
