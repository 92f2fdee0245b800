/*
 * Renderers: one table row per output format (curl's writeout table,
 * redis-cli's format functions).  A renderer appends to a buffer and never
 * writes anywhere itself, so the CLI can stream respondents one by one and
 * unit tests can compare strings.
 */
#ifndef ESG_RENDER_H
#define ESG_RENDER_H

#include <stdbool.h>
#include <stddef.h>

struct esg_agg;
struct esg_peers;
struct esg_buf;
struct esg_coverage;
struct esg_questionnaire;
struct esg_result;

/* CI thresholds (SPEC §6): NAN where none is set. */
struct esg_thresholds {
	double overall;
	double *pillar;		/* [npillars], or NULL */
	bool obligations;	/* --fail-on-obligation */
};

/* An answers file read, for the trace in the JSON result. */
struct esg_input {
	const char *name;
	char sha256[65];
};

struct esg_render_opts {
	size_t max_sheets;	/* recommendations shown; SIZE_MAX for all */
	bool color;		/* ANSI colours (text) */
	bool utf8;		/* UTF-8 bars, else ASCII (text) */
	size_t width;		/* columns (text); 0 means 80 */
	const struct esg_thresholds *th;	/* NULL: none (junit, CI) */
	const struct esg_input *inputs;	/* set before end() */
	size_t ninputs;
	const struct esg_agg *agg;	/* set before end(): --aggregate */
	bool excel;		/* csv: ';', decimal comma, byte order mark */
	/*
	 * Human formats (text, Markdown, HTML, explain, compare) write numbers
	 * the French way (20,07; 65 000) and HTML says lang="fr".  Set by the
	 * caller from the language of the messages, never from LC_NUMERIC;
	 * machine formats (JSON, CSV, JUnit) ignore it.
	 */
	bool french;
	const struct esg_peers *peers;	/* --peers: the observatory, or NULL */
};

#define ESG_RENDER_OPTS_INIT { 3, false, true, 80, NULL, NULL, 0, NULL, false, false, NULL }

/* What a format can carry, so that the CLI asks the table, not the name. */
enum {
	ESG_RENDER_ALIAS = 1 << 0,	/* another name of the row before it */
	ESG_RENDER_AGGREGATE = 1 << 1,	/* the observatory's statistics */
	ESG_RENDER_PEERS = 1 << 2,	/* each respondent among its peers */
	ESG_RENDER_EXCEL = 1 << 3,	/* the French spreadsheet variant */
	ESG_RENDER_INPUTS = 1 << 4,	/* lists its inputs with their SHA-256 */
	ESG_RENDER_BOTH = 1 << 5,	/* statistics and profiles in one output */
	ESG_RENDER_SHEETS = 1 << 6,	/* recommends action sheets */
};

struct esg_diags;
struct esg_sheet;
struct esg_snaps;

/*
 * `esgdiag obligations` in one format: begin and end may be NULL; report
 * is called for the n-th (0-based) respondent, or for the profile given
 * as options when answers is false.
 */
struct esg_obl_renderer {
	void (*begin)(struct esg_buf *b);
	void (*report)(struct esg_buf *b, const struct esg_result *r,
	    bool answers, size_t n, const struct esg_render_opts *o);
	void (*end)(struct esg_buf *b);
};
extern const struct esg_obl_renderer esg_obl_text, esg_obl_json;

/*
 * A format: one row of the table in render.c.  begin/respondent/end make
 * score's output; compare, explain, sheets and template make those
 * commands'.  Each is NULL where the format does not serve the command.
 */
struct esg_renderer {
	const char *name;
	unsigned caps;		/* ESG_RENDER_* */
	void (*begin)(struct esg_buf *b, const struct esg_questionnaire *q,
	    const struct esg_render_opts *o);
	/* n is the 0-based position of the respondent in the output. */
	void (*respondent)(struct esg_buf *b, const struct esg_result *r,
	    const struct esg_render_opts *o, size_t n);
	void (*end)(struct esg_buf *b, const struct esg_questionnaire *q,
	    const struct esg_render_opts *o, size_t count);
	void (*compare)(struct esg_buf *b, const struct esg_snaps *before,
	    const struct esg_snaps *after, const struct esg_render_opts *o);
	void (*explain)(struct esg_buf *b, const struct esg_result *r,
	    const struct esg_render_opts *o);
	/* The list of q's sheets (one NULL), or one sheet in full. */
	void (*sheets)(struct esg_buf *b, const struct esg_questionnaire *q,
	    const struct esg_sheet *one, const struct esg_render_opts *o);
	const struct esg_obl_renderer *obligations;
	/* The blank questionnaire; -1 when q cannot be written (told to d). */
	int (*template)(struct esg_buf *b, const struct esg_questionnaire *q,
	    const struct esg_render_opts *o, struct esg_diags *d);
};

const struct esg_renderer *esg_renderer_find(const char *name);
/* Appends the names of score's formats, space-separated, aliases left out. */
void esg_renderer_names(struct esg_buf *b);

/* JSON pieces shared by the JSON renderers. */
void esg_json_str(struct esg_buf *b, const char *s);
/* A score rounded to 2 decimals as printf("%.2f"), or null. */
void esg_json_score(struct esg_buf *b, double x);
/* A respondent's profile value of field i, as SPEC §6 says. */
void esg_json_profile_value(struct esg_buf *b, const struct esg_result *r,
    size_t i);

/* An obligation status in words: does not apply, unknown, met, not met. */
const char *esg_ostatus_text(int status);
/* Text escaped for XML and HTML (attributes and content). */
void esg_xml_str(struct esg_buf *b, const char *s);
/*
 * Text from answers files (ids, notes, text answers) on one line, with
 * control characters (C0, DEL, C1), which could drive a terminal, as '?'
 * and line breaks and tabs as spaces.
 */
void esg_text_clean(struct esg_buf *b, const char *s);
/* The same, for Markdown: its syntax characters backslash-escaped too. */
void esg_md_text(struct esg_buf *b, const char *s);
struct esg_sheet;
/* A sheet in full, in Markdown, under a heading prefix such as "##". */
void esg_md_sheet(struct esg_buf *b, const struct esg_sheet *s,
    const char *heading);

/*
 * The questionnaire as a printable form, in Markdown (template -f markdown);
 * conditions in words, numbers the French way when french.
 */
void esg_md_questionnaire(struct esg_buf *b, const struct esg_questionnaire *q,
    bool french);

/* The number of recommendations a renderer shows. */
size_t esg_render_nrecs(const struct esg_result *r,
    const struct esg_render_opts *o);
/* The level label of a score (rounded first), or NULL for a null score. */
const char *esg_render_level(const struct esg_questionnaire *q, double x);
/* The index of that level, or -1. */
int esg_render_level_index(const struct esg_questionnaire *q, double x);
/*
 * Appends text wrapped to width columns: lead starts the first line, and
 * the next lines are indented by indent spaces.
 */
void esg_render_wrap(struct esg_buf *b, const char *lead, size_t indent,
    const char *text, size_t width);
/*
 * Appends the first line of s wrapped to w display columns, padded with
 * spaces to w, and returns the rest ("" when all fitted).  Words are never
 * split: a single word wider than w is written whole.  Titles in tables are
 * wrapped this way, never cut.
 */
const char *esg_render_cell(struct esg_buf *b, const char *s, size_t w);
/* Appends s right-aligned in w display columns (whole when wider). */
void esg_render_right(struct esg_buf *b, const char *s, size_t w);
/*
 * Appends what esg_render_cell() left, in lines of w columns each indented
 * by indent spaces (the continuation of a table cell).
 */
void esg_render_cell_rest(struct esg_buf *b, const char *rest, size_t indent,
    size_t w);
/* A profile or question answer as a person reads it (labels, units). */
void esg_render_answer(struct esg_buf *b, const struct esg_result *r, size_t i,
    bool french);
struct esg_rec;
/*
 * Why a sheet is recommended, in one sentence: the obligation not met that
 * it helps to meet, by name, or what it could add to the overall score.
 */
/* Appends the coverage sentence (no lead, no line end), counts agreeing. */
void esg_render_coverage(struct esg_buf *b, const struct esg_coverage *c);
void esg_render_why(struct esg_buf *b, const struct esg_result *r,
    const struct esg_rec *rec, const struct esg_render_opts *o);
/* A score with two decimals for a person, the French way when o says so. */
void esg_render_score(struct esg_buf *b, const struct esg_render_opts *o,
    double x);
/*
 * A count (respondents) for a person: plain digits, or grouped by
 * thousands the French way ("12 500") when o says so, as esg_num_human().
 */
void esg_render_count(struct esg_buf *b, const struct esg_render_opts *o,
    size_t n);
struct esg_field;
/* The label of f's option whose value is key[0..n), or the key itself. */
void esg_render_option_label(struct esg_buf *b, const struct esg_field *f,
    const char *key, size_t n);
/*
 * A group key of f in words: each option of a selection joined with '|'
 * (a multi field's key, or a single option) by its label, joined with " + ".
 */
void esg_render_selection_label(struct esg_buf *b, const struct esg_field *f,
    const char *key);
/* Whether an answer has something to show; notes count. */
bool esg_render_has_notes(const struct esg_result *r);
/*
 * Whether a rounded score falls strictly below its threshold (SPEC §6); a
 * null score never falls short.  th may be NULL.
 */
bool esg_thresholds_short_pillar(const struct esg_thresholds *th,
    const struct esg_result *r, size_t p);
bool esg_thresholds_short_overall(const struct esg_thresholds *th,
    const struct esg_result *r);

#endif
