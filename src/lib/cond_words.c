/*
 * A condition in words, for the people who read explain and obligations:
 * fields by their labels, option values by their labels, numbers the
 * French way when asked, and words for the operators, so that nobody has
 * to read the questionnaire's expression syntax.
 */
#include "esgdiag/cond.h"

#include <assert.h>
#include <string.h>

#include "esgdiag/buf.h"
#include "esgdiag/model.h"
#include "esgdiag/text.h"
#include "i18n.h"

struct words {
	struct esg_buf *b;
	const struct esg_questionnaire *q;
	bool french;
};

static void
operand(struct words *w, const struct esg_field *lhs,
    const struct esg_operand *o)
{
	switch (o->kind) {
	case ESG_O_FIELD:
		/* The checker resolved every field operand into q->fields. */
		assert(w->q->fields != NULL && o->index < w->q->nfields);
		esg_buf_printf(w->b, _("\"%s\""), w->q->fields[o->index].label);
		return;
	case ESG_O_NUM:
		esg_num_human(w->b, o->num, ESG_NUM_SHORTEST, w->french);
		return;
	case ESG_O_OPT:
		if (lhs != NULL && o->index < lhs->noptions) {
			const struct esg_option *opt = &lhs->options[o->index];

			esg_buf_puts(w->b, opt->label ? opt->label : opt->value);
			return;
		}
		break;
	default:
		break;
	}
	esg_buf_printf(w->b, _("\"%s\""), o->text);
}

/* Comparison signs, which read the same in every language. */
static const char *
cmp_word(enum esg_cmp c)
{
	static const char *const sym[] = { "=", "≠", "<", "≤", ">", "≥" };

	return sym[c];
}

/* The right-hand side: an operand, or the list of an "in". */
static void
rhs_words(struct words *w, const struct esg_field *f, const struct esg_cond *c)
{
	if (c->op != ESG_C_IN) {
		operand(w, f, &c->rhs);
		return;
	}
	for (size_t i = 0; i < c->nlist; i++) {
		if (i > 0)
			esg_buf_puts(w->b, i + 1 < c->nlist ? ", " : _(" or "));
		operand(w, f, &c->list[i]);
	}
}

static void
leaf(struct words *w, const struct esg_cond *c)
{
	/* A checked condition's left-hand side is always a resolved field. */
	bool field = c->lhs.kind == ESG_O_FIELD;
	const struct esg_field *f = field ? &w->q->fields[c->lhs.index] : NULL;
	const char *name = field ? w->q->fields[c->lhs.index].label : c->lhs.text;
	struct esg_buf rhs = ESG_BUF_INIT;
	struct words r = { &rhs, w->q, w->french };
	bool choice = field && w->q->fields[c->lhs.index].noptions > 0;

	if (c->op != ESG_C_TRUTH)
		rhs_words(&r, f, c);
	switch (c->op) {
	case ESG_C_TRUTH:
		esg_buf_printf(w->b, _("the answer to \"%s\" is yes"), name);
		break;
	case ESG_C_HAS:
		esg_buf_printf(w->b, _("the answer to \"%s\" includes %s"), name,
		    esg_buf_str(&rhs));
		break;
	case ESG_C_IN:
		esg_buf_printf(w->b, c->negate ? _("the answer to \"%s\" is none "
		    "of: %s") : _("the answer to \"%s\" is %s"), name, esg_buf_str(&rhs));
		break;
	default:
		if (choice && (c->cmp == ESG_EQ || c->cmp == ESG_NE))
			esg_buf_printf(w->b, c->cmp == ESG_EQ ? _("the answer to \"%s\" "
			    "is %s") : _("the answer to \"%s\" is not %s"), name,
			    esg_buf_str(&rhs));
		else
			esg_buf_printf(w->b, _("\"%s\" %s %s"), name, cmp_word(c->cmp),
			    esg_buf_str(&rhs));
	}
	esg_buf_release(&rhs);
}

static void
node(struct words *w, const struct esg_cond *c, enum esg_cop parent)
{
	bool paren = (c->op == ESG_C_OR || c->op == ESG_C_AND) && parent != c->op &&
	    (parent == ESG_C_OR || parent == ESG_C_AND || parent == ESG_C_NOT);

	switch (c->op) {
	case ESG_C_OR:
	case ESG_C_AND:
		esg_buf_puts(w->b, paren ? "(" : "");
		node(w, c->a, c->op);
		esg_buf_puts(w->b, c->op == ESG_C_OR ? _(" or ") : _(" and "));
		node(w, c->b, c->op);
		esg_buf_puts(w->b, paren ? ")" : "");
		return;
	case ESG_C_NOT:
		esg_buf_puts(w->b, _("not ("));
		node(w, c->a, ESG_C_NOT);
		esg_buf_putc(w->b, ')');
		return;
	default:
		leaf(w, c);
	}
}

void
esg_cond_words(struct esg_buf *b, const struct esg_cond *c,
    const struct esg_questionnaire *q, bool french)
{
	struct words w = { b, q, french };

	/* A top-level node has no parent operator: CMP stands for "none". */
	node(&w, c, ESG_C_CMP);
}
