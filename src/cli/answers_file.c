/*
 * In-place editing of one respondent of an answers file; see
 * answers_file.h.  The file is held in memory as read; records are spans
 * of it, and saving copies every span but the edited row's cells.
 */
#include "answers_file.h"
#include "answers_enc.h"

#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "esgdiag/answers.h"
#include "esgdiag/buf.h"
#include "esgdiag/csv.h"
#include "esgdiag/csv_cell.h"
#include "esgdiag/csv_answers.h"
#include "esgdiag/model.h"
#include "esgdiag/text.h"
#include "esgdiag/xalloc.h"

/* A record: its cells at [start, end), its line end and blank lines after. */
struct span {
	size_t start, end, next;
	unsigned line;
};

struct answers_file {
	const struct esg_questionnaire *q;
	char *raw;
	size_t len;
	char delim;
	const char *eol;	/* of the header: for a row added */
	struct span *recs;	/* [0] is the header */
	size_t nrecs;
	size_t target;		/* record edited; nrecs: a row to add */
	size_t ncols, idcol;	/* idcol: ESG_NONE without one */
	size_t *col_field, *col_note;
	size_t *tcell;		/* target's cells: start, end of each */
	unsigned char *touched, *note_touched;
	char *id;
	const char *enc;	/* to write back in; NULL: UTF-8 */
};

/* Whether s[0..n) is the unquoted or quoted (RFC 4180) form of the cell. */
static bool
same_cell(const char *s, size_t n, const struct esg_csv_field *c, size_t *used)
{
	size_t k = 1;

	if (n == 0 || s[0] != '"') {
		*used = c->n;
		return c->n <= n && memcmp(s, c->p, c->n) == 0;
	}
	for (size_t i = 0; i < c->n; i++) {
		if (k >= n || s[k] != c->p[i])
			return false;
		k++;
		if (c->p[i] == '"' && (k >= n || s[k++] != '"'))
			return false;
	}
	*used = k + 1;
	return k < n && s[k] == '"';
}

/* Skips lines that hold only spaces, tabs and CRs: the reader skips them. */
static void
skip_blank_lines(const char *s, size_t n, size_t *pos)
{
	for (size_t k = *pos;; k++) {
		if (k == n || s[k] == '\n') {
			*pos = k + (k < n);
			if (k == n)
				return;
		} else if (s[k] != ' ' && s[k] != '\t' && s[k] != '\r')
			return;
	}
}

/* Skips the line end at *pos (none at the end) and blank lines after it. */
static bool
skip_line_end(const char *s, size_t n, size_t *pos)
{
	size_t p = *pos;

	if (p < n && s[p] == '\r')
		p++;
	if (p < n && s[p] != '\n')
		return false;
	p += p < n;
	skip_blank_lines(s, n, &p);
	*pos = p;
	return true;
}

/*
 * Checks that rec is the bytes at *pos (cells, delimiters, line end) and
 * records its span; cells (2 per cell) receives where each cell lies.
 */
static bool
match(const char *s, size_t n, char delim, size_t *pos,
    const struct esg_csv_rec *rec, size_t *cells, struct span *sp)
{
	size_t p = *pos, used;

	sp->start = p;
	sp->line = rec->line;
	for (size_t i = 0; i < rec->n; i++) {
		if (i > 0 && (p >= n || s[p++] != delim))
			return false;
		if (!same_cell(s + p, n - p, &rec->f[i], &used))
			return false;
		cells[2 * i] = p;
		cells[2 * i + 1] = p += used;
	}
	sp->end = p;
	if (!skip_line_end(s, n, &p))
		return false;
	sp->next = p;
	*pos = p;
	return true;
}

static void
add_span(struct answers_file *f, const struct span *sp)
{
	f->recs = esg_xreallocarray(f->recs, f->nrecs + 1, sizeof *f->recs);
	f->recs[f->nrecs++] = *sp;
}

/* What a row is called: its id cell, else its number. */
static void
row_name(const struct answers_file *f, const struct esg_csv_rec *rec,
    size_t row, struct esg_buf *b)
{
	const char *s;
	size_t n;

	esg_buf_reset(b);
	if (f->idcol == ESG_NONE || f->idcol >= rec->n) {
		esg_buf_printf(b, "%zu", row);
		return;
	}
	s = rec->f[f->idcol].p;
	n = rec->f[f->idcol].n;
	esg_trim(&s, &n);
	esg_buf_add(b, s, n);
}

/* What the search for the respondent found. */
struct found {
	const char *want;	/* the id asked for, or NULL */
	size_t matches, rows;
	struct esg_buf names;	/* the first ids, for messages */
};

static void
consider(struct answers_file *f, struct found *fd, const struct esg_csv_rec *rec,
    const size_t *cells)
{
	struct esg_buf name = ESG_BUF_INIT;

	row_name(f, rec, ++fd->rows, &name);
	if (fd->rows <= 10)
		esg_buf_printf(&fd->names, "%s'%s'", fd->rows > 1 ? ", " : "",
		    esg_buf_str(&name));
	if (fd->want ? strcmp(esg_buf_str(&name), fd->want) == 0 : fd->rows == 1) {
		if (fd->matches++ == 0) {
			f->target = f->nrecs - 1;
			f->tcell = esg_xreallocarray(NULL, 2 * rec->n, sizeof *f->tcell);
			memcpy(f->tcell, cells, 2 * rec->n * sizeof *cells);
		}
	}
	esg_buf_release(&name);
}

/* Splits the file into records checked byte for byte; finds the row. */
static int
index_records(struct answers_file *f, const char *path, struct found *fd)
{
	struct answers_mem m = { f->raw, f->len, 0 };
	struct esg_csv *c = esg_csv_new(answers_mem_read, &m);
	struct esg_csv_rec rec;
	struct span sp;
	size_t pos = 0, *cells = NULL;
	int rc;

	if ((rc = esg_csv_detect(c)) == 0)
		f->delim = esg_csv_delim(c);
	if (f->len >= 3 && memcmp(f->raw, "\xef\xbb\xbf", 3) == 0)
		pos = 3;
	skip_blank_lines(f->raw, f->len, &pos);
	while (rc == 0 && (rc = esg_csv_next(c, &rec)) == 1) {
		cells = esg_xreallocarray(cells, 2 * rec.n + 2, sizeof *cells);
		if (rec.malformed || !match(f->raw, f->len, f->delim, &pos, &rec,
		    cells, &sp)) {
			rc = cli_error(EXIT_INPUT, _("%s:%u: cannot edit the file in "
			    "place: this line would not be kept exactly as it is; "
			    "the file is left unchanged"), path, rec.line);
			break;
		}
		add_span(f, &sp);
		if (f->nrecs > 1)
			consider(f, fd, &rec, cells);
		rc = 0;
	}
	if (rc < 0)
		rc = cli_error(rc == -2 ? EXIT_IO : EXIT_INPUT, "%s:%u: %s", path,
		    esg_csv_error_line(c), esg_csv_error(c));
	free(cells);
	esg_csv_free(c);
	return rc;
}

/* The columns as the answers reader maps them. */
static void
map_columns(struct answers_file *f, const struct esg_reader *r)
{
	f->ncols = esg_reader_ncolumns(r);
	f->col_field = esg_xcalloc(f->ncols + 1, sizeof *f->col_field);
	f->col_note = esg_xcalloc(f->ncols + 1, sizeof *f->col_note);
	f->idcol = ESG_NONE;
	for (size_t c = 0; c < f->ncols; c++) {
		struct esg_reader_col col;
		size_t k;

		esg_reader_column(r, c, &col);
		k = col.field && !col.option ? esg_field_find(f->q, col.field) :
		    ESG_NONE;
		f->col_field[c] = col.note ? ESG_NONE : k;
		f->col_note[c] = col.note ? k : ESG_NONE;
		if (col.id && f->idcol == ESG_NONE)
			f->idcol = c;
	}
}

/* Prints the problems the reader found on one line (0: all of them). */
static void
print_diags(const struct esg_diags *d, unsigned line)
{
	struct esg_buf b = ESG_BUF_INIT;

	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].sev == ESG_SEV_ERROR && (line == 0 || d->v[i].line == line)) {
			esg_buf_reset(&b);
			esg_diag_format(&b, &d->v[i]);
			fprintf(stderr, "%s\n", esg_buf_str(&b));
		}
	esg_buf_release(&b);
}

/* Prints the problems of the row edited; whether there were any. */
static bool
say_bad_cells(const struct esg_diags *d, unsigned line)
{
	bool any = false;

	for (size_t i = 0; i < d->n; i++)
		any |= d->v[i].sev == ESG_SEV_ERROR && d->v[i].line == line;
	if (any)
		print_diags(d, line);
	return any;
}

/* Reads the respondent's answers from the row edited. */
static int
read_row(struct answers_file *f, struct esg_reader *r, const struct esg_diags *d,
    struct esg_answers *ans)
{
	unsigned line = f->recs[f->target].line;

	while (esg_reader_next(r, ans))
		if (ans->line == line) {
			f->id = esg_xstrdup(ans->id);
			if (say_bad_cells(d, line))
				fprintf(stderr, "esgdiag: %s\n", _("the cells "
				    "above are not read: their questions are asked "
				    "again, and each cell is kept until answered"));
			return EXIT_OK;
		}
	print_diags(d, line);
	return cli_error(EXIT_INPUT, _("the answers of line %u cannot be read "
	    "(see above); the file is left unchanged"), line);
}

/* Chooses the row to edit from what the search found; returns a status. */
static int
choose(struct answers_file *f, const char *path, struct found *fd)
{
	if (fd->want == NULL && fd->rows > 1)
		return cli_usage_error(_("'%s' holds %zu respondents (%s%s): choose "
		    "one with --id"), path, fd->rows, esg_buf_str(&fd->names),
		    fd->rows > 10 ? ", ..." : "");
	if (fd->matches == 1)
		return EXIT_OK;
	if (fd->matches > 1)
		return cli_error(EXIT_INPUT, _("'%s' holds %zu rows for the "
		    "respondent '%s'; the file is left unchanged"), path,
		    fd->matches, fd->want);
	f->target = f->nrecs;	/* a new row */
	if (fd->want == NULL) {	/* a header and no row */
		f->id = f->idcol != ESG_NONE ? esg_xstrdup("1") : NULL;
		return EXIT_OK;
	}
	if (f->idcol == ESG_NONE)
		return cli_usage_error(_("'%s' has no id column: --id takes the "
		    "number of a row, from 1 to %zu"), path, fd->rows);
	f->id = esg_xstrdup(fd->want);
	return EXIT_OK;
}

static struct answers_file *
file_new(const struct esg_questionnaire *q, char *raw, size_t len)
{
	struct answers_file *f = esg_xcalloc(1, sizeof *f);

	f->q = q;
	f->raw = raw;
	f->len = len;
	f->touched = esg_xcalloc(q->nfields + 1, 1);
	f->note_touched = esg_xcalloc(q->nfields + 1, 1);
	return f;
}

/* Indexes f->raw and reads the respondent; returns an exit status. */
static int
parse(struct answers_file *f, const char *path, const char *id,
    struct esg_answers *ans)
{
	struct esg_diags d = ESG_DIAGS_INIT;
	struct answers_mem m = { f->raw, f->len, 0 };
	struct found fd = { id, 0, 0, ESG_BUF_INIT };
	enum esg_status st;
	struct esg_reader *r = esg_reader_open(f->q, path, answers_mem_read,
	    &m, NULL, &d, &st);
	int rc = EXIT_INPUT;

	if (r == NULL)
		print_diags(&d, 0);
	else {
		esg_reader_set_lenient(r, true);
		map_columns(f, r);
		rc = index_records(f, path, &fd);
	}
	if (rc == EXIT_OK && (rc = choose(f, path, &fd)) == EXIT_OK &&
	    f->target < f->nrecs)
		rc = read_row(f, r, &d, ans);
	if (rc == EXIT_OK && f->nrecs > 0)
		f->eol = f->recs[0].end < f->len &&
		    f->raw[f->recs[0].end] == '\r' ? "\r\n" : "\n";
	esg_buf_release(&fd.names);
	esg_reader_free(r);
	esg_diags_release(&d);
	return rc;
}

int
answers_file_open(struct cli *cli, const char *path, const char *id,
    struct esg_answers *ans, struct answers_file **out, const char **id_out)
{
	char *raw = NULL;
	size_t len = 0;
	int rc = cli_read_file(path, (size_t)ESG_CSV_MAX_RECORD * 4, &raw, &len);
	struct answers_file *f;

	const char *enc = NULL;

	*out = NULL;
	if (rc == EXIT_OK && (rc = answers_enc_read(path, &raw, &len, &enc)) != EXIT_OK)
		free(raw);
	if (rc != EXIT_OK)
		return rc;
	f = file_new(cli->q, raw, len);
	f->enc = enc;
	if ((rc = parse(f, path, id, ans)) != EXIT_OK) {
		answers_file_free(f);
		return rc;
	}
	*out = f;
	/* A row number is only worth naming when there are several rows. */
	*id_out = f->idcol != ESG_NONE || f->nrecs > 2 ? f->id : NULL;
	return EXIT_OK;
}

struct answers_file *
answers_file_new(const struct esg_questionnaire *q, const char *id)
{
	struct esg_buf b = ESG_BUF_INIT;
	struct esg_answers empty;
	struct answers_file *f;

	esg_answers_init(&empty, q);
	esg_answers_format_csv(&b, q, &empty, id);
	f = file_new(q, esg_xstrndup(esg_buf_str(&b), b.len), b.len);
	/* What esg_answers_format_csv writes reads back; if not, say so. */
	if (parse(f, "(new)", NULL, &empty) != EXIT_OK) {
		answers_file_free(f);
		f = NULL;
	}
	esg_answers_release(&empty);
	esg_buf_release(&b);
	return f;
}

/* Whether field k needs a column the header lacks: 1 answer, 2 note. */
static int
needs_column(const struct answers_file *f, const struct esg_answers *ans,
    size_t k, bool note)
{
	for (size_t c = 0; c < f->ncols; c++)
		if ((note ? f->col_note : f->col_field)[c] == k)
			return 0;
	if (note)
		return ans->a[k].note != NULL;
	return f->touched[k] && ans->a[k].state != ESG_A_EMPTY;
}

/* Appends the cells of the columns added, in field order, notes last. */
static size_t
new_cells(const struct answers_file *f, const struct esg_answers *ans,
    struct esg_buf *out, int what)
{
	struct esg_buf cell = ESG_BUF_INIT;
	size_t n = 0;

	for (int note = 0; note < 2; note++)
		for (size_t k = 0; k < f->q->nfields; k++) {
			if (!needs_column(f, ans, k, note))
				continue;
			n++;
			if (what == 0)
				continue;
			esg_buf_putc(out, f->delim);
			esg_buf_reset(&cell);
			if (what == 1)
				esg_buf_printf(&cell, note ? "%s.note" : "%s",
				    f->q->fields[k].id);
			else if (note)
				esg_buf_puts(&cell, ans->a[k].note);
			else
				esg_cell_format(&cell, &f->q->fields[k], &ans->a[k]);
			/* Spreadsheet-safe; numbers stay numbers (csv_cell.h). */
			if (what == 2 && !note && cell.len > 0)
				esg_csv_answer_cell(out, &f->q->fields[k],
				    esg_buf_str(&cell));
			else if (what == 1 || cell.len > 0)
				esg_csv_cell(out, esg_buf_str(&cell));
		}
	esg_buf_release(&cell);
	return n;
}

/* One cell of the row edited: written anew when changed, else as it was. */
static void
row_cell(const struct answers_file *f, const struct esg_answers *ans,
    size_t c, struct esg_buf *cell, struct esg_buf *out)
{
	size_t k = f->col_field[c], nk = f->col_note[c];
	bool add = f->target == f->nrecs;

	esg_buf_reset(cell);
	if (k != ESG_NONE && (f->touched[k] || add))
		esg_cell_format(cell, &f->q->fields[k], &ans->a[k]);
	else if (nk != ESG_NONE && (f->note_touched[nk] || add))
		esg_buf_puts(cell, ans->a[nk].note ? ans->a[nk].note : "");
	else if (add && c == f->idcol)
		esg_buf_puts(cell, f->id);
	else if (!add) {
		esg_buf_add(out, f->raw + f->tcell[2 * c],
		    f->tcell[2 * c + 1] - f->tcell[2 * c]);
		return;
	}
	/* Spreadsheet-safe; numbers stay numbers (csv_cell.h). */
	if (k != ESG_NONE && (f->touched[k] || add))
		esg_csv_answer_cell(out, &f->q->fields[k], esg_buf_str(cell));
	else
		esg_csv_cell(out, esg_buf_str(cell));
}

static void render_utf8(const struct answers_file *f,
    const struct esg_answers *ans, struct esg_buf *out);

static void
render_row(const struct answers_file *f, const struct esg_answers *ans,
    struct esg_buf *out)
{
	struct esg_buf cell = ESG_BUF_INIT;

	for (size_t c = 0; c < f->ncols; c++) {
		if (c > 0)
			esg_buf_putc(out, f->delim);
		row_cell(f, ans, c, &cell, out);
	}
	new_cells(f, ans, out, 2);
	esg_buf_release(&cell);
}

int
answers_file_render(const struct answers_file *f, const struct esg_answers *ans,
    struct esg_buf *out)
{
	struct esg_buf u = ESG_BUF_INIT;
	int rc;

	render_utf8(f, ans, &u);
	rc = answers_enc_write(f->enc, &u);
	if (rc == 0)
		esg_buf_add(out, u.data, u.len);
	esg_buf_release(&u);
	return rc;
}

bool
answers_file_fits(const struct answers_file *f, const char *s)
{
	return answers_enc_fits(f->enc, s);
}

static void
render_utf8(const struct answers_file *f, const struct esg_answers *ans,
    struct esg_buf *out)
{
	const struct span *h = &f->recs[0], *last = &f->recs[f->nrecs - 1];
	size_t added = new_cells(f, ans, out, 0);

	esg_buf_add(out, f->raw, h->end);
	new_cells(f, ans, out, 1);
	esg_buf_add(out, f->raw + h->end, h->next - h->end);
	for (size_t i = 1; i < f->nrecs; i++) {
		const struct span *r = &f->recs[i];

		if (i == f->target)
			render_row(f, ans, out);
		else {
			esg_buf_add(out, f->raw + r->start, r->end - r->start);
			for (size_t k = 0; k < added; k++)
				esg_buf_putc(out, f->delim);
		}
		esg_buf_add(out, f->raw + r->end, r->next - r->end);
	}
	if (f->target < f->nrecs)
		return;
	if (last->next == last->end)	/* the file ended without a line end */
		esg_buf_puts(out, f->eol);
	render_row(f, ans, out);
	esg_buf_puts(out, f->eol);
}

void
answers_file_touch(struct answers_file *f, size_t field, bool note)
{
	(note ? f->note_touched : f->touched)[field] = 1;
}

void
answers_file_free(struct answers_file *f)
{
	if (f == NULL)
		return;
	free(f->raw);
	free(f->recs);
	free(f->col_field);
	free(f->col_note);
	free(f->tcell);
	free(f->touched);
	free(f->note_touched);
	free(f->id);
	free(f);
}
