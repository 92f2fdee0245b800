/*
 * The condition language of `when`, `applies` and `met` (SPEC §3):
 *
 *   expr    := and ('or' and)*
 *   and     := not ('and' not)*
 *   not     := 'not' not | atom
 *   atom    := '(' expr ')'
 *            | FIELD [ ('=='|'!='|'<'|'<='|'>'|'>=') operand
 *                    | ['not'] 'in' '[' operand, ... ']' | 'has' operand ]
 *   operand := FIELD | number | "string" | 'string' | bare option value
 *
 * A field alone is allowed for yes/no fields and means `field == oui`.
 * Parsing builds the tree; esg_cond_check() resolves names against a
 * questionnaire and types them; esg_cond_eval() evaluates with the
 * three-valued logic of SQL.
 */
#ifndef ESG_COND_H
#define ESG_COND_H

#include <stdbool.h>
#include <stddef.h>

struct esg_arena;
struct esg_diags;
struct esg_questionnaire;
struct esg_answer;

enum esg_tri { ESG_FALSE = 0, ESG_TRUE = 1, ESG_UNKNOWN = 2 };

enum esg_cop {
	ESG_C_OR, ESG_C_AND, ESG_C_NOT,
	ESG_C_CMP,		/* lhs cmp rhs */
	ESG_C_IN,		/* lhs [not] in list */
	ESG_C_HAS,		/* lhs has rhs */
	ESG_C_TRUTH,		/* a yes/no field alone */
};

enum esg_cmp { ESG_EQ, ESG_NE, ESG_LT, ESG_LE, ESG_GT, ESG_GE };

enum esg_okind {
	ESG_O_WORD,		/* unresolved bare word (parser output) */
	ESG_O_FIELD,		/* a field, by index */
	ESG_O_NUM,
	ESG_O_STR,
	ESG_O_OPT,		/* an option of the left-hand field, by index */
};

struct esg_operand {
	enum esg_okind kind;
	const char *text;	/* the token as written (unquoted for strings) */
	bool quoted, numeric;	/* how the token was written */
	double num;
	size_t index;		/* field or option index once resolved */
	unsigned off;		/* byte offset in the source, for messages */
};

struct esg_cond {
	enum esg_cop op;
	enum esg_cmp cmp;
	bool negate;		/* 'not in' */
	struct esg_cond *a, *b;
	struct esg_operand lhs, rhs;
	struct esg_operand *list;
	size_t nlist;
	unsigned off;
};

enum { ESG_COND_MAX_LEN = 4096, ESG_COND_MAX_DEPTH = 64 };

/*
 * Parses src into a tree allocated from a.  On a syntax error returns NULL
 * and fills msg (translated) and *off (byte offset of the problem).
 */
struct esg_cond *esg_cond_parse(const char *src, struct esg_arena *a,
    char *msg, size_t msglen, unsigned *off);

/* Where a condition sits in its file, for diagnostics. */
struct esg_cond_site {
	const char *file;
	unsigned line, col;	/* of the first character of the expression */
	bool single_line;	/* offsets can be added to col */
};

/*
 * Resolves names and checks types against q; every problem is reported to
 * d.  Returns the number of errors found.
 */
int esg_cond_check(struct esg_cond *c, const struct esg_questionnaire *q,
    const struct esg_cond_site *site, struct esg_diags *d);

/* Calls fn for each field the condition reads. */
void esg_cond_deps(const struct esg_cond *c,
    void (*fn)(void *ctx, size_t field), void *ctx);

/*
 * What a condition sees of one respondent: each field's answer and whether
 * the field applies (a field that does not apply reads as unknown).
 */
struct esg_env {
	const struct esg_questionnaire *q;
	const struct esg_answer *answers;	/* indexed like q->fields */
	const unsigned char *applicable;	/* idem, ESG_TRUE or not */
};

struct esg_buf;
/*
 * Appends condition c in words for people: fields and options by their
 * labels, operators as words or signs (≥), numbers the French way when
 * french.  c must have been checked (its operands resolved).
 */
void esg_cond_words(struct esg_buf *b, const struct esg_cond *c,
    const struct esg_questionnaire *q, bool french);

enum esg_tri esg_cond_eval(const struct esg_cond *c, const struct esg_env *env);

#endif
