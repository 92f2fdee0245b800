/*
 * The questionnaire model: plain data built by the YAML loader and read by
 * everything else.  All of it lives in the questionnaire's arena; nothing
 * in here is freed on its own.
 *
 * Profile fields and questions share one array, `fields`: profile fields
 * first, then the questions in section order.  An answer set is indexed the
 * same way, and conditions refer to fields by that index.
 */
#ifndef ESG_MODEL_H
#define ESG_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "esgdiag/arena.h"

struct esg_cond;

enum esg_qtype {
	ESG_QTYPE_SINGLE,
	ESG_QTYPE_MULTI,
	ESG_QTYPE_YESNO,
	ESG_QTYPE_SCALE,
	ESG_QTYPE_NUMBER,
	ESG_QTYPE_TEXT,
};

struct esg_pos {
	unsigned line, col;	/* 1-based position in the source file */
};

struct esg_option {
	const char *value;
	const char *label;	/* NULL for a scale integer with no label */
	double score;		/* single/multi; yesno 1 or 0; unused for scale */
	bool exclusive;		/* multi only */
	/* Case-folded value and label, and their lengths, for matching answers. */
	const char *fvalue, *flabel;
	size_t fvlen, fllen;
};

struct esg_point {
	double x, s;
};

/* Optional inclusive bounds of a number answer. */
struct esg_bounds {
	double min, max;
	bool has_min, has_max;
};

struct esg_field {
	const char *id;
	const char *text;
	const char *label;	/* short name in reports; the text when absent */
	const char *help;	/* may be NULL */
	enum esg_qtype type;
	bool is_profile;
	bool allow_na;
	/*
	 * Choices: single, multi and yesno options; for scale, one option
	 * per integer from min to max, whose value is the integer.
	 */
	struct esg_option *options;
	size_t noptions;
	int min, max;			/* scale */
	const char *unit;		/* number; may be NULL */
	struct esg_bounds range;	/* number */
	struct esg_point *scoring;	/* number; x strictly ascending */
	size_t npoints;
	double weight;
	double *factor;			/* per pillar, 0 when absent; NULL for profile */
	struct esg_cond *when;		/* NULL: always applicable */
	const char *when_src;
	size_t *sheets;			/* indexes into esg_questionnaire.sheets */
	size_t nsheets;
	size_t section;			/* index of its section; unused for profile */
	struct esg_pos pos;
};

struct esg_pillar {
	const char *id, *label;
	double weight;
};

struct esg_level {
	double min;
	const char *label, *description;
};

struct esg_section {
	const char *id, *title, *intro;
	size_t first, count;		/* range of question fields */
};

struct esg_ref {
	const char *label, *url;	/* url may be NULL */
};

struct esg_sheet {
	const char *id, *title, *objective;
	const char **steps;
	size_t nsteps;
	const char **deliverables;
	size_t ndeliverables;
	struct esg_ref *refs;
	size_t nrefs;
};

struct esg_obligation {
	const char *id, *title, *source;
	struct esg_cond *applies, *met;
	const char *applies_src, *met_src;
	size_t sheet;			/* index into sheets, or ESG_NONE */
};

#define ESG_NONE ((size_t)-1)

struct esg_questionnaire {
	struct esg_arena arena;
	const char *schema, *id, *version, *title, *language;
	const char *source_name;	/* file name, for messages */
	const char *source;		/* the YAML text itself */
	char sha256[65];		/* of the source, in hex */
	size_t source_len;
	struct esg_pillar *pillars;
	size_t npillars;
	struct esg_level *levels;
	size_t nlevels;
	struct esg_field *fields;
	size_t nfields, nprofile;	/* fields[0..nprofile) are profile */
	struct esg_section *sections;
	size_t nsections;
	struct esg_sheet *sheets;
	size_t nsheets;
	struct esg_obligation *obligations;
	size_t nobligations;
	/* All fields, each after every field its `when` reads. */
	size_t *order;
};

void esg_questionnaire_free(struct esg_questionnaire *q);
/* Index of the field with this id, or ESG_NONE. */
size_t esg_field_find(const struct esg_questionnaire *q, const char *id);
size_t esg_sheet_find(const struct esg_questionnaire *q, const char *id);
/*
 * "Did you mean" hints: the field id, option value of f, or sheet id
 * nearest to a mistyped word (a small edit away), or NULL.  Borrowed.
 */
const char *esg_field_hint(const struct esg_questionnaire *q, const char *word);
const char *esg_option_hint(const struct esg_field *f, const char *word);
const char *esg_sheet_hint(const struct esg_questionnaire *q, const char *word);
/* Whether the field is a scored question (not profile, not text). */
bool esg_field_scored(const struct esg_field *f);
/* The label of the level a rounded score falls in; NULL for no levels. */
const char *esg_level_of(const struct esg_questionnaire *q, double rounded);

#endif
