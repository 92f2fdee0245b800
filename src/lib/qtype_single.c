/* The single choice: one of the question's options. */
#include "qtype_impl.h"

#include "i18n.h"

const struct esg_qtype_ops esg_qtype_single = {
	.name = "single",
	.kind = N_("a single choice"),
	.limesurvey = "L",
	.options = true,
	.parse = esg_qtype_no_parse,
	.cell = esg_qtype_opt_cell,
	.json = esg_qtype_opt_json,
	.human = esg_qtype_opt_human,
	.score = esg_qtype_opt_score,
	.hint = esg_qtype_opt_hint,
	.paper = esg_qtype_opt_paper,
};
