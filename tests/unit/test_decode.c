/*
 * The encoding layer: what reaches the CSV reader for each kind of file.
 * Expected outputs are written by hand from the code tables (Windows-1252
 * 0xE9 is U+00E9, UTF-8 C3 A9; 0x80 is U+20AC, UTF-8 E2 82 AC; 0x9C is
 * U+0153, UTF-8 C5 93), and each input is read whole and in 1-, 3- and
 * 7-byte chunks to exercise every refill path.
 */
#include "testutil.h"

#include "esgdiag/decode.h"

/* Decodes in (len bytes) read chunk bytes at a time; returns the output. */
static char *
decode(const char *in, size_t len, size_t chunk, const char *forced,
    const char **conv, size_t *outlen)
{
	struct memsrc m = { in, len, 0, chunk };
	struct esg_decoder *d = esg_decoder_new(mem_read, &m, forced);
	struct esg_buf b = ESG_BUF_INIT;
	char buf[5];
	long k;

	assert_non_null(d);
	/* A small buffer: the reader must cope with any size. */
	while ((k = esg_decoder_read(d, buf, sizeof buf)) > 0)
		esg_buf_add(&b, buf, (size_t)k);
	assert_int_equal(k, 0);
	*conv = esg_decoder_converted(d);
	esg_decoder_free(d);
	*outlen = b.len;
	return b.data ? b.data : calloc(1, 1);
}

static void
test_decode(void **state)
{
	static const struct {
		const char *in;
		size_t len;
		const char *forced, *out, *conv;
	} rows[] = {
		{ "id;a\nR1;oui\n", 12, NULL, "id;a\nR1;oui\n", NULL },
		/* UTF-8, BOM kept for the reader. */
		{ "\xef\xbb\xbfid;\xc3\xa9t\xc3\xa9\n", 12, NULL,
		  "\xef\xbb\xbfid;\xc3\xa9t\xc3\xa9\n", NULL },
		/* Windows-1252: é, €, œ. */
		{ "id;D\xe9partement\r\n\x80;\x9c\r\n", 21, NULL,
		  "id;D\xc3\xa9partement\r\n\xe2\x82\xac;\xc5\x93\r\n", "WINDOWS-1252" },
		/* Detected late: a long ASCII prefix, then Windows-1252. */
		{ "aaaaaaaaaaaaaaaaaaaa\n\xe9\n", 23, NULL,
		  "aaaaaaaaaaaaaaaaaaaa\n\xc3\xa9\n", "WINDOWS-1252" },
		/* A well-formed UTF-8 sequence anywhere near: UTF-8, bad byte kept. */
		{ "\xe9;\xc3\xa9\n", 5, NULL, "\xe9;\xc3\xa9\n", NULL },
		/* Mixed, UTF-8 first: the stray byte goes through, bad. */
		{ "\xc3\xa9;\xe9\n", 5, NULL, "\xc3\xa9;\xe9\n", NULL },
		/* A byte Windows-1252 does not define. */
		{ "\xe9\x81\n", 3, NULL, "\xc3\xa9\xff\n", "WINDOWS-1252" },
		/* UTF-16 with a BOM, both byte orders. */
		{ "\xff\xfei\0d\0\n\0\xe9\0", 10, NULL, "id\n\xc3\xa9", "UTF-16" },
		{ "\xfe\xff\0i\0d\0\n\0\xe9", 10, NULL, "id\n\xc3\xa9", "UTF-16" },
		/* Forced. */
		{ "\xe9t\xe9\n", 4, "ISO-8859-1", "\xc3\xa9t\xc3\xa9\n", "ISO-8859-1" },
		{ "\xe9t\xe9\n", 4, "UTF-8", "\xe9t\xe9\n", NULL },
	};

	(void)state;
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		static const size_t chunks[] = { 0, 1, 3, 7 };

		for (size_t c = 0; c < 4; c++) {
			const char *conv;
			size_t n;
			char *got = decode(rows[i].in, rows[i].len, chunks[c],
			    rows[i].forced, &conv, &n);

			if (n != strlen(rows[i].out) || memcmp(got, rows[i].out, n) ||
			    (conv == NULL) != (rows[i].conv == NULL) ||
			    (conv && strcmp(conv, rows[i].conv)))
				fail_msg("row %zu chunk %zu: got %zu bytes '%.*s' (%s)",
				    i, chunks[c], n, (int)n, got, conv ? conv : "-");
			free(got);
		}
	}
}

/* UTF-8 far after a Windows-1252 start: marked bad, not read as "Ã©". */
static void
test_mixed_far(void **state)
{
	size_t n = 100000, outlen;
	char *in = malloc(n), *want = malloc(n + 1);
	const char *conv;
	char *got;

	(void)state;
	memset(in, 'a', n);
	memcpy(in, "\xe9\n", 2);
	memcpy(in + n - 3, "\xc3\xa9\n", 3);
	memset(want, 'a', n + 1);
	memcpy(want, "\xc3\xa9\n", 3);
	memcpy(want + n - 2, "\xff\n", 2);
	got = decode(in, n, 0, NULL, &conv, &outlen);
	assert_string_equal(conv, "WINDOWS-1252");
	assert_int_equal(outlen, n);	/* +1 for é, -1 for the sequence */
	assert_memory_equal(got, want, n);
	free(got);
	free(in);
	free(want);
}

static void
test_unknown_encoding(void **state)
{
	(void)state;
	assert_null(esg_decoder_new(mem_read, NULL, "NO-SUCH-ENCODING"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_mixed_far),
		cmocka_unit_test(test_unknown_encoding),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
