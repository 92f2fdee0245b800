/*
 * Unit tests of the pieces renderers share: table cells that wrap titles
 * on words and never cut them, text wrapping that keeps French marks (« ?
 * », « : ») with their word, right alignment in display columns, JSON
 * strings and the buffer they are all appended to.
 */
#include "esgdiag/render.h"
#include "testutil.h"

/* Each row: a title in a column of w, the first line and what is left. */
static void
test_cell(void **state)
{
	static const struct {
		const char *s;
		size_t w;
		const char *line, *rest;
	} rows[] = {
		/* 31 columns fit in 34; "(REEN)" would make 38. */
		{ "Stratégie numérique responsable (REEN)", 34,
		    "Stratégie numérique responsable   ", "(REEN)" },
		{ "Social", 10, "Social    ", "" },
		/* A word wider than the column goes whole, never cut. */
		{ "Intercommunalité", 8, "Intercommunalité", "" },
		{ "  a b", 3, "a b", "" },
		{ "", 4, "    ", "" },
	};
	struct esg_buf b = ESG_BUF_INIT;

	(void)state;
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		const char *rest;

		esg_buf_reset(&b);
		rest = esg_render_cell(&b, rows[i].s, rows[i].w);
		assert_string_equal(esg_buf_str(&b), rows[i].line);
		assert_string_equal(rest, rows[i].rest);
	}
	esg_buf_reset(&b);
	esg_render_cell_rest(&b, "de serre (BEGES) et plan", 4, 10);
	assert_string_equal(esg_buf_str(&b), "    de serre\n    (BEGES) et\n    plan\n");
	esg_buf_release(&b);
}

static void
test_wrap_keeps_marks(void **state)
{
	struct esg_buf b = ESG_BUF_INIT;

	(void)state;
	/*
	 * "critère environnemental ?" is 25 columns, one too many for 24: the
	 * line breaks after "critère" and the "?" stays with its word.
	 */
	esg_render_wrap(&b, "", 0, "Vos marchés ont-ils un critère environnemental ?", 24);
	assert_string_equal(esg_buf_str(&b),
	    "Vos marchés ont-ils un\ncritère\nenvironnemental ?\n");
	/* "aaaa environnemental" fills 20 columns: the "?" must not start a line. */
	esg_buf_reset(&b);
	esg_render_wrap(&b, "", 0, "aaaa environnemental ?", 20);
	assert_string_equal(esg_buf_str(&b), "aaaa\nenvironnemental ?\n");
	esg_buf_reset(&b);
	esg_render_right(&b, "20,07", 7);
	assert_string_equal(esg_buf_str(&b), "  20,07");
	esg_buf_release(&b);
}

/*
 * The formats' names and what each carries come from the table: the list
 * is SPEC §2's formats in the table's order, "md" (an alias) left out; only
 * JSON lists its inputs and holds profiles with statistics, only CSV has
 * the Excel variant, JUnit carries neither statistics nor peers, and
 * neither CSV (one row of scores per respondent, SPEC §6) nor JUnit lists
 * recommended sheets.
 */
static void
test_renderer_table(void **state)
{
	static const struct { const char *name; unsigned caps; } rows[] = {
		{ "text", ESG_RENDER_AGGREGATE | ESG_RENDER_PEERS | ESG_RENDER_SHEETS },
		{ "json", ESG_RENDER_AGGREGATE | ESG_RENDER_PEERS |
		    ESG_RENDER_INPUTS | ESG_RENDER_BOTH | ESG_RENDER_SHEETS },
		{ "csv", ESG_RENDER_AGGREGATE | ESG_RENDER_PEERS | ESG_RENDER_EXCEL },
		{ "markdown", ESG_RENDER_AGGREGATE | ESG_RENDER_PEERS | ESG_RENDER_SHEETS },
		{ "md", ESG_RENDER_AGGREGATE | ESG_RENDER_PEERS | ESG_RENDER_ALIAS |
		    ESG_RENDER_SHEETS },
		{ "html", ESG_RENDER_AGGREGATE | ESG_RENDER_PEERS | ESG_RENDER_SHEETS },
		{ "junit", 0 },
	};
	struct esg_buf b = ESG_BUF_INIT;

	(void)state;
	esg_renderer_names(&b);
	assert_string_equal(esg_buf_str(&b), "text json csv markdown html junit");
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
		assert_int_equal(esg_renderer_find(rows[i].name)->caps, rows[i].caps);
	assert_null(esg_renderer_find("pdf"));
	esg_buf_release(&b);
}

/*
 * Which formats serve which command: SPEC §2's lists (compare and sheets:
 * text, markdown, json; explain and obligations: text, json; template:
 * csv, markdown, yaml, limesurvey), the ones main.c's command table accepts for -f; score's
 * list leaves out the rows that only serve template.
 */
static void
test_renderer_commands(void **state)
{
	static const struct {
		const char *name;
		bool score, compare, explain, sheets, template, obligations;
	} rows[] = {
		{ "text", true, true, true, true, false, true },
		{ "json", true, true, true, true, false, true },
		{ "csv", true, false, false, false, true, false },
		{ "markdown", true, true, false, true, true, false },
		{ "md", true, true, false, true, true, false },
		{ "html", true, false, false, false, false, false },
		{ "junit", true, false, false, false, false, false },
		{ "yaml", false, false, false, false, true, false },
		{ "limesurvey", false, false, false, false, true, false },
	};

	(void)state;
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		const struct esg_renderer *r = esg_renderer_find(rows[i].name);

		assert_int_equal(r->begin && r->respondent && r->end,
		    rows[i].score);
		assert_int_equal(r->template != NULL, rows[i].template);
		assert_int_equal(r->obligations != NULL, rows[i].obligations);
		assert_int_equal(r->compare != NULL, rows[i].compare);
		assert_int_equal(r->explain != NULL, rows[i].explain);
		assert_int_equal(r->sheets != NULL, rows[i].sheets);
	}
}

/* RFC 8259 §7: '"', '\\' and the controls escaped, nothing else. */
static void
test_json_str(void **state)
{
	static const struct {
		const char *s, *json;
	} rows[] = {
		{ "", "\"\"" },
		{ "Engagé", "\"Engagé\"" },
		{ "Mesure d'impact", "\"Mesure d'impact\"" },
		{ "a\"b\\c", "\"a\\\"b\\\\c\"" },
		{ "\"\\", "\"\\\"\\\\\"" },
		{ "l1\nl2\tx\r", "\"l1\\nl2\\tx\\r\"" },
		/* Other controls as \u00XX; DEL (0x7f) is not one for JSON. */
		{ "\x01" "a\x1f" "\x7f", "\"\\u0001a\\u001f\x7f\"" },
	};
	struct esg_buf b = ESG_BUF_INIT;

	(void)state;
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		esg_buf_reset(&b);
		esg_json_str(&b, rows[i].s);
		assert_string_equal(esg_buf_str(&b), rows[i].json);
	}
	esg_buf_release(&b);
}

/* Appends across the first allocation (64 bytes) keep every byte. */
static void
test_buf_grows(void **state)
{
	struct esg_buf b = ESG_BUF_INIT;
	char want[201];

	(void)state;
	assert_string_equal(esg_buf_str(&b), "");
	esg_buf_add(&b, "", 0);
	assert_int_equal(b.len, 0);
	assert_string_equal(esg_buf_str(&b), "");
	for (size_t i = 0; i < 50; i++) {
		esg_buf_putc(&b, 'a');
		esg_buf_puts(&b, "bcd");
	}
	for (size_t i = 0; i < 200; i++)
		want[i] = "abcd"[i % 4];
	want[200] = '\0';
	assert_int_equal(b.len, 200);
	assert_true(b.cap > b.len);
	assert_string_equal(esg_buf_str(&b), want);
	esg_buf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cell),
		cmocka_unit_test(test_wrap_keeps_marks),
		cmocka_unit_test(test_renderer_table),
		cmocka_unit_test(test_renderer_commands),
		cmocka_unit_test(test_json_str),
		cmocka_unit_test(test_buf_grows),
	};

	return cmocka_run_group_tests_name("render", tests, NULL, NULL);
}
