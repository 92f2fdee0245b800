/*
 * Name resolution and type checking of conditions, and their evaluation
 * with three-valued logic.  Typing rules, by the type of the left-hand
 * field:
 *   single, yesno  == != in, against option values (bare, quoted or numeric)
 *   multi          has, against an option value
 *   scale, number  == != < <= > >= in, against numbers or numeric fields
 *   text           == != in, against quoted strings or text fields
 * A bare word on the right of a choice field is always one of its option
 * values, even when a field has the same name (SPEC §3).
 */
#include "esgdiag/cond.h"

#include <stdarg.h>
#include <string.h>

#include "esgdiag/answers.h"
#include "esgdiag/buf.h"
#include "esgdiag/diag.h"
#include "esgdiag/model.h"
#include "esgdiag/qtype.h"
#include "i18n.h"

struct checker {
	const struct esg_questionnaire *q;
	const struct esg_cond_site *site;
	struct esg_diags *d;
	int errors;
};

static void __attribute__((format(printf, 3, 4)))
report(struct checker *k, unsigned off, const char *fmt, ...)
{
	struct esg_buf b = ESG_BUF_INIT;
	unsigned col = k->site->col;
	va_list ap;

	va_start(ap, fmt);
	esg_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	if (k->site->single_line)
		col += off;
	esg_diag_add(k->d, ESG_SEV_ERROR, k->site->file, k->site->line, col,
	    "%s", esg_buf_str(&b));
	esg_buf_release(&b);
	k->errors++;
}

static bool
numeric_field(const struct esg_field *f)
{
	return esg_qtype(f)->numeric;
}

static const char *
kind_name(const struct esg_field *f)
{
	return _(esg_qtype(f)->kind);
}

static size_t
option_index(const struct esg_field *f, const char *v)
{
	for (size_t i = 0; i < f->noptions; i++)
		if (strcmp(f->options[i].value, v) == 0)
			return i;
	return ESG_NONE;
}

static void
list_options(struct esg_buf *b, const struct esg_field *f)
{
	for (size_t i = 0; i < f->noptions; i++)
		esg_buf_printf(b, "%s%s", i ? ", " : "", f->options[i].value);
}

/* An option value of choice field f. */
static void
resolve_option(struct checker *k, const struct esg_field *f,
    struct esg_operand *o)
{
	struct esg_buf b = ESG_BUF_INIT;
	const char *hint;

	o->index = option_index(f, o->text);
	if (o->index != ESG_NONE) {
		o->kind = ESG_O_OPT;
		return;
	}
	list_options(&b, f);
	if ((hint = esg_option_hint(f, o->text)) != NULL)
		report(k, o->off, _("'%s' is not an option of '%s' (did you mean "
		    "'%s'? expected one of: %s)"), o->text, f->id, hint,
		    esg_buf_str(&b));
	else
		report(k, o->off, _("'%s' is not an option of '%s' (expected one "
		    "of: %s)"), o->text, f->id, esg_buf_str(&b));
	esg_buf_release(&b);
}

/* A field named by a bare word; reports it if unknown. */
static const struct esg_field *
resolve_field(struct checker *k, struct esg_operand *o)
{
	size_t i;

	if (o->quoted || o->numeric) {
		report(k, o->off, _("expected a field name, found '%s'"), o->text);
		return NULL;
	}
	i = esg_field_find(k->q, o->text);
	if (i == ESG_NONE) {
		const char *hint = esg_field_hint(k->q, o->text);

		if (hint != NULL)
			report(k, o->off, _("unknown identifier '%s' (did you mean "
			    "'%s'?)"), o->text, hint);
		else
			report(k, o->off, _("unknown identifier '%s'"), o->text);
		return NULL;
	}
	o->kind = ESG_O_FIELD;
	o->index = i;
	return &k->q->fields[i];
}

/* The right-hand side of a comparison (or a list item) with field f. */
static void
resolve_value(struct checker *k, const struct esg_field *f,
    struct esg_operand *o, bool in_list)
{
	if (f->type == ESG_QTYPE_SINGLE || f->type == ESG_QTYPE_YESNO ||
	    f->type == ESG_QTYPE_MULTI) {
		resolve_option(k, f, o);
		return;
	}
	bool want_num = numeric_field(f);

	if (o->numeric && want_num) {
		o->kind = ESG_O_NUM;
		return;
	}
	if (o->quoted && !want_num) {
		o->kind = ESG_O_STR;
		return;
	}
	if (!o->quoted && !o->numeric && !in_list &&
	    esg_field_find(k->q, o->text) != ESG_NONE) {
		const struct esg_field *g = resolve_field(k, o);

		if (numeric_field(g) == want_num && (want_num ||
		    g->type == ESG_QTYPE_TEXT))
			return;
		report(k, o->off, _("type mismatch: '%s' is %s and '%s' is %s"),
		    f->id, kind_name(f), g->id, kind_name(g));
		return;
	}
	report(k, o->off, _("type mismatch: '%s' is %s and '%s' is not %s"),
	    f->id, kind_name(f), o->text,
	    want_num ? _("a number") : _("a quoted string"));
}

static const char *const cmp_names[] = { "==", "!=", "<", "<=", ">", ">=" };

static void
check_atom(struct checker *k, struct esg_cond *c)
{
	const struct esg_field *f = resolve_field(k, &c->lhs);

	if (f == NULL)
		return;
	switch (c->op) {
	case ESG_C_TRUTH:
		if (f->type != ESG_QTYPE_YESNO)
			report(k, c->lhs.off, _("'%s' is %s, not a yes/no field: "
			    "compare it with a value"), f->id, kind_name(f));
		return;
	case ESG_C_HAS:
		if (f->type != ESG_QTYPE_MULTI) {
			report(k, c->lhs.off, _("'has' needs a multiple choice; "
			    "'%s' is %s"), f->id, kind_name(f));
			return;
		}
		resolve_option(k, f, &c->rhs);
		return;
	case ESG_C_CMP:
	case ESG_C_IN:
		break;
	default:
		return;
	}
	if (f->type == ESG_QTYPE_MULTI) {
		report(k, c->lhs.off, _("'%s' is a multiple choice: use 'has'"),
		    f->id);
		return;
	}
	if (c->op == ESG_C_CMP && c->cmp >= ESG_LT && !numeric_field(f)) {
		report(k, c->off, _("'%s' needs numbers; '%s' is %s"),
		    cmp_names[c->cmp], f->id, kind_name(f));
		return;
	}
	if (c->op == ESG_C_CMP)
		resolve_value(k, f, &c->rhs, false);
	else
		for (size_t i = 0; i < c->nlist; i++)
			resolve_value(k, f, &c->list[i], true);
}

static void
check(struct checker *k, struct esg_cond *c)
{
	switch (c->op) {
	case ESG_C_OR:
	case ESG_C_AND:
		check(k, c->a);
		check(k, c->b);
		break;
	case ESG_C_NOT:
		check(k, c->a);
		break;
	default:
		check_atom(k, c);
	}
}

int
esg_cond_check(struct esg_cond *c, const struct esg_questionnaire *q,
    const struct esg_cond_site *site, struct esg_diags *d)
{
	struct checker k = { q, site, d, 0 };

	check(&k, c);
	return k.errors;
}

void
esg_cond_deps(const struct esg_cond *c, void (*fn)(void *, size_t), void *ctx)
{
	if (c->a != NULL)
		esg_cond_deps(c->a, fn, ctx);
	if (c->b != NULL)
		esg_cond_deps(c->b, fn, ctx);
	if (c->lhs.kind == ESG_O_FIELD)
		fn(ctx, c->lhs.index);
	if (c->rhs.kind == ESG_O_FIELD)
		fn(ctx, c->rhs.index);
}
