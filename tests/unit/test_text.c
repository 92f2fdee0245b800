/*
 * Unit tests of text.c: UTF-8, folding, trimming and both number syntaxes.
 */
#include <math.h>

#include "esgdiag/text.h"
#include "testutil.h"

static void
test_num_cell(void **state)
{
	static const struct { const char *in; int rc; double v; } rows[] = {
		{ "12", ESG_NUM_OK, 12 },
		{ "-3,5", ESG_NUM_OK, -3.5 },
		{ "+0.25", ESG_NUM_OK, 0.25 },
		{ "1,234", ESG_NUM_OK, 1.234 },		/* decimal comma, not grouping */
		{ "62 480", ESG_NUM_OK, 62480 },
		{ "62\xc2\xa0" "480", ESG_NUM_OK, 62480 },	/* U+00A0 */
		{ "1\xe2\x80\xaf" "234\xe2\x80\xaf" "567,5", ESG_NUM_OK, 1234567.5 },
		{ "1 234 567", ESG_NUM_OK, 1234567 },
		{ "12 34", ESG_NUM_SYNTAX, 0 },		/* groups are of three */
		{ "1234 567", ESG_NUM_SYNTAX, 0 },	/* lead group at most three */
		{ "1 2345", ESG_NUM_SYNTAX, 0 },
		{ "1e5", ESG_NUM_SYNTAX, 0 },
		{ "5%", ESG_NUM_SYNTAX, 0 },
		{ "nan", ESG_NUM_SYNTAX, 0 },
		{ "inf", ESG_NUM_SYNTAX, 0 },
		{ ".5", ESG_NUM_SYNTAX, 0 },
		{ "5.", ESG_NUM_SYNTAX, 0 },
		{ "1.234,5", ESG_NUM_SYNTAX, 0 },
		{ "--1", ESG_NUM_SYNTAX, 0 },
		{ "", ESG_NUM_SYNTAX, 0 },
		{ "0x10", ESG_NUM_SYNTAX, 0 },
	};
	(void)state;
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		double v = -1;
		int rc = esg_num_parse_cell(rows[i].in, strlen(rows[i].in), &v);

		if (rc != rows[i].rc)
			fail_msg("'%s': rc %d, expected %d", rows[i].in, rc, rows[i].rc);
		if (rc == ESG_NUM_OK && v != rows[i].v)
			fail_msg("'%s': %g, expected %g", rows[i].in, v, rows[i].v);
	}
}

static void
test_num_cell_range(void **state)
{
	char big[420];

	(void)state;
	memset(big, '9', 400);
	big[400] = '\0';
	double v;
	assert_int_equal(esg_num_parse_cell(big, 400, &v), ESG_NUM_RANGE);
}

/*
 * The fast path (no grouping, at most 2^53 and 22 decimals) against glibc's
 * strtod of the same number written in C syntax, on random numbers, and
 * the cases just past its limits, which take the general path.
 */
static void
test_num_cell_exact(void **state)
{
	static const char *const edge[] = { "9007199254740992", "9007199254740993",
	    "0,1", "0,30000000000000004", "1,0000000000000000000001",
	    "123456789012345678901234567890", "-0", "+0,0", "00012,50" };
	char cell[64], c_syntax[64];
	unsigned long seed = 12345;

	(void)state;
	for (size_t i = 0; i < sizeof edge / sizeof edge[0] + 100000; i++) {
		double got, want;

		if (i < sizeof edge / sizeof edge[0])
			snprintf(cell, sizeof cell, "%s", edge[i]);
		else {
			size_t n = 0, digits, frac;

			seed = seed * 6364136223846793005u + 1442695040888963407u;
			digits = 1 + (seed >> 33) % 17;
			frac = (seed >> 40) % 24;
			if ((seed >> 50) & 1)
				cell[n++] = '-';
			for (size_t d = 0; d < digits + frac; d++) {
				if (d == digits)
					cell[n++] = (seed >> 20) & 1 ? ',' : '.';
				seed = seed * 6364136223846793005u + 1;
				cell[n++] = (char)('0' + (seed >> 33) % 10);
			}
			cell[n] = '\0';
		}
		snprintf(c_syntax, sizeof c_syntax, "%s", cell);
		for (char *p = c_syntax; *p; p++)
			if (*p == ',')
				*p = '.';
		want = strtod(c_syntax, NULL);
		if (esg_num_parse_cell(cell, strlen(cell), &got) != ESG_NUM_OK ||
		    memcmp(&got, &want, sizeof got) != 0)
			fail_msg("'%s': %.17g, expected %.17g", cell, got, want);
	}
}

static void
test_num_plain(void **state)
{
	double v = 0;

	(void)state;
	assert_int_equal(esg_num_parse_plain("1.10", &v), ESG_NUM_OK);
	assert_true(v == 1.1);
	assert_int_equal(esg_num_parse_plain("-2e3", &v), ESG_NUM_OK);
	assert_true(v == -2000);
	assert_int_equal(esg_num_parse_plain("1,5", &v), ESG_NUM_SYNTAX);
	assert_int_equal(esg_num_parse_plain(".inf", &v), ESG_NUM_SYNTAX);
	assert_int_equal(esg_num_parse_plain("1e999", &v), ESG_NUM_RANGE);
	assert_int_equal(esg_num_parse_plain("", &v), ESG_NUM_SYNTAX);
}

static void
test_fold(void **state)
{
	const char *in = "DÉPARTEMENT Œuvre ÀÇÉÈÊËÎÏÔÙÛÜŸ";
	const char *want = "département œuvre àçéèêëîïôùûüÿ";
	char out[64];

	(void)state;
	esg_fold(out, in, strlen(in));
	assert_memory_equal(out, want, strlen(want));
	/* Upper and lower case fold to the same bytes. */
	esg_fold(out, "Département", 12);
	esg_fold(out + 32, "DÉPARTEMENT", 12);
	assert_memory_equal(out, out + 32, 12);
	/* × (U+00D7) has no lower case and must stay as it is. */
	esg_fold(out, "\xc3\x97", 2);
	assert_memory_equal(out, "\xc3\x97", 2);
}

/*
 * Keys: folded, with U+2019, U+2018 and U+02BC as ' (3, 3 and 2 bytes to
 * 1), and nothing else narrowed; the lengths are counted by hand.
 */
static void
test_fold_key(void **state)
{
	static const struct { const char *in, *want; size_t n; } rows[] = {
		{ "D\u2019Agglo", "d'agglo", 7 },		/* 9 bytes in */
		{ "\u2018A\u02bc", "'a'", 3 },			/* 6 bytes in */
		{ "\u2019", "'", 1 },
		{ "L'\u00c9T\u00c9", "l'\u00e9t\u00e9", 7 },	/* no change of length */
		{ "a\u201cb", "a\u201cb", 5 },		/* a double quote stays */
		{ "x\xe2\x80", "x\xe2\x80", 3 },		/* cut short: kept */
	};
	char out[32], in[32];

	(void)state;
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		size_t len = strlen(rows[i].in);

		assert_int_equal(esg_fold_key(out, rows[i].in, len), rows[i].n);
		assert_memory_equal(out, rows[i].want, rows[i].n);
		memcpy(in, rows[i].in, len);		/* in place */
		assert_int_equal(esg_fold_key(in, in, len), rows[i].n);
		assert_memory_equal(in, rows[i].want, rows[i].n);
	}
}

/*
 * Folding eight ASCII bytes at a time must agree with the byte rule (A-Z
 * to a-z, nothing else) for every ASCII byte at every offset, and hand
 * over to the byte loop at the first non-ASCII byte.
 */
static void
test_fold_words(void **state)
{
	char in[160], out[160], want[160];

	(void)state;
	for (size_t off = 0; off < 8; off++) {
		size_t n = 0;

		for (int c = 1; c < 128; c++)
			in[off + n++] = (char)c;
		memcpy(in + off + n, "\xc3\x89T\xc3\xa9", 5);	/* ÉTé */
		n += 5;
		for (size_t i = 0; i < n; i++) {
			unsigned char c = (unsigned char)in[off + i];

			want[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
		}
		memcpy(want + n - 5, "\xc3\xa9t\xc3\xa9", 5);
		esg_fold(out, in + off, n);
		assert_memory_equal(out, want, n);
		esg_fold(in + off, in + off, n);		/* in place */
		assert_memory_equal(in + off, want, n);
	}
	/* Every length, with and without a two-byte letter in front. */
	for (size_t n = 1; n <= 20; n++)
		for (size_t pre = 0; pre <= 2; pre += 2) {
			const char *src = "\xc3\x89" "AbCdEfGhIjKlMnOpQrStUvWxYz";
			const char *low = "\xc3\xa9" "abcdefghijklmnopqrstuvwxyz";

			esg_fold(out, src + 2 - pre, n + pre);
			assert_memory_equal(out, low + 2 - pre, n + pre);
		}
}

static void
test_trim(void **state)
{
	const char *s = "\xc2\xa0  oui \t\xe2\x80\xaf";
	size_t n = strlen(s);

	(void)state;
	esg_trim(&s, &n);
	assert_int_equal(n, 3);
	assert_memory_equal(s, "oui", 3);
	s = "   ";
	n = 3;
	esg_trim(&s, &n);
	assert_int_equal(n, 0);
}

static void
test_utf8(void **state)
{
	size_t bad = 0;

	(void)state;
	assert_true(esg_utf8_valid("é€😀", strlen("é€😀"), NULL));
	assert_false(esg_utf8_valid("a\xe9t\xe9", 4, &bad));	/* Latin-1 */
	assert_int_equal(bad, 1);
	assert_false(esg_utf8_valid("\xc0\xaf", 2, NULL));	/* overlong */
	assert_false(esg_utf8_valid("\xed\xa0\x80", 3, NULL));	/* surrogate */
	assert_false(esg_utf8_valid("\xe2\x82", 2, NULL));	/* truncated */
	/* Past eight-byte ASCII words, the bad byte is still found exactly. */
	assert_false(esg_utf8_valid("abcdefghijklmnopq\xe9", 18, &bad));
	assert_int_equal(bad, 17);
	assert_true(esg_utf8_valid("abcdefghijklmnop\xc3\xa9" "abcdefgh", 26, NULL));
	assert_false(esg_utf8_valid("abcdefghijklmnop\xc3", 17, &bad));
	assert_int_equal(bad, 16);
	assert_int_equal(esg_utf8_width("Séverine", strlen("Séverine")), 8);
}

static void
test_round2(void **state)
{
	(void)state;
	/* As printf("%.2f"): 49.999999999 shows as 50.00. */
	assert_true(esg_round2(49.999999999) == 50.0);
	assert_true(esg_round2(2.675) == 2.67);	/* 2.675 is 2.67499999... */
	assert_true(esg_round2(0.125) == 0.12);	/* exact tie, to even */
}

/* esg_fmt2 and esg_round2 must agree exactly with printf("%.2f"). */
static void
test_fmt2(void **state)
{
	struct esg_buf b = ESG_BUF_INIT;
	char want[64];
	uint64_t seed = 88172645463325252u;

	(void)state;
	for (int i = 0; i < 200000; i++) {
		double x;

		/* xorshift: scores, ties such as 0.125 or 2.675, and big values */
		seed ^= seed << 13;
		seed ^= seed >> 7;
		seed ^= seed << 17;
		switch (i % 4) {
		case 0: x = (double)(seed % 10000001) / 100000; break;	/* 0..100 */
		case 1: x = (double)(seed % 100001) / 1000; break;	/* ties */
		case 2: x = (double)(seed % 2001) / 8 - 100; break;	/* exact halves */
		default: x = (double)(seed >> 11) / 1e3; break;
		}
		esg_buf_reset(&b);
		esg_fmt2(&b, x);
		snprintf(want, sizeof want, "%.2f", x);
		if (strcmp(esg_buf_str(&b), want) != 0)
			fail_msg("%.17g: got %s, printf says %s", x, esg_buf_str(&b), want);
		if (esg_round2(x) != strtod(want, NULL))
			fail_msg("%.17g: esg_round2 %.17g, strtod(printf) %.17g", x,
			    esg_round2(x), strtod(want, NULL));
	}
	esg_buf_reset(&b);
	esg_fmt2(&b, -0.001);
	assert_string_equal(esg_buf_str(&b), "-0.00");	/* as printf */
	esg_buf_release(&b);
}

/* Numbers for people: French typography by hand, C syntax unchanged. */
static void
test_num_human(void **state)
{
#define NNBSP "\xe2\x80\xaf"
	static const struct {
		double x;
		int decimals;
		bool french;
		const char *want;
	} rows[] = {
		{ 20.07, 2, true, "20,07" },
		{ 65000, ESG_NUM_SHORTEST, true, "65" NNBSP "000" },
		{ 42.5, ESG_NUM_SHORTEST, true, "42,5" },
		{ 4820, ESG_NUM_SHORTEST, true, "4" NNBSP "820" },
		{ 1234567.891, 2, true, "1" NNBSP "234" NNBSP "567,89" },
		{ -12345.5, 1, true, "-12" NNBSP "345,5" },
		{ 999, 0, true, "999" },
		{ 100, 2, true, "100,00" },
		{ 3.2, ESG_NUM_SHORTEST, true, "3,2" },
		{ 65000, ESG_NUM_SHORTEST, false, "65000" },
		{ 20.07, 2, false, "20.07" },
		{ 0.125, 2, false, "0.12" },	/* as printf: a tie goes to even */
	};
	struct esg_buf b = ESG_BUF_INIT;

	(void)state;
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		esg_buf_reset(&b);
		esg_num_human(&b, rows[i].x, rows[i].decimals, rows[i].french);
		if (strcmp(esg_buf_str(&b), rows[i].want) != 0)
			fail_msg("row %zu: got '%s', want '%s'", i, esg_buf_str(&b),
			    rows[i].want);
	}
	esg_buf_release(&b);
#undef NNBSP
}

/*
 * The shortest of %.15g..%.17g that reads back, written out by hand with
 * no exponent (SPEC section 4): 1e15 has 15 zeros, -7e-5 four after the mark.
 */
static void
test_num_format(void **state)
{
	static const struct { double x; const char *want; } cases[] = {
		{ 0, "0" }, { -0.0, "-0" }, { 1, "1" }, { -1, "-1" },
		{ 3200, "3200" }, { 62480, "62480" },
		{ 999999999999999, "999999999999999" },
		{ 1e15, "1000000000000000" },
		{ -123456789012345, "-123456789012345" }, { 0.1, "0.1" },
		{ 2.5, "2.5" }, { -7e-5, "-0.00007" }, { 1.25e-7, "0.000000125" },
		{ 4503599627370497, "4503599627370497" },
		{ 1.5e20, "150000000000000000000" },
	};
	struct esg_buf b = ESG_BUF_INIT;

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		esg_buf_reset(&b);
		esg_num_format(&b, cases[i].x);
		assert_string_equal(esg_buf_str(&b), cases[i].want);
	}
	/* 1e300: a one and 300 zeros. */
	esg_buf_reset(&b);
	esg_num_format(&b, 1e300);
	assert_int_equal(b.len, 301);
	assert_int_equal(strspn(esg_buf_str(&b) + 1, "0"), 300);
	esg_buf_release(&b);
}

/* Hints: distances by hand (one swap, one deletion with case, too far). */
static void
test_nearest(void **state)
{
	static const char *const fields[] = { "pop", "type" };
	static const char *const sheets[] = { "clausier", "spaser" };
	static const char *const options[] = { "commune", "epci" };

	(void)state;
	assert_string_equal(esg_nearest("tpye", fields, 2), "type");
	assert_string_equal(esg_nearest("SPASR", sheets, 2), "spaser");
	assert_string_equal(esg_nearest("epic", options, 2), "epci");
	assert_null(esg_nearest("xyz", fields, 2));
	assert_null(esg_nearest("region", options, 2));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_num_cell),
		cmocka_unit_test(test_num_cell_range),
		cmocka_unit_test(test_num_cell_exact),
		cmocka_unit_test(test_num_plain),
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_fold_key),
		cmocka_unit_test(test_fold_words),
		cmocka_unit_test(test_trim),
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_round2),
		cmocka_unit_test(test_fmt2),
		cmocka_unit_test(test_num_human),
		cmocka_unit_test(test_num_format),
		cmocka_unit_test(test_nearest),
	};

	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
