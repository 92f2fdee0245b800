/*
 * Fuzz target: the observatory reader of score --peers (Jansson, then the
 * checks against the questionnaire), and, when a file is accepted, the
 * positioning of fixed respondents rendered in every format, with both
 * typographies.
 */
#include "esgdiag/peers.h"
#include "fuzz.h"

static const char answers[] =
    "id,type,pop,a1,a2,a3,a4,a5,a6\n"
    "r1,commune,20,oui,,x,4,5,t\n"
    "r2,epci,5000,non,oui,z,1,na,\n"
    "r3,,,,,,,,\n";

static void
render(const struct esg_questionnaire *q, const struct esg_peers *p)
{
	static const char *const fmts[] = { "text", "json", "csv", "markdown", "html" };
	struct esg_diags d = ESG_DIAGS_INIT;
	struct mem m = { (const uint8_t *)answers, sizeof answers - 1, 0, 0 };
	struct esg_render_opts o = ESG_RENDER_OPTS_INIT;
	struct esg_result *r = esg_result_new(q);
	struct esg_buf b = ESG_BUF_INIT;
	struct esg_answers ans;
	struct esg_reader *rd;
	enum esg_status st;

	o.peers = p;
	esg_answers_init(&ans, q);
	rd = esg_reader_open(q, "a.csv", mem_read, &m, NULL, &d, &st);
	while (rd != NULL && esg_reader_next(rd, &ans)) {
		esg_score(r, &ans);
		for (size_t i = 0; i < 2 * (sizeof fmts / sizeof fmts[0]); i++) {
			const struct esg_renderer *f = esg_renderer_find(fmts[i / 2]);

			o.french = i % 2;
			f->begin(&b, q, &o);
			f->respondent(&b, r, &o, 0);
			f->end(&b, q, &o, 1);
			esg_buf_reset(&b);
		}
	}
	esg_reader_free(rd);
	esg_buf_release(&b);
	esg_result_free(r);
	esg_answers_release(&ans);
	esg_diags_release(&d);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct esg_questionnaire *q;
	struct esg_diags d = ESG_DIAGS_INIT;
	struct esg_peers *p = NULL;

	if (size > FUZZ_MAX)
		return 0;
	if (q == NULL && esg_load_yaml("q.yaml", fuzz_questionnaire,
	    sizeof fuzz_questionnaire - 1, &q, &d) != ESG_OK)
		__builtin_trap();
	if (esg_peers_load("o.json", (const char *)data, size, q, &p, &d) == ESG_OK)
		render(q, p);
	esg_peers_free(p);
	esg_diags_release(&d);
	return 0;
}
