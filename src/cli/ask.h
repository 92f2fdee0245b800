/*
 * The interview of `esgdiag ask`, shared by its two files: cmd_ask.c (the
 * flow: which question comes next, saving, signals) and ask_ui.c (what
 * the agent sees and types: questions, choices, the counter, entries).
 */
#ifndef ESG_ASK_H
#define ESG_ASK_H

#include <stdbool.h>
#include <stddef.h>

#include "esgdiag/answers.h"
#include "prompt.h"

struct answers_file;
struct cli;
struct esg_field;
struct esg_questionnaire;
struct esg_result;

struct interview {
	struct cli *cli;
	const struct esg_questionnaire *q;
	struct esg_answers ans;
	struct esg_result *res;		/* for applicability and the end */
	struct prompt pr;
	const char *path, *id;
	struct answers_file *file;
	bool dirty;			/* answers changed since the last save */
	bool answered;			/* an answer or note was given */
	size_t *hist, nhist;		/* fields answered, to go back */
	unsigned char *visited;		/* fields left in this session */
	unsigned char *maybe;		/* scratch of ask_count() */
	size_t shown_section;		/* the section whose intro was shown */
	size_t back_from;		/* where to go on after opened questions */
};

/* Whether field i applies now. */
bool ask_applies(const struct interview *iv, size_t i);
/*
 * The counter: *pos the question's rank among those asked, *total the
 * fields that apply or still may (a `when` not yet decided because a
 * field it reads is unanswered).  Answers that open questions never make
 * the total grow, since such questions were counted as possible already.
 */
void ask_count(struct interview *iv, size_t *pos, size_t *total);

/* Shows field i: section, counter, question, choices, current answer. */
void ask_show_question(struct interview *iv, size_t i);
void ask_show_help(struct interview *iv, const struct esg_field *f);
/* Shows the numbered choices of a choice question (nothing for others). */
void ask_show_choices(struct interview *iv, const struct esg_field *f);

/* What one typed line gives: an answer, a note, or both. */
struct entry {
	bool has_answer, has_note;
	struct esg_answer a;
	const char *note;	/* NULL: remove the note */
};

/*
 * Reads the trimmed line s as the entry for field i: "2", "1,3", a value
 * or label, nsp, na, "+ note", "2 + note".  On a mistake explains it and
 * returns -1.
 */
int ask_parse_entry(struct interview *iv, size_t i, const char *s, size_t n,
    struct entry *e);

#endif
