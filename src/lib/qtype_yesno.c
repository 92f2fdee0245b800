/*
 * Yes or no: the two options "oui" and "non" the loader gives it, and the
 * tokens forms tools and LimeSurvey write for them.
 */
#include "qtype_impl.h"

#include <string.h>

#include "esgdiag/answers.h"
#include "esgdiag/buf.h"
#include "esgdiag/model.h"
#include "i18n.h"

/* Folded forms; "y" is LimeSurvey's code for yes. */
static const char *const yes_tokens[] = { "o", "y", "yes", "true", "1", NULL };
static const char *const no_tokens[] = { "n", "no", "false", "0", NULL };

static int
parse_yesno(const struct esg_field *f, const char *s, size_t n,
    const char *fold, struct esg_answer *out, struct esg_arena *a,
    struct esg_buf *why)
{
	size_t fn = strlen(fold);	/* the key may be shorter than the cell */

	(void)s, (void)n, (void)a;
	if (esg_token_in(fold, fn, yes_tokens) ||
	    esg_token_in(fold, fn, no_tokens)) {
		out->opt = esg_token_in(fold, fn, yes_tokens) ? 0 : 1;
		out->state = ESG_A_VALUE;
		return 0;
	}
	esg_buf_puts(why, _("expected oui or non (or o/n, yes/no, "
	    "true/false, 1/0), nsp"));
	if (f->allow_na)
		esg_buf_puts(why, ", na");
	return -1;
}

const struct esg_qtype_ops esg_qtype_yesno = {
	.name = "yesno",
	.kind = N_("a yes/no field"),
	.limesurvey = "L",
	.options = true,
	.parse = parse_yesno,
	.cell = esg_qtype_opt_cell,
	.json = esg_qtype_opt_json,
	.human = esg_qtype_opt_human,
	.score = esg_qtype_opt_score,
	.hint = esg_qtype_opt_hint,
	.paper = esg_qtype_opt_paper,
};
