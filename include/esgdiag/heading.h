/*
 * Matching an export's column headings to fields when they are not field
 * ids (SPEC §4): LimeSurvey question codes (`CODE`, `CODE[SQ]` for one
 * option of a multiple choice), and question texts as forms tools,
 * spreadsheets and LimeSurvey's "full question text" headings write them,
 * compared after trimming, case and accent folding and collapsing spaces,
 * possibly followed by the question's help or after a numbering prefix
 * (`3. `, `Q3 - `).  Two fields matching one heading is reported, never
 * guessed.
 */
#ifndef ESG_HEADING_H
#define ESG_HEADING_H

#include <stddef.h>

struct esg_buf;
struct esg_questionnaire;

enum esg_match_how {
	ESG_MATCH_NONE,
	ESG_MATCH_CODE,		/* a LimeSurvey question code */
	ESG_MATCH_TEXT,		/* the question's text */
	ESG_MATCH_AMBIGUOUS,	/* several fields; see cand */
};

struct esg_heading_match {
	enum esg_match_how how;
	size_t field;		/* ESG_NONE unless matched */
	size_t opt;		/* an option column of a multi, or ESG_NONE */
	size_t cand[4];		/* AMBIGUOUS: the first candidates... */
	size_t ncand;		/* ...and how many there are in all */
};

struct esg_headings;

struct esg_headings *esg_headings_new(const struct esg_questionnaire *q);
void esg_headings_free(struct esg_headings *h);
/* Matches one heading (trimmed UTF-8) against the questionnaire. */
void esg_heading_match(const struct esg_headings *h, const char *heading,
    struct esg_heading_match *m);
/*
 * Appends the comparison key of s[0..n): lower case, accents removed,
 * typographic quotes and spaces made plain, runs of spaces collapsed, no
 * space before ? : ! ;, trimmed.
 */
void esg_heading_key(struct esg_buf *b, const char *s, size_t n);

#endif
