/*
 * A number, with optional bounds and unit, scored by a piecewise linear
 * function of its value.
 */
#include <math.h>

#include "qtype_impl.h"

#include "esgdiag/answers.h"
#include "esgdiag/buf.h"
#include "esgdiag/model.h"
#include "esgdiag/text.h"
#include "i18n.h"

static bool
in_range(const struct esg_bounds *r, double x)
{
	return !(r->has_min && x < r->min) && !(r->has_max && x > r->max);
}

/*
 * What a number cell may be: the bounds when there are, and examples in
 * which a comma is only ever a decimal mark.
 */
static void
expected(const struct esg_field *f, struct esg_buf *why)
{
	struct esg_buf what = ESG_BUF_INIT;

	if (f->range.has_min || f->range.has_max)
		esg_range_describe(&what, &f->range);
	else
		esg_buf_puts(&what, _("a number"));
	esg_buf_printf(why, _("expected %s (e.g. 12 or 62 480 or 3,5), or nsp"),
	    esg_buf_str(&what));
	esg_buf_release(&what);
}

static int
parse_number(const struct esg_field *f, const char *s, size_t n,
    const char *fold, struct esg_answer *out, struct esg_arena *a,
    struct esg_buf *why)
{
	double x;
	int rc = esg_cell_number(f, s, n, &x, why);

	(void)fold, (void)a;
	if (rc < 0)
		return -1;
	if (rc > 0) {
		expected(f, why);
		return -1;
	}
	/* Past 1e15 a double no longer holds every integer: refused rather
	 * than shown rounded (docs/limits.md). */
	if (fabs(x) >= ESG_NUM_MAX) {
		esg_buf_puts(why, _("number too large: at most 15 digits before "
		    "the decimal mark"));
		return -1;
	}
	if (!in_range(&f->range, x)) {
		esg_buf_puts(why, _("out of range: expected "));
		esg_range_describe(why, &f->range);
		return -1;
	}
	out->num = x;
	out->state = ESG_A_VALUE;
	return 0;
}

static void
number_human(struct esg_buf *b, const struct esg_field *f,
    const struct esg_answer *a, bool french)
{
	esg_num_human(b, a->num, ESG_NUM_SHORTEST, french);
	if (f->unit)
		esg_buf_printf(b, " %s", f->unit);
}

/* Linear between the scoring points, flat beyond the first and the last. */
static double
number_score(const struct esg_field *f, const struct esg_answer *a)
{
	const struct esg_point *p = f->scoring;
	size_t n = f->npoints;
	double x = a->num;

	if (x <= p[0].x)
		return p[0].s;
	if (x >= p[n - 1].x)
		return p[n - 1].s;
	for (size_t i = 0; i + 1 < n; i++)
		if (x < p[i + 1].x)
			return p[i].s + (x - p[i].x) * (p[i + 1].s - p[i].s) /
			    (p[i + 1].x - p[i].x);
	return p[n - 1].s;
}

static void
number_hint(struct esg_buf *b, const struct esg_field *f)
{
	if (f->range.has_min || f->range.has_max)
		esg_range_describe(b, &f->range);
	else
		esg_buf_puts(b, _("a number"));
	if (f->unit)
		esg_buf_printf(b, _(", in %s"), f->unit);
}

/* The bounds after the blank, so that paper answers stay in range. */
static void
number_paper(struct esg_buf *b, const struct esg_field *f)
{
	esg_buf_printf(b, "______ %s", f->unit ? f->unit : "");
	if (f->range.has_min || f->range.has_max) {
		esg_buf_puts(b, " *(");
		esg_range_describe(b, &f->range);
		esg_buf_puts(b, ")*");
	}
	esg_buf_putc(b, '\n');
}

const struct esg_qtype_ops esg_qtype_number = {
	.name = "number",
	.kind = N_("a number"),
	.limesurvey = "N",
	.numeric = true,
	.parse = parse_number,
	.cell = esg_qtype_num_value,
	.json = esg_qtype_num_value,
	.human = number_human,
	.score = number_score,
	.hint = number_hint,
	.paper = number_paper,
};
