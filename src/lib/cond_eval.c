/*
 * Evaluation of checked conditions with SQL's three-valued logic: any
 * comparison that reads an unanswered, unknown or not-applicable field is
 * unknown, and unknown propagates through and/or/not as in SQL.
 */
#include "esgdiag/cond.h"

#include <string.h>

#include "esgdiag/answers.h"
#include "esgdiag/model.h"

/* The answer of field i if it has a usable value, else NULL. */
static const struct esg_answer *
value(const struct esg_env *env, size_t i)
{
	const struct esg_answer *a = &env->answers[i];

	if (env->applicable[i] != ESG_TRUE || a->state != ESG_A_VALUE)
		return NULL;
	return a;
}

static enum esg_tri
tri(bool b)
{
	return b ? ESG_TRUE : ESG_FALSE;
}

/* Three-way comparison of the left answer with operand o: <0, 0, >0, or 2 unknown. */
static int
compare(const struct esg_env *env, const struct esg_field *f,
    const struct esg_answer *l, const struct esg_operand *o)
{
	const struct esg_answer *r;

	switch (o->kind) {
	case ESG_O_OPT:
		return l->opt == o->index ? 0 : 1;
	case ESG_O_NUM:
		return (l->num > o->num) - (l->num < o->num);
	case ESG_O_STR:
		return strcmp(l->text, o->text) != 0;
	case ESG_O_FIELD:
		if ((r = value(env, o->index)) == NULL)
			return 2;
		if (f->type == ESG_QTYPE_TEXT)
			return strcmp(l->text, r->text) != 0;
		return (l->num > r->num) - (l->num < r->num);
	default:
		return 2;
	}
}

static enum esg_tri
cmp_result(enum esg_cmp op, int r)
{
	switch (op) {
	case ESG_EQ: return tri(r == 0);
	case ESG_NE: return tri(r != 0);
	case ESG_LT: return tri(r < 0);
	case ESG_LE: return tri(r <= 0);
	case ESG_GT: return tri(r > 0);
	case ESG_GE: return tri(r >= 0);
	}
	return ESG_UNKNOWN;
}

static enum esg_tri
eval_atom(const struct esg_cond *c, const struct esg_env *env)
{
	const struct esg_field *f = &env->q->fields[c->lhs.index];
	const struct esg_answer *l = value(env, c->lhs.index);
	int r;

	if (l == NULL)
		return ESG_UNKNOWN;
	switch (c->op) {
	case ESG_C_TRUTH:
		return tri(l->opt == 0);	/* yesno options: oui, non */
	case ESG_C_HAS:
		return tri(l->sel[c->rhs.index] != 0);
	case ESG_C_CMP:
		r = compare(env, f, l, &c->rhs);
		return r == 2 ? ESG_UNKNOWN : cmp_result(c->cmp, r);
	case ESG_C_IN:
		for (size_t i = 0; i < c->nlist; i++)
			if (compare(env, f, l, &c->list[i]) == 0)
				return tri(!c->negate);
		return tri(c->negate);
	default:
		return ESG_UNKNOWN;
	}
}

enum esg_tri
esg_cond_eval(const struct esg_cond *c, const struct esg_env *env)
{
	enum esg_tri a, b;

	switch (c->op) {
	case ESG_C_NOT:
		a = esg_cond_eval(c->a, env);
		return a == ESG_UNKNOWN ? a : tri(a == ESG_FALSE);
	case ESG_C_AND:
		a = esg_cond_eval(c->a, env);
		if (a == ESG_FALSE)
			return a;
		b = esg_cond_eval(c->b, env);
		if (b == ESG_FALSE)
			return b;
		return a == ESG_TRUE && b == ESG_TRUE ? ESG_TRUE : ESG_UNKNOWN;
	case ESG_C_OR:
		a = esg_cond_eval(c->a, env);
		if (a == ESG_TRUE)
			return a;
		b = esg_cond_eval(c->b, env);
		if (b == ESG_TRUE)
			return b;
		return a == ESG_FALSE && b == ESG_FALSE ? ESG_FALSE : ESG_UNKNOWN;
	default:
		return eval_atom(c, env);
	}
}
