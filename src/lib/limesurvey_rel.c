/*
 * `when` conditions as LimeSurvey relevance equations (limesurvey.h).
 * Fields are named by their question codes, options by their answer
 * codes; a multiple choice option is the subquestion variable CODE_SQ,
 * "Y" when ticked.
 */
#include "esgdiag/limesurvey.h"

#include <string.h>

#include "esgdiag/buf.h"
#include "esgdiag/cond.h"
#include "esgdiag/model.h"
#include "esgdiag/text.h"

static const char *const ops[] = { "==", "!=", "<", "<=", ">", ">=" };

static void
code(struct esg_buf *b, const struct esg_questionnaire *q, size_t field)
{
	char c[ESG_LS_CODE_MAX];

	esg_ls_qcode(q, field, c);
	esg_buf_puts(b, c);
}

/* A string literal in single quotes, which the TSV cell need not quote. */
static void
literal(struct esg_buf *b, const char *s)
{
	esg_buf_putc(b, '\'');
	for (; *s; s++) {
		if (*s == '\'' || *s == '\\')
			esg_buf_putc(b, '\\');
		esg_buf_putc(b, *s);
	}
	esg_buf_putc(b, '\'');
}

static void
operand(struct esg_buf *b, const struct esg_questionnaire *q, size_t lhs,
    const struct esg_operand *o)
{
	char c[ESG_LS_CODE_MAX];

	switch (o->kind) {
	case ESG_O_FIELD:
		code(b, q, o->index);
		return;
	case ESG_O_NUM:
		esg_num_format(b, o->num);
		return;
	case ESG_O_OPT:
		if (q->fields[lhs].type == ESG_QTYPE_SCALE)
			esg_buf_printf(b, "%d", q->fields[lhs].min + (int)o->index);
		else {
			esg_ls_acode(q, lhs, o->index, c);
			literal(b, c);
		}
		return;
	default:
		literal(b, o->text);
	}
}

/* "(!is_empty(X) and X op v)": an empty answer compares false. */
static void
compare(struct esg_buf *b, const struct esg_questionnaire *q,
    const struct esg_operand *l, enum esg_cmp cmp, const struct esg_operand *r)
{
	esg_buf_puts(b, "(!is_empty(");
	code(b, q, l->index);
	esg_buf_puts(b, ") and ");
	code(b, q, l->index);
	esg_buf_printf(b, " %s ", ops[cmp]);
	operand(b, q, l->index, r);
	esg_buf_putc(b, ')');
}

static void
in_list(struct esg_buf *b, const struct esg_questionnaire *q,
    const struct esg_cond *c)
{
	esg_buf_puts(b, c->negate ? "(!is_empty(" : "(");
	if (c->negate) {
		code(b, q, c->lhs.index);
		esg_buf_puts(b, ") and !(");
	}
	for (size_t i = 0; i < c->nlist; i++) {
		esg_buf_puts(b, i ? " or " : "");
		code(b, q, c->lhs.index);
		esg_buf_puts(b, " == ");
		operand(b, q, c->lhs.index, &c->list[i]);
	}
	esg_buf_puts(b, c->negate ? "))" : ")");
}

static void
has(struct esg_buf *b, const struct esg_questionnaire *q,
    const struct esg_cond *c)
{
	char sq[ESG_LS_CODE_MAX];

	esg_ls_acode(q, c->lhs.index, c->rhs.index, sq);
	code(b, q, c->lhs.index);
	esg_buf_printf(b, "_%s == 'Y'", sq);
}

void
esg_ls_relevance(struct esg_buf *b, const struct esg_questionnaire *q,
    const struct esg_cond *c)
{
	switch (c->op) {
	case ESG_C_OR:
	case ESG_C_AND:
		esg_buf_putc(b, '(');
		esg_ls_relevance(b, q, c->a);
		esg_buf_puts(b, c->op == ESG_C_OR ? " or " : " and ");
		esg_ls_relevance(b, q, c->b);
		esg_buf_putc(b, ')');
		return;
	case ESG_C_NOT:
		esg_buf_puts(b, "!");
		esg_ls_relevance(b, q, c->a);
		return;
	case ESG_C_CMP:
		compare(b, q, &c->lhs, c->cmp, &c->rhs);
		return;
	case ESG_C_IN:
		in_list(b, q, c);
		return;
	case ESG_C_HAS:
		has(b, q, c);
		return;
	case ESG_C_TRUTH:
		code(b, q, c->lhs.index);
		esg_buf_puts(b, " == 'oui'");
		return;
	}
}
