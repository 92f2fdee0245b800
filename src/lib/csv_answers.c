/*
 * The answers CSV: header mapping (fields, `<id>.note` columns, the
 * respondent id, ignored columns) and row validation.  Every bad cell of a
 * row is reported, with file, line, column name, value and expectation;
 * the row is then skipped and reading goes on.
 */
#include "esgdiag/csv_answers.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "esgdiag/answers.h"
#include "esgdiag/buf.h"
#include "esgdiag/csv_cell.h"
#include "esgdiag/heading.h"
#include "esgdiag/idset.h"
#include "esgdiag/limesurvey.h"
#include "esgdiag/map.h"
#include "esgdiag/model.h"
#include "esgdiag/text.h"
#include "esgdiag/qtype.h"
#include "esgdiag/xalloc.h"
#include "cell_memo.h"
#include "i18n.h"

struct column {
	const char *name;	/* owned; after mapping */
	char *orig;		/* owned; the heading before --map renamed it */
	size_t field;		/* answer column, or ESG_NONE */
	size_t note;		/* note column of this field, or ESG_NONE */
	bool is_id;
	bool memo;		/* its answers go through the reader's memo */
	size_t part_field, part_opt;	/* an option column, or ESG_NONE */
	enum esg_col_how how;
};

/*
 * The memo of parsed cells (cell_memo.h) starts after this many rows: in
 * the first rows most spellings are new, and remembering them costs more
 * than it saves (a thousand files of ten rows took 15% longer).
 */
enum { MEMO_AFTER = 50 };

struct esg_reader {
	const struct esg_questionnaire *q;
	const char *name;
	unsigned header_line;	/* physical line of the header */
	struct esg_diags *d;
	struct esg_csv *csv;
	struct column *cols;
	size_t ncols;
	const char **ignored;
	size_t nignored;
	size_t rows;		/* data records seen, bad ones included */
	bool bad, ioerr, has_id;
	bool lenient;		/* esg_reader_set_lenient() */
	struct esg_idset *ids;	/* made at the first id of a column */
	struct esg_buf why;
	const struct esg_map *map;	/* borrowed; NULL when none */
	struct esg_buf *parts;		/* per field: the cell made of option columns */
	unsigned char *partf;		/* per field: it has option columns */
	struct esg_headings *hx;	/* built at the first heading not an id */
	struct esg_memo *memo;		/* per column: answers of cells seen */
	char **rejected;	/* ids of the rows refused, when known */
	size_t nrejected;
};

/* A cell as shown in a message: at most 40 characters, controls escaped. */
static void
show(struct esg_buf *b, const char *s, size_t n)
{
	size_t chars = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c & 0xc0) != 0x80 && ++chars > 40) {
			esg_buf_puts(b, "...");
			return;
		}
		if (c < 0x20 || c == 0x7f)
			esg_buf_printf(b, "\\x%02x", c);
		else
			esg_buf_putc(b, (char)c);
	}
}

static void __attribute__((format(printf, 3, 4)))
row_error(struct esg_reader *r, unsigned line, const char *fmt, ...)
{
	struct esg_buf b = ESG_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	esg_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	esg_diag_add(r->d, ESG_SEV_ERROR, r->name, line, 0, "%s", esg_buf_str(&b));
	esg_buf_release(&b);
	r->bad = true;
}

/* The field a "<id>.note" header names, or ESG_NONE. */
static size_t
note_target(const struct esg_questionnaire *q, const char *name)
{
	size_t n = strlen(name), k = sizeof ".note" - 1, f;
	char *base;

	if (n <= k || strcmp(name + n - k, ".note") != 0)
		return ESG_NONE;
	base = esg_xstrndup(name, n - k);
	f = esg_field_find(q, base);
	free(base);
	return f;
}

/* Whether two columns feed the same thing (ignored columns never do). */
static bool
same_target(const struct column *a, const struct column *b)
{
	if (a->part_field != ESG_NONE)
		return a->part_field == b->part_field && a->part_opt == b->part_opt;
	return (a->field != ESG_NONE && a->field == b->field) ||
	    (a->note != ESG_NONE && a->note == b->note) || (a->is_id && b->is_id);
}

static void
ambiguous(struct esg_reader *r, unsigned line, const struct column *c,
    const struct esg_heading_match *m)
{
	struct esg_buf b = ESG_BUF_INIT;
	size_t shown = m->ncand < 4 ? m->ncand : 4;

	for (size_t i = 0; i < shown; i++) {
		esg_buf_puts(&b, i ? ", " : "");
		esg_buf_printf(&b, _("'%s'"), r->q->fields[m->cand[i]].id);
	}
	row_error(r, line, _("column '%s' matches the text of several fields "
	    "(%s); name it with one field id or use --map"), c->name,
	    esg_buf_str(&b));
	esg_buf_release(&b);
}

/* A heading that is not a field id: a LimeSurvey code or a question text. */
static bool
match_heading(struct esg_reader *r, struct column *c, unsigned line)
{
	struct esg_heading_match m;

	if (r->hx == NULL)
		r->hx = esg_headings_new(r->q);
	esg_heading_match(r->hx, c->name, &m);
	if (m.how == ESG_MATCH_AMBIGUOUS) {
		ambiguous(r, line, c, &m);
		return false;
	}
	if (m.how == ESG_MATCH_NONE)
		return true;
	c->how = m.how == ESG_MATCH_CODE ? ESG_COL_CODE : ESG_COL_TEXT;
	if (m.opt != ESG_NONE) {
		c->part_field = m.field;
		c->part_opt = m.opt;
	} else
		c->field = m.field;
	return true;
}

static void
duplicate(struct esg_reader *r, unsigned line, size_t j, size_t i)
{
	const struct column *c = &r->cols[i];
	size_t f = c->part_field != ESG_NONE ? c->part_field : c->field;

	if (strcmp(r->cols[j].name, c->name) == 0 || f == ESG_NONE)
		row_error(r, line, _("column '%s' appears twice (columns %zu "
		    "and %zu); nothing is scored"), c->name, j + 1, i + 1);
	else
		row_error(r, line, _("columns %zu ('%s') and %zu ('%s') both "
		    "give '%s'; nothing is scored"), j + 1, r->cols[j].name,
		    i + 1, c->name, r->q->fields[f].id);
}

/* Applies the map to a header cell: a renamed column, or an option column. */
static void
map_column(struct esg_reader *r, struct column *c)
{
	c->part_field = c->part_opt = ESG_NONE;
	if (r->map == NULL)
		return;
	for (size_t i = 0; i < r->map->nparts; i++)
		if (strcmp(r->map->parts[i].column, c->name) == 0) {
			c->part_field = r->map->parts[i].field;
			c->part_opt = r->map->parts[i].opt;
			c->how = ESG_COL_MAP;
			return;
		}
	for (size_t i = 0; i < r->map->ncolumns; i++)
		if (strcmp(r->map->columns[i].from, c->name) == 0) {
			c->orig = (char *)c->name;
			c->name = esg_xstrdup(r->map->columns[i].to);
			c->how = ESG_COL_MAP;
			return;
		}
}

/* What a header cell names: a field, a note, the id, an option column. */
static bool
map_one(struct esg_reader *r, struct column *c, const char *id_column,
    unsigned line)
{
	map_column(r, c);
	c->field = c->part_field != ESG_NONE ? ESG_NONE :
	    esg_field_find(r->q, c->name);
	c->note = note_target(r->q, c->name);
	c->is_id = strcmp(c->name, id_column ? id_column : "id") == 0;
	if (c->field != ESG_NONE || c->note != ESG_NONE || c->is_id ||
	    c->part_field != ESG_NONE)
		return true;
	if (!match_heading(r, c, line))
		return false;
	if (c->field == ESG_NONE && c->part_field == ESG_NONE) {
		c->how = ESG_COL_IGNORED;
		r->ignored[r->nignored++] = c->name;
	}
	return true;
}

/*
 * A LimeSurvey export (a column matched by its code, or LimeSurvey's
 * startlanguage metadata column): a field id that is also the question's
 * code (an id with no '_') holds answer codes too.
 */
static void
setup_limesurvey(struct esg_reader *r)
{
	bool ls = false;

	for (size_t i = 0; i < r->ncols; i++)
		ls |= r->cols[i].how == ESG_COL_CODE ||
		    strcmp(r->cols[i].name, "startlanguage") == 0;
	for (size_t i = 0; ls && i < r->ncols; i++)
		if (r->cols[i].how == ESG_COL_ID && r->cols[i].field != ESG_NONE)
			r->cols[i].how = ESG_COL_CODE;
}

/* Option columns make one multiple-choice cell per field (read_parts). */
static void
setup_parts(struct esg_reader *r)
{
	for (size_t i = 0; i < r->ncols; i++) {
		size_t f = r->cols[i].part_field;

		if (f == ESG_NONE)
			continue;
		if (r->parts == NULL) {
			r->parts = esg_xcalloc(r->q->nfields, sizeof *r->parts);
			r->partf = esg_xcalloc(r->q->nfields, 1);
		}
		r->partf[f] = 1;
	}
}

/*
 * The columns whose answer depends only on the cell: answer columns of a
 * type that does not keep the cell's text (ids and notes are texts).
 */
static void
setup_memo(struct esg_reader *r)
{
	r->memo = esg_memo_new(r->ncols);
	for (size_t i = 0; i < r->ncols; i++) {
		struct column *c = &r->cols[i];

		c->memo = c->field != ESG_NONE && !c->is_id &&
		    c->note == ESG_NONE && c->part_field == ESG_NONE &&
		    !esg_qtype(&r->q->fields[c->field])->verbatim;
	}
}

static bool
map_header(struct esg_reader *r, const struct esg_csv_rec *h,
    const char *id_column)
{
	bool ok = true, have_id = false;

	r->cols = esg_xcalloc(h->n, sizeof *r->cols);
	r->ignored = esg_xcalloc(h->n, sizeof *r->ignored);
	r->ncols = h->n;
	for (size_t i = 0; i < h->n; i++) {
		struct column *c = &r->cols[i];
		const char *s = h->f[i].p;
		size_t n = h->f[i].n;

		if (!esg_utf8_valid(s, n, NULL) || memchr(s, '\0', n)) {
			row_error(r, h->line, _("column %zu of the header is not "
			    "valid UTF-8 text; save the file as UTF-8"), i + 1);
			return false;
		}
		esg_trim(&s, &n);
		c->name = esg_xstrndup(s, n);
		if (!map_one(r, c, id_column, h->line))
			ok = false;
		have_id |= c->is_id;
		for (size_t j = 0; j < i; j++)
			if (same_target(&r->cols[j], c)) {
				duplicate(r, h->line, j, i);
				ok = false;
			}
	}
	setup_parts(r);
	setup_limesurvey(r);
	setup_memo(r);
	if (id_column != NULL && !have_id) {
		row_error(r, h->line, _("no column '%s' for respondent ids"),
		    id_column);
		ok = false;
	}
	return ok;
}

/*
 * The metadata columns a LimeSurvey export adds, ignored on purpose
 * (docs/limesurvey.md): no reason why questions lack a column.
 */
static bool
survey_metadata(const char *name)
{
	static const char *const meta[] = {
		"submitdate", "lastpage", "startlanguage", "seed", "startdate",
		"datestamp", "ipaddr", "refurl", "token", "interviewtime",
	};

	for (size_t i = 0; i < sizeof meta / sizeof meta[0]; i++)
		if (strcmp(name, meta[i]) == 0)
			return true;
	return strncmp(name, "groupTime", 9) == 0;
}

/* Ignored columns that are not survey metadata. */
static size_t
unknown_columns(const struct esg_reader *r)
{
	size_t n = 0;

	for (size_t i = 0; i < r->nignored; i++)
		n += !survey_metadata(r->ignored[i]);
	return n;
}

/*
 * The header's columns, quoted and joined, for messages (at most 20); only
 * the unknown ones (survey metadata left out) with ignored_only.
 */
static void
list_columns(struct esg_buf *b, const struct esg_reader *r, bool ignored_only)
{
	size_t shown = 0, n = ignored_only ? unknown_columns(r) : r->ncols;

	for (size_t i = 0; shown < n && shown < 20; i++) {
		if (ignored_only && survey_metadata(r->ignored[i]))
			continue;
		esg_buf_puts(b, shown++ ? ", " : "");
		esg_buf_printf(b, _("'%s'"), ignored_only ? r->ignored[i] :
		    r->cols[i].name);
	}
	if (n > shown)
		esg_buf_printf(b, dngettext(ESG_TEXTDOMAIN, " and %zu more",
		    " and %zu more", (unsigned long)(n - shown)), n - shown);
}

/*
 * A header that names no scored question would give every respondent a
 * score of 0 built from nothing: that is invalid input.  When over half of
 * the scored questions have no column, the columns not recognised are
 * listed, as they are the likely reason.
 */
static bool
check_coverage(struct esg_reader *r, unsigned line)
{
	size_t scored = 0, found = 0;
	struct esg_buf b = ESG_BUF_INIT;
	unsigned char *seen = esg_xcalloc(r->q->nfields + 1, 1);

	for (size_t i = 0; i < r->ncols; i++) {
		size_t f = r->cols[i].field != ESG_NONE ? r->cols[i].field :
		    r->cols[i].part_field;

		if (f != ESG_NONE && esg_field_scored(&r->q->fields[f]))
			seen[f] = 1;
	}
	for (size_t f = 0; f < r->q->nfields; f++)
		if (esg_field_scored(&r->q->fields[f])) {
			scored++;
			found += seen[f];
		}
	free(seen);
	if (found == 0 && scored > 0) {
		list_columns(&b, r, false);
		row_error(r, line, _("no column matches a scored question of "
		    "the questionnaire (columns: %s); name them with field ids "
		    "(esgdiag template) or describe the export with --map FILE"),
		    esg_buf_str(&b));
	} else if (2 * (scored - found) > scored && unknown_columns(r) > 0) {
		list_columns(&b, r, true);
		esg_diag_add(r->d, ESG_SEV_WARNING, r->name, line, 0,
		    dngettext(ESG_TEXTDOMAIN, "%zu of %zu scored questions has "
		    "no column; columns not recognised: %s", "%zu of %zu scored "
		    "questions have no column; columns not recognised: %s",
		    (unsigned long)(scored - found)), scored - found, scored,
		    esg_buf_str(&b));
	}
	esg_buf_release(&b);
	return found > 0 || scored == 0;
}

static bool
cell_text_ok(struct esg_reader *r, unsigned line, const struct column *c,
    const struct esg_csv_field *f)
{
	if (memchr(f->p, '\0', f->n)) {
		row_error(r, line, _("column '%s': the cell contains a NUL byte"),
		    c->name);
		return false;
	}
	if (!esg_utf8_valid(f->p, f->n, NULL)) {
		row_error(r, line, _("column '%s': the cell is not valid UTF-8 "
		    "(the file must be UTF-8)"), c->name);
		return false;
	}
	return true;
}

/* The value a map gives an export cell, or the cell itself. */
static const char *
mapped_value(const struct esg_reader *r, size_t field, const char *p, size_t n)
{
	char *fold;
	const char *out = p;

	if (r->map == NULL || r->map->nvalues == 0)
		return p;
	esg_trim(&p, &n);
	fold = esg_xstrndup(p, n);
	fold[esg_fold_key(fold, fold, n)] = '\0';
	for (size_t i = 0; i < r->map->nvalues; i++)
		if (r->map->values[i].field == field &&
		    strcmp(r->map->values[i].from, fold) == 0) {
			out = r->map->values[i].to;
			break;
		}
	free(fold);
	return out;
}

/*
 * In a LimeSurvey code column, the option whose answer code the cell is
 * (A2 for an option value LimeSurvey cannot hold), or the cell itself.
 */
static const char *
code_value(const struct esg_reader *r, size_t field, const char *p, size_t n)
{
	const struct esg_field *fd = &r->q->fields[field];
	char code[ESG_LS_CODE_MAX];

	esg_trim(&p, &n);
	for (size_t k = 0; k < fd->noptions; k++) {
		esg_ls_acode(r->q, field, k, code);
		if (strlen(code) == n && strncasecmp(code, p, n) == 0)
			return fd->options[k].value;
	}
	return p;
}

/* Whether an option column of an export is ticked. */
static bool
ticked(const char *p, size_t n)
{
	/* n/a: what LimeSurvey's full answers write for a question not shown. */
	static const char *const no[] = { "0", "n", "no", "non", "false", "n/a",
		NULL };
	char fold[8];

	esg_trim(&p, &n);
	if (n == 0)
		return false;
	if (n >= sizeof fold)
		return true;
	esg_fold(fold, p, n);
	fold[n] = '\0';
	for (size_t i = 0; no[i]; i++)
		if (strcmp(fold, no[i]) == 0)
			return false;
	return true;
}

/* memo: the column whose memo keeps the answer, or ESG_NONE. */
static bool
read_cell(struct esg_reader *r, const struct column *c, size_t memo,
    const struct esg_csv_field *raw, struct esg_answers *ans)
{
	/* What a spreadsheet-safe writer marked reads back as it was typed. */
	size_t skip = esg_csv_unmark(raw->p, raw->n);
	struct esg_csv_field unmarked = { raw->p + skip, raw->n - skip };
	const struct esg_csv_field *f = &unmarked;
	const char *s = f->p;
	size_t n = f->n;

	if (c->is_id) {
		esg_trim(&s, &n);
		if (n == 0) {
			row_error(r, ans->line, _("column '%s': empty respondent id"),
			    c->name);
			return false;
		}
		ans->id = esg_arena_strndup(&ans->arena, s, n);
	}
	if (c->note != ESG_NONE) {
		esg_trim(&s, &n);
		if (n > 0)
			ans->a[c->note].note = esg_arena_strndup(&ans->arena, s, n);
	}
	if (c->field == ESG_NONE)
		return true;
	const struct esg_field *fd = &r->q->fields[c->field];
	struct esg_answer *a = &ans->a[c->field];
	const char *keep = a->note;

	const char *cell = c->how == ESG_COL_CODE ?
	    code_value(r, c->field, f->p, f->n) :
	    mapped_value(r, c->field, f->p, f->n);
	size_t len = cell != f->p ? strlen(cell) : f->n;

	esg_buf_reset(&r->why);
	if (esg_cell_parse(fd, cell, len, a, &ans->arena, &r->why) == 0) {
		a->note = keep;
		if (memo != ESG_NONE)
			esg_memo_put(r->memo, memo, raw->p, raw->n,
			    a, esg_qtype(fd)->set ? fd->noptions : 0);
		return true;
	}
	struct esg_buf v = ESG_BUF_INIT;

	show(&v, raw->p, raw->n);
	row_error(r, ans->line, _("column '%s': '%s': %s"), c->name,
	    esg_buf_str(&v), esg_buf_str(&r->why));
	esg_buf_release(&v);
	return false;
}

/*
 * A cell spelt exactly as one its column already read without error takes
 * that answer: same bytes, so the same valid text and the same parse.
 */
static bool
recall(struct esg_reader *r, size_t col, const struct esg_csv_field *raw,
    struct esg_answers *ans)
{
	const struct esg_answer *m = esg_memo_get(r->memo, col, raw->p, raw->n);
	const struct esg_field *fd;
	struct esg_answer *a;
	const char *note;

	if (m == NULL)
		return false;
	fd = &r->q->fields[r->cols[col].field];
	a = &ans->a[r->cols[col].field];
	note = a->note;
	*a = *m;
	a->note = note;
	if (m->sel != NULL) {
		a->sel = esg_arena_alloc(&ans->arena, fd->noptions);
		memcpy(a->sel, m->sel, fd->noptions);
	}
	return true;
}

/*
 * After a bad cell (reported): whether the row may still be read, the
 * field left unanswered, as a lenient reader does.  Ids never are.
 */
static bool
forgive(struct esg_reader *r, const struct column *c, struct esg_answers *ans)
{
	if (!r->lenient || c->is_id || c->field == ESG_NONE)
		return false;
	ans->a[c->field] = (struct esg_answer){ .state = ESG_A_EMPTY,
	    .note = ans->a[c->field].note };
	return true;
}

/* The cells made of ticked option columns, parsed as multi answers. */
static bool
read_parts(struct esg_reader *r, struct esg_answers *ans)
{
	bool ok = true;

	for (size_t f = 0; r->parts && f < r->q->nfields; f++) {
		/* Not one of r->cols: its cell is built, so never memoized. */
		struct column c = { .name = r->q->fields[f].id, .field = f,
		    .note = ESG_NONE, .part_field = ESG_NONE,
		    .part_opt = ESG_NONE, .how = ESG_COL_ID };
		struct esg_csv_field cell = { esg_buf_str(&r->parts[f]),
		    r->parts[f].len };

		if (!r->partf[f])
			continue;
		if (!read_cell(r, &c, ESG_NONE, &cell, ans))
			ok = forgive(r, &c, ans) && ok;
	}
	return ok;
}

static bool
read_row(struct esg_reader *r, const struct esg_csv_rec *rec,
    struct esg_answers *ans)
{
	bool ok = true;
	char num[32];

	esg_answers_clear(ans);
	ans->line = rec->line;
	r->rows++;
	if (rec->malformed != NULL) {
		row_error(r, rec->line, "%s", rec->malformed);
		return false;
	}
	if (rec->n != r->ncols) {
		row_error(r, rec->line, dngettext(ESG_TEXTDOMAIN, "the row has "
		    "%zu field; the header has %zu", "the row has %zu fields; the "
		    "header has %zu", (unsigned long)rec->n), rec->n, r->ncols);
		return false;
	}
	if (r->parts)
		for (size_t i = 0; i < r->q->nfields; i++)
			esg_buf_reset(&r->parts[i]);
	for (size_t i = 0; i < rec->n; i++) {
		const struct column *c = &r->cols[i];
		size_t memo = c->memo && r->rows > MEMO_AFTER ? i : ESG_NONE;

		if (memo != ESG_NONE && recall(r, memo, &rec->f[i], ans))
			continue;
		bool text_ok = cell_text_ok(r, rec->line, c, &rec->f[i]);

		if (text_ok && c->part_field != ESG_NONE) {
			/* parts exists whenever the map has option columns. */
			if (r->parts != NULL && ticked(rec->f[i].p, rec->f[i].n))
				esg_buf_printf(&r->parts[c->part_field], "%s%s",
				    r->parts[c->part_field].len ? "|" : "",
				    r->q->fields[c->part_field].options[c->part_opt].value);
		} else if (!text_ok || !read_cell(r, c, memo, &rec->f[i], ans))
			ok = forgive(r, c, ans) && ok;
	}
	ok = read_parts(r, ans) && ok;
	if (ans->id == NULL) {
		snprintf(num, sizeof num, "%zu", r->rows);
		ans->id = esg_arena_strdup(&ans->arena, num);
	}
	/* Row numbers cannot repeat: only ids from a column are checked. */
	if (ok && r->has_id && r->ids == NULL)
		r->ids = esg_idset_new();
	if (ok && r->has_id && !esg_idset_add(r->ids, ans->id)) {
		row_error(r, rec->line, _("duplicate respondent id '%s'"), ans->id);
		ok = false;
	}
	return ok;
}

static void
fatal(struct esg_reader *r, int rc)
{
	if (rc == -2) {
		r->ioerr = true;
		return;
	}
	esg_diag_add(r->d, ESG_SEV_ERROR, r->name, esg_csv_error_line(r->csv), 0,
	    "%s", esg_csv_error(r->csv));
	r->bad = true;
}

struct esg_reader *
esg_reader_open(const struct esg_questionnaire *q, const char *name,
    esg_read_fn rd, void *ctx, const char *id_column, struct esg_diags *d,
    enum esg_status *status)
{
	return esg_reader_open_mapped(q, name, rd, ctx, id_column, NULL, d, status);
}

struct esg_reader *
esg_reader_open_mapped(const struct esg_questionnaire *q, const char *name,
    esg_read_fn rd, void *ctx, const char *id_column, const struct esg_map *map,
    struct esg_diags *d, enum esg_status *status)
{
	struct esg_reader *r = esg_xcalloc(1, sizeof *r);
	struct esg_csv_rec h = { NULL, 0, 0, NULL };
	int rc;

	r->q = q;
	r->name = name;
	r->d = d;
	r->map = map;
	r->csv = esg_csv_new(rd, ctx);
	if ((rc = esg_csv_detect(r->csv)) == 0 &&
	    (rc = esg_csv_next(r->csv, &h)) == 0) {
		row_error(r, 0, _("the file is empty (expected a header row "
		    "of field ids)"));
		goto fail;
	}
	if (rc < 0) {
		fatal(r, rc);
		goto fail;
	}
	if (h.malformed != NULL) {
		row_error(r, h.line, _("header: %s"), h.malformed);
		goto fail;
	}
	r->header_line = h.line;
	if (!map_header(r, &h, id_column) || !check_coverage(r, h.line))
		goto fail;
	r->has_id = esg_reader_has_id(r);
	*status = ESG_OK;
	return r;
fail:
	*status = r->ioerr ? ESG_EIO : ESG_EINPUT;
	esg_reader_free(r);
	return NULL;
}

/*
 * Keeps the id of a refused row, so that compare can tell a respondent
 * whose row could not be read from one who is absent.  A row refused
 * before its id cell was read has no id unless rows are numbered.
 */
static void
note_rejected(struct esg_reader *r, const struct esg_answers *ans)
{
	char num[32];
	const char *id = ans->id;

	if (id == NULL && !r->has_id) {
		snprintf(num, sizeof num, "%zu", r->rows);
		id = num;
	}
	if (id == NULL)
		return;
	r->rejected = esg_xreallocarray(r->rejected, r->nrejected + 1,
	    sizeof *r->rejected);
	r->rejected[r->nrejected++] = esg_xstrdup(id);
}

int
esg_reader_next(struct esg_reader *r, struct esg_answers *ans)
{
	struct esg_csv_rec rec;
	int rc;

	while ((rc = esg_csv_next(r->csv, &rec)) == 1) {
		if (read_row(r, &rec, ans))
			return 1;
		note_rejected(r, ans);
	}
	if (rc < 0)
		fatal(r, rc);
	else if (r->rows == 0)
		row_error(r, r->header_line, _("no data row after the header"));
	return 0;
}

void
esg_reader_set_lenient(struct esg_reader *r, bool on)
{
	r->lenient = on;
}

enum esg_status
esg_reader_status(const struct esg_reader *r)
{
	if (r->ioerr)
		return ESG_EIO;
	return r->bad ? ESG_EINPUT : ESG_OK;
}

const char *const *
esg_reader_rejected(const struct esg_reader *r, size_t *n)
{
	*n = r->nrejected;
	return (const char *const *)r->rejected;
}

const char *const *
esg_reader_ignored(const struct esg_reader *r, size_t *n)
{
	*n = r->nignored;
	return r->ignored;
}

size_t
esg_reader_ncolumns(const struct esg_reader *r)
{
	return r->ncols;
}

void
esg_reader_column(const struct esg_reader *r, size_t i,
    struct esg_reader_col *out)
{
	const struct column *c = &r->cols[i];
	size_t f = c->part_field != ESG_NONE ? c->part_field :
	    c->field != ESG_NONE ? c->field : c->note;

	out->name = c->orig ? c->orig : c->name;
	out->field = f != ESG_NONE ? r->q->fields[f].id : NULL;
	out->option = c->part_field != ESG_NONE ?
	    r->q->fields[f].options[c->part_opt].value : NULL;
	out->note = c->note != ESG_NONE;
	out->id = c->is_id;
	out->how = c->how;
}

bool
esg_reader_has_id(const struct esg_reader *r)
{
	for (size_t i = 0; i < r->ncols; i++)
		if (r->cols[i].is_id)
			return true;
	return false;
}

void
esg_reader_free(struct esg_reader *r)
{
	if (r == NULL)
		return;
	for (size_t i = 0; i < r->ncols; i++) {
		free((char *)r->cols[i].name);
		free(r->cols[i].orig);
	}
	free(r->cols);
	free(r->ignored);
	for (size_t i = 0; i < r->nrejected; i++)
		free(r->rejected[i]);
	free(r->rejected);
	esg_idset_free(r->ids);
	esg_buf_release(&r->why);
	for (size_t i = 0; r->parts && i < r->q->nfields; i++)
		esg_buf_release(&r->parts[i]);
	free(r->parts);
	free(r->partf);
	esg_headings_free(r->hx);
	esg_memo_free(r->memo);
	esg_csv_free(r->csv);
	free(r);
}

void
esg_csv_answer_cell(struct esg_buf *b, const struct esg_field *f,
    const char *s)
{
	/* A number the tool wrote (-3) stays a number. */
	if (f->type == ESG_QTYPE_NUMBER || f->type == ESG_QTYPE_SCALE)
		esg_csv_quote(b, s);
	else
		esg_csv_cell(b, s);
}

void
esg_answers_format_csv(struct esg_buf *b, const struct esg_questionnaire *q,
    const struct esg_answers *ans, const char *id)
{
	struct esg_buf cell = ESG_BUF_INIT;
	const char *sep = "";

	if (id != NULL) {
		esg_buf_puts(b, "id");
		sep = ",";
	}
	for (size_t i = 0; i < q->nfields; i++, sep = ",") {
		esg_buf_puts(b, sep);
		esg_csv_cell(b, q->fields[i].id);
	}
	for (size_t i = 0; i < q->nfields; i++)
		if (ans->a[i].note != NULL)
			esg_buf_printf(b, ",%s.note", q->fields[i].id);
	esg_buf_putc(b, '\n');
	sep = "";
	if (id != NULL) {
		esg_csv_cell(b, id);
		sep = ",";
	}
	for (size_t i = 0; i < q->nfields; i++, sep = ",") {
		esg_buf_reset(&cell);
		esg_cell_format(&cell, &q->fields[i], &ans->a[i]);
		esg_buf_puts(b, sep);
		esg_csv_answer_cell(b, &q->fields[i], esg_buf_str(&cell));
	}
	for (size_t i = 0; i < q->nfields; i++)
		if (ans->a[i].note != NULL) {
			esg_buf_putc(b, ',');
			esg_csv_cell(b, ans->a[i].note);
		}
	esg_buf_putc(b, '\n');
	esg_buf_release(&cell);
}
