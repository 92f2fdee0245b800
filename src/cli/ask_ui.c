/*
 * What the agent sees and types during `ask`: the question with its
 * numbered choices, the counter, the current answer as its number and
 * label, and the reading of a typed line (numbers, values, labels, nsp,
 * na, "+ note", "2 + note").  Internal option values never show: a wrong
 * entry gets the numbers to choose from.
 */
#include "ask.h"

#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "esgdiag/buf.h"
#include "esgdiag/cond.h"
#include "esgdiag/model.h"
#include "esgdiag/qtype.h"
#include "esgdiag/score.h"
#include "esgdiag/text.h"

bool
ask_applies(const struct interview *iv, size_t i)
{
	return iv->res->when[i] == ESG_TRUE;
}

struct open_dep {
	const struct interview *iv;
	bool open;
};

/* A field a condition reads is open when its answer may still come. */
static void
check_dep(void *ctx, size_t d)
{
	struct open_dep *od = ctx;
	const struct interview *iv = od->iv;

	if (iv->ans.a[d].state == ESG_A_EMPTY && !iv->visited[d] &&
	    (ask_applies(iv, d) || iv->maybe[d]))
		od->open = true;
}

void
ask_count(struct interview *iv, size_t *pos, size_t *total)
{
	const struct esg_questionnaire *q = iv->q;

	*pos = 1;
	for (size_t h = 0; h < iv->nhist; h++)
		*pos += ask_applies(iv, iv->hist[h]);
	*total = 0;
	/* In q->order each field comes after the fields its `when` reads. */
	for (size_t k = 0; k < q->nfields; k++) {
		size_t i = q->order[k];
		struct open_dep od = { iv, false };

		/* Three-valued logic: false stays false whatever comes. */
		if (iv->res->when[i] == ESG_UNKNOWN && q->fields[i].when)
			esg_cond_deps(q->fields[i].when, check_dep, &od);
		iv->maybe[i] = ask_applies(iv, i) || od.open;
		*total += iv->maybe[i];
	}
	if (*total < *pos)
		*total = *pos;
}

static void
show_section(struct interview *iv, size_t i)
{
	const struct esg_field *f = &iv->q->fields[i];
	size_t sec = f->is_profile ? ESG_NONE - 1 : f->section;
	struct esg_buf b = ESG_BUF_INIT;

	if (sec == iv->shown_section)
		return;
	iv->shown_section = sec;
	esg_buf_printf(&b, "%s ==", f->is_profile ? _("Profile") :
	    iv->q->sections[sec].title);
	prompt_printf(&iv->pr, PS_TITLE, "\n");
	prompt_wrap(&iv->pr, PS_TITLE, "== ", esg_buf_str(&b));
	esg_buf_release(&b);
	if (!f->is_profile && iv->q->sections[sec].intro)
		prompt_wrap(&iv->pr, PS_HINT, "", iv->q->sections[sec].intro);
}

static const char *
option_label(const struct esg_option *o)
{
	return o->label ? o->label : o->value;
}

void
ask_show_choices(struct interview *iv, const struct esg_field *f)
{
	for (size_t k = 0; k < f->noptions; k++) {
		const struct esg_option *o = &f->options[k];
		char num[32];

		if (f->type == ESG_QTYPE_SCALE) {
			if (o->label) {
				snprintf(num, sizeof num, "  %s = ", o->value);
				prompt_wrap(&iv->pr, PS_PLAIN, num, o->label);
			}
			continue;
		}
		snprintf(num, sizeof num, "  %2zu. ", k + 1);
		prompt_wrap(&iv->pr, PS_PLAIN, num, option_label(o));
	}
}

/* The line under the choices that says what to type. */
static void
input_hint(const struct esg_field *f, struct esg_buf *b)
{
	esg_qtype(f)->hint(b, f);
}

/* An answer as the agent chose it: "2. Commune", "1. Oui; 3. Non", "62480". */
static void
describe(const struct esg_field *f, const struct esg_answer *a, struct esg_buf *b)
{
	const char *sep = "";

	if (a->state == ESG_A_UNKNOWN || a->state == ESG_A_NA) {
		esg_buf_puts(b, a->state == ESG_A_NA ? _("not applicable") :
		    _("don't know"));
		return;
	}
	if (a->state == ESG_A_EMPTY)
		return;
	if (f->type == ESG_QTYPE_SINGLE || f->type == ESG_QTYPE_YESNO)
		esg_buf_printf(b, "%zu. %s", a->opt + 1,
		    option_label(&f->options[a->opt]));
	else if (f->type == ESG_QTYPE_MULTI) {
		for (size_t k = 0; k < f->noptions; k++)
			if (a->sel[k]) {
				esg_buf_printf(b, "%s%zu. %s", sep, k + 1,
				    option_label(&f->options[k]));
				sep = "; ";
			}
	} else {
		esg_cell_format(b, f, a);
		if (f->type == ESG_QTYPE_SCALE && f->options[a->opt].label)
			esg_buf_printf(b, " (%s)", f->options[a->opt].label);
		else if (f->type == ESG_QTYPE_NUMBER && f->unit)
			esg_buf_printf(b, " %s", f->unit);
	}
}

void
ask_show_question(struct interview *iv, size_t i)
{
	const struct esg_field *f = &iv->q->fields[i];
	struct esg_buf b = ESG_BUF_INIT;
	size_t pos, total;

	prompt_refresh(&iv->pr);
	show_section(iv, i);
	ask_count(iv, &pos, &total);
	esg_buf_printf(&b, "[%zu/%zu] ", pos, total);
	prompt_printf(&iv->pr, PS_HINT, "\n");
	prompt_wrap(&iv->pr, PS_HINT, esg_buf_str(&b), f->is_profile ?
	    _("Profile") : iv->q->sections[f->section].title);
	prompt_wrap(&iv->pr, PS_QUESTION, "", f->text);
	ask_show_choices(iv, f);
	esg_buf_reset(&b);
	input_hint(f, &b);
	esg_buf_putc(&b, ')');
	prompt_wrap(&iv->pr, PS_HINT, "  (", esg_buf_str(&b));
	esg_buf_reset(&b);
	describe(f, &iv->ans.a[i], &b);
	if (b.len > 0) {
		esg_buf_puts(&b, _(" (Enter keeps it)"));
		prompt_wrap(&iv->pr, PS_HINT, _("  Current answer: "), esg_buf_str(&b));
	}
	if (iv->ans.a[i].note)
		prompt_wrap(&iv->pr, PS_HINT, _("  Note: "), iv->ans.a[i].note);
	esg_buf_release(&b);
}

void
ask_show_help(struct interview *iv, const struct esg_field *f)
{
	if (f->help)
		prompt_wrap(&iv->pr, PS_HINT, "  ", f->help);
	else
		prompt_printf(&iv->pr, PS_HINT, "  %s\n", _("No explanation for this question."));
	/* Only what this question accepts: na is refused without allow_na. */
	prompt_wrap(&iv->pr, PS_HINT, "  ", f->allow_na ?
	    _("Answer, or: nsp = don't know, "
	    "na = not applicable, < = back, + text = add a note (2 + text: "
	    "answer 2 and add the note), q = save and quit") :
	    _("Answer, or: nsp = don't know, < = back, + text = add a note "
	    "(2 + text: answer 2 and add the note), q = save and quit"));
}
