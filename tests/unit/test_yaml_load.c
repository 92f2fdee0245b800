/*
 * Unit tests of the YAML loader: the model it builds, that every YAML
 * style loads the same, that scalars are never typed by YAML 1.1, and the
 * exact located message of each kind of invalid questionnaire.
 */
#include "testutil.h"

#define HEAD "schema: 1\nid: t\nversion: '1'\ntitle: T\n" \
	"pillars: [{id: E, label: Env}, {id: G, label: Gouv, weight: 2}]\n" \
	"levels: [{min: 0, label: Bas}, {min: 50, label: Haut}]\n"

/* A canonical text of the model, to compare loads of different styles. */
static void
dump(struct esg_buf *b, const struct esg_questionnaire *q)
{
	esg_buf_printf(b, "%s|%s|%s|%s\n", q->schema, q->id, q->version, q->title);
	for (size_t i = 0; i < q->npillars; i++)
		esg_buf_printf(b, "P %s %s %g\n", q->pillars[i].id,
		    q->pillars[i].label, q->pillars[i].weight);
	for (size_t i = 0; i < q->nlevels; i++)
		esg_buf_printf(b, "L %g %s\n", q->levels[i].min, q->levels[i].label);
	for (size_t i = 0; i < q->nfields; i++) {
		const struct esg_field *f = &q->fields[i];

		esg_buf_printf(b, "F %s %d %d [%s] [%s] w=%g when=%s na=%d\n",
		    f->id, f->type, f->is_profile, f->text, f->help ? f->help : "",
		    f->weight, f->when_src ? f->when_src : "", f->allow_na);
		for (size_t k = 0; k < f->noptions; k++)
			esg_buf_printf(b, "  O %s [%s] %g %d\n", f->options[k].value,
			    f->options[k].label ? f->options[k].label : "",
			    f->options[k].score, f->options[k].exclusive);
		for (size_t k = 0; f->factor && k < q->npillars; k++)
			esg_buf_printf(b, "  f%zu=%g", k, f->factor[k]);
		esg_buf_puts(b, "\n");
	}
	for (size_t i = 0; i < q->nsections; i++)
		esg_buf_printf(b, "S %s %s %zu %zu\n", q->sections[i].id,
		    q->sections[i].title, q->sections[i].first, q->sections[i].count);
}

static const char *const block_style = HEAD
    "sections:\n"
    "  - id: s1\n"
    "    title: Section un\n"
    "    questions:\n"
    "      - id: q1\n"
    "        text: Première question ?\n"
    "        help: >-\n"
    "          Une aide\n"
    "          sur deux lignes.\n"
    "        type: single\n"
    "        weight: 2.5\n"
    "        pillars: {E: 1, G: 0.5}\n"
    "        options:\n"
    "          - value: no\n"
    "            label: Non\n"
    "            score: 0\n"
    "          - value: yes\n"
    "            label: Oui\n"
    "            score: 1\n"
    "      - id: q2\n"
    "        text: |-\n"
    "          Deuxième\n"
    "        type: yesno\n"
    "        when: q1 == yes\n";

static const char *const flow_style = HEAD
    "sections: [{id: s1, title: Section un, questions: [\n"
    "  {id: q1, text: Première question ?, help: Une aide sur deux lignes.,\n"
    "   type: single, weight: 2.5, pillars: {E: 1, G: 0.5}, options: [\n"
    "     {value: no, label: Non, score: 0}, {value: yes, label: Oui, score: 1}]},\n"
    "  {id: q2, text: Deuxième, type: yesno, when: q1 == yes}]}]\n";

static const char *const json_style =
    "{\"schema\": \"1\", \"id\": \"t\", \"version\": \"1\", \"title\": \"T\",\n"
    " \"pillars\": [{\"id\": \"E\", \"label\": \"Env\"},"
    " {\"id\": \"G\", \"label\": \"Gouv\", \"weight\": 2}],\n"
    " \"levels\": [{\"min\": 0, \"label\": \"Bas\"}, {\"min\": 50, \"label\": \"Haut\"}],\n"
    " \"sections\": [{\"id\": \"s1\", \"title\": \"Section un\", \"questions\": [\n"
    "  {\"id\": \"q1\", \"text\": \"Premi\\u00e8re question ?\","
    " \"help\": \"Une aide sur deux lignes.\", \"type\": \"single\", \"weight\": 2.5,"
    " \"pillars\": {\"E\": 1, \"G\": 0.5}, \"options\": ["
    " {\"value\": \"no\", \"label\": \"Non\", \"score\": 0},"
    " {\"value\": \"yes\", \"label\": \"Oui\", \"score\": 1}]},\n"
    "  {\"id\": \"q2\", \"text\": \"Deuxi\\u00e8me\", \"type\": \"yesno\","
    " \"when\": \"q1 == yes\"}]}]}\n";

static const char *const anchor_style = HEAD
    "x-never-read: &none {value: no, label: Non, score: 0}\n";

static const char *const alias_style =
    "# comments are fine\n"
    "schema: 1\nid: t\nversion: '1'\ntitle: &t T\n"
    "pillars: [{id: E, label: Env}, {id: G, label: Gouv, weight: 2}]\n"
    "levels: [{min: 0, label: Bas}, {min: 50, label: Haut}]\n"
    "sections:\n"
    "  - id: s1\n"
    "    title: Section un\n"
    "    questions:\n"
    "      - id: q1\n"
    "        text: Première question ?\n"
    "        help: Une aide sur deux lignes.\n"
    "        type: single\n"
    "        weight: 2.5\n"
    "        pillars: &p {E: 1, G: 0.5}\n"
    "        options: [&no {value: no, label: Non, score: 0},\n"
    "                  {value: yes, label: Oui, score: 1}]\n"
    "      - {id: q2, text: Deuxième, type: yesno, when: q1 == yes}\n";

static void
test_styles_load_the_same(void **state)
{
	struct esg_buf want = ESG_BUF_INIT, got = ESG_BUF_INIT;
	const char *const styles[] = { flow_style, json_style, alias_style };
	struct esg_questionnaire *q = load_ok(block_style);

	(void)state;
	dump(&want, q);
	esg_questionnaire_free(q);
	for (size_t i = 0; i < sizeof styles / sizeof styles[0]; i++) {
		q = load_ok(styles[i]);
		esg_buf_reset(&got);
		dump(&got, q);
		assert_string_equal(esg_buf_str(&got), esg_buf_str(&want));
		esg_questionnaire_free(q);
	}
	/* An unknown top-level key is an error even when only an anchor. */
	assert_contains(load_errors(anchor_style), "unknown key 'x-never-read'");
	esg_buf_release(&want);
	esg_buf_release(&got);
}

static void
test_model(void **state)
{
	struct esg_questionnaire *q = load_ok(block_style);
	const struct esg_field *f;

	(void)state;
	/* YAML 1.1 would read these as booleans; the schema reads text. */
	f = &q->fields[0];
	assert_string_equal(f->options[0].value, "no");
	assert_string_equal(f->options[1].value, "yes");
	assert_string_equal(f->help, "Une aide sur deux lignes.");
	assert_true(f->weight == 2.5);
	assert_true(f->factor[0] == 1 && f->factor[1] == 0.5);
	assert_int_equal(f->pos.line, 11);
	assert_int_equal(f->pos.col, 9);
	f = &q->fields[1];
	assert_int_equal(f->type, ESG_QTYPE_YESNO);
	assert_true(f->weight == 1);		/* default */
	assert_true(f->factor[0] == 0 && f->factor[1] == 0);
	assert_int_equal(f->noptions, 2);
	assert_string_equal(f->options[0].value, "oui");
	assert_true(q->pillars[0].weight == 1 && q->pillars[1].weight == 2);
	/* q2 reads q1: the evaluation order puts q1 first. */
	assert_int_equal(q->order[0], 0);
	assert_int_equal(q->order[1], 1);
	esg_questionnaire_free(q);
}

static void
test_version_is_text(void **state)
{
	struct esg_questionnaire *q = load_ok(
	    "schema: 1\nid: t\nversion: 1.10\ntitle: 2025\n"
	    "pillars: [{id: E, label: on}]\nlevels: [{min: 0, label: null}]\n"
	    "sections: []\n");

	(void)state;
	assert_string_equal(q->version, "1.10");
	assert_string_equal(q->title, "2025");
	assert_string_equal(q->pillars[0].label, "on");
	assert_string_equal(q->levels[0].label, "null");
	esg_questionnaire_free(q);
}

static void
test_scale_and_number(void **state)
{
	struct esg_questionnaire *q = load_ok(HEAD
	    "sections:\n- id: s\n  title: S\n  questions:\n"
	    "  - {id: a, text: A, type: scale, min: 1, max: 5,"
	    " labels: {1: Jamais, 5: Toujours}}\n"
	    "  - {id: b, text: B, type: scale, min: -1, max: 1,"
	    " labels: [Moins, Zéro, Plus]}\n"
	    "  - {id: c, text: C, type: number, unit: '%',"
	    " scoring: [[0, 0], [10, 0.5], [20, 1]]}\n"
	    "  - {id: d, text: D, type: number, min: 0, max: 100,"
	    " scoring: [[0, 0], [100, 1]]}\n"
	    "  - {id: e, text: E, type: number, min: '-2.5', scoring: [[0, 1]]}\n");
	const struct esg_field *a = &q->fields[0], *b = &q->fields[1];
	const struct esg_field *c = &q->fields[2], *d = &q->fields[3];
	const struct esg_field *e = &q->fields[4];

	(void)state;
	assert_int_equal(a->noptions, 5);
	assert_string_equal(a->options[0].label, "Jamais");
	assert_null(a->options[1].label);
	assert_string_equal(a->options[4].value, "5");
	assert_true(a->options[2].score == 0.5);	/* (3-1)/(5-1) */
	assert_string_equal(b->options[0].value, "-1");
	assert_string_equal(b->options[1].label, "Zéro");
	assert_int_equal(q->fields[2].npoints, 3);
	assert_string_equal(q->fields[2].unit, "%");
	/* Bounds are optional and independent of each other. */
	assert_false(c->range.has_min || c->range.has_max);
	assert_true(d->range.has_min && d->range.min == 0);
	assert_true(d->range.has_max && d->range.max == 100);
	assert_true(e->range.has_min && e->range.min == -2.5);
	assert_false(e->range.has_max);
	esg_questionnaire_free(q);
}

struct bad {
	const char *yaml;
	const char *error;	/* the start of a line expected among the errors */
};

static void
test_errors(void **state)
{
	static const struct bad rows[] = {
		{ HEAD "sections: []\nwieght: 1\n",
		  "t.yaml:8:1: error: unknown key 'wieght' in the questionnaire" },
		{ HEAD "sections:\n- {id: s, title: S, questions: [{id: a, text: A,"
		  " type: yesno, wieght: 2}]}\n",
		  "t.yaml:8:63: error: unknown key 'wieght' in a question (did you mean 'weight'?)" },
		{ HEAD "sections:\n- {id: s, title: S, questions: [{id: a, text: A,"
		  " type: slider}]}\n",
		  "t.yaml:8:56: error: unknown question type 'slider' (expected single, multi, yesno, scale, number or text)" },
		{ HEAD "sections:\n- {id: s, title: S, questions: [{id: a, text: A,"
		  " type: yesno}, {id: a, text: B, type: yesno}]}\n",
		  "t.yaml:8:69: error: duplicate id 'a' (first defined at line 8)" },
		{ HEAD "profile: [{id: a, text: A, type: number}]\nsections:\n"
		  "- {id: s, title: S, questions: [{id: a, text: A, type: yesno}]}\n",
		  "t.yaml:9:38: error: duplicate id 'a' (first defined at line 7)" },
		{ HEAD "sections:\n- {id: s, title: S, questions: [{id: 2a, text: A,"
		  " type: yesno}]}\n",
		  "t.yaml:8:38: error: '2a' is not a valid identifier (expected a letter then letters, digits or '_', and not one of: and, or, not, in, has)" },
		{ HEAD "sections:\n- {id: s, title: S, questions: [{id: in, text: A,"
		  " type: yesno}]}\n",
		  "t.yaml:8:38: error: 'in' is not a valid identifier" },
		{ "schema: 1\nid: t\nversion: '1'\ntitle: T\npillars: [{id: E, label: E}]\n"
		  "levels: [{min: 10, label: A}]\nsections: []\n",
		  "t.yaml:6:16: error: the first level must start at 0" },
		{ "schema: 1\nid: t\nversion: '1'\ntitle: T\npillars: [{id: E, label: E}]\n"
		  "levels: [{min: 0, label: A}, {min: 50, label: B}, {min: 50, label: C}]\n"
		  "sections: []\n",
		  "t.yaml:6:57: error: level minimums must be strictly ascending" },
		{ HEAD "sections:\n- {id: s, title: S, questions: [{id: a, text: A,"
		  " type: single, options: [{value: x, label: X, score: 1.5}]}]}\n",
		  "t.yaml:8:102: error: score must be between 0 and 1" },
		{ HEAD "sections:\n- {id: s, title: S, questions: [{id: a, text: A,"
		  " type: yesno, pillars: {X: 1}}]}\n",
		  "t.yaml:8:73: error: unknown pillar 'X'" },
		{ HEAD "sections:\n- {id: s, title: S, questions: [{id: a, text: A,"
		  " type: yesno, pillars: {E: 0}}]}\n",
		  "t.yaml:8:76: error: a pillar factor must be greater than 0" },
		{ HEAD "sections:\n- {id: s, title: S, questions: [{id: a, text: A,"
		  " type: yesno, sheets: [nope]}]}\n",
		  "t.yaml:8:71: error: unknown sheet 'nope'" },
		{ HEAD "sections:\n- {id: s, title: S, questions: [{id: a, text: A,"
		  " type: single, options: [{value: x, label: X, score: 1},"
		  " {value: x, label: Y, score: 0}]}]}\n",
		  "t.yaml:8:73: error: 'a': duplicate option value 'x'" },
		{ HEAD "sections:\n- {id: s, title: S, questions: [{id: a, text: A,"
		  " type: single, options: [{value: x, label: Y, score: 1},"
		  " {value: y, label: X, score: 0}]}]}\n",
		  "t.yaml:8:73: error: 'a': options 'x' and 'y' cannot be told apart in an answer" },
		{ HEAD "sections:\n- {id: s, title: S, questions: [{id: a, text: A,"
		  " type: yesno, options: []}]}\n",
		  "t.yaml:8:72: error: 'options' does not apply to a yesno question" },
		{ HEAD "profile: [{id: p, text: P, type: number, weight: 2}]\n"
		  "sections: []\n",
		  "t.yaml:7:50: error: 'weight' is not allowed in a profile field (profile fields are not scored)" },
		{ HEAD "sections:\n- {id: s, title: S, questions: [{id: a, text: A,"
		  " type: yesno, when: a}]}\n",
		  "t.yaml:8:33: error: the condition of 'a' depends on itself: a -> a" },
		{ HEAD "sections:\n- {id: s, title: S, questions: [\n"
		  "  {id: a, text: A, type: yesno, when: b},\n"
		  "  {id: b, text: B, type: yesno, when: c},\n"
		  "  {id: c, text: C, type: yesno, when: a}]}\n",
		  "t.yaml:11:3: error: the condition of 'c' depends on itself: a -> b -> c -> a" },
		{ HEAD "sections:\n- {id: s, title: S, questions: [{id: a, text: A,"
		  " type: yesno, when: 'a =='}]}\n",
		  "t.yaml:8:74: error: in 'when': expected a field, a value or a number" },
		{ HEAD "sections:\n- {id: s, title: S, questions: [{id: a, text: A,"
		  " type: number, scoring: [[10, 0], [5, 1]]}]}\n",
		  "t.yaml:8:83: error: scoring points must have strictly ascending x" },
		{ HEAD "sections:\n- {id: s, title: S, questions: [{id: a, text: A,"
		  " type: scale, min: 3, max: 3}]}\n",
		  "t.yaml:8:76: error: a scale needs min < max and at most 1000 values" },
		/* Number bounds: numbers, min strictly below max. */
		{ HEAD "sections:\n- {id: s, title: S, questions: [{id: a, text: A,"
		  " type: number, min: 10, max: 10, scoring: [[0, 1]]}]}\n",
		  "t.yaml:8:78: error: a number question needs min < max (here 10 and 10)" },
		{ HEAD "sections:\n- {id: s, title: S, questions: [{id: a, text: A,"
		  " type: number, min: 5, max: -5, scoring: [[0, 1]]}]}\n",
		  "t.yaml:8:77: error: a number question needs min < max (here 5 and -5)" },
		{ HEAD "sections:\n- {id: s, title: S, questions: [{id: a, text: A,"
		  " type: number, min: zéro, scoring: [[0, 1]]}]}\n",
		  "t.yaml:8:69: error: 'min' must be a number, not 'zéro'" },
		{ HEAD "sections:\n- {id: s, title: S, questions: [{id: a, text: A,"
		  " type: text, max: 3}]}\n",
		  "t.yaml:8:67: error: 'max' does not apply to a text question" },
		{ HEAD "sections:\n- {id: s, title: S, questions: [{id: a, text: A,"
		  " type: number}]}\n",
		  "t.yaml:8:33: error: missing key 'scoring' in a number question" },
		{ HEAD "base: &b {id: s, title: S, questions: []}\n"
		  "sections:\n- {<<: *b, id: s2}\n",
		  "t.yaml:7:1: error: unknown key 'base' in the questionnaire" },
		{ HEAD "sections:\n- {<<: {id: s}, title: S, questions: []}\n",
		  "t.yaml:8:4: error: unknown key '<<' in a section" },
		{ HEAD "sections: []\nid: again\n",
		  "t.yaml:8:1: error: duplicate key 'id' in the questionnaire" },
		{ HEAD "sections: [\n",
		  "t.yaml:8:1: error: YAML: did not find expected node content while parsing a flow node" },
		{ HEAD "sections: []\n---\nsecond: doc\n",
		  "t.yaml:8:1: error: expected one YAML document, found more" },
		{ "", "t.yaml:1:1: error: the questionnaire is empty" },
		{ "# rien\n\n", "t.yaml:1:1: error: the questionnaire is empty" },
		/* Invalid UTF-8 where it is: line, then column in characters. */
		{ "schema: 1\nid: t\nversion: '1'\ntitle: \"caf\xe9 au lait\"\n",
		  "t.yaml:4:12: error: invalid UTF-8 (byte 0xe9): the questionnaire must be saved as UTF-8" },
		{ "schema: 1\nid: t\ntitle: \"\xc3\xa9t\xc3\xa9 \xff\"\n",
		  "t.yaml:3:13: error: invalid UTF-8 (byte 0xff): the questionnaire must be saved as UTF-8" },
		{ "# \xc3\n", "t.yaml:1:3: error: invalid UTF-8 (byte 0xc3)" },
		{ "- a\n- b\n", "t.yaml:1:1: error: expected a mapping for the questionnaire" },
		/* The language goes into documents: a BCP 47 tag, located. */
		{ "schema: 1\nid: t\nversion: '1'\ntitle: T\n"
		  "language: 'fr\"><script>alert(1)</script>'\n"
		  "pillars: [{id: E, label: E}]\nlevels: [{min: 0, label: A}]\nsections: []\n",
		  "t.yaml:5:11: error: 'language' must be a BCP 47 language tag such as fr or fr-FR, not 'fr\"><script>alert(1)</script>'" },
		{ "schema: 1\nid: t\nversion: '1'\ntitle: T\nlanguage: fr_FR\n"
		  "pillars: [{id: E, label: E}]\nlevels: [{min: 0, label: A}]\nsections: []\n",
		  "t.yaml:5:11: error: 'language' must be a BCP 47 language tag such as fr or fr-FR, not 'fr_FR'" },
		{ "schema: 2\n", "t.yaml:1:9: error: unsupported schema '2' (this version reads schema 1)" },
		{ HEAD "sections: []\nobligations: [{id: o, title: O, applies: zz > 1,"
		  " met: zz, source: S}]\n",
		  "t.yaml:8:42: error: unknown identifier 'zz'" },
		{ HEAD "sections:\n- {id: s, title: S, questions: [{id: a, text: A,"
		  " type: single, options: [x, {value: x, label: X, score: 1}]}]}\n",
		  "t.yaml:8:74: error: expected a mapping for an option" },
		{ HEAD "sections:\n- {id: s, title: S, questions: [{id: a, text: A,"
		  " type: scale, min: 1, max: 1e30}]}\n",
		  "t.yaml:8:76: error: 'max' must be a whole number" },
		{ HEAD "sections: []\nobligations: [{id: o, title: O, met: x, source: S}]\n",
		  "t.yaml:8:15: error: missing key 'applies' in an obligation" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		const char *got = load_errors(rows[i].yaml);

		if (strstr(got, rows[i].error) == NULL)
			fail_msg("case %zu: expected\n  %s\ngot\n  %s", i,
			    rows[i].error, got);
	}
}

static void
test_all_errors_reported(void **state)
{
	const char *got = load_errors(HEAD
	    "sections:\n- id: s\n  title: S\n  questions:\n"
	    "  - {id: a, text: A, type: yesno, wieght: 1}\n"
	    "  - {id: b, text: B, type: single, options: [{value: x, label: X, score: 2}]}\n"
	    "  - {id: c, text: C, type: yesno, when: nope}\n");

	(void)state;
	assert_contains(got, "t.yaml:11:35: error: unknown key 'wieght'");
	assert_contains(got, "t.yaml:12:74: error: score must be between 0 and 1");
	assert_contains(got, "t.yaml:13:41: error: unknown identifier 'nope'");
}

static void
test_alias_bomb(void **state)
{
	struct esg_buf y = ESG_BUF_INIT;

	(void)state;
	/* Nine levels of nine aliases: 9^9 nodes if expanded naively. */
	esg_buf_puts(&y, HEAD "a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
	for (int i = 1; i < 10; i++)
		esg_buf_printf(&y, "a%d: &a%d [*a%d, *a%d, *a%d, *a%d, *a%d, *a%d,"
		    " *a%d, *a%d, *a%d]\n", i, i, i - 1, i - 1, i - 1, i - 1,
		    i - 1, i - 1, i - 1, i - 1, i - 1);
	esg_buf_puts(&y, "sections:\n- id: s\n  title: S\n  questions: []\n"
	    "sheets: [{id: z, title: Z, objective: O, steps: *a9}]\n");
	assert_contains(load_errors(esg_buf_str(&y)), "unknown key 'a0'");
	/* Steps that expand to lists of lists are refused, not walked. */
	esg_buf_reset(&y);
	esg_buf_puts(&y, HEAD "sections: &s [{id: s, title: S, questions: []}]\n"
	    "sheets: [{id: z, title: Z, objective: O, steps: &r [x, *r]}]\n");
	assert_contains(load_errors(esg_buf_str(&y)), "'steps' must be a string");
	esg_buf_release(&y);
}

static void
test_nesting_limit(void **state)
{
	struct esg_buf y = ESG_BUF_INIT;

	(void)state;
	/* The top mapping is level 1, so the 64th [ of line 7 (column 4 + 63) opens level 65. */
	esg_buf_puts(&y, HEAD "x: ");
	esg_buf_repeat(&y, "[", 100000);
	esg_buf_repeat(&y, "]", 100000);
	assert_contains(load_errors(esg_buf_str(&y)),
	    "t.yaml:7:67: error: nesting deeper than 64 levels");
	esg_buf_release(&y);
}

static void
test_visit_budget(void **state)
{
	struct esg_buf y = ESG_BUF_INIT;

	(void)state;
	/* 2000 sections, each the same 1000 questions: 2 million visits. */
	esg_buf_puts(&y, HEAD "sections:\n- &s {id: s, title: S, questions: [");
	for (int i = 0; i < 1000; i++)
		esg_buf_printf(&y, "%s{id: q%d, text: Q, type: yesno}", i ? ", " : "", i);
	esg_buf_puts(&y, "]}\n");
	for (int i = 0; i < 2000; i++)
		esg_buf_puts(&y, "- *s\n");
	assert_contains(load_errors(esg_buf_str(&y)), "giving up");
	esg_buf_release(&y);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_styles_load_the_same),
		cmocka_unit_test(test_model),
		cmocka_unit_test(test_version_is_text),
		cmocka_unit_test(test_scale_and_number),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_all_errors_reported),
		cmocka_unit_test(test_alias_bomb),
		cmocka_unit_test(test_nesting_limit),
		cmocka_unit_test(test_visit_budget),
	};

	return cmocka_run_group_tests_name("yaml_load", tests, NULL, NULL);
}
