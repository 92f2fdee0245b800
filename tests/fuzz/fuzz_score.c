/*
 * Fuzz target: the whole score path of the built-in questionnaire, from
 * the answers bytes to every output format, the explanation and the
 * statistics.
 */
#include "fuzz.h"

extern const char esg_default_questionnaire[];
extern const unsigned long esg_default_questionnaire_len;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct esg_questionnaire *q;
	struct esg_diags d = ESG_DIAGS_INIT;

	if (size > FUZZ_MAX)
		return 0;
	if (q == NULL && esg_load_yaml("default.yaml", esg_default_questionnaire,
	    esg_default_questionnaire_len, &q, &d) != ESG_OK)
		__builtin_trap();
	esg_diags_release(&d);
	fuzz_score_csv(q, data, size, 0, true);
	return 0;
}
