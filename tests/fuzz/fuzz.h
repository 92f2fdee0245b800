/*
 * Shared by the fuzz targets: size cap, a fixed questionnaire, and a
 * routine that runs every renderer over a result.
 */
#ifndef ESG_FUZZ_H
#define ESG_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "esgdiag/aggregate.h"
#include "esgdiag/answers.h"
#include "esgdiag/buf.h"
#include "esgdiag/csv_answers.h"
#include "esgdiag/decode.h"
#include "esgdiag/explain.h"
#include "esgdiag/load.h"
#include "esgdiag/model.h"
#include "esgdiag/render.h"
#include "esgdiag/score.h"

enum { FUZZ_MAX = 256 * 1024 };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char fuzz_questionnaire[] =
    "schema: 1\nid: f\nversion: '1'\ntitle: F\n"
    "pillars: [{id: E, label: E}, {id: S, label: S, weight: 2}]\n"
    "levels: [{min: 0, label: Bas}, {min: 50, label: Haut}]\n"
    "profile:\n"
    "  - {id: type, text: T, type: single, options: [{value: commune, label: Commune},"
    " {value: epci, label: EPCI}]}\n"
    "  - {id: pop, text: P, type: number, allow_na: true}\n"
    "sheets: [{id: s1, title: S1, objective: O, steps: [a], references: [{label: L, url: u}]},"
    " {id: s2, title: S2, objective: O}]\n"
    "sections:\n"
    "- {id: A, title: A, questions: [\n"
    "   {id: a1, text: A1, type: single, weight: 2, pillars: {E: 1}, sheets: [s1],"
    " options: [{value: non, label: Non, score: 0}, {value: oui, label: Oui, score: 1}]},\n"
    "   {id: a2, text: A2, type: yesno, pillars: {S: 1}, when: type == epci, sheets: [s2]},\n"
    "   {id: a3, text: A3, type: multi, pillars: {S: 1}, options: [{value: x, label: X, score: 0.6},"
    " {value: z, label: Z, score: 0, exclusive: true}]},\n"
    "   {id: a4, text: A4, type: scale, min: 1, max: 5, labels: {1: Jamais}, pillars: {E: 2}},\n"
    "   {id: a5, text: A5, type: number, allow_na: true, scoring: [[0, 0], [10, 1]],"
    " pillars: {E: 1, S: 1}, when: a4 >= 3 or pop > 100},\n"
    "   {id: a6, text: A6, type: text}]}\n"
    "obligations: [{id: o1, title: O1, applies: pop >= 50 and not a3 has z, met: a1 == oui,"
    " sheet: s1, source: X}]\n";

struct mem {
	const uint8_t *p;
	size_t n, at;
	size_t small;	/* nonzero: short reads, to go through the refills */
};

static inline long
mem_read(void *ctx, char *buf, size_t n)
{
	struct mem *m = ctx;
	size_t k = m->n - m->at < n ? m->n - m->at : n;

	if (m->small && k > 7 + m->at % 61)
		k = 7 + m->at % 61;
	memcpy(buf, m->p + m->at, k);
	m->at += k;
	return (long)k;
}

/* Every renderer and the explanation, over one result. */
static inline void
fuzz_render_all(const struct esg_result *r)
{
	static const char *const fmts[] = { "text", "json", "csv", "markdown", "html", "junit" };
	struct esg_render_opts o = ESG_RENDER_OPTS_INIT;
	struct esg_buf b = ESG_BUF_INIT;

	o.max_sheets = SIZE_MAX;
	/* Both typographies: C numbers and French ones (20,07; 65 000). */
	for (size_t i = 0; i < 2 * (sizeof fmts / sizeof fmts[0]); i++) {
		const struct esg_renderer *rd = esg_renderer_find(fmts[i / 2]);

		o.french = i % 2;
		rd->begin(&b, r->q, &o);
		rd->respondent(&b, r, &o, 0);
		rd->end(&b, r->q, &o, 1);
		esg_buf_reset(&b);
	}
	esg_explain_text(&b, r, &o);
	esg_explain_json(&b, r, &o);
	esg_buf_release(&b);
}

/*
 * Reads answers from data against q, scores and aggregates every valid
 * row (rendering each when render is set), then finishes the statistics.
 */
static inline void
fuzz_score_csv(const struct esg_questionnaire *q, const uint8_t *data,
    size_t size, size_t small_reads, bool render)
{
	struct esg_diags d = ESG_DIAGS_INIT;
	struct mem m = { data, size, 0, small_reads };
	struct esg_agg_by by = { 0, NULL, NULL, 0 };
	struct esg_agg *agg = esg_agg_new(q, &by, 1);
	struct esg_result *r = esg_result_new(q);
	struct esg_buf b = ESG_BUF_INIT;
	struct esg_answers ans;
	struct esg_reader *rd;
	enum esg_status st;

	/* Through the encoding layer, as the CLI reads every answers file. */
	struct esg_decoder *dec = esg_decoder_new(mem_read, &m, NULL);

	esg_answers_init(&ans, q);
	rd = esg_reader_open(q, "a.csv", esg_decoder_read, dec, NULL, &d, &st);
	while (rd != NULL && esg_reader_next(rd, &ans)) {
		esg_score(r, &ans);
		esg_agg_add(agg, r, 3);
		if (render)
			fuzz_render_all(r);
	}
	esg_reader_free(rd);
	esg_decoder_free(dec);
	esg_agg_finish(agg);
	esg_agg_json(&b, agg);
	{
		struct esg_render_opts o = ESG_RENDER_OPTS_INIT;

		o.french = true;
		esg_agg_text(&b, agg, &o);
		esg_agg_markdown(&b, agg, &o);
		esg_agg_html(&b, agg, &o);
		o.excel = true;
		esg_agg_csv(&b, agg, &o);
	}
	esg_buf_release(&b);
	esg_agg_free(agg);
	esg_result_free(r);
	esg_answers_release(&ans);
	esg_diags_release(&d);
}

static inline void
fuzz_score_empty(const struct esg_questionnaire *q)
{
	struct esg_answers ans;
	struct esg_result *r = esg_result_new(q);

	esg_answers_init(&ans, q);
	ans.id = "f";
	esg_score(r, &ans);
	fuzz_render_all(r);
	esg_answers_release(&ans);
	esg_result_free(r);
}

#endif
