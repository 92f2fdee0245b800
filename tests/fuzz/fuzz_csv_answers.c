/*
 * Fuzz target: the answers CSV reader (every cell kind, quoting, line
 * ends, encodings) against a fixed questionnaire, scoring each valid row
 * and aggregating them.
 */
#include <string.h>

#include "esgdiag/csv_answers.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct esg_questionnaire *q;
	struct esg_diags d = ESG_DIAGS_INIT;
	struct mem m = { data, size, 0, 1 };
	struct esg_answers ans;
	struct esg_result *r;
	struct esg_reader *rd;
	struct esg_agg_by by = { 0, NULL, NULL, 0 };
	struct esg_agg *agg;
	struct esg_buf b = ESG_BUF_INIT;
	enum esg_status st;

	if (size > FUZZ_MAX)
		return 0;
	if (q == NULL && esg_load_yaml("q.yaml", fuzz_questionnaire,
	    sizeof fuzz_questionnaire - 1, &q, &d) != ESG_OK)
		__builtin_trap();
	esg_answers_init(&ans, q);
	r = esg_result_new(q);
	agg = esg_agg_new(q, &by, 1);
	rd = esg_reader_open(q, "a.csv", mem_read, &m, NULL, &d, &st);
	while (rd != NULL && esg_reader_next(rd, &ans)) {
		esg_score(r, &ans);
		esg_agg_add(agg, r, 3);
	}
	esg_reader_free(rd);
	esg_agg_finish(agg);
	esg_agg_json(&b, agg);
	esg_agg_text(&b, agg, 80);
	esg_buf_release(&b);
	esg_agg_free(agg);
	esg_result_free(r);
	esg_answers_release(&ans);
	esg_diags_release(&d);
	return 0;
}
