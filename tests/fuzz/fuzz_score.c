/*
 * Fuzz target: the whole score path of the built-in questionnaire, from
 * the answers bytes to every output format, the explanation and the
 * statistics.
 */
#include <string.h>

#include "esgdiag/csv_answers.h"
#include "fuzz.h"

extern const char esg_default_questionnaire[];
extern const unsigned long esg_default_questionnaire_len;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct esg_questionnaire *q;
	struct esg_diags d = ESG_DIAGS_INIT;
	struct mem m = { data, size, 0, 0 };
	struct esg_answers ans;
	struct esg_result *r;
	struct esg_reader *rd;
	struct esg_agg_by by = { 0, NULL, NULL, 0 };
	struct esg_agg *agg;
	enum esg_status st;

	if (size > FUZZ_MAX)
		return 0;
	if (q == NULL && esg_load_yaml("default.yaml", esg_default_questionnaire,
	    esg_default_questionnaire_len, &q, &d) != ESG_OK)
		__builtin_trap();
	esg_answers_init(&ans, q);
	r = esg_result_new(q);
	agg = esg_agg_new(q, &by, 1);
	rd = esg_reader_open(q, "a.csv", mem_read, &m, NULL, &d, &st);
	while (rd != NULL && esg_reader_next(rd, &ans)) {
		esg_score(r, &ans);
		esg_agg_add(agg, r, 3);
		fuzz_render_all(r);
	}
	esg_reader_free(rd);
	esg_agg_finish(agg);
	esg_agg_free(agg);
	esg_result_free(r);
	esg_answers_release(&ans);
	esg_diags_release(&d);
	return 0;
}
