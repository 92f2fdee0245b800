/*
 * Spreadsheet-safe CSV cells (OWASP's CSV injection remedy) and their round
 * trip through the answers file `ask` writes: what was typed reads back
 * unchanged.  Expected cells are written out by hand from the rule in
 * csv_cell.h.
 */
#include "esgdiag/csv_cell.h"
#include "testutil.h"

static void
test_cells(void **state)
{
	static const struct { const char *in, *out; } rows[] = {
		{ "=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"" },
		{ "+33 1 23", "\"'+33 1 23\"" },
		{ "-x", "\"'-x\"" },
		{ "@SUM(A1)", "\"'@SUM(A1)\"" },
		{ "\tcmd", "\"'\tcmd\"" },
		{ "\rcmd", "\"'\rcmd\"" },
		{ "'=x", "\"''=x\"" },		/* one more mark, so it reads back */
		{ "''-x", "\"'''-x\"" },
		{ "'plain", "'plain" },		/* no formula behind: as is */
		{ "a=b", "a=b" },
		{ "", "" },
		{ "x,y", "\"x,y\"" },
	};
	struct esg_buf b = ESG_BUF_INIT;

	(void)state;
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		esg_buf_reset(&b);
		esg_csv_cell(&b, rows[i].in);
		if (strcmp(esg_buf_str(&b), rows[i].out) != 0)
			fail_msg("'%s': got '%s', expected '%s'", rows[i].in,
			    esg_buf_str(&b), rows[i].out);
	}
	assert_int_equal(esg_csv_unmark("'=x", 3), 1);
	assert_int_equal(esg_csv_unmark("''=x", 4), 1);
	assert_int_equal(esg_csv_unmark("'x", 2), 0);
	assert_int_equal(esg_csv_unmark("'", 1), 0);
	assert_int_equal(esg_csv_unmark("=x", 2), 0);
	esg_buf_release(&b);
}

static const char *const yaml =
    "schema: 1\nid: t\nversion: '1'\ntitle: T\n"
    "pillars: [{id: E, label: E}]\nlevels: [{min: 0, label: L}]\n"
    "sections:\n- {id: s, title: S, questions: [\n"
    "  {id: n, text: N, type: number, scoring: [[-10, 0], [10, 1]]},\n"
    "  {id: c, text: C, type: single, options: [{value: '-', label: Moins, score: 0},"
    " {value: '+', label: Plus, score: 1}]},\n"
    "  {id: t, text: T, type: text},\n"
    "  {id: u, text: U, type: text}]}\n";

/* ask's file: written with marks, read back as typed; numbers unmarked. */
static void
test_answers_round_trip(void **state)
{
	struct esg_questionnaire *q = load_ok(yaml);
	struct esg_answers in, out;
	struct esg_buf b = ESG_BUF_INIT;
	struct esg_diags d = ESG_DIAGS_INIT;
	enum esg_status st;
	struct esg_reader *r;
	struct memsrc m;

	(void)state;
	esg_answers_init(&in, q);
	esg_answers_init(&out, q);
	in.a[0] = (struct esg_answer){ .state = ESG_A_VALUE, .num = -3,
	    .note = "=cmd|' /C calc'!A0" };
	in.a[1] = (struct esg_answer){ .state = ESG_A_VALUE, .opt = 0 };
	in.a[2] = (struct esg_answer){ .state = ESG_A_VALUE, .text = "@SUM(1+1)" };
	in.a[3] = (struct esg_answer){ .state = ESG_A_VALUE, .text = "'=déjà" };
	esg_answers_format_csv(&b, q, &in, "=HYPERLINK(\"x\")");
	assert_string_equal(esg_buf_str(&b),
	    "id,n,c,t,u,n.note\n"
	    "\"'=HYPERLINK(\"\"x\"\")\",-3,\"'-\",\"'@SUM(1+1)\",\"''=déjà\","
	    "\"'=cmd|' /C calc'!A0\"\n");
	m = (struct memsrc){ b.data, b.len, 0, 0 };
	r = esg_reader_open(q, "a.csv", mem_read, &m, NULL, &d, &st);
	assert_non_null(r);
	assert_int_equal(esg_reader_next(r, &out), 1);
	assert_int_equal(d.nerrors, 0);
	assert_string_equal(out.id, "=HYPERLINK(\"x\")");
	assert_true(out.a[0].num == -3);
	assert_string_equal(out.a[0].note, "=cmd|' /C calc'!A0");
	assert_int_equal(out.a[1].opt, 0);
	assert_string_equal(out.a[2].text, "@SUM(1+1)");
	assert_string_equal(out.a[3].text, "'=déjà");
	esg_reader_free(r);
	esg_diags_release(&d);
	esg_buf_release(&b);
	esg_answers_release(&in);
	esg_answers_release(&out);
	esg_questionnaire_free(q);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cells),
		cmocka_unit_test(test_answers_round_trip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
