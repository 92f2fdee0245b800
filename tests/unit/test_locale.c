/*
 * The library's machine formats whatever the program's locale: a program
 * that calls setlocale(LC_ALL, "") in a French locale (decimal comma) must
 * still read questionnaire and answer numbers, and write scores, with a
 * dot.  The expected values are the plain decimal forms of the inputs.
 */
#include <locale.h>

#include "esgdiag/render.h"
#include "esgdiag/text.h"
#include "testutil.h"

static int
setup(void **state)
{
	(void)state;
	if (setlocale(LC_ALL, "fr_FR.UTF-8") == NULL)
		print_message("fr_FR.UTF-8 missing: the tests below are skipped\n");
	return 0;
}

static void
need_french(void)
{
	/* The precondition of every test here: printf itself writes a comma. */
	char tmp[16];

	if (setlocale(LC_NUMERIC, NULL) == NULL ||
	    strcmp(setlocale(LC_NUMERIC, NULL), "fr_FR.UTF-8") != 0)
		skip();
	snprintf(tmp, sizeof tmp, "%.1f", 0.5);
	assert_string_equal(tmp, "0,5");
}

static void
test_read_numbers(void **state)
{
	double x = 0;

	(void)state;
	need_french();
	assert_int_equal(esg_num_parse_cell("62,5", 4, &x), ESG_NUM_OK);
	assert_true(x == 62.5);
	assert_int_equal(esg_num_parse_cell("1 234.25", 8, &x), ESG_NUM_OK);
	assert_true(x == 1234.25);
	assert_int_equal(esg_num_parse_plain("0.5", &x), ESG_NUM_OK);
	assert_true(x == 0.5);
	assert_int_equal(esg_num_parse_plain("2.5e1", &x), ESG_NUM_OK);
	assert_true(x == 25);
}

static void
test_write_numbers(void **state)
{
	struct esg_buf b = ESG_BUF_INIT;

	(void)state;
	need_french();
	esg_num_format(&b, 0.1);
	assert_string_equal(esg_buf_str(&b), "0.1");
	esg_buf_reset(&b);
	esg_buf_printf(&b, "%.2f %g", 62.5, 2.5);
	assert_string_equal(esg_buf_str(&b), "62.50 2.5");
	esg_buf_reset(&b);
	/* 0.125 is exact in binary: the printf path (a half), even digit. */
	esg_fmt2(&b, 0.125);
	assert_string_equal(esg_buf_str(&b), "0.12");
	assert_true(esg_round2(0.125) == 0.12);
	/* The program's own locale is left as it was. */
	assert_string_equal(localeconv()->decimal_point, ",");
	esg_buf_release(&b);
}

/* A questionnaire's weights and an answer, scored and written as JSON. */
static void
test_score_json(void **state)
{
	struct esg_questionnaire *q;
	struct esg_result *r;
	struct esg_answers ans;
	struct esg_buf b = ESG_BUF_INIT;
	struct esg_render_opts o = ESG_RENDER_OPTS_INIT;
	const char *csv = "id;n;y\nR;62,5;oui\n";
	struct memsrc m = { csv, strlen(csv), 0, 0 };
	struct esg_diags d = ESG_DIAGS_INIT;
	enum esg_status st;
	struct esg_reader *rd;

	(void)state;
	need_french();
	q = load_ok("schema: 1\nid: t\nversion: '1'\ntitle: T\n"
	    "pillars: [{id: E, label: E}]\nlevels: [{min: 0, label: L}]\n"
	    "sections:\n- {id: s, title: S, questions: [\n"
	    "  {id: n, text: N, type: number, weight: 1.5, pillars: {E: 1},"
	    " scoring: [[0, 0], [100, 1]]},\n"
	    "  {id: y, text: Y, type: yesno, weight: 0.5, pillars: {E: 1}}]}\n");
	/* A weight read as 1 (strtod stopping at the dot) would give 68.75. */
	assert_true(q->fields[0].weight == 1.5);
	r = esg_result_new(q);
	esg_answers_init(&ans, q);
	rd = esg_reader_open(q, "a.csv", mem_read, &m, NULL, &d, &st);
	assert_non_null(rd);
	assert_int_equal(esg_reader_next(rd, &ans), 1);
	esg_score(r, &ans);
	/* 100 * (1.5 * 0.625 + 0.5 * 1) / 2 = 71.875, shown 71.88 */
	assert_near(r->overall, 71.875);
	esg_renderer_find("json")->respondent(&b, r, &o, 0);
	assert_contains(esg_buf_str(&b), "\"overall\": {\"score\": 71.88");
	esg_buf_release(&b);
	esg_reader_free(rd);
	esg_diags_release(&d);
	esg_answers_release(&ans);
	esg_result_free(r);
	esg_questionnaire_free(q);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_read_numbers),
		cmocka_unit_test(test_write_numbers),
		cmocka_unit_test(test_score_json),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
