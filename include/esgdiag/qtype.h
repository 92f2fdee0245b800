/*
 * Question types as data: one operations table per type (tmux's
 * options-table, curl's writeout table), so that what a type means to the
 * cell parser, the scorer, the conditions, the renderers and the interview
 * lives in one file, src/lib/qtype_NAME.c, and the rest of the code asks
 * the table instead of switching on the type.  Adding a type is that file
 * and one row in qtype.c (see docs/internals.md).
 */
#ifndef ESG_QTYPE_H
#define ESG_QTYPE_H

#include <stdbool.h>
#include <stddef.h>

struct esg_answer;
struct esg_arena;
struct esg_buf;
struct esg_field;

struct esg_qtype_ops {
	const char *name;	/* the YAML keyword after `type:` */
	const char *kind;	/* N_() noun phrase for messages: "a scale" */
	const char *limesurvey;	/* LimeSurvey's question type code */
	bool numeric;		/* compared with numbers in conditions */
	bool verbatim;		/* the cell is kept as typed: no tokens, no options */
	bool options;		/* a cell may name one of its options */
	bool set;		/* the answer is a set of options (sel), not one */
	/*
	 * A trimmed, non-empty cell s[0..n) that named no option and no
	 * nsp/na token (fold: its key, esg_fold_key, NUL-terminated and maybe
	 * shorter than n); a verbatim type gets the cell untrimmed and no
	 * fold.  Fills *out, or appends to why what was expected and returns
	 * -1.
	 */
	int (*parse)(const struct esg_field *f, const char *s, size_t n,
	    const char *fold, struct esg_answer *out, struct esg_arena *a,
	    struct esg_buf *why);
	/* Writers of an answer whose state is ESG_A_VALUE: */
	void (*cell)(struct esg_buf *b, const struct esg_field *f,
	    const struct esg_answer *a);	/* the canonical CSV cell */
	void (*json)(struct esg_buf *b, const struct esg_field *f,
	    const struct esg_answer *a);	/* a JSON value */
	void (*human)(struct esg_buf *b, const struct esg_field *f,
	    const struct esg_answer *a, bool french);	/* reports' words */
	double (*score)(const struct esg_field *f, const struct esg_answer *a);
	/* What to type, under the interview's choices (translated). */
	void (*hint)(struct esg_buf *b, const struct esg_field *f);
	/* The answer space of the paper form (Markdown). */
	void (*paper)(struct esg_buf *b, const struct esg_field *f);
};

/* The operations of f's type; never NULL. */
const struct esg_qtype_ops *esg_qtype(const struct esg_field *f);
/* The type named name (YAML keyword): its enum value, or -1. */
int esg_qtype_find(const char *name);

#endif
