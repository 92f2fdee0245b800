/*
 * Unit tests of the question-type table: every type has a complete row
 * whose name finds it again, and each operation gives, on a parsed answer,
 * the value SPEC §3 and §5 define (worked out by hand in the comments).
 */
#include "testutil.h"

#include "esgdiag/qtype.h"

static const char *const yaml =
    "schema: 1\nid: t\nversion: '1'\ntitle: T\n"
    "pillars: [{id: E, label: E}]\nlevels: [{min: 0, label: L}]\n"
    "sections:\n- id: s\n  title: S\n  questions:\n"
    "  - {id: ch, text: C, type: single, options: [{value: a, label: Aa, score: 0.25},"
    " {value: b, label: Bb, score: 1}]}\n"
    "  - {id: mu, text: M, type: multi, options: [{value: x, label: Ixe, score: 0.5},"
    " {value: y, label: Igrec, score: 0.75}, {value: z, label: Zed, score: 0.2}]}\n"
    "  - {id: yn, text: Y, type: yesno}\n"
    "  - {id: sc, text: S, type: scale, min: 1, max: 5, labels: {1: Jamais, 5: Toujours}}\n"
    "  - {id: nu, text: N, type: number, unit: '%', min: 0, max: 100,"
    " scoring: [[10, 0], [50, 0.8], [90, 1]]}\n"
    "  - {id: tx, text: T, type: text}\n";

static struct esg_questionnaire *q;

static int
setup(void **state)
{
	(void)state;
	q = load_ok(yaml);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	esg_questionnaire_free(q);
	return 0;
}

/* Every enum value has a row with every operation, found by its name. */
static void
test_table(void **state)
{
	static const char *const names[] = {
		"single", "multi", "yesno", "scale", "number", "text",
	};

	(void)state;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		struct esg_field f = { .type = (enum esg_qtype)i };
		const struct esg_qtype_ops *t = esg_qtype(&f);

		assert_int_equal(esg_qtype_find(names[i]), (int)i);
		assert_string_equal(t->name, names[i]);
		assert_non_null(t->kind);
		assert_non_null(t->limesurvey);
		assert_true(t->parse && t->cell && t->json && t->human &&
		    t->score && t->hint && t->paper);
	}
	assert_int_equal(esg_qtype_find("slider"), -1);
}

/* The cell parsed for id, then one operation's output and the score. */
struct row {
	const char *id, *cell, *json, *human;
	double score;
};

static void
check(const struct row *r)
{
	struct esg_arena a = ESG_ARENA_INIT;
	struct esg_buf why = ESG_BUF_INIT, j = ESG_BUF_INIT, h = ESG_BUF_INIT;
	struct esg_answer ans = { 0 };
	const struct esg_field *f = &q->fields[esg_field_find(q, r->id)];
	const struct esg_qtype_ops *t = esg_qtype(f);

	assert_int_equal(esg_cell_parse(f, r->cell, strlen(r->cell), &ans, &a,
	    &why), 0);
	assert_int_equal(ans.state, ESG_A_VALUE);
	t->json(&j, f, &ans);
	t->human(&h, f, &ans, false);
	assert_string_equal(esg_buf_str(&j), r->json);
	assert_string_equal(esg_buf_str(&h), r->human);
	assert_true(fabs(t->score(f, &ans) - r->score) < 1e-12);
	esg_buf_release(&why);
	esg_buf_release(&j);
	esg_buf_release(&h);
	esg_arena_release(&a);
}

static void
test_operations(void **state)
{
	static const struct row rows[] = {
		{ "ch", "Bb", "\"b\"", "Bb", 1 },
		{ "ch", "a", "\"a\"", "Aa", 0.25 },
		/* 0.5 + 0.2; 0.5 + 0.75 = 1.25 is capped at 1 (SPEC §3). */
		{ "mu", "x|z", "[\"x\", \"z\"]", "Ixe ; Zed", 0.7 },
		{ "mu", "y, x", "[\"x\", \"y\"]", "Ixe ; Igrec", 1 },
		{ "yn", "oui", "\"oui\"", "Oui", 1 },
		{ "yn", "false", "\"non\"", "Non", 0 },
		/* (v - min) / (max - min): (3 - 1) / 4; step 3 has no label. */
		{ "sc", "3", "3", "3 / 5", 0.5 },
		{ "sc", "toujours", "5", "Toujours", 1 },
		/* Between (10, 0) and (50, 0.8): 0.8 * (30 - 10) / 40 = 0.4. */
		{ "nu", "30 %", "30", "30 %", 0.4 },
		/* Between (50, 0.8) and (90, 1): 0.8 + 0.2 * 20 / 40 = 0.9. */
		{ "nu", "70", "70", "70 %", 0.9 },
		{ "nu", "5", "5", "5 %", 0 },	/* below the first point */
		/* Line ends and tabs become spaces, other controls "?". */
		{ "tx", "a\tb\x01", "\"a\\tb\\u0001\"", "a b?", 0 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
		check(&rows[i]);
}

/* What the interview and the paper form say, per type. */
static void
test_hint_paper(void **state)
{
	static const struct { const char *id, *hint, *paper; } rows[] = {
		{ "ch", "the number of your choice", "- ( ) Aa\n- ( ) Bb\n" },
		/* mu: no option is exclusive, so its first two go together. */
		{ "mu", "numbers of every choice that applies, e.g. 1,2",
		    "Tick every answer that applies:\n\n- [ ] Ixe\n- [ ] Igrec\n- [ ] Zed\n" },
		{ "yn", "the number of your choice", "- ( ) Oui\n- ( ) Non\n" },
		{ "sc", "a whole number from 1 to 5", "- ( ) 1 — Jamais\n- ( ) 2\n"
		    "- ( ) 3\n- ( ) 4\n- ( ) 5 — Toujours\n" },
		{ "nu", "a number from 0 to 100, in %",
		    "______ % *(a number from 0 to 100)*\n" },
		{ "tx", "free text, Enter to skip",
		    "______________________________________________\n" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		const struct esg_field *f = &q->fields[esg_field_find(q, rows[i].id)];
		struct esg_buf h = ESG_BUF_INIT, p = ESG_BUF_INIT;

		esg_qtype(f)->hint(&h, f);
		esg_qtype(f)->paper(&p, f);
		assert_string_equal(esg_buf_str(&h), rows[i].hint);
		assert_string_equal(esg_buf_str(&p), rows[i].paper);
		esg_buf_release(&h);
		esg_buf_release(&p);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_operations),
		cmocka_unit_test(test_hint_paper),
	};

	return cmocka_run_group_tests_name("qtype", tests, setup, teardown);
}
