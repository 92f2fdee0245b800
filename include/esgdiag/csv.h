/*
 * A streaming RFC 4180 record reader built on libcsv 3.0.3, with the
 * contract of SPEC §4: exact physical line of each record, cells verbatim
 * (no space trimming), a quote inside an unquoted field ordinary, a byte
 * after a closing quote a malformed record (not a merge), CRLF or LF with
 * a lone CR ordinary, blank lines skipped, one record in memory at a time.
 *
 * libcsv runs in strict mode with CSV_REPALL_NL and no space test, fed one
 * physical line at a time: the body of the line, then its line end.  What
 * libcsv cannot say is done around it (csv.c): the line numbers, the BOM,
 * the delimiter, the limits, resuming past an ordinary quote (strict mode
 * stops there and returns the offset), and whether a record is a blank line
 * (libcsv does not tell a quoted field from an unquoted one, so a line
 * holding only `" "` is told apart by its first byte).
 */
#ifndef ESG_CSV_H
#define ESG_CSV_H

#include <stdbool.h>
#include <stddef.h>

/* Reads up to n bytes into buf; returns the count, 0 at end, -1 on error. */
typedef long (*esg_read_fn)(void *ctx, char *buf, size_t n);

struct esg_csv_field {
	const char *p;		/* NUL-terminated; valid until the next call */
	size_t n;
};

struct esg_csv_rec {
	struct esg_csv_field *f;
	size_t n;
	unsigned line;		/* physical line where the record starts */
	const char *malformed;	/* NULL, or why the record is not well formed */
};

enum {
	ESG_CSV_MAX_RECORD = 16 * 1024 * 1024,	/* bytes of one record */
	ESG_CSV_MAX_FIELDS = 100000,
	ESG_CSV_PIPE_AFTER = 1000,		/* records read before threading */
};

struct esg_csv;

struct esg_csv *esg_csv_new(esg_read_fn read, void *ctx);
void esg_csv_free(struct esg_csv *c);
/*
 * Chooses the delimiter from the first line: the most frequent of ';', TAB
 * and ',' outside quotes, ties going to ';' then TAB then ','.  Call once,
 * before the first esg_csv_next().  Returns 0, or -1/-2 as esg_csv_next.
 */
int esg_csv_detect(struct esg_csv *c);
char esg_csv_delim(const struct esg_csv *c);
/*
 * Reads the next non-blank record.  Returns 1 (record in *rec), 0 at the
 * end, -1 when the input cannot be read on (message in esg_csv_error()),
 * -2 on a read error.  Past the first ESG_CSV_PIPE_AFTER records, reading
 * and parsing go on in a second thread (csv_pipe.h), which calls the read
 * function from then on: it must not share unguarded state with the
 * caller's thread until esg_csv_next has returned 0 or less, or
 * esg_csv_free has returned.
 */
int esg_csv_next(struct esg_csv *c, struct esg_csv_rec *rec);
struct esg_buf;
/*
 * Appends s as one CSV field, quoted (RFC 4180) when it holds a delimiter
 * of any kind, a quote, a line end, or spaces at either end.
 */
void esg_csv_quote(struct esg_buf *b, const char *s);
const char *esg_csv_error(const struct esg_csv *c);
unsigned esg_csv_error_line(const struct esg_csv *c);

#endif
