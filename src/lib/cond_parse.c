/*
 * Tokenizer and recursive-descent parser of the condition language; the
 * grammar is in cond.h.  Parsing only builds the tree: names are resolved
 * and typed by cond_check.c.
 */
#include "esgdiag/cond.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "esgdiag/arena.h"
#include "esgdiag/text.h"
#include "i18n.h"

enum tok {
	T_END, T_WORD, T_NUM, T_STR, T_OP, T_LP, T_RP, T_LB, T_RB, T_COMMA,
	T_BAD,
};

struct parser {
	const char *src;
	size_t pos;
	struct esg_arena *a;
	/* current token */
	enum tok t;
	const char *text;	/* arena copy; for T_OP the operator */
	unsigned off;
	enum esg_cmp cmp;
	int depth;
	/* first error */
	char *msg;
	size_t msglen;
	unsigned erroff;
	bool failed;
};

static bool
wordc(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.' ||
	    c == '/' || c == '+' || c >= 0x80;
}

static void __attribute__((format(printf, 3, 4)))
fail(struct parser *p, unsigned off, const char *fmt, ...)
{
	va_list ap;

	if (p->failed)
		return;
	p->failed = true;
	p->erroff = off;
	va_start(ap, fmt);
	vsnprintf(p->msg, p->msglen, fmt, ap);
	va_end(ap);
}

static void
lex_string(struct parser *p)
{
	char q = p->src[p->pos++];
	struct esg_arena *a = p->a;
	size_t start = p->pos, n = 0;
	char *out;

	/* Unescaped length first; "" and '' double the quote (as in SQL). */
	for (size_t i = start; p->src[i] != '\0'; i++, n++) {
		if (p->src[i] == q && p->src[i + 1] != q)
			goto found;
		if (p->src[i] == q)
			i++;
	}
	fail(p, p->off, _("unterminated string"));
	p->t = T_BAD;
	return;
found:
	out = esg_arena_alloc(a, n + 1);
	for (size_t k = 0; k < n; k++) {
		out[k] = p->src[p->pos];
		p->pos += p->src[p->pos] == q ? 2 : 1;
	}
	p->pos++;
	p->text = out;
	p->t = T_STR;
}

static const struct {
	const char *s;
	enum esg_cmp cmp;
} ops[] = {
	{ "==", ESG_EQ }, { "!=", ESG_NE }, { "<=", ESG_LE },
	{ ">=", ESG_GE }, { "<", ESG_LT }, { ">", ESG_GT },
};

static void
lex_op(struct parser *p)
{
	for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
		size_t n = strlen(ops[i].s);

		if (strncmp(p->src + p->pos, ops[i].s, n) == 0) {
			p->pos += n;
			p->t = T_OP;
			p->text = ops[i].s;
			p->cmp = ops[i].cmp;
			return;
		}
	}
	fail(p, p->off, _("unexpected character '%s'"),
	    esg_arena_strndup(p->a, p->src + p->pos, 1));
	p->t = T_BAD;
}

static void
next(struct parser *p)
{
	const char *s = p->src;
	unsigned char c;
	double d;

	while (s[p->pos] == ' ' || s[p->pos] == '\t' || s[p->pos] == '\n' ||
	    s[p->pos] == '\r')
		p->pos++;
	p->off = (unsigned)p->pos;
	c = (unsigned char)s[p->pos];
	switch (c) {
	case '\0': p->t = T_END; return;
	case '(': p->t = T_LP; p->pos++; return;
	case ')': p->t = T_RP; p->pos++; return;
	case '[': p->t = T_LB; p->pos++; return;
	case ']': p->t = T_RB; p->pos++; return;
	case ',': p->t = T_COMMA; p->pos++; return;
	case '"': case '\'': lex_string(p); return;
	}
	if (!wordc(c)) {
		lex_op(p);
		return;
	}
	size_t start = p->pos;
	while (wordc((unsigned char)s[p->pos]))
		p->pos++;
	p->text = esg_arena_strndup(p->a, s + start, p->pos - start);
	p->t = esg_num_parse_plain(p->text, &d) == ESG_NUM_OK ? T_NUM : T_WORD;
}

static bool
is_kw(const struct parser *p, const char *kw)
{
	return p->t == T_WORD && strcmp(p->text, kw) == 0;
}

static bool
is_reserved(const char *w)
{
	static const char *const kw[] = { "and", "or", "not", "in", "has" };

	for (size_t i = 0; i < sizeof kw / sizeof kw[0]; i++)
		if (strcmp(w, kw[i]) == 0)
			return true;
	return false;
}

static struct esg_cond *
node(struct parser *p, enum esg_cop op, unsigned off)
{
	struct esg_cond *c = esg_arena_alloc(p->a, sizeof *c);

	c->op = op;
	c->off = off;
	return c;
}

static bool
operand(struct parser *p, struct esg_operand *o)
{
	if ((p->t != T_WORD && p->t != T_NUM && p->t != T_STR) ||
	    (p->t == T_WORD && is_reserved(p->text))) {
		fail(p, p->off, _("expected a field, a value or a number"));
		return false;
	}
	o->kind = ESG_O_WORD;
	o->text = p->text;
	o->quoted = p->t == T_STR;
	o->numeric = p->t == T_NUM;
	if (o->numeric)
		esg_num_parse_plain(o->text, &o->num);
	o->off = p->off;
	next(p);
	return true;
}

static bool
list(struct parser *p, struct esg_cond *c)
{
	size_t cap = 0;

	if (p->t != T_LB) {
		fail(p, p->off, _("expected '[' after 'in'"));
		return false;
	}
	next(p);
	while (p->t != T_RB) {
		if (c->nlist == cap) {
			struct esg_operand *v;

			cap = cap ? cap * 2 : 4;
			v = esg_arena_array(p->a, cap, sizeof *v);
			if (c->nlist)
				memcpy(v, c->list, c->nlist * sizeof *v);
			c->list = v;
		}
		if (!operand(p, &c->list[c->nlist++]))
			return false;
		if (p->t == T_COMMA)
			next(p);
		else if (p->t != T_RB) {
			fail(p, p->off, _("expected ',' or ']' in a list"));
			return false;
		}
	}
	next(p);
	return true;
}

static struct esg_cond *expr(struct parser *p);

static struct esg_cond *
atom(struct parser *p)
{
	struct esg_cond *c;
	unsigned off = p->off;

	if (p->t == T_LP) {
		next(p);
		c = expr(p);
		if (c != NULL && p->t != T_RP) {
			fail(p, p->off, _("expected ')'"));
			return NULL;
		}
		next(p);
		return c;
	}
	c = node(p, ESG_C_TRUTH, off);
	if (!operand(p, &c->lhs))
		return NULL;
	if (p->t == T_OP) {
		c->op = ESG_C_CMP;
		c->cmp = p->cmp;
		next(p);
		return operand(p, &c->rhs) ? c : NULL;
	}
	if (is_kw(p, "has")) {
		c->op = ESG_C_HAS;
		next(p);
		return operand(p, &c->rhs) ? c : NULL;
	}
	if (is_kw(p, "not")) {
		next(p);
		if (!is_kw(p, "in")) {
			fail(p, p->off, _("expected 'in' after 'not'"));
			return NULL;
		}
		c->negate = true;
	}
	if (is_kw(p, "in")) {
		c->op = ESG_C_IN;
		next(p);
		return list(p, c) ? c : NULL;
	}
	return c;
}

static struct esg_cond *
not_expr(struct parser *p)
{
	struct esg_cond *c;
	unsigned off = p->off;

	if (!is_kw(p, "not"))
		return atom(p);
	next(p);
	if (++p->depth > ESG_COND_MAX_DEPTH) {
		fail(p, off, _("condition nested too deeply"));
		return NULL;
	}
	c = node(p, ESG_C_NOT, off);
	c->a = not_expr(p);
	p->depth--;
	return c->a ? c : NULL;
}

static struct esg_cond *
binary(struct parser *p, const char *kw, enum esg_cop op,
    struct esg_cond *(*sub)(struct parser *))
{
	struct esg_cond *c = sub(p);

	while (c != NULL && is_kw(p, kw)) {
		struct esg_cond *n = node(p, op, p->off);

		next(p);
		n->a = c;
		n->b = sub(p);
		c = n->b ? n : NULL;
	}
	return c;
}

static struct esg_cond *
and_expr(struct parser *p)
{
	return binary(p, "and", ESG_C_AND, not_expr);
}

static struct esg_cond *
expr(struct parser *p)
{
	struct esg_cond *c;

	if (++p->depth > ESG_COND_MAX_DEPTH) {
		fail(p, p->off, _("condition nested too deeply"));
		return NULL;
	}
	c = binary(p, "or", ESG_C_OR, and_expr);
	p->depth--;
	return c;
}

struct esg_cond *
esg_cond_parse(const char *src, struct esg_arena *a, char *msg, size_t msglen,
    unsigned *off)
{
	struct parser p = { .src = src, .a = a, .msg = msg, .msglen = msglen };
	struct esg_cond *c = NULL;

	if (strlen(src) > ESG_COND_MAX_LEN) {
		snprintf(msg, msglen, _("condition longer than %d bytes"),
		    ESG_COND_MAX_LEN);
		*off = 0;
		return NULL;
	}
	next(&p);
	if (p.t == T_END)
		fail(&p, 0, _("empty condition"));
	else
		c = expr(&p);
	if (c != NULL && p.t != T_END)
		fail(&p, p.off, _("unexpected '%s' after the condition"),
		    p.t == T_WORD || p.t == T_NUM || p.t == T_STR || p.t == T_OP
		    ? p.text : esg_arena_strndup(a, src + p.off, 1));
	if (p.failed) {
		*off = p.erroff;
		return NULL;
	}
	return c;
}
