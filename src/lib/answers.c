/*
 * One respondent's answers, and the one parser of answer cells that the
 * CSV reader and the interactive interview share (SPEC §4).  Order of
 * interpretation: an option value or label first, then the "don't know"
 * and "not applicable" tokens, then the type's own syntax (its parse
 * operation, qtype_NAME.c).
 */
#include "esgdiag/answers.h"

#include <stdlib.h>
#include <string.h>

#include "esgdiag/buf.h"
#include "esgdiag/heading.h"
#include "esgdiag/model.h"
#include "esgdiag/text.h"
#include "esgdiag/xalloc.h"
#include "i18n.h"
#include "qtype_impl.h"

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

bool
esg_token_in(const char *folded, size_t n, const char *const *list)
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

size_t
esg_option_match(const struct esg_field *f, const char *folded, size_t n)
{
	for (size_t i = 0; i < f->noptions; i++) {
		const struct esg_option *o = &f->options[i];

		if ((o->fvlen == n && !memcmp(o->fvalue, folded, n)) ||
		    (o->flabel && o->fllen == n && !memcmp(o->flabel, folded, n)))
			return i;
	}
	return ESG_NONE;
}

/*
 * An option as the respondent saw it: its label, and its value too when it
 * is not the label without case and accents (so « Communauté de communes »
 * shows its short form cc, but « Département » stays alone).
 */
static void
option_name(struct esg_buf *why, const struct esg_option *o)
{
	struct esg_buf k = ESG_BUF_INIT;

	if (o->label == NULL) {
		esg_buf_puts(why, o->value);
		return;
	}
	esg_buf_printf(why, _("'%s'"), o->label);
	esg_heading_key(&k, o->label, strlen(o->label));
	if (strcmp(esg_buf_str(&k), o->value) != 0)
		esg_buf_printf(why, " (%s)", o->value);
	esg_buf_release(&k);
}

/* Whether a and b have the same heading key: case, accents, ’ set aside. */
static bool
same_key(struct esg_buf *ka, struct esg_buf *kb, const char *a, const char *b)
{
	esg_buf_reset(ka);
	esg_buf_reset(kb);
	esg_heading_key(ka, a, strlen(a));
	esg_heading_key(kb, b, strlen(b));
	return strcmp(esg_buf_str(ka), esg_buf_str(kb)) == 0;
}

/*
 * The value of the option that typed names but for its accents
 * ("delegation" for « Délégation », "les elus" for « Les élus »), or NULL.
 * Only a hint: a cell is never matched without its accents, which can
 * tell words apart (« interne » and « interné »).
 */
static const char *
accent_hint(const struct esg_field *f, const char *typed)
{
	struct esg_buf kt = ESG_BUF_INIT, ko = ESG_BUF_INIT;
	const char *hint = NULL;

	for (size_t i = 0; i < f->noptions && hint == NULL; i++) {
		const struct esg_option *o = &f->options[i];

		if (same_key(&kt, &ko, typed, o->value) ||
		    (o->label && same_key(&kt, &ko, typed, o->label)))
			hint = o->value;
	}
	esg_buf_release(&kt);
	esg_buf_release(&ko);
	return hint;
}

void
esg_options_expect(struct esg_buf *why, const struct esg_field *f,
    const char *typed)
{
	const char *hint = esg_option_hint(f, typed);

	if (hint == NULL)
		hint = accent_hint(f, typed);

	esg_buf_puts(why, _("expected one of: "));
	for (size_t i = 0; i < f->noptions; i++) {
		esg_buf_puts(why, i ? ", " : "");
		option_name(why, &f->options[i]);
		if (hint != NULL && f->options[i].value == hint)
			hint = f->options[i].label ? f->options[i].label : hint;
	}
	esg_buf_puts(why, _(", or nsp (unknown)"));
	if (f->allow_na)
		esg_buf_puts(why, _(", na (not applicable)"));
	if (hint != NULL)
		esg_buf_printf(why, _(" (did you mean '%s'?)"), hint);
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

int
esg_cell_number(const struct esg_field *f, const char *s, size_t n,
    double *x, struct esg_buf *why)
{
	/* "15%" and "15 %" where the unit is a percentage. */
	if (f->unit && strcmp(f->unit, "%") == 0 && n > 1 && s[n - 1] == '%') {
		n--;
		esg_trim(&s, &n);
	}
	switch (esg_num_parse_cell(s, n, x)) {
	case ESG_NUM_OK:
		return 0;
	case ESG_NUM_RANGE:
		esg_buf_puts(why, _("number out of range"));
		return -1;
	case ESG_NUM_SYNTAX:
		break;
	}
	return 1;
}

/*
 * Interprets a non-empty trimmed cell s[0..n) for a non-verbatim field;
 * fold[0..fn) is its key (esg_fold_key), NUL-terminated.
 */
static int
parse_trimmed(const struct esg_field *f, const char *s, size_t n,
    const char *fold, size_t fn, struct esg_answer *out, struct esg_arena *a,
    struct esg_buf *why)
{
	const struct esg_qtype_ops *t = esg_qtype(f);
	size_t k = t->options ? esg_option_match(f, fold, fn) : ESG_NONE;

	if (k != ESG_NONE) {
		if (t->set) {
			out->sel = esg_arena_alloc(a, f->noptions);
			out->sel[k] = 1;
		}
		out->opt = k;
		out->num = f->min + (double)k;
		out->state = ESG_A_VALUE;
		return 0;
	}
	if (esg_token_in(fold, fn, unknown_tokens)) {
		out->state = ESG_A_UNKNOWN;
		return 0;
	}
	if (esg_token_in(fold, fn, na_tokens)) {
		if (f->allow_na) {
			out->state = ESG_A_NA;
			return 0;
		}
		esg_buf_printf(why, _("'%s' does not allow 'not applicable'"), f->id);
		return -1;
	}
	return t->parse(f, s, n, fold, out, a, why);
}

int
esg_cell_parse(const struct esg_field *f, const char *cell, size_t len,
    struct esg_answer *out, struct esg_arena *a, struct esg_buf *why)
{
	const char *s = cell;
	size_t n = len;
	char *fold;
	size_t fn;

	out->state = ESG_A_EMPTY;
	esg_trim(&s, &n);
	if (n == 0)
		return 0;
	if (esg_qtype(f)->verbatim)
		return esg_qtype(f)->parse(f, cell, len, NULL, out, a, why);
	/* Most cells are short: fold them on the stack. */
	if (n < 256) {
		char small[256];

		fn = esg_fold_key(small, s, n);
		small[fn] = '\0';
		return parse_trimmed(f, s, n, small, fn, out, a, why);
	}
	fold = esg_arena_strndup(a, s, n);
	fn = esg_fold_key(fold, s, n);
	fold[fn] = '\0';
	return parse_trimmed(f, s, n, fold, fn, out, a, why);
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
		esg_qtype(f)->cell(b, f, ans);
		return;
	}
}
