/*
 * Unit tests of the condition language: syntax errors with their offsets,
 * type errors, and the three-valued evaluation (SQL's truth tables).
 */
#include <math.h>

#include "esgdiag/cond.h"
#include "testutil.h"

static const char *const yaml =
    "schema: 1\nid: t\nversion: '1'\ntitle: T\n"
    "pillars: [{id: E, label: E}]\n"
    "levels: [{min: 0, label: L}]\n"
    "profile:\n"
    "  - {id: t, text: T, type: single, options: [{value: a, label: A},"
    " {value: b, label: B}, {value: t, label: Le t}]}\n"
    "  - {id: n, text: N, type: number}\n"
    "  - {id: k, text: K, type: number}\n"
    "  - {id: y, text: Y, type: yesno, allow_na: true}\n"
    "  - {id: m, text: M, type: multi, options: [{value: x, label: X},"
    " {value: z, label: Z}]}\n"
    "  - {id: c, text: C, type: text}\n"
    "sections: []\n";

struct fixture {
	struct esg_questionnaire *q;
	struct esg_answers ans;
	unsigned char app[16];
	struct esg_arena a;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);

	f->q = load_ok(yaml);
	esg_answers_init(&f->ans, f->q);
	memset(f->app, ESG_TRUE, sizeof f->app);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	esg_answers_release(&f->ans);
	esg_arena_release(&f->a);
	esg_questionnaire_free(f->q);
	free(f);
	return 0;
}

static void
answer(struct fixture *f, const char *id, const char *cell)
{
	size_t i = esg_field_find(f->q, id);
	struct esg_buf why = ESG_BUF_INIT;

	assert_int_not_equal(i, ESG_NONE);
	if (esg_cell_parse(&f->q->fields[i], cell, strlen(cell), &f->ans.a[i],
	    &f->ans.arena, &why) != 0)
		fail_msg("cell '%s' for %s: %s", cell, id, esg_buf_str(&why));
	esg_buf_release(&why);
}

/* Parses, checks and evaluates src; fails the test on any error. */
static enum esg_tri
eval(struct fixture *f, const char *src)
{
	struct esg_diags d = ESG_DIAGS_INIT;
	struct esg_cond_site site = { "t", 1, 1, true };
	struct esg_env env = { f->q, f->ans.a, f->app };
	char msg[256];
	unsigned off;
	struct esg_cond *c = esg_cond_parse(src, &f->a, msg, sizeof msg, &off);

	if (c == NULL)
		fail_msg("'%s': %s", src, msg);
	if (esg_cond_check(c, f->q, &site, &d) != 0)
		fail_msg("'%s': %s", src, d.v[0].msg);
	esg_diags_release(&d);
	return esg_cond_eval(c, &env);
}

static void
test_syntax_errors(void **state)
{
	static const struct { const char *src, *msg; unsigned off; } rows[] = {
		{ "", "empty condition", 0 },
		{ "a ==", "expected a field, a value or a number", 4 },
		{ "(a == b", "expected ')'", 7 },
		{ "a in b", "expected '[' after 'in'", 5 },
		{ "a in [b c]", "expected ',' or ']' in a list", 8 },
		{ "a not b", "expected 'in' after 'not'", 6 },
		{ "a == 'x", "unterminated string", 5 },
		{ "a = b", "unexpected character '='", 2 },
		{ "a == b c", "unexpected 'c' after the condition", 7 },
		{ "and == b", "expected a field, a value or a number", 0 },
	};
	struct fixture *f = *state;

	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		char msg[256];
		unsigned off = 99;

		assert_null(esg_cond_parse(rows[i].src, &f->a, msg, sizeof msg, &off));
		assert_string_equal(msg, rows[i].msg);
		if (off != rows[i].off)
			fail_msg("'%s': offset %u, expected %u", rows[i].src, off,
			    rows[i].off);
	}
}

static void
test_depth_limit(void **state)
{
	struct fixture *f = *state;
	char src[400], msg[256];
	unsigned off;

	memset(src, '(', 200);
	strcpy(src + 200, "y");
	assert_null(esg_cond_parse(src, &f->a, msg, sizeof msg, &off));
	assert_string_equal(msg, "condition nested too deeply");
}

static void
test_type_errors(void **state)
{
	static const struct { const char *src, *msg; unsigned col; } rows[] = {
		{ "n == oui", "type mismatch: 'n' is a number and 'oui' is not a number", 6 },
		{ "t == zz", "'zz' is not an option of 't' (expected one of: a, b, t)", 6 },
		{ "t < a", "'<' needs numbers; 't' is a single choice", 1 },
		{ "m == x", "'m' is a multiple choice: use 'has'", 1 },
		{ "t has a", "'has' needs a multiple choice; 't' is a single choice", 1 },
		{ "nope == 1", "unknown identifier 'nope'", 1 },
		{ "n", "'n' is a number, not a yes/no field: compare it with a value", 1 },
		{ "n > t", "type mismatch: 'n' is a number and 't' is a single choice", 5 },
		{ "c == 'x' or c == 3", "type mismatch: 'c' is a text field and '3' is not a quoted string", 18 },
		{ "1 == n", "expected a field name, found '1'", 1 },
		{ "n in [1, 'a']", "type mismatch: 'n' is a number and 'a' is not a number", 10 },
	};
	struct fixture *f = *state;

	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct esg_diags d = ESG_DIAGS_INIT;
		struct esg_cond_site site = { "t.yaml", 3, 1, true };
		char msg[256];
		unsigned off;
		struct esg_cond *c = esg_cond_parse(rows[i].src, &f->a, msg,
		    sizeof msg, &off);

		assert_non_null(c);
		assert_int_equal(esg_cond_check(c, f->q, &site, &d), 1);
		assert_string_equal(d.v[0].msg, rows[i].msg);
		if (d.v[0].col != rows[i].col)
			fail_msg("'%s': column %u, expected %u", rows[i].src,
			    d.v[0].col, rows[i].col);
		esg_diags_release(&d);
	}
}

static void
test_bare_word_is_option(void **state)
{
	struct fixture *f = *state;

	/* 't' is both a field and an option of t: on the right it is the option. */
	answer(f, "t", "t");
	assert_int_equal(eval(f, "t == t"), ESG_TRUE);
	answer(f, "t", "a");
	assert_int_equal(eval(f, "t == t"), ESG_FALSE);
	assert_int_equal(eval(f, "t == 'a'"), ESG_TRUE);
}

static void
test_comparisons(void **state)
{
	struct fixture *f = *state;

	answer(f, "n", "62 480");
	answer(f, "k", "50");
	answer(f, "m", "x");
	answer(f, "c", "hello");
	assert_int_equal(eval(f, "n >= 50000"), ESG_TRUE);
	assert_int_equal(eval(f, "n < 50000"), ESG_FALSE);
	assert_int_equal(eval(f, "n != 62480"), ESG_FALSE);
	assert_int_equal(eval(f, "n > k"), ESG_TRUE);
	assert_int_equal(eval(f, "k <= 50 and k >= 50"), ESG_TRUE);
	assert_int_equal(eval(f, "n in [1, 62480]"), ESG_TRUE);
	assert_int_equal(eval(f, "n not in [1, 62480]"), ESG_FALSE);
	assert_int_equal(eval(f, "m has x"), ESG_TRUE);
	assert_int_equal(eval(f, "m has z"), ESG_FALSE);
	assert_int_equal(eval(f, "not m has z"), ESG_TRUE);
	assert_int_equal(eval(f, "c == 'hello'"), ESG_TRUE);
	assert_int_equal(eval(f, "c == \"it\"\"s\""), ESG_FALSE);
}

/* SQL's truth tables, with y unanswered (unknown), y=oui and y=non. */
static void
test_three_valued(void **state)
{
	struct fixture *f = *state;

	answer(f, "n", "1");
	/* y unanswered: every comparison with it is unknown. */
	assert_int_equal(eval(f, "y"), ESG_UNKNOWN);
	assert_int_equal(eval(f, "y == non"), ESG_UNKNOWN);
	assert_int_equal(eval(f, "not y"), ESG_UNKNOWN);
	assert_int_equal(eval(f, "y and n == 2"), ESG_FALSE);	/* unknown and false */
	assert_int_equal(eval(f, "y and n == 1"), ESG_UNKNOWN);	/* unknown and true */
	assert_int_equal(eval(f, "y or n == 1"), ESG_TRUE);	/* unknown or true */
	assert_int_equal(eval(f, "y or n == 2"), ESG_UNKNOWN);	/* unknown or false */
	assert_int_equal(eval(f, "y in [oui, non]"), ESG_UNKNOWN);
	assert_int_equal(eval(f, "y not in [oui]"), ESG_UNKNOWN);
	assert_int_equal(eval(f, "n == 1 and not (y or n == 2)"), ESG_UNKNOWN);
	answer(f, "y", "nsp");
	assert_int_equal(eval(f, "y or not y"), ESG_UNKNOWN);
	answer(f, "y", "na");
	assert_int_equal(eval(f, "y == oui"), ESG_UNKNOWN);
	answer(f, "y", "Oui");
	assert_int_equal(eval(f, "y"), ESG_TRUE);
	assert_int_equal(eval(f, "not y"), ESG_FALSE);
	/* A field that does not apply reads as unknown, whatever its answer. */
	f->app[esg_field_find(f->q, "y")] = ESG_FALSE;
	assert_int_equal(eval(f, "y"), ESG_UNKNOWN);
	/* Precedence: not > and > or. */
	answer(f, "k", "5");
	assert_int_equal(eval(f, "n == 1 or k == 9 and n == 9"), ESG_TRUE);
	assert_int_equal(eval(f, "(n == 1 or k == 9) and n == 9"), ESG_FALSE);
}

/* Conditions in words: expected sentences written by hand from the source. */
static void
test_words(void **state)
{
	static const struct {
		const char *src, *want;
		bool french;
	} rows[] = {
		{ "t == a", "the answer to \"T\" is A", false },
		{ "t in [a, b, t]", "the answer to \"T\" is A, B or Le t", false },
		{ "n >= 65000 and not y", "\"N\" \xe2\x89\xa5 65000 and not "
		    "(the answer to \"Y\" is yes)", false },
		{ "n >= 65000", "\"N\" \xe2\x89\xa5 65\xe2\x80\xaf" "000", true },
		{ "(t == a or t == b) and m has x", "(the answer to \"T\" is A or the "
		    "answer to \"T\" is B) and the answer to \"M\" includes X", false },
		{ "t not in [a]", "the answer to \"T\" is none of: A", false },
		{ "n < k", "\"N\" < \"K\"", false },
	};
	struct fixture *f = *state;

	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct esg_diags d = ESG_DIAGS_INIT;
		struct esg_cond_site site = { "t", 1, 1, true };
		struct esg_buf b = ESG_BUF_INIT;
		char msg[256];
		unsigned off;
		struct esg_cond *c = esg_cond_parse(rows[i].src, &f->a, msg,
		    sizeof msg, &off);

		assert_non_null(c);
		assert_int_equal(esg_cond_check(c, f->q, &site, &d), 0);
		esg_cond_words(&b, c, f->q, rows[i].french);
		if (strcmp(esg_buf_str(&b), rows[i].want) != 0)
			fail_msg("'%s': got '%s', want '%s'", rows[i].src,
			    esg_buf_str(&b), rows[i].want);
		esg_buf_release(&b);
		esg_diags_release(&d);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_syntax_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_depth_limit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_type_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bare_word_is_option, setup, teardown),
		cmocka_unit_test_setup_teardown(test_comparisons, setup, teardown),
		cmocka_unit_test_setup_teardown(test_three_valued, setup, teardown),
		cmocka_unit_test_setup_teardown(test_words, setup, teardown),
	};

	return cmocka_run_group_tests_name("cond", tests, NULL, NULL);
}
