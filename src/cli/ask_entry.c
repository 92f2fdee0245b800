/*
 * Reading one typed line of the interview.  The whole line is tried as an
 * answer first, so "+2000" is a number and a label holding a '+' is that
 * label; then "ANSWER + NOTE" (split at the first '+' past the first
 * character); then "+ NOTE" alone.  For a text question the line is the
 * answer unless it starts with '+'.
 */
#include "ask.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cmd.h"
#include "esgdiag/buf.h"
#include "esgdiag/model.h"
#include "esgdiag/text.h"

/* What the numbers typed for a choice question chose. */
struct picks {
	size_t n, exclusive;	/* exclusive: an exclusive option chosen */
	const char *bad;	/* NULL when every number was a choice */
};

/*
 * Choice questions take option numbers ("2", "1,3", "1 3"); anything else
 * is read as a cell of the answers file, so values, labels, nsp and na
 * work as they do there.  The cell text to parse goes to b.
 */
static void
numbers_to_values(const struct esg_field *f, const char *in, struct esg_buf *b,
    struct picks *pk)
{
	const char *p = in;

	memset(pk, 0, sizeof *pk);
	pk->exclusive = ESG_NONE;
	if (f->type != ESG_QTYPE_SINGLE && f->type != ESG_QTYPE_MULTI &&
	    f->type != ESG_QTYPE_YESNO)
		goto verbatim;
	while (*p) {
		char *end;
		unsigned long k;

		while (*p == ' ' || *p == ',')
			p++;
		if (!*p)
			break;
		if (*p < '0' || *p > '9')
			goto verbatim;
		k = strtoul(p, &end, 10);
		if (k < 1 || k > f->noptions || (pk->n++ > 0 &&
		    f->type != ESG_QTYPE_MULTI)) {
			pk->bad = p;
			goto verbatim;
		}
		if (f->options[k - 1].exclusive)
			pk->exclusive = k - 1;
		esg_buf_printf(b, "%s%s", pk->n > 1 ? "|" : "", f->options[k - 1].value);
		p = end;
	}
	if (pk->n > 0)
		return;
verbatim:
	pk->n = 0;
	esg_buf_reset(b);
	esg_buf_puts(b, in);
}

/*
 * A number followed by its field's unit, as the prompt shows it ("65 000
 * habitants", "60,5 M€"): the unit goes.  Only here: SPEC §4 lets a CSV
 * cell carry no unit but '%', which the cell parser reads itself.
 */
static void
drop_unit(const struct esg_field *f, char *text)
{
	size_t n = strlen(text), u = f->unit ? strlen(f->unit) : 0;

	if (f->type != ESG_QTYPE_NUMBER || u == 0 || u >= n ||
	    strcmp(f->unit, "%") == 0 ||
	    strncasecmp(text + n - u, f->unit, u) != 0)
		return;
	text[n - u] = '\0';
}

/* Tries s[0..n) as the answer of f; why says what is wrong if not. */
static bool
try_answer(struct interview *iv, const struct esg_field *f, const char *s,
    size_t n, struct esg_answer *a, struct esg_buf *why, struct picks *pk)
{
	struct esg_buf cell = ESG_BUF_INIT;
	char *text;
	bool ok;

	memset(pk, 0, sizeof *pk);
	pk->exclusive = ESG_NONE;
	esg_trim(&s, &n);
	if (n == 0)
		return false;
	text = strndup(s, n);
	if (text == NULL)
		return false;
	drop_unit(f, text);
	numbers_to_values(f, text, &cell, pk);
	memset(a, 0, sizeof *a);
	esg_buf_reset(why);
	ok = esg_cell_parse(f, esg_buf_str(&cell), cell.len, a, &iv->ans.arena,
	    why) == 0;
	free(text);
	esg_buf_release(&cell);
	return ok;
}

static bool
is_choice(const struct esg_field *f)
{
	return f->type == ESG_QTYPE_SINGLE || f->type == ESG_QTYPE_MULTI ||
	    f->type == ESG_QTYPE_YESNO;
}

/* Explains a wrong entry in the agent's terms: numbers, not values. */
/* Whether s is a "not applicable" token, which field f does not allow. */
static bool
na_refused(struct interview *iv, const struct esg_field *f, const char *s,
    size_t n)
{
	struct esg_field lax = *f;
	struct esg_answer a;
	struct esg_buf why = ESG_BUF_INIT;
	bool na;

	lax.allow_na = true;
	na = !f->allow_na && esg_cell_parse(&lax, s, n, &a, &iv->ans.arena,
	    &why) == 0 && a.state == ESG_A_NA;
	esg_buf_release(&why);
	return na;
}

static void
explain(struct interview *iv, const struct esg_field *f, const char *s,
    size_t n, const struct esg_buf *why, const struct picks *pk)
{
	if (na_refused(iv, f, s, n)) {
		prompt_printf(&iv->pr, PS_ERROR, "  %s\n", _("This question has "
		    "no 'not applicable' answer."));
		return;
	}
	if (!is_choice(f)) {
		prompt_printf(&iv->pr, PS_ERROR, _("  Not understood: %s.\n"),
		    esg_buf_str(why));
		prompt_printf(&iv->pr, PS_ERROR, "  %s\n", _("Type ? for help."));
		return;
	}
	if (pk->n > 1 && pk->exclusive != ESG_NONE) {
		const struct esg_option *o = &f->options[pk->exclusive];

		prompt_printf(&iv->pr, PS_ERROR, _("  '%zu. %s' goes with no other "
		    "choice.\n"), pk->exclusive + 1, o->label ? o->label : o->value);
		return;
	}
	if (f->type == ESG_QTYPE_MULTI)
		prompt_printf(&iv->pr, PS_ERROR, _("  Answer with the numbers of "
		    "your choices, from 1 to %zu, separated by commas, or ? for "
		    "help.\n"), f->noptions);
	else
		prompt_printf(&iv->pr, PS_ERROR, _("  Answer with a number from 1 "
		    "to %zu, or ? for help.\n"), f->noptions);
	ask_show_choices(iv, f);
}

/* "+" alone: removes the note there is, or says how to write one. */
static int
empty_note(struct interview *iv, size_t i, struct entry *e)
{
	if (iv->ans.a[i].note != NULL) {
		e->has_note = true;
		e->note = NULL;
		return 0;
	}
	prompt_printf(&iv->pr, PS_ERROR, "  %s\n", _("No note given: type + "
	    "followed by the note, e.g. + deliberation of 12 March 2025."));
	return -1;
}

static void
take_note(struct interview *iv, struct entry *e, const char *s, size_t n)
{
	esg_trim(&s, &n);
	if (n == 0)
		return;
	e->has_note = true;
	e->note = esg_arena_strndup(&iv->ans.arena, s, n);
}

int
ask_parse_entry(struct interview *iv, size_t i, const char *s, size_t n,
    struct entry *e)
{
	const struct esg_field *f = &iv->q->fields[i];
	struct esg_buf why = ESG_BUF_INIT, why2 = ESG_BUF_INIT;
	struct picks pk = { 0 }, pk2 = { 0 };
	const char *plus = n > 1 ? memchr(s + 1, '+', n - 1) : NULL;
	bool lead = s[0] == '+';
	int rc = 0;

	memset(e, 0, sizeof *e);
	if (n == 1 && lead)
		return empty_note(iv, i, e);
	if (!(lead && f->type == ESG_QTYPE_TEXT) &&
	    try_answer(iv, f, s, n, &e->a, &why, &pk))
		e->has_answer = true;
	else if (plus && f->type != ESG_QTYPE_TEXT &&
	    try_answer(iv, f, s, (size_t)(plus - s), &e->a, &why2, &pk2)) {
		e->has_answer = true;
		take_note(iv, e, plus + 1, n - (size_t)(plus - s) - 1);
	} else if (lead) {
		take_note(iv, e, s + 1, n - 1);
		if (!e->has_note)
			rc = empty_note(iv, i, e);
	} else {
		explain(iv, f, s, n, &why, &pk);
		rc = -1;
	}
	esg_buf_release(&why);
	esg_buf_release(&why2);
	return rc;
}
