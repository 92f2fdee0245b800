/*
 * One respondent's answers, and the one parser of answer cells that the
 * CSV reader and the interactive interview share (SPEC §4).  Order of
 * interpretation: an option value or label first, then the "don't know"
 * and "not applicable" tokens, then the type's own syntax.
 */
#include "esgdiag/answers.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "esgdiag/buf.h"
#include "esgdiag/model.h"
#include "esgdiag/text.h"
#include "esgdiag/xalloc.h"
#include "i18n.h"

void
esg_answers_init(struct esg_answers *ans, const struct esg_questionnaire *q)
{
	memset(ans, 0, sizeof *ans);
	ans->n = q->nfields;
	ans->a = esg_xcalloc(q->nfields, sizeof *ans->a);
}

void
esg_answers_clear(struct esg_answers *ans)
{
	memset(ans->a, 0, ans->n * sizeof *ans->a);
	esg_arena_reset(&ans->arena);
	ans->id = NULL;
	ans->line = 0;
}

void
esg_answers_release(struct esg_answers *ans)
{
	free(ans->a);
	esg_arena_release(&ans->arena);
	memset(ans, 0, sizeof *ans);
}

static bool
in_list(const char *folded, size_t n, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strlen(*list) == n && memcmp(*list, folded, n) == 0)
			return true;
	return false;
}

/* Folded forms; what forms tools and LimeSurvey's own options write too. */
static const char *const unknown_tokens[] = {
	"nsp", "ne sait pas", "je ne sais pas", "?", NULL,
};
static const char *const na_tokens[] = {
	"na", "n/a", "sans objet", "non applicable", "non concern\xc3\xa9",
	"non concern\303\251e", NULL,
};
/* "y": LimeSurvey's code for yes. */
static const char *const yes_tokens[] = { "o", "y", "yes", "true", "1", NULL };
static const char *const no_tokens[] = { "n", "no", "false", "0", NULL };

/* The option whose folded value or label is folded[0..n), or ESG_NONE. */
static size_t
match_option(const struct esg_field *f, const char *folded, size_t n)
{
	for (size_t i = 0; i < f->noptions; i++) {
		const struct esg_option *o = &f->options[i];

		if ((o->fvlen == n && !memcmp(o->fvalue, folded, n)) ||
		    (o->flabel && o->fllen == n && !memcmp(o->flabel, folded, n)))
			return i;
	}
	return ESG_NONE;
}

/* What a choice cell may hold, and the option typed is nearest to. */
static void
expect_options(struct esg_buf *why, const struct esg_field *f,
    const char *typed)
{
	const char *hint = esg_option_hint(f, typed);

	esg_buf_puts(why, _("expected one of: "));
	for (size_t i = 0; i < f->noptions; i++)
		esg_buf_printf(why, "%s%s", i ? ", " : "", f->options[i].value);
	esg_buf_puts(why, _(" (or an option label), nsp"));
	if (f->allow_na)
		esg_buf_puts(why, ", na");
	if (hint != NULL)
		esg_buf_printf(why, _(" (did you mean '%s'?)"), hint);
}

struct picks {
	size_t count, exclusive;
};

static void
pick(const struct esg_field *f, size_t k, struct esg_answer *out,
    struct picks *p)
{
	if (!out->sel[k])
		p->count++;
	out->sel[k] = 1;
	if (f->options[k].exclusive)
		p->exclusive = k;
}

static int
picked(const struct esg_field *f, struct esg_answer *out,
    const struct picks *p, struct esg_buf *why)
{
	if (p->exclusive != ESG_NONE && p->count > 1) {
		esg_buf_printf(why, _("'%s' excludes every other choice"),
		    f->options[p->exclusive].value);
		return -1;
	}
	out->state = ESG_A_VALUE;
	return 0;
}

/* Whether an item may end at s[i]: the end, or a ',' or ';' after spaces. */
static bool
ends_item(const char *s, size_t n, size_t i)
{
	while (i < n && s[i] == ' ')
		i++;
	return i == n || s[i] == ',' || s[i] == ';';
}

/* The option with the longest value or label at fold[pos..n) ending an item. */
static size_t
longest_at(const struct esg_field *f, const char *fold, size_t n, size_t pos,
    size_t *len)
{
	size_t best = ESG_NONE;

	*len = 0;
	for (size_t i = 0; i < f->noptions; i++) {
		const struct esg_option *o = &f->options[i];
		const char *key[2] = { o->fvalue, o->flabel };
		size_t klen[2] = { o->fvlen, o->fllen };

		for (int j = 0; j < 2; j++)
			if (key[j] && klen[j] > *len && klen[j] <= n - pos &&
			    !memcmp(fold + pos, key[j], klen[j]) &&
			    ends_item(fold, n, pos + klen[j])) {
				best = i;
				*len = klen[j];
			}
	}
	return best;
}

/*
 * Items joined by ", " or ";" as forms tools write them.  Labels are
 * matched longest first at each position, so a label holding a comma stays
 * whole; what no label matches is an error.
 */
static int
parse_joined(const struct esg_field *f, const char *s, size_t n,
    struct esg_answer *out, struct esg_arena *a, struct esg_buf *why)
{
	struct picks p = { 0, ESG_NONE };
	char *fold = esg_arena_strndup(a, s, n);
	size_t pos = 0, len, k;

	esg_fold(fold, s, n);
	out->sel = esg_arena_alloc(a, f->noptions);
	for (;;) {
		pos += strspn(fold + pos, " ");
		if (pos == n) {
			esg_buf_puts(why, _("empty item in a multiple choice"));
			return -1;
		}
		if ((k = longest_at(f, fold, n, pos, &len)) == ESG_NONE) {
			esg_buf_printf(why, _("'%s' is not an option; "), fold + pos);
			expect_options(why, f, fold + pos);
			return -1;
		}
		pick(f, k, out, &p);
		pos += len;
		pos += strspn(fold + pos, " ");
		if (pos == n)
			return picked(f, out, &p, why);
		pos++;	/* the ',' or ';' ends_item() saw */
	}
}

static int
parse_multi(const struct esg_field *f, const char *s, size_t n,
    struct esg_answer *out, struct esg_arena *a, struct esg_buf *why)
{
	struct picks p = { 0, ESG_NONE };

	if (!memchr(s, '|', n) && (memchr(s, ',', n) || memchr(s, ';', n)))
		return parse_joined(f, s, n, out, a, why);
	out->sel = esg_arena_alloc(a, f->noptions);
	for (size_t start = 0; start <= n;) {
		const char *end = memchr(s + start, '|', n - start);
		size_t len = (end ? (size_t)(end - s) : n) - start, k;
		const char *item = s + start;

		esg_trim(&item, &len);
		if (len == 0) {
			esg_buf_puts(why, _("empty item in a multiple choice "
			    "(items are separated by '|')"));
			return -1;
		}
		char *fold = esg_arena_strndup(a, item, len);

		esg_fold(fold, item, len);
		if ((k = match_option(f, fold, len)) == ESG_NONE) {
			esg_buf_printf(why, _("'%s' is not an option; "), fold);
			expect_options(why, f, fold);
			return -1;
		}
		pick(f, k, out, &p);
		start = end ? (size_t)(end - s) + 1 : n + 1;
	}
	return picked(f, out, &p, why);
}

static bool
in_range(const struct esg_bounds *r, double x)
{
	return !(r->has_min && x < r->min) && !(r->has_max && x > r->max);
}

void
esg_range_describe(struct esg_buf *b, const struct esg_bounds *r)
{
	struct esg_buf lo = ESG_BUF_INIT, hi = ESG_BUF_INIT;

	/* The questionnaire's own number syntax: what its author wrote. */
	esg_num_format(&lo, r->min);
	esg_num_format(&hi, r->max);
	if (r->has_min && r->has_max)
		esg_buf_printf(b, _("a number from %s to %s"), esg_buf_str(&lo),
		    esg_buf_str(&hi));
	else if (r->has_min)
		esg_buf_printf(b, _("a number of at least %s"), esg_buf_str(&lo));
	else if (r->has_max)
		esg_buf_printf(b, _("a number of at most %s"), esg_buf_str(&hi));
	esg_buf_release(&lo);
	esg_buf_release(&hi);
}

static int
parse_number(const struct esg_field *f, const char *s, size_t n,
    struct esg_answer *out, struct esg_buf *why)
{
	double x;

	/* "15%" and "15 %" where the unit is a percentage. */
	if (f->unit && strcmp(f->unit, "%") == 0 && n > 1 && s[n - 1] == '%') {
		n--;
		esg_trim(&s, &n);
	}
	switch (esg_num_parse_cell(s, n, &x)) {
	case ESG_NUM_OK:
		break;
	case ESG_NUM_RANGE:
		esg_buf_puts(why, _("number out of range"));
		return -1;
	default:
		if (f->type == ESG_QTYPE_SCALE)
			esg_buf_printf(why, _("expected a whole number from %d "
			    "to %d, a label, or nsp"), f->min, f->max);
		else
			esg_buf_puts(why, _("expected a number (e.g. 12, -3,5 "
			    "or 62 480), or nsp"));
		return -1;
	}
	if (f->type == ESG_QTYPE_NUMBER && !in_range(&f->range, x)) {
		esg_buf_puts(why, _("out of range: expected "));
		esg_range_describe(why, &f->range);
		return -1;
	}
	if (f->type == ESG_QTYPE_SCALE) {
		/* The range first: converting an out-of-range double is undefined. */
		if (!(x >= f->min && x <= f->max) || x != floor(x)) {
			esg_buf_printf(why, _("expected a whole number from %d "
			    "to %d"), f->min, f->max);
			return -1;
		}
		out->opt = (size_t)((long)x - f->min);
	}
	out->num = x;
	out->state = ESG_A_VALUE;
	return 0;
}

/* Interprets a non-empty trimmed cell for a non-text field. */
static int
parse_trimmed(const struct esg_field *f, const char *s, size_t n,
    const char *fold, struct esg_answer *out, struct esg_arena *a,
    struct esg_buf *why)
{
	size_t k = f->type == ESG_QTYPE_NUMBER ? ESG_NONE : match_option(f, fold, n);

	if (k != ESG_NONE) {
		if (f->type == ESG_QTYPE_MULTI) {
			out->sel = esg_arena_alloc(a, f->noptions);
			out->sel[k] = 1;
		}
		out->opt = k;
		out->num = f->min + (double)k;
		out->state = ESG_A_VALUE;
		return 0;
	}
	if (in_list(fold, n, unknown_tokens)) {
		out->state = ESG_A_UNKNOWN;
		return 0;
	}
	if (in_list(fold, n, na_tokens)) {
		if (f->allow_na) {
			out->state = ESG_A_NA;
			return 0;
		}
		esg_buf_printf(why, _("'%s' does not allow 'not applicable'"), f->id);
		return -1;
	}
	switch (f->type) {
	case ESG_QTYPE_YESNO:
		if (in_list(fold, n, yes_tokens) || in_list(fold, n, no_tokens)) {
			out->opt = in_list(fold, n, yes_tokens) ? 0 : 1;
			out->state = ESG_A_VALUE;
			return 0;
		}
		esg_buf_puts(why, _("expected oui or non (or o/n, yes/no, "
		    "true/false, 1/0), nsp"));
		if (f->allow_na)
			esg_buf_puts(why, ", na");
		return -1;
	case ESG_QTYPE_MULTI:
		return parse_multi(f, s, n, out, a, why);
	case ESG_QTYPE_SCALE:
	case ESG_QTYPE_NUMBER:
		return parse_number(f, s, n, out, why);
	default:
		expect_options(why, f, fold);
		return -1;
	}
}

int
esg_cell_parse(const struct esg_field *f, const char *cell, size_t len,
    struct esg_answer *out, struct esg_arena *a, struct esg_buf *why)
{
	const char *s = cell;
	size_t n = len;
	char *fold;

	out->state = ESG_A_EMPTY;
	esg_trim(&s, &n);
	if (n == 0)
		return 0;
	if (f->type == ESG_QTYPE_TEXT) {
		out->text = esg_arena_strndup(a, cell, len);
		out->state = ESG_A_VALUE;
		return 0;
	}
	/* Most cells are short: fold them on the stack. */
	if (n < 256) {
		char small[256];

		esg_fold(small, s, n);
		small[n] = '\0';
		return parse_trimmed(f, s, n, small, out, a, why);
	}
	fold = esg_arena_strndup(a, s, n);
	esg_fold(fold, s, n);
	return parse_trimmed(f, s, n, fold, out, a, why);
}

void
esg_cell_format(struct esg_buf *b, const struct esg_field *f,
    const struct esg_answer *ans)
{
	switch (ans->state) {
	case ESG_A_EMPTY:
		return;
	case ESG_A_UNKNOWN:
		esg_buf_puts(b, "nsp");
		return;
	case ESG_A_NA:
		esg_buf_puts(b, "na");
		return;
	case ESG_A_VALUE:
		break;
	}
	switch (f->type) {
	case ESG_QTYPE_MULTI:
		for (size_t i = 0, k = 0; i < f->noptions; i++)
			if (ans->sel[i])
				esg_buf_printf(b, "%s%s", k++ ? "|" : "",
				    f->options[i].value);
		return;
	case ESG_QTYPE_NUMBER:
		esg_num_format(b, ans->num);
		return;
	case ESG_QTYPE_TEXT:
		esg_buf_puts(b, ans->text);
		return;
	default:
		esg_buf_puts(b, f->options[ans->opt].value);
	}
}
