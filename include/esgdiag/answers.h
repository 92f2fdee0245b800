/*
 * One respondent's answers, and the parsing of one answer cell (SPEC §4).
 * The answers CSV reader (csv_answers.h) fills these row by row; `ask`
 * fills them from the keyboard.  Both go through esg_cell_parse(), so the
 * two paths accept exactly the same text.
 */
#ifndef ESG_ANSWERS_H
#define ESG_ANSWERS_H

#include <stdbool.h>
#include <stddef.h>

#include "esgdiag/arena.h"

struct esg_bounds;
struct esg_field;
struct esg_questionnaire;
struct esg_buf;

enum esg_astate {
	ESG_A_EMPTY,		/* unanswered */
	ESG_A_UNKNOWN,		/* nsp, "ne sait pas", ? */
	ESG_A_NA,		/* na, n/a, "sans objet", "non applicable" */
	ESG_A_VALUE,
};

struct esg_answer {
	enum esg_astate state;
	size_t opt;		/* single, yesno, scale: option index */
	unsigned char *sel;	/* multi: one flag per option */
	double num;		/* number and scale */
	const char *text;	/* text: the cell verbatim */
	const char *note;	/* the <id>.note column; NULL when empty */
};

struct esg_answers {
	const char *id;		/* respondent id */
	unsigned line;		/* physical line of the row, 0 if none */
	struct esg_answer *a;	/* one per field of the questionnaire */
	size_t n;
	struct esg_arena arena;	/* everything the answers point to */
};

/* Sets up empty answers for q (all unanswered). */
void esg_answers_init(struct esg_answers *ans, const struct esg_questionnaire *q);
/* Clears every answer, keeping memory for the next respondent. */
void esg_answers_clear(struct esg_answers *ans);
void esg_answers_release(struct esg_answers *ans);

/*
 * Parses one cell for field f into *out, allocating from a.  On error
 * returns -1 and appends to why what was expected (translated, no
 * trailing period).
 */
int esg_cell_parse(const struct esg_field *f, const char *cell, size_t len,
    struct esg_answer *out, struct esg_arena *a, struct esg_buf *why);

/*
 * Appends what a number's bounds allow, e.g. "a number from 0 to 100"
 * (translated); nothing when it has none.
 */
void esg_range_describe(struct esg_buf *b, const struct esg_bounds *r);

/* Appends the canonical cell text of an answer (what `ask` writes). */
void esg_cell_format(struct esg_buf *b, const struct esg_field *f,
    const struct esg_answer *ans);

#endif
