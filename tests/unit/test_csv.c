/*
 * Unit tests of the RFC 4180 reader: delimiter detection, BOM, line ends,
 * quoting, blank lines, start lines of records, malformed records.  Each
 * input is also read one byte per read() call, to test buffer refills.
 */
#include <errno.h>

#include "esgdiag/csv.h"
#include "testutil.h"

/* Reads all records of s as "line:f1|f2|...;" (malformed ones as "line:!why;"). */
static const char *
records(const char *s, size_t chunk, char *delim)
{
	static struct esg_buf out = ESG_BUF_INIT;
	struct memsrc m = { s, strlen(s), 0, chunk };
	struct esg_csv *c = esg_csv_new(mem_read, &m);
	struct esg_csv_rec r;
	int rc;

	esg_buf_reset(&out);
	rc = esg_csv_detect(c);
	*delim = esg_csv_delim(c);
	while (rc >= 0 && (rc = esg_csv_next(c, &r)) == 1) {
		esg_buf_printf(&out, "%u:", r.line);
		if (r.malformed) {
			esg_buf_printf(&out, "!%s;", r.malformed);
			continue;
		}
		for (size_t i = 0; i < r.n; i++)
			esg_buf_printf(&out, "%s%s", i ? "|" : "", r.f[i].p);
		esg_buf_putc(&out, ';');
	}
	if (rc < 0)
		esg_buf_printf(&out, "ERR:%u:%s", esg_csv_error_line(c), esg_csv_error(c));
	esg_csv_free(c);
	return esg_buf_str(&out);
}

static void
test_records(void **state)
{
	static const struct { const char *in, *out; char delim; } rows[] = {
		{ "a,b\n1,2\n", "1:a|b;2:1|2;", ',' },
		{ "a;b\r\n1;2\r\n", "1:a|b;2:1|2;", ';' },
		{ "a\tb\n1\t2", "1:a|b;2:1|2;", '\t' },		/* no final newline */
		{ "\xef\xbb\xbf" "a,b\n1,2\n", "1:a|b;2:1|2;", ',' },	/* BOM */
		/* Delimiter: most frequent outside quotes in the header line. */
		{ "\"a,b,c\";d\n", "1:a,b,c|d;", ';' },
		{ "a,b;c\n", "1:a,b|c;", ';' },			/* tie: ';' first */
		{ "a,b\tc\n", "1:a,b|c;", '\t' },		/* tie: TAB before ',' */
		{ "abc\n1\n", "1:abc;2:1;", ';' },		/* no delimiter at all */
		/* RFC 4180 quoting. */
		{ "a,b\n\"x,y\",\"say \"\"hi\"\"\"\n", "1:a|b;2:x,y|say \"hi\";", ',' },
		{ "a,b\n\"multi\nline\",2\n3,4\n", "1:a|b;2:multi\nline|2;4:3|4;", ',' },
		{ "a,b\n\"crlf\r\ninside\",2\r\n", "1:a|b;2:crlf\r\ninside|2;", ',' },
		{ "a,b\nit\"s,ok\n", "1:a|b;2:it\"s|ok;", ',' },	/* quote inside unquoted */
		{ "a,b\n,\n", "1:a|b;2:|;", ',' },
		{ "a,b\n\"\",x\n", "1:a|b;2:|x;", ',' },
		/* Blank lines are skipped, and lines still counted. */
		{ "a,b\n\n  \n1,2\n\r\n3,4\n", "1:a|b;4:1|2;6:3|4;", ',' },
		/* Blank lines before the header: the delimiter is still chosen on
		 * the header line, which keeps its physical line number. */
		{ "\n\nid,yn\n1,o\n", "3:id|yn;4:1|o;", ',' },
		{ "  \t\nid;yn\n1;o\n", "2:id|yn;3:1|o;", ';' },
		{ "\r\n\r\nid\tyn\r\n1\to\r\n", "3:id|yn;4:1|o;", '\t' },
		{ "\xef\xbb\xbf\n \r\nid,yn\n", "3:id|yn;", ',' },	/* BOM, then blanks */
		/* A quoted blank is a record, not a blank line: it is the header. */
		{ "\"\"\na,b\n", "1:;2:a,b;", ';' },
		/* A lone CR is an ordinary character. */
		{ "a,b\n1\r2,3\n", "1:a|b;2:1\r2|3;", ',' },
		/* Malformed records are marked, and reading goes on. */
		{ "a,b\n\"x\"y,1\n2,3\n", "1:a|b;2:!unexpected character after a closing quote;3:2|3;", ',' },
		{ "a,b\n1,2\n\"open,3\n4,5\n", "1:a|b;2:1|2;3:!unterminated quoted field;", ',' },
		/* The rest of a malformed record is read for its extent only. */
		{ "a,b\n\"x\"y,\"p\nq\"\n2,3\n", "1:a|b;2:!unexpected character after a closing quote;4:2|3;", ',' },
		{ "a,b\n\"x\" ,1\n", "1:a|b;2:!unexpected character after a closing quote;", ',' },
		/* A line holding only a quoted blank is a record, not a blank line
		 * (libcsv does not say a field was quoted: csv.c looks at the line). */
		{ "a\n\" \"\n\"\"\n1\n", "1:a;2: ;3:;4:1;", ';' },
		/* Cells come verbatim: no space is trimmed, quoted or not. */
		{ "a,b\n x , \ty\t\n", "1:a|b;2: x | \ty\t;", ',' },
		{ "a;b\n\" q \";\"\"\n", "1:a|b;2: q |;", ';' },
		/* Several ordinary quotes in unquoted fields. */
		{ "a,b\nx\"y\"z,w\"\n", "1:a|b;2:x\"y\"z|w\";", ',' },
		/* CRLF after a closing quote; a lone CR at the very end is data. */
		{ "a,b\r\n\"x\",\"y\"\r\n", "1:a|b;2:x|y;", ',' },
		{ "a,b\n1,2\r", "1:a|b;2:1|2\r;", ',' },
		/* A record over several lines, CRLF inside and after. */
		{ "a,b\r\n\"l1\r\nl2\r\n\",3\r\n4,5\r\n", "1:a|b;2:l1\r\nl2\r\n|3;5:4|5;", ',' },
	};

	(void)state;
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
		for (size_t chunk = 0; chunk <= 1; chunk++) {
			char delim = 0;
			const char *got = records(rows[i].in, chunk, &delim);

			if (strcmp(got, rows[i].out) != 0 || delim != rows[i].delim)
				fail_msg("case %zu (chunk %zu): got '%s' delim %d, "
				    "expected '%s' delim %d", i, chunk, got, delim,
				    rows[i].out, rows[i].delim);
		}
}

static void
test_utf16(void **state)
{
	char d;

	(void)state;
	assert_string_equal(records("\xff\xfe" "a\0,\0", 0, &d) + 0,
	    "ERR:1:the file is UTF-16; save it as UTF-8");
}

static void
test_empty(void **state)
{
	char d;

	(void)state;
	assert_string_equal(records("", 0, &d), "");
	assert_string_equal(records("\n\n", 0, &d), "");
}

/* A line of 200,000 bytes, several times the read buffer, then a line. */
static void
test_long_line(void **state)
{
	size_t n = 200000;
	char *in = malloc(n + 16), d;
	const char *got;

	(void)state;
	assert_non_null(in);
	memcpy(in, "a,b\n", 4);
	memset(in + 4, 'x', n);
	strcpy(in + 4 + n, ",1\r\n2,3\n");
	got = records(in, 0, &d);
	assert_int_equal(strlen(got), strlen("1:a|b;2:") + n + strlen("|1;3:2|3;"));
	assert_string_equal(got + strlen("1:a|b;2:") + n, "|1;3:2|3;");
	free(in);
}

/*
 * Past ESG_CSV_PIPE_AFTER records a second thread reads on: every record
 * must still come in order, with its line and fields.  The input is built
 * here with each record's expected line and text, the independent answer:
 * record k is "k,<k times 'x'>" on one line, every 7th spread over two
 * lines by a quoted newline, every 11th followed by a blank line, every
 * 13th malformed.
 */
static void
test_pipeline(void **state)
{
	enum { N = 3 * ESG_CSV_PIPE_AFTER + 77 };
	struct esg_buf in = ESG_BUF_INIT, want = ESG_BUF_INIT, got = ESG_BUF_INIT;
	unsigned line = 1;

	(void)state;
	esg_buf_puts(&in, "a,b\n");
	esg_buf_puts(&want, "1:a|b;");
	for (unsigned k = 1; k <= N; k++) {
		line++;
		esg_buf_printf(&want, "%u:", line);
		if (k % 13 == 0) {
			esg_buf_printf(&in, "\"%u\"z,1\n", k);
			esg_buf_puts(&want, "!unexpected character after a closing quote;");
		} else if (k % 7 == 0) {
			esg_buf_printf(&in, "%u,\"x\nx\"\r\n", k);
			esg_buf_printf(&want, "%u|x\nx;", k);
			line++;
		} else {
			esg_buf_printf(&in, "%u,", k);
			esg_buf_printf(&want, "%u|", k);
			for (unsigned j = 0; j < k % 50; j++) {
				esg_buf_putc(&in, 'x');
				esg_buf_putc(&want, 'x');
			}
			esg_buf_puts(&in, "\n");
			esg_buf_putc(&want, ';');
		}
		if (k % 11 == 0) {
			esg_buf_puts(&in, "  \n");
			line++;
		}
	}
	for (size_t chunk = 0; chunk <= 3; chunk += 3) {
		char d;

		esg_buf_reset(&got);
		esg_buf_puts(&got, records(esg_buf_str(&in), chunk, &d));
		assert_string_equal(esg_buf_str(&got), esg_buf_str(&want));
	}
	esg_buf_release(&in);
	esg_buf_release(&want);
	esg_buf_release(&got);
}

/* Stopping early, with the second thread running, frees everything. */
static void
test_pipeline_stop(void **state)
{
	struct esg_buf in = ESG_BUF_INIT;
	struct memsrc m;
	struct esg_csv *c;
	struct esg_csv_rec r;

	(void)state;
	for (unsigned k = 0; k < 4 * ESG_CSV_PIPE_AFTER; k++)
		esg_buf_printf(&in, "%u,y\n", k);
	m = (struct memsrc){ esg_buf_str(&in), in.len, 0, 0 };
	c = esg_csv_new(mem_read, &m);
	assert_int_equal(esg_csv_detect(c), 0);
	for (unsigned k = 0; k < ESG_CSV_PIPE_AFTER + 10; k++) {
		assert_int_equal(esg_csv_next(c, &r), 1);
		assert_int_equal(r.line, k + 1);
		assert_int_equal(atoi(r.f[0].p), k);
	}
	esg_csv_free(c);
	esg_buf_release(&in);
}

/* A read error after the thread started comes back as -2, errno kept. */
struct failing_after {
	struct memsrc m;
	size_t limit;
};

static long
read_then_fail(void *ctx, char *buf, size_t n)
{
	struct failing_after *f = ctx;

	if (f->m.pos >= f->limit) {
		errno = EBADF;
		return -1;
	}
	return mem_read(&f->m, buf, n);
}

static void
test_pipeline_read_error(void **state)
{
	struct esg_buf in = ESG_BUF_INIT;
	struct failing_after f;
	struct esg_csv *c;
	struct esg_csv_rec r;
	unsigned k = 0;
	int rc;

	(void)state;
	for (unsigned i = 0; i < 4 * ESG_CSV_PIPE_AFTER; i++)
		esg_buf_printf(&in, "%u,y\n", i);
	f = (struct failing_after){ { esg_buf_str(&in), in.len, 0, 4096 }, in.len / 2 };
	c = esg_csv_new(read_then_fail, &f);
	assert_int_equal(esg_csv_detect(c), 0);
	while ((rc = esg_csv_next(c, &r)) == 1)
		assert_int_equal(atoi(r.f[0].p), k++);
	assert_int_equal(rc, -2);
	assert_int_equal(errno, EBADF);
	assert_true(k > ESG_CSV_PIPE_AFTER);
	esg_csv_free(c);
	esg_buf_release(&in);
}

static long
failing_read(void *ctx, char *buf, size_t n)
{
	(void)ctx;
	(void)buf;
	(void)n;
	return -1;
}

static void
test_read_error(void **state)
{
	struct esg_csv *c = esg_csv_new(failing_read, NULL);
	struct esg_csv_rec r;

	(void)state;
	assert_int_equal(esg_csv_detect(c), -2);
	assert_int_equal(esg_csv_next(c, &r), -2);
	esg_csv_free(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_records),
		cmocka_unit_test(test_utf16),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_long_line),
		cmocka_unit_test(test_pipeline),
		cmocka_unit_test(test_pipeline_stop),
		cmocka_unit_test(test_pipeline_read_error),
		cmocka_unit_test(test_read_error),
	};

	return cmocka_run_group_tests_name("csv", tests, NULL, NULL);
}
