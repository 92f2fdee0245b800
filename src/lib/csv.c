/*
 * RFC 4180 reader; see csv.h for why it is not libcsv.  A byte-at-a-time
 * state machine over a refilled buffer, with one byte of look-ahead for
 * CRLF.  A UTF-8 byte order mark is skipped; a UTF-16 one is an error.
 */
#include "esgdiag/csv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "esgdiag/buf.h"
#include "esgdiag/xalloc.h"
#include "i18n.h"

enum { BUFSZ = 64 * 1024, GETEOF = -1, GETERR = -2 };

/* Which bytes a run may hold, for the fast path. */
enum state_kind { K_PLAIN, K_QUOTED, K_OTHER };

struct esg_csv {
	esg_read_fn read;
	void *ctx;
	char *buf;
	size_t pos, len, cap;
	bool eof, started;
	char delim;
	unsigned line;			/* current physical line */
	char *row;			/* fields of the record, NUL-separated */
	size_t rowlen, rowcap;
	size_t *off;			/* field starts in row */
	size_t fstart;			/* start of the field being read */
	bool *quoted;
	struct esg_csv_field *fields;
	size_t nfields, fieldcap, fieldsz;
	char err[160];
	unsigned errline;
};

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
	return c;
}

void
esg_csv_free(struct esg_csv *c)
{
	if (c == NULL)
		return;
	free(c->buf);
	free(c->row);
	free(c->off);
	free(c->quoted);
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
		return GETERR;
	if (n == 0)
		c->eof = true;
	c->len += (size_t)n;
	return (int)n;
}

static int
start(struct esg_csv *c)
{
	const unsigned char *b = (const unsigned char *)c->buf;

	c->started = true;
	while (c->len < 3 && !c->eof)
		if (fill(c, true) == GETERR)
			return GETERR;
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

int
esg_csv_detect(struct esg_csv *c)
{
	size_t count[3] = { 0, 0, 0 }, i;	/* ';', TAB, ',' */
	bool inq = false;
	int rc;

	if (!c->started && (rc = start(c)) != 0)
		return rc;
	for (i = c->pos;; i++) {
		if (i == c->len) {
			if (c->eof || c->len - c->pos >= ESG_CSV_MAX_RECORD)
				break;
			if (fill(c, true) == GETERR)
				return GETERR;
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
	return 0;
}

static inline int
getb(struct esg_csv *c)
{
	if (c->pos == c->len) {
		int rc = fill(c, false);

		if (rc == GETERR)
			return GETERR;
		if (c->pos == c->len)
			return GETEOF;
	}
	return (unsigned char)c->buf[c->pos++];
}

static inline int
peekb(struct esg_csv *c)
{
	int ch = getb(c);

	if (ch >= 0)
		c->pos--;
	return ch;
}

static bool
put(struct esg_csv *c, char ch)
{
	if (c->rowlen == c->rowcap) {
		if (c->rowcap >= ESG_CSV_MAX_RECORD)
			return false;
		c->rowcap = c->rowcap ? c->rowcap * 2 : 1024;
		c->row = esg_xrealloc(c->row, c->rowcap);
	}
	c->row[c->rowlen++] = ch;
	return true;
}

/*
 * The fast path: copies at once the run of ordinary bytes of the field
 * being read (most of a file), leaving the state machine the special ones.
 */
static bool
bulk(struct esg_csv *c, enum state_kind st, bool *any)
{
	const char *p = c->buf + c->pos, *end = c->buf + c->len, *q = p;
	size_t n;

	if (st == K_PLAIN)
		while (q < end && *q != c->delim && *q != '\n' && *q != '\r')
			q++;
	else if (st == K_QUOTED)
		while (q < end && *q != '"' && *q != '\n')
			q++;
	if ((n = (size_t)(q - p)) == 0)
		return true;
	if (c->rowlen + n > ESG_CSV_MAX_RECORD)
		return false;
	if (c->rowlen + n > c->rowcap) {
		while (c->rowcap < c->rowlen + n)
			c->rowcap = c->rowcap ? c->rowcap * 2 : 1024;
		c->row = esg_xrealloc(c->row, c->rowcap);
	}
	memcpy(c->row + c->rowlen, p, n);
	c->rowlen += n;
	c->pos += n;
	*any = true;
	return true;
}

static bool
end_field(struct esg_csv *c, bool quoted)
{
	if (!put(c, '\0'))
		return false;
	if (c->nfields == ESG_CSV_MAX_FIELDS)
		return false;
	if (c->nfields == c->fieldcap) {
		c->fieldcap = c->fieldcap ? c->fieldcap * 2 : 64;
		c->off = esg_xreallocarray(c->off, c->fieldcap, sizeof *c->off);
		c->quoted = esg_xreallocarray(c->quoted, c->fieldcap, sizeof *c->quoted);
	}
	c->quoted[c->nfields] = quoted;
	c->off[c->nfields++] = c->fstart;
	c->fstart = c->rowlen;
	return true;
}

enum state { S_START, S_UNQUOTED, S_QUOTED, S_AFTER_QUOTE };

/* Consumes a line end starting with ch (LF, or CR followed by LF). */
static bool
line_end(struct esg_csv *c, int ch)
{
	if (ch == '\r' && peekb(c) == '\n')
		ch = getb(c);
	if (ch != '\n')
		return false;
	c->line++;
	return true;
}

static int
too_big(struct esg_csv *c, unsigned line)
{
	snprintf(c->err, sizeof c->err, _("the record is larger than %d bytes "
	    "or %d fields"), ESG_CSV_MAX_RECORD, ESG_CSV_MAX_FIELDS);
	c->errline = line;
	return -1;
}

/* One step of the state machine; returns false when the record ends. */
static bool
step(struct esg_csv *c, enum state *st, int ch, bool *quoted,
    const char **malformed, bool *ok)
{
	switch (*st) {
	case S_START:
		if (ch == '"') {
			*st = S_QUOTED;
			*quoted = true;
			return true;
		}
		/* FALLTHROUGH */
	case S_UNQUOTED:
		break;
	case S_QUOTED:
		if (ch == '"')
			*st = S_AFTER_QUOTE;
		else if (!(*ok = put(c, (char)ch)))
			return false;
		else if (ch == '\n')
			c->line++;
		return true;
	case S_AFTER_QUOTE:
		if (ch == '"') {
			*st = S_QUOTED;
			return (*ok = put(c, '"'));
		}
		if (ch != c->delim && ch != '\n' && ch != '\r' && *malformed == NULL)
			*malformed = _("unexpected character after a closing quote");
		break;
	}
	if (ch == c->delim) {
		*st = S_START;
		*ok = end_field(c, *quoted);
		*quoted = false;
		return *ok;
	}
	if (line_end(c, ch)) {
		*ok = end_field(c, *quoted);
		return false;
	}
	*st = S_UNQUOTED;
	return (*ok = put(c, (char)ch));
}

static int
read_record(struct esg_csv *c, struct esg_csv_rec *rec)
{
	enum state st = S_START;
	bool quoted = false, any = false, ok = true;
	unsigned line = c->line;
	int ch;

	c->rowlen = c->nfields = c->fstart = 0;
	rec->malformed = NULL;
	rec->line = line;
	for (;;) {
		if (!bulk(c, st == S_UNQUOTED ? K_PLAIN : st == S_QUOTED ? K_QUOTED :
		    K_OTHER, &any)) {
			ok = false;
			break;
		}
		if ((ch = getb(c)) == GETERR)
			return -2;
		if (ch == GETEOF) {
			if (!any)
				return 0;
			if (st == S_QUOTED)
				rec->malformed = _("unterminated quoted field");
			ok = end_field(c, quoted);
			break;
		}
		any = true;
		if (!step(c, &st, ch, &quoted, &rec->malformed, &ok))
			break;
	}
	return ok ? 1 : too_big(c, line);
}

static bool
blank(const struct esg_csv *c)
{
	if (c->nfields != 1 || c->quoted[0])
		return false;
	for (const char *p = c->row; *p; p++)
		if (*p != ' ' && *p != '\t' && *p != '\r')
			return false;
	return true;
}

int
esg_csv_next(struct esg_csv *c, struct esg_csv_rec *rec)
{
	int rc;

	if (!c->started && (rc = start(c)) != 0)
		return rc;
	do {
		if ((rc = read_record(c, rec)) != 1)
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
		c->fields[i].quoted = c->quoted[i];
	}
	rec->f = c->fields;
	rec->n = c->nfields;
	return 1;
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
