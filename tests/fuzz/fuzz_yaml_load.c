/*
 * Fuzz target: the YAML questionnaire loader, then scoring and rendering
 * an empty respondent with whatever loaded.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "esgdiag/answers.h"
#include "esgdiag/buf.h"
#include "esgdiag/load.h"
#include "esgdiag/model.h"
#include "esgdiag/render.h"
#include "esgdiag/score.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct esg_diags d = ESG_DIAGS_INIT;
	struct esg_questionnaire *q = NULL;

	if (size > FUZZ_MAX)
		return 0;
	if (esg_load_yaml("f.yaml", (const char *)data, size, &q, &d) == ESG_OK)
		fuzz_score_empty(q);
	esg_questionnaire_free(q);
	esg_diags_release(&d);
	return 0;
}
