/*
 * The record reader over libcsv (see csv.h for the contract and why it is
 * shaped so).  This file owns what libcsv leaves to its caller: reading
 * and the BOM, the choice of delimiter, cutting the input into physical
 * lines so that every record knows its first line, CRLF against a lone CR,
 * resuming strict parsing past an ordinary quote, the limits, blank lines,
 * and assembling one record's fields.  Only this file includes <csv.h>.
 */
#include "esgdiag/csv.h"

#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv_pipe.h"
#include "esgdiag/buf.h"
#include "esgdiag/xalloc.h"
#include "i18n.h"

enum { BUFSZ = 64 * 1024, ENTRY_BLOCK = 4096 };
enum { OPTS = CSV_STRICT | CSV_REPALL_NL | CSV_STRICT_FINI };

struct esg_csv {
	esg_read_fn read;
	void *ctx;
	char *buf;
	size_t pos, len, cap;
	bool eof, started, finished;
	char delim;
	unsigned line;			/* physical line of the next byte fed */
	struct csv_parser p;
	/* The record being assembled: fields NUL-separated in row. */
	char *row;
	size_t rowlen, rowcap;
	size_t *off;
	size_t nfields, fieldcap;
	struct esg_csv_field *fields;
	size_t fieldsz;
	size_t recbytes;		/* input bytes of the record so far */
	unsigned recline;
	bool inrec, complete, firstq, toobig;
	const char *malformed;
	size_t nread;			/* records returned before threading */
	struct esg_csv_pipe *pipe;
	char err[160];
	unsigned errline;
};

/* libcsv's space test: no byte is a space, so every cell comes verbatim. */
static int
never_space(unsigned char ch)
{
	(void)ch;
	return 0;
}

/* Only LF ends a line: set while feeding a line body holding a lone CR. */
static int
lf_only(unsigned char ch)
{
	return ch == '\n';
}

struct esg_csv *
esg_csv_new(esg_read_fn read, void *ctx)
{
	struct esg_csv *c = esg_xcalloc(1, sizeof *c);

	c->read = read;
	c->ctx = ctx;
	c->cap = BUFSZ;
	c->buf = esg_xmalloc(c->cap);
	c->delim = ',';
	c->line = 1;
	csv_init(&c->p, OPTS);
	csv_set_space_func(&c->p, never_space);
	csv_set_realloc_func(&c->p, esg_xrealloc);
	csv_set_blk_size(&c->p, ENTRY_BLOCK);
	csv_set_delim(&c->p, (unsigned char)c->delim);
	return c;
}

void
esg_csv_free(struct esg_csv *c)
{
	if (c == NULL)
		return;
	esg_csv_pipe_free(c->pipe);
	csv_free(&c->p);
	free(c->buf);
	free(c->row);
	free(c->off);
	free(c->fields);
	free(c);
}

char
esg_csv_delim(const struct esg_csv *c)
{
	return c->delim;
}

const char *
esg_csv_error(const struct esg_csv *c)
{
	return c->err;
}

unsigned
esg_csv_error_line(const struct esg_csv *c)
{
	return c->errline;
}

/* Appends input to the buffer (growing it when keep is set); -2 on error. */
static int
fill(struct esg_csv *c, bool keep)
{
	long n;

	if (c->eof)
		return 0;
	if (!keep) {
		memmove(c->buf, c->buf + c->pos, c->len - c->pos);
		c->len -= c->pos;
		c->pos = 0;
	}
	if (c->cap - c->len < BUFSZ / 2) {
		c->cap *= 2;
		c->buf = esg_xrealloc(c->buf, c->cap);
	}
	n = c->read(c->ctx, c->buf + c->len, c->cap - c->len);
	if (n < 0)
		return -2;
	if (n == 0)
		c->eof = true;
	c->len += (size_t)n;
	return 0;
}

static int
start(struct esg_csv *c)
{
	const unsigned char *b = (const unsigned char *)c->buf;

	c->started = true;
	while (c->len < 3 && !c->eof)
		if (fill(c, true) != 0)
			return -2;
	if (c->len >= 2 && ((b[0] == 0xff && b[1] == 0xfe) ||
	    (b[0] == 0xfe && b[1] == 0xff))) {
		snprintf(c->err, sizeof c->err, "%s", _("the file is UTF-16; "
		    "save it as UTF-8"));
		c->errline = 1;
		return -1;
	}
	if (c->len >= 3 && b[0] == 0xef && b[1] == 0xbb && b[2] == 0xbf)
		c->pos = 3;
	return 0;
}

/*
 * Consumes the blank lines (spaces, TABs, CRs) before the header, counting
 * them, so that the delimiter is chosen on the header line itself: the
 * reader would skip them anyway.  A quote makes a line a record.
 */
static int
skip_leading_blanks(struct esg_csv *c)
{
	for (size_t k = 0;; k++) {
		if (c->pos + k == c->len) {
			if (c->eof)
				return 0;
			if (fill(c, false) != 0)
				return -2;
			k--;
			continue;
		}
		char ch = c->buf[c->pos + k];

		if (k >= ESG_CSV_MAX_RECORD)	/* the reader reports it */
			return 0;
		if (ch == '\n') {
			c->pos += k + 1;
			c->line++;
			k = (size_t)-1;
		} else if (ch != ' ' && ch != '\t' && ch != '\r')
			return 0;
	}
}

int
esg_csv_detect(struct esg_csv *c)
{
	size_t count[3] = { 0, 0, 0 }, i;	/* ';', TAB, ',' */
	bool inq = false;
	int rc;

	if (!c->started && (rc = start(c)) != 0)
		return rc;
	if ((rc = skip_leading_blanks(c)) != 0)
		return rc;
	for (i = c->pos;; i++) {
		if (i == c->len) {
			if (c->eof || c->len - c->pos >= ESG_CSV_MAX_RECORD)
				break;
			if (fill(c, true) != 0)
				return -2;
			i--;
			continue;
		}
		char ch = c->buf[i];

		if (ch == '"')
			inq = !inq;
		else if (!inq && (ch == '\n' || ch == '\r'))
			break;
		else if (!inq && ch == ';')
			count[0]++;
		else if (!inq && ch == '\t')
			count[1]++;
		else if (!inq && ch == ',')
			count[2]++;
	}
	c->delim = ';';
	if (count[1] > count[0])
		c->delim = '\t';
	if (count[2] > count[0] && count[2] > count[1])
		c->delim = ',';
	csv_set_delim(&c->p, (unsigned char)c->delim);
	return 0;
}

/* libcsv's field callback: the field is copied, its buffer being reused. */
static void
on_field(void *s, size_t n, void *data)
{
	struct esg_csv *c = data;

	if (c->nfields == ESG_CSV_MAX_FIELDS) {
		c->toobig = true;
		return;
	}
	if (c->nfields == c->fieldcap) {
		c->fieldcap = c->fieldcap ? c->fieldcap * 2 : 64;
		c->off = esg_xreallocarray(c->off, c->fieldcap, sizeof *c->off);
	}
	if (c->rowcap - c->rowlen < n + 1) {
		while (c->rowcap - c->rowlen < n + 1)
			c->rowcap = c->rowcap ? c->rowcap * 2 : 1024;
		c->row = esg_xrealloc(c->row, c->rowcap);
	}
	c->off[c->nfields++] = c->rowlen;
	if (n > 0)
		memcpy(c->row + c->rowlen, s, n);
	c->rowlen += n;
	c->row[c->rowlen++] = '\0';
}

/*
 * libcsv's record callback.  A record without fields is a blank line, or
 * the LF of a CRLF whose CR already ended the record: neither is one.
 */
static void
on_row(int ch, void *data)
{
	struct esg_csv *c = data;

	(void)ch;
	if (c->complete)
		return;
	if (c->nfields == 0)
		c->inrec = false;
	else
		c->complete = true;
}

static void
begin_record(struct esg_csv *c, const char *s, size_t n)
{
	c->inrec = true;
	c->recline = c->line;
	c->firstq = n > 0 && s[0] == '"';
	c->recbytes = 0;
	c->rowlen = c->nfields = 0;
	c->malformed = NULL;
	c->toobig = false;
}

/*
 * Feeds bytes that hold no line end to libcsv.  Strict mode stops at a
 * quote inside an unquoted field, which SPEC §4 calls ordinary: it is fed
 * again alone in lenient mode.  It also stops at a byte after a closing
 * quote: the record is marked, and a delimiter fed in its place lets the
 * rest of the record be read, for its extent only.
 */
static void
feed(struct esg_csv *c, const char *s, size_t n)
{
	while (n > 0) {
		size_t k = csv_parse(&c->p, s, n, on_field, on_row, c);

		if (k == n)
			return;
		if (s[k] == '"') {
			csv_set_opts(&c->p, OPTS & ~CSV_STRICT);
			csv_parse(&c->p, s + k, 1, on_field, on_row, c);
			csv_set_opts(&c->p, OPTS);
			k++;
		} else {
			if (c->malformed == NULL)
				c->malformed = _("unexpected character after a "
				    "closing quote");
			csv_parse(&c->p, &c->delim, 1, on_field, on_row, c);
		}
		s += k;
		n -= k;
	}
}

/* Feeds the body of a line (no LF in it), setting the term test for it. */
static void
feed_body(struct esg_csv *c, const char *s, size_t n)
{
	bool lone_cr = memchr(s, '\r', n) != NULL;

	if (!c->inrec)
		begin_record(c, s, n);
	c->recbytes += n;
	if (lone_cr)
		csv_set_term_func(&c->p, lf_only);
	feed(c, s, n);
	if (lone_cr)
		csv_set_term_func(&c->p, NULL);
}

static int
too_big(struct esg_csv *c)
{
	snprintf(c->err, sizeof c->err, _("the record is larger than %d bytes "
	    "or %d fields"), ESG_CSV_MAX_RECORD, ESG_CSV_MAX_FIELDS);
	c->errline = c->recline;
	return -1;
}

/*
 * Feeds the next physical line, or as much of it as is buffered, and its
 * line end: CRLF or LF, fed with libcsv's default term test (CR or LF), so
 * that inside quotes both bytes are kept and outside the CR ends the
 * record.  A CR at the end of the buffer waits for the next byte.
 */
static int
feed_line(struct esg_csv *c)
{
	const char *s = c->buf + c->pos;
	size_t avail = c->len - c->pos;
	const char *lf = memchr(s, '\n', avail);
	size_t body = lf ? (size_t)(lf - s) : avail;

	if (body > 0 && s[body - 1] == '\r' && (lf != NULL || !c->eof))
		body--;
	if (body > 0 || lf != NULL)
		feed_body(c, s, body);
	c->pos += body;
	if (lf != NULL) {
		size_t tail = (size_t)(lf - s) + 1 - body;

		c->recbytes += tail;
		feed(c, c->buf + c->pos, tail);
		c->pos += tail;
		c->line++;
	}
	if (c->toobig || (c->inrec && c->recbytes > ESG_CSV_MAX_RECORD))
		return too_big(c);
	return 0;
}

/* At the end of input: the last record may lack its line end. */
static void
finish(struct esg_csv *c)
{
	c->finished = true;
	if (!c->inrec)
		return;
	if (csv_fini(&c->p, on_field, on_row, c) != 0) {
		/* csv_fini refuses an open quote and reports no field. */
		c->malformed = _("unterminated quoted field");
		on_field("", 0, c);
		on_row('\n', c);
	}
}

/* Reads on until a record is complete; 1, 0 at the end, -1 or -2. */
static int
read_record(struct esg_csv *c)
{
	while (!c->complete) {
		size_t avail = c->len - c->pos;

		if (c->finished)
			return 0;
		if (avail == 0 || (avail == 1 && c->buf[c->pos] == '\r' &&
		    !c->eof)) {
			if (fill(c, false) != 0)
				return -2;
			if (c->pos == c->len && c->eof)
				finish(c);
			continue;
		}
		if (feed_line(c) != 0)
			return -1;
	}
	c->complete = false;
	c->inrec = false;
	return 1;
}

static bool
blank(const struct esg_csv *c)
{
	if (c->nfields != 1 || c->firstq || c->malformed != NULL)
		return false;
	for (const char *p = c->row; *p; p++)
		if (*p != ' ' && *p != '\t' && *p != '\r')
			return false;
	return true;
}

/* The reader on its own, in whichever thread runs it. */
static int
next_here(void *ctx, struct esg_csv_rec *rec)
{
	struct esg_csv *c = ctx;
	int rc;

	do {
		if ((rc = read_record(c)) != 1)
			return rc;
	} while (blank(c));
	if (c->fieldsz < c->fieldcap) {
		c->fieldsz = c->fieldcap;
		c->fields = esg_xreallocarray(c->fields, c->fieldsz,
		    sizeof *c->fields);
	}
	for (size_t i = 0; i < c->nfields; i++) {
		size_t end = i + 1 < c->nfields ? c->off[i + 1] : c->rowlen;

		c->fields[i].p = c->row + c->off[i];
		c->fields[i].n = end - c->off[i] - 1;
	}
	rec->f = c->fields;
	rec->n = c->nfields;
	rec->line = c->recline;
	rec->malformed = c->malformed;
	return 1;
}

int
esg_csv_next(struct esg_csv *c, struct esg_csv_rec *rec)
{
	int rc;

	if (c->pipe != NULL)
		return esg_csv_pipe_next(c->pipe, rec);
	if (!c->started && (rc = start(c)) != 0)
		return rc;
	/* A file this long pays for a thread: the rest is read in one. */
	if (c->nread == ESG_CSV_PIPE_AFTER && !c->finished &&
	    (c->pipe = esg_csv_pipe_start(next_here, c)) != NULL)
		return esg_csv_pipe_next(c->pipe, rec);
	rc = next_here(c, rec);
	c->nread += rc == 1;
	return rc;
}

void
esg_csv_quote(struct esg_buf *b, const char *s)
{
	size_t n = strlen(s);

	if (strpbrk(s, ",;\t\"\r\n") == NULL && (n == 0 || (s[0] != ' ' &&
	    s[n - 1] != ' '))) {
		esg_buf_add(b, s, n);
		return;
	}
	esg_buf_putc(b, '"');
	for (; *s; s++) {
		if (*s == '"')
			esg_buf_putc(b, '"');
		esg_buf_putc(b, *s);
	}
	esg_buf_putc(b, '"');
}
