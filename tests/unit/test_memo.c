/*
 * The per-column memo of parsed cells: an answer comes back only for the
 * same column and the very same bytes, a multi answer's flags are a copy,
 * and memory stays bounded (long cells and full columns are not kept, and
 * a column of free values stops being looked up).
 */
#include "cell_memo.h"
#include "esgdiag/answers.h"
#include "testutil.h"

static struct esg_answer
value(size_t opt, double num)
{
	return (struct esg_answer){ .state = ESG_A_VALUE, .opt = opt, .num = num };
}

static void
test_same_bytes_same_column(void **state)
{
	struct esg_memo *m = esg_memo_new(3);
	struct esg_answer oui = value(0, 0), non = value(1, 0);
	const struct esg_answer *got;

	(void)state;
	assert_null(esg_memo_get(m, 0, "Oui", 3));
	esg_memo_put(m, 0, "Oui", 3, &oui, 0);
	esg_memo_put(m, 0, "Non", 3, &non, 0);
	got = esg_memo_get(m, 0, "Oui", 3);
	assert_non_null(got);
	assert_int_equal(got->opt, 0);
	assert_int_equal(esg_memo_get(m, 0, "Non", 3)->opt, 1);
	/* Case, blanks, a prefix and another column are other cells. */
	assert_null(esg_memo_get(m, 0, "oui", 3));
	assert_null(esg_memo_get(m, 0, "Oui ", 4));
	assert_null(esg_memo_get(m, 0, "Ou", 2));
	assert_null(esg_memo_get(m, 1, "Oui", 3));
	assert_null(esg_memo_get(m, 3, "Oui", 3));	/* no such column */
	esg_memo_free(m);
}

static void
test_empty_and_long_cells(void **state)
{
	struct esg_memo *m = esg_memo_new(1);
	struct esg_answer empty = { .state = ESG_A_EMPTY }, v = value(2, 0);
	char lng[ESG_MEMO_KEY_MAX + 2];

	(void)state;
	esg_memo_put(m, 0, "", 0, &empty, 0);
	assert_non_null(esg_memo_get(m, 0, "", 0));
	assert_int_equal(esg_memo_get(m, 0, "", 0)->state, ESG_A_EMPTY);
	memset(lng, 'a', sizeof lng);
	esg_memo_put(m, 0, lng, ESG_MEMO_KEY_MAX, &v, 0);
	assert_non_null(esg_memo_get(m, 0, lng, ESG_MEMO_KEY_MAX));
	esg_memo_put(m, 0, lng, ESG_MEMO_KEY_MAX + 1, &v, 0);
	assert_null(esg_memo_get(m, 0, lng, ESG_MEMO_KEY_MAX + 1));
	esg_memo_free(m);
}

static void
test_sel_is_copied(void **state)
{
	struct esg_memo *m = esg_memo_new(1);
	unsigned char sel[4] = { 1, 0, 1, 0 };
	struct esg_answer a = value(0, 0);
	const struct esg_answer *got;

	(void)state;
	a.sel = sel;
	a.note = "a note is the row's, not the cell's";
	esg_memo_put(m, 0, "A|C", 3, &a, sizeof sel);
	memset(sel, 9, sizeof sel);	/* the row's arena is reused */
	got = esg_memo_get(m, 0, "A|C", 3);
	assert_non_null(got);
	assert_non_null(got->sel);
	assert_int_equal(got->sel[0], 1);
	assert_int_equal(got->sel[1], 0);
	assert_int_equal(got->sel[2], 1);
	assert_int_equal(got->sel[3], 0);
	assert_null(got->note);
	esg_memo_free(m);
}

/* Writes the decimal digits of i: distinct cells "0", "1", ... */
static size_t
cell_of(char *buf, size_t i)
{
	return (size_t)snprintf(buf, 16, "%zu", i);
}

static void
test_full_column_of_repeats(void **state)
{
	enum { KEPT = ESG_MEMO_KEEP };
	struct esg_memo *m = esg_memo_new(1);
	char buf[16];

	(void)state;
	/* Each spelling is read many times before the next one appears. */
	for (size_t i = 0; i < KEPT + 5; i++) {
		struct esg_answer v = value(i, (double)i);
		size_t n = cell_of(buf, i);

		for (int k = 0; k < 4; k++)
			if (esg_memo_get(m, 0, buf, n) == NULL)
				esg_memo_put(m, 0, buf, n, &v, 0);
	}
	for (size_t i = 0; i < KEPT; i++) {
		size_t n = cell_of(buf, i);
		const struct esg_answer *got = esg_memo_get(m, 0, buf, n);

		assert_non_null(got);
		assert_int_equal(got->opt, i);
	}
	/* Past the bound nothing more is kept; the column stays on. */
	assert_null(esg_memo_get(m, 0, buf, cell_of(buf, KEPT)));
	assert_non_null(esg_memo_get(m, 0, buf, cell_of(buf, 0)));
	esg_memo_free(m);
}

static void
test_column_of_free_values_turns_off(void **state)
{
	struct esg_memo *m = esg_memo_new(1);
	struct esg_answer v = value(0, 1);
	char buf[16];

	(void)state;
	/* Every cell is new: the table fills, then the column is off. */
	for (size_t i = 0; i <= ESG_MEMO_KEEP; i++) {
		size_t n = cell_of(buf, i);

		if (esg_memo_get(m, 0, buf, n) == NULL)
			esg_memo_put(m, 0, buf, n, &v, 0);
	}
	/* "0" was kept, but the column is no longer looked up. */
	assert_null(esg_memo_get(m, 0, "0", 1));
	esg_memo_free(m);
}

/* All columns together take at most ESG_MEMO_BYTES, keys and tables. */
static void
test_byte_budget(void **state)
{
	enum { COLS = 2 * ESG_MEMO_BYTES / (ESG_MEMO_KEEP * ESG_MEMO_KEY_MAX) };
	struct esg_memo *m = esg_memo_new(COLS);
	struct esg_answer v = value(1, 0);
	char key[ESG_MEMO_KEY_MAX];
	size_t kept = 0;

	(void)state;
	for (size_t c = 0; c < COLS; c++)
		for (size_t i = 0; i < ESG_MEMO_KEEP; i++) {
			memset(key, 'k', sizeof key);
			cell_of(key, i);
			esg_memo_put(m, c, key, sizeof key, &v, 0);
		}
	for (size_t c = 0; c < COLS; c++)
		for (size_t i = 0; i < ESG_MEMO_KEEP; i++) {
			memset(key, 'k', sizeof key);
			cell_of(key, i);
			kept += esg_memo_get(m, c, key, sizeof key) != NULL;
		}
	/*
	 * A kept key costs at least its 256 bytes, and at most its 257
	 * rounded to 272 plus four slots of 72 bytes (a table is between a
	 * quarter and a half full); the last refusal may leave one doubling
	 * of a table, 128 slots, unused.
	 */
	assert_true(kept * sizeof key <= ESG_MEMO_BYTES);
	assert_true(kept * (272 + 4 * 72) >= ESG_MEMO_BYTES - 128 * 72);
	assert_null(esg_memo_get(m, COLS - 1, key, sizeof key));
	esg_memo_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_bytes_same_column),
		cmocka_unit_test(test_empty_and_long_cells),
		cmocka_unit_test(test_sel_is_copied),
		cmocka_unit_test(test_full_column_of_repeats),
		cmocka_unit_test(test_column_of_free_values_turns_off),
		cmocka_unit_test(test_byte_budget),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
