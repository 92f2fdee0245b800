/*
 * Fuzz target: the answers CSV reader (every cell kind, quoting, line
 * ends, encodings) against a fixed questionnaire with every field type,
 * read in short pieces, scoring and aggregating each valid row.
 */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct esg_questionnaire *q;
	struct esg_diags d = ESG_DIAGS_INIT;

	if (size > FUZZ_MAX)
		return 0;
	if (q == NULL && esg_load_yaml("q.yaml", fuzz_questionnaire,
	    sizeof fuzz_questionnaire - 1, &q, &d) != ESG_OK)
		__builtin_trap();
	esg_diags_release(&d);
	fuzz_score_csv(q, data, size, 1, false);
	return 0;
}
