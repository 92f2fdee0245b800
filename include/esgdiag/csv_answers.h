/*
 * Reads an answers CSV (SPEC §4) one respondent at a time, so a million
 * rows cost the memory of one.  Bad rows are reported to the diagnostics
 * and skipped; the caller only ever sees valid respondents.
 */
#ifndef ESG_CSV_ANSWERS_H
#define ESG_CSV_ANSWERS_H

#include <stdbool.h>
#include <stddef.h>

#include "esgdiag/csv.h"
#include "esgdiag/diag.h"

struct esg_answers;
struct esg_buf;
struct esg_field;
struct esg_questionnaire;
struct esg_reader;

/*
 * Opens a reader over rd/ctx and reads the header.  name labels the
 * diagnostics and is borrowed; id_column is the respondent id column
 * ("id" when NULL).  On failure returns NULL and *status says why
 * (ESG_EINPUT: reported to d; ESG_EIO: read error).
 */
struct esg_reader *esg_reader_open(const struct esg_questionnaire *q,
    const char *name, esg_read_fn rd, void *ctx, const char *id_column,
    struct esg_diags *d, enum esg_status *status);
struct esg_map;
/* The same, through a survey-export map (map.h); map may be NULL. */
struct esg_reader *esg_reader_open_mapped(const struct esg_questionnaire *q,
    const char *name, esg_read_fn rd, void *ctx, const char *id_column,
    const struct esg_map *map, struct esg_diags *d, enum esg_status *status);
/* Fills ans with the next valid respondent: 1, or 0 at the end. */
int esg_reader_next(struct esg_reader *r, struct esg_answers *ans);
/*
 * Lenient: a row whose answer cells are bad is still given, those fields
 * unanswered (each bad cell is reported as usual); for editing one
 * respondent, whose other answers must not be lost for one bad cell.
 */
void esg_reader_set_lenient(struct esg_reader *r, bool on);
/* ESG_OK, ESG_EINPUT if anything was reported, ESG_EIO on a read error. */
enum esg_status esg_reader_status(const struct esg_reader *r);
/* Ids of the rows refused so far, when known (borrowed). */
const char *const *esg_reader_rejected(const struct esg_reader *r, size_t *n);
/* Header columns that match no field, in order (borrowed). */
const char *const *esg_reader_ignored(const struct esg_reader *r, size_t *n);
/* How a header column was understood. */
enum esg_col_how {
	ESG_COL_ID,		/* a field id, ID.note or the id column */
	ESG_COL_MAP,		/* through the --map file */
	ESG_COL_CODE,		/* a LimeSurvey question code, CODE or CODE[SQ] */
	ESG_COL_TEXT,		/* the question's text */
	ESG_COL_IGNORED,
};

struct esg_reader_col {
	const char *name;	/* the heading (after --map); borrowed */
	const char *field;	/* the field id it feeds, or NULL */
	const char *option;	/* an option column: the option value, or NULL */
	bool note, id;		/* ID.note or respondent id column */
	enum esg_col_how how;
};

/* Number of header columns. */
size_t esg_reader_ncolumns(const struct esg_reader *r);
/* What header column i (0-based) feeds, for --verbose. */
void esg_reader_column(const struct esg_reader *r, size_t i,
    struct esg_reader_col *out);
/* Whether the header has the respondent id column. */
bool esg_reader_has_id(const struct esg_reader *r);
void esg_reader_free(struct esg_reader *r);

/*
 * Appends one answer cell of field f as an answers file holds it (the text
 * of esg_cell_format): spreadsheet-safe (csv_cell.h) except for the numbers
 * of number and scale fields, which stay numbers.  What any writer of an
 * answers file uses, so that score reads back what was typed.
 */
void esg_csv_answer_cell(struct esg_buf *b, const struct esg_field *f,
    const char *s);
/*
 * Appends the answers CSV of one respondent (header and one row, ','
 * delimited, RFC 4180 quoting): every field's canonical cell, then a
 * `<id>.note` column for each field that has a note.  With an id, an `id`
 * column comes first.  What `ask` saves; `score` reads it back exactly.
 */
void esg_answers_format_csv(struct esg_buf *b, const struct esg_questionnaire *q,
    const struct esg_answers *ans, const char *id);

#endif
