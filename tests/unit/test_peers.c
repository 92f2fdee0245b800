/*
 * Unit tests of peers.c and peers_load.c: where a score falls among
 * published quartiles (every boundary and tie, worked out by hand from the
 * definition in docs/observatory.md), band keys, and the loader's checks
 * with their exact messages.
 */
#include "esgdiag/peers.h"
#include "testutil.h"

static void
test_position(void **state)
{
	/* q1 40, median 50, q3 60 unless the row says otherwise. */
	static const struct {
		double q1, med, q3, x;
		enum esg_peer_pos want;
	} rows[] = {
		{ 40, 50, 60, 39.99, ESG_PEER_BELOW_Q1 },
		{ 40, 50, 60, 40.00, ESG_PEER_Q1_MEDIAN },	/* = q1: inside */
		{ 40, 50, 60, 49.99, ESG_PEER_Q1_MEDIAN },
		{ 40, 50, 60, 50.00, ESG_PEER_MEDIAN },
		{ 40, 50, 60, 49.996, ESG_PEER_MEDIAN },	/* rounds to 50.00 */
		{ 40, 50, 60, 49.995, ESG_PEER_Q1_MEDIAN },	/* 49.99499..., 49.99 */
		{ 40, 50, 60, 50.004, ESG_PEER_MEDIAN },	/* rounds to 50.00 */
		{ 40, 50, 60, 50.01, ESG_PEER_MEDIAN_Q3 },
		{ 40, 50, 60, 60.00, ESG_PEER_MEDIAN_Q3 },	/* = q3: inside */
		{ 40, 50, 60, 60.01, ESG_PEER_ABOVE_Q3 },
		{ 40, 50, 60, 100, ESG_PEER_ABOVE_Q3 },
		{ 40, 50, 60, 0, ESG_PEER_BELOW_Q1 },
		/* Ties between the statistics: the median wins. */
		{ 50, 50, 60, 50, ESG_PEER_MEDIAN },
		{ 40, 50, 50, 50, ESG_PEER_MEDIAN },
		{ 50, 50, 50, 50, ESG_PEER_MEDIAN },
		{ 50, 50, 50, 49.99, ESG_PEER_BELOW_Q1 },
		{ 50, 50, 50, 50.01, ESG_PEER_ABOVE_Q3 },
		{ 40, 50, 50, 50.01, ESG_PEER_ABOVE_Q3 },
		{ 50, 50, 60, 49.99, ESG_PEER_BELOW_Q1 },
		/* Published 66.66 against a score of 66.6666...: 66.67 is above. */
		{ 20, 30, 66.66, 200.0 / 3, ESG_PEER_ABOVE_Q3 },
	};
	(void)state;
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct esg_peer_stats s = { 9, rows[i].q1, rows[i].med, rows[i].q3, 0, 100 };
		enum esg_peer_pos got = esg_peer_position(&s, rows[i].x);

		if (got != rows[i].want)
			fail_msg("row %zu: %g among %g/%g/%g: %d, expected %d", i,
			    rows[i].x, rows[i].q1, rows[i].med, rows[i].q3, got,
			    rows[i].want);
	}
}

static void
test_position_none(void **state)
{
	struct esg_peer_stats s = { 0, 0, 0, 0, 0, 0 }, t = { 3, 1, 2, 3, 0, 4 };

	(void)state;
	assert_int_equal(esg_peer_position(&s, 50), ESG_PEER_NONE);
	assert_int_equal(esg_peer_position(NULL, 50), ESG_PEER_NONE);
	assert_int_equal(esg_peer_position(&t, ESG_NULL_SCORE), ESG_PEER_NONE);
	assert_string_equal(esg_peer_pos_name(ESG_PEER_Q1_MEDIAN), "q1_median");
	assert_null(esg_peer_pos_name(ESG_PEER_NONE));
}

static const char qyaml[] =
    "schema: 1\nid: t\nversion: '1'\ntitle: T\n"
    "pillars: [{id: E, label: Env}]\n"
    "levels: [{min: 0, label: Bas}]\n"
    "profile:\n"
    "  - {id: pop, text: P, type: number}\n"
    "sections:\n"
    "- id: A\n  title: A\n  questions:\n"
    "  - {id: a1, text: A1, type: yesno, pillars: {E: 1}}\n";

#define STATS "{\"n\": 3, \"q1\": 10, \"median\": 20, \"q3\": 30, \"min\": 0, \"max\": 40}"
#define BLOCK "\"overall\": " STATS ", \"pillars\": {\"E\": " STATS "}, " \
    "\"sections\": {\"A\": " STATS "}"

/* Loads doc; returns the diagnostics, or "" and the observatory in *out. */
static const char *
load(const struct esg_questionnaire *q, const char *doc, struct esg_peers **out)
{
	static struct esg_buf b = ESG_BUF_INIT;
	struct esg_diags d = ESG_DIAGS_INIT;

	esg_peers_load("o.json", doc, strlen(doc), q, out, &d);
	diags_text(&d, &b);
	esg_diags_release(&d);
	return esg_buf_str(&b);
}

static void
test_load_bands(void **state)
{
	struct esg_questionnaire *q = load_ok(qyaml);
	struct esg_peers *p = NULL;
	const char *doc = "{\"format\": \"esgdiag-result/1\", \"questionnaire\": "
	    "{\"id\": \"t\", \"version\": \"1\"}, \"aggregate\": {\"by\": \"pop\", "
	    "\"min_group\": 3, \"groups\": ["
	    "{\"key\": \"<-5\", \"n\": 3, " BLOCK "},"
	    "{\"key\": \"-5-3500\", \"n\": 3, \"overall\": {\"n\": 3, \"q1\": 1, "
	    "\"median\": 2, \"q3\": 3, \"min\": null}, \"pillars\": {\"E\": " STATS
	    "}, \"sections\": {\"A\": " STATS "}},"
	    "{\"key\": \"3500-20000\", \"n\": 2, " BLOCK "},"
	    "{\"key\": \">=20000\", \"n\": 3, \"overall\": null}],"
	    "\"all\": {\"n\": 11, " BLOCK "}}}";

	(void)state;
	assert_string_equal(load(q, doc, &p), "");
	assert_non_null(p);
	assert_int_equal(p->ngroups, 4);
	/* Keys as SPEC §6 writes bands, a negative limit included. */
	assert_true(p->groups[0].band && isinf(p->groups[0].lo) &&
	    p->groups[0].hi == -5);
	assert_true(p->groups[1].band && p->groups[1].lo == -5 &&
	    p->groups[1].hi == 3500);
	assert_true(p->groups[3].band && p->groups[3].lo == 20000 &&
	    isinf(p->groups[3].hi));
	/* Statistics present but n 2 < min_group 3: never used. */
	assert_false(p->groups[2].usable);
	assert_false(p->groups[3].usable);
	assert_true(p->groups[1].usable && p->all.usable);
	assert_true(p->groups[1].st[1].median == 20);
	/* A publisher may leave out min and max (null or absent). */
	assert_true(p->groups[1].st[0].q3 == 3 && isnan(p->groups[1].st[0].min) &&
	    isnan(p->groups[1].st[0].max));
	esg_peers_free(p);
	esg_questionnaire_free(q);
}

static void
test_load_errors(void **state)
{
	static const struct { const char *doc, *want; } rows[] = {
		{ "{\"format\": \"esgdiag-result/1\",\n \"questionnaire\": 3,}",
		  "o.json:2:21: error: string or '}' expected near '}'\n" },
		{ "[]", "o.json: error: (top level): expected an object\n" },
		{ "{\"format\": \"x\"}", "o.json: error: format: expected "
		  "\"esgdiag-result/1\" (the JSON result of esgdiag score --aggregate)\n" },
		{ "{\"format\": \"esgdiag-result/1\", \"questionnaire\": {\"id\": \"u\", "
		  "\"version\": \"2\"}}",
		  "o.json: error: questionnaire.id: the observatory is for questionnaire "
		  "'u', the questionnaire in use is 't'\n"
		  "o.json: error: questionnaire.version: the observatory is for version "
		  "'2', the questionnaire in use is version '1'\n" },
		{ "{\"format\": \"esgdiag-result/1\", \"questionnaire\": {\"id\": \"t\", "
		  "\"version\": \"1\"}}", "o.json: error: aggregate: no observatory "
		  "statistics (publish the result of score --aggregate)\n" },
		{ "{\"format\": \"esgdiag-result/1\", \"questionnaire\": {\"id\": \"t\", "
		  "\"version\": \"1\"}, \"aggregate\": {\"by\": \"zz\", \"min_group\": 1}}",
		  "o.json: error: aggregate.by: no field 'zz' in questionnaire\n" },
		{ "{\"format\": \"esgdiag-result/1\", \"questionnaire\": {\"id\": \"t\", "
		  "\"version\": \"1\"}, \"aggregate\": {\"by\": null, \"min_group\": 1, "
		  "\"groups\": [], \"all\": {\"n\": 3, \"overall\": " STATS ", "
		  "\"pillars\": {}, \"sections\": {}}}}",
		  "o.json: error: aggregate.all.pillars: no statistics for 'E'\n" },
		/* Jansson points at the end of the repeated key. */
		{ "{\"a\": 1, \"a\": 2}", "o.json:1:12: error: duplicate object key "
		  "near '\"a\"'\n" },
		{ "{\"format\": \"esgdiag-result/1\", \"questionnaire\": {\"id\": \"t\", "
		  "\"version\": \"1\"}, \"aggregate\": {\"by\": null, \"min_group\": 1, "
		  "\"groups\": [], \"all\": {\"n\": 3, \"overall\": {\"n\": 3, \"q1\": 1, "
		  "\"median\": 2, \"q3\": 3, \"min\": 0, \"max\": 101}}}}",
		  "o.json: error: aggregate.all.overall: 'max' must be a score from 0 "
		  "to 100\n" },
	};
	struct esg_questionnaire *q = load_ok(qyaml);

	(void)state;
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct esg_peers *p = (struct esg_peers *)1;
		const char *got = load(q, rows[i].doc, &p);

		if (strcmp(got, rows[i].want) != 0)
			fail_msg("row %zu:\n%s\nexpected:\n%s", i, got, rows[i].want);
		assert_null(p);
	}
	esg_questionnaire_free(q);
}

static void
test_load_depth(void **state)
{
	struct esg_questionnaire *q = load_ok(qyaml);
	struct esg_peers *p = NULL;
	char doc[200];

	(void)state;
	/* Brackets inside a string do not count; the 33rd real one fails. */
	strcpy(doc, "{\"x\": \"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\", \"y\":\n");
	memset(doc + strlen(doc), '[', 40);
	doc[strlen("{\"x\": \"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\", \"y\":\n") + 40] = '\0';
	assert_string_equal(load(q, doc, &p),
	    "o.json:2:32: error: nesting deeper than 32 levels\n");
	esg_questionnaire_free(q);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_position),
		cmocka_unit_test(test_position_none),
		cmocka_unit_test(test_load_bands),
		cmocka_unit_test(test_load_errors),
		cmocka_unit_test(test_load_depth),
	};

	return cmocka_run_group_tests_name("peers", tests, NULL, NULL);
}
