/*
 * A scale: a whole number from min to max, each an option (whose value is
 * the number) with an optional label; scored by that option.
 */
#include "qtype_impl.h"

#include <math.h>

#include "esgdiag/answers.h"
#include "esgdiag/buf.h"
#include "esgdiag/model.h"
#include "i18n.h"

static int
parse_scale(const struct esg_field *f, const char *s, size_t n,
    const char *fold, struct esg_answer *out, struct esg_arena *a,
    struct esg_buf *why)
{
	double x;
	int rc = esg_cell_number(f, s, n, &x, why);

	(void)fold, (void)a;
	if (rc < 0)
		return -1;
	if (rc > 0) {
		esg_buf_printf(why, _("expected a whole number from %d "
		    "to %d, a label, or nsp"), f->min, f->max);
		return -1;
	}
	/* The range first: converting an out-of-range double is undefined. */
	if (!(x >= f->min && x <= f->max) || x != floor(x)) {
		esg_buf_printf(why, _("expected a whole number from %d "
		    "to %d"), f->min, f->max);
		return -1;
	}
	out->opt = (size_t)((long)x - f->min);
	out->num = x;
	out->state = ESG_A_VALUE;
	return 0;
}

/* Its label, or "3 / 5" for a step that has none. */
static void
scale_human(struct esg_buf *b, const struct esg_field *f,
    const struct esg_answer *a, bool french)
{
	if (f->options[a->opt].label == NULL)
		esg_buf_printf(b, "%s / %d", f->options[a->opt].value, f->max);
	else
		esg_qtype_opt_human(b, f, a, french);
}

static void
scale_hint(struct esg_buf *b, const struct esg_field *f)
{
	esg_buf_printf(b, _("a whole number from %d to %d"), f->min, f->max);
}

static void
scale_paper(struct esg_buf *b, const struct esg_field *f)
{
	for (size_t k = 0; k < f->noptions; k++)
		esg_buf_printf(b, "- ( ) %s%s%s\n", f->options[k].value,
		    f->options[k].label ? " — " : "",
		    f->options[k].label ? f->options[k].label : "");
}

const struct esg_qtype_ops esg_qtype_scale = {
	.name = "scale",
	.kind = N_("a scale"),
	.limesurvey = "L",
	.numeric = true,
	.options = true,
	.parse = parse_scale,
	.cell = esg_qtype_opt_cell,
	.json = esg_qtype_num_value,
	.human = scale_human,
	.score = esg_qtype_opt_score,
	.hint = scale_hint,
	.paper = scale_paper,
};
