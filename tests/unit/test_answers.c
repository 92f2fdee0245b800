/*
 * Unit tests of answer cells (every type, tokens, labels, case folding)
 * and of the answers CSV reader (header mapping, ids, row errors).
 */
#include "testutil.h"

static const char *const yaml =
    "schema: 1\nid: t\nversion: '1'\ntitle: T\n"
    "pillars: [{id: E, label: E}]\nlevels: [{min: 0, label: L}]\n"
    "profile:\n"
    "  - {id: type, text: T, type: single, options: [{value: commune, label: Commune},"
    " {value: departement, label: Département}]}\n"
    "  - {id: pop, text: P, type: number}\n"
    "sections:\n- id: s\n  title: S\n  questions:\n"
    "  - {id: yn, text: Y, type: yesno}\n"
    "  - {id: yna, text: Y, type: yesno, allow_na: true}\n"
    "  - {id: ch, text: C, type: single, options: [{value: a, label: Première, score: 1},"
    " {value: nsp, label: Option nommée nsp, score: 0}]}\n"
    "  - {id: mu, text: M, type: multi, options: [{value: x, label: Ixe, score: 0.5},"
    " {value: y, label: Igrec, score: 0.5}, {value: none, label: Aucun, score: 0, exclusive: true}]}\n"
    "  - {id: sc, text: S, type: scale, min: 1, max: 4, labels: {1: Jamais, 4: Toujours}}\n"
    "  - {id: nu, text: N, type: number, scoring: [[0, 0], [10, 1]]}\n"
    "  - {id: tx, text: T, type: text}\n"
    "  - {id: pct, text: P, type: number, unit: '%', min: 0, max: 100, scoring: [[0, 0], [100, 1]]}\n"
    "  - {id: cnt, text: C, type: number, min: 0, scoring: [[0, 0], [10, 1]]}\n"
    "  - {id: tmp, text: T, type: number, max: -0.5, scoring: [[-10, 0], [-1, 1]]}\n";

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

/* Parses cell for field id and prints the answer as "state:value". */
static const char *
cell(const char *id, const char *text)
{
	static char out[256];
	struct esg_arena a = ESG_ARENA_INIT;
	struct esg_buf why = ESG_BUF_INIT, v = ESG_BUF_INIT;
	struct esg_answer ans = { 0 };
	size_t i = esg_field_find(q, id);
	static const char *const st[] = { "empty", "nsp", "na", "value" };

	assert_int_not_equal(i, ESG_NONE);
	if (esg_cell_parse(&q->fields[i], text, strlen(text), &ans, &a, &why) != 0)
		snprintf(out, sizeof out, "error:%s", esg_buf_str(&why));
	else {
		esg_cell_format(&v, &q->fields[i], &ans);
		snprintf(out, sizeof out, "%s:%s", st[ans.state], esg_buf_str(&v));
	}
	esg_buf_release(&why);
	esg_buf_release(&v);
	esg_arena_release(&a);
	return out;
}

static void
test_cells(void **state)
{
	static const struct { const char *id, *in, *out; } rows[] = {
		{ "type", "commune", "value:commune" },
		{ "type", "  COMMUNE ", "value:commune" },
		{ "type", "DÉPARTEMENT", "value:departement" },	/* label, folded */
		{ "type", "département", "value:departement" },
		{ "type", "", "empty:" },
		{ "type", "   ", "empty:" },
		{ "type", "Ne sait pas", "nsp:nsp" },
		{ "type", "?", "nsp:nsp" },
		{ "type", "na", "error:'type' does not allow 'not applicable'" },
		{ "type", "ville", "error:expected one of: 'Commune', 'Département', or nsp (unknown)" },
		{ "yn", "oui", "value:oui" },
		{ "yn", "Non", "value:non" },
		{ "yn", "O", "value:oui" },
		{ "yn", "yes", "value:oui" },
		{ "yn", "TRUE", "value:oui" },
		{ "yn", "1", "value:oui" },
		{ "yn", "n", "value:non" },
		{ "yn", "false", "value:non" },
		{ "yn", "0", "value:non" },
		{ "yn", "peut-être", "error:expected oui or non (or o/n, yes/no, true/false, 1/0), nsp" },
		{ "yna", "N/A", "na:na" },
		{ "yna", "sans objet", "na:na" },
		{ "yna", "Non applicable", "na:na" },
		{ "yna", "peut-être", "error:expected oui or non (or o/n, yes/no, true/false, 1/0), nsp, na" },
		/* An option value wins over the "don't know" token. */
		{ "ch", "nsp", "value:nsp" },
		{ "ch", "PREMIÈRE", "value:a" },
		{ "ch", "ne sait pas", "nsp:nsp" },
		{ "mu", "x|y", "value:x|y" },
		{ "mu", " Igrec | ixe ", "value:x|y" },
		{ "mu", "x|x", "value:x" },			/* repeated once */
		{ "mu", "x||y", "error:empty item in a multiple choice (items are separated by '|')" },
		{ "mu", "x|", "error:empty item in a multiple choice (items are separated by '|')" },
		{ "mu", "none|x", "error:'none' excludes every other choice" },
		{ "mu", "aucun", "value:none" },
		{ "mu", "x|w", "error:'w' is not an option; expected one of: 'Ixe' (x), 'Igrec' (y), 'Aucun' (none), or nsp (unknown)" },
		{ "mu", "nsp", "nsp:nsp" },
		{ "sc", "3", "value:3" },
		{ "sc", "toujours", "value:4" },
		{ "sc", "0", "error:expected a whole number from 1 to 4" },
		{ "sc", "2,5", "error:expected a whole number from 1 to 4" },
		{ "sc", "deux", "error:expected a whole number from 1 to 4, a label, or nsp" },
		{ "sc", "33333333333333333333333333333333333333333333333",
		  "error:expected a whole number from 1 to 4" },	/* fuzz finding */
		{ "sc", "-9999999999999999999", "error:expected a whole number from 1 to 4" },
		{ "nu", "62 480", "value:62480" },
		{ "nu", "-1,5", "value:-1.5" },
		{ "nu", "1e3", "error:expected a number (e.g. 12 or 62 480 or 3,5), or nsp" },
		{ "nu", "12%", "error:expected a number (e.g. 12 or 62 480 or 3,5), or nsp" },
		/* Bounds are inclusive; nsp and empty are not numbers to check. */
		{ "pct", "0", "value:0" },
		{ "pct", "100", "value:100" },
		{ "pct", "99,99", "value:99.99" },
		{ "pct", "100,01", "error:out of range: expected a number from 0 to 100" },
		{ "pct", "-0,5", "error:out of range: expected a number from 0 to 100" },
		{ "pct", "nsp", "nsp:nsp" },
		{ "cnt", "1 000 000", "value:1000000" },
		{ "cnt", "-1", "error:out of range: expected a number of at least 0" },
		{ "tmp", "-0,5", "value:-0.5" },
		{ "tmp", "-0,4", "error:out of range: expected a number of at most -0.5" },
		{ "tx", "  nsp  ", "value:  nsp  " },		/* verbatim, no token */
		{ "tx", "", "empty:" },
		/* As forms tools and spreadsheets write them (issue 12 item 4). */
		{ "type", "Je ne sais pas", "nsp:nsp" },
		{ "yna", "Non concerné", "na:na" },
		{ "yna", "NON CONCERNÉE", "na:na" },
		{ "yn", "Non concerné", "error:'yn' does not allow 'not applicable'" },
		{ "yn", "OUI", "value:oui" },
		{ "yn", "Y", "value:oui" },			/* LimeSurvey's code */
		{ "mu", "Ixe, Igrec", "value:x|y" },
		{ "mu", "Igrec;ixe", "value:x|y" },
		{ "mu", "Igrec ; x ; Igrec", "value:x|y" },	/* option order, once */
		{ "mu", "Ixe, Zède", "error:'zède' is not an option; expected one of:"
		  " 'Ixe' (x), 'Igrec' (y), 'Aucun' (none), or nsp (unknown)" },
		{ "mu", "Ixe, ", "error:empty item in a multiple choice" },
		{ "mu", "Aucun, Ixe", "error:'none' excludes every other choice" },
		{ "pct", "15 %", "value:15" },
		{ "pct", "15%", "value:15" },
		{ "pct", "12,5\u00a0%", "value:12.5" },
		/* pct has bounds (0 to 100, fixture above): the message gives them. */
		{ "pct", "%", "error:expected a number from 0 to 100 (e.g. 12 or 62 480 or 3,5), or nsp" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		const char *got = cell(rows[i].id, rows[i].in);

		if (strcmp(got, rows[i].out) != 0)
			fail_msg("%s '%s': got '%s', expected '%s'", rows[i].id,
			    rows[i].in, got, rows[i].out);
	}
}

/* Reads a CSV; returns "ids=a,b; errors:\n..." */
static const char *
read_csv(const char *csv, const char *id_column, enum esg_status *st)
{
	static struct esg_buf out = ESG_BUF_INIT;
	struct esg_buf tmp = ESG_BUF_INIT;
	struct memsrc m = { csv, strlen(csv), 0, 0 };
	struct esg_diags d = ESG_DIAGS_INIT;
	struct esg_answers ans;
	struct esg_reader *r;

	esg_buf_reset(&out);
	esg_answers_init(&ans, q);
	r = esg_reader_open(q, "a.csv", mem_read, &m, id_column, &d, st);
	esg_buf_puts(&out, "ids=");
	while (r != NULL && esg_reader_next(r, &ans))
		esg_buf_printf(&out, "%s,", ans.id);
	if (r != NULL) {
		*st = esg_reader_status(r);
		esg_reader_free(r);
	}
	esg_buf_printf(&out, "\n%s", diags_text(&d, &tmp));
	esg_answers_release(&ans);
	esg_diags_release(&d);
	esg_buf_release(&tmp);
	return esg_buf_str(&out);
}

/* A label holding ", " stays whole: labels are matched longest first. */
static void
test_joined_labels(void **state)
{
	struct esg_questionnaire *keep = q;
	static const struct { const char *in, *out; } rows[] = {
		{ "Achats, marchés, clauses, Formation", "value:a|f" },
		{ "Achats, marchés, clauses; Achats", "value:a|b" },
		{ "Formation, Achats, marchés, clauses", "value:a|f" },
		{ "Achats, Formation", "value:b|f" },
		{ "Achats, marchés, clauses, Formations", "error:'formations' is not an "
		  "option; expected one of: 'Achats, marchés, clauses' (a), 'Achats' (b), "
		  "'Formation' (f), or nsp (unknown)" },
	};

	(void)state;
	q = load_ok("schema: 1\nid: t\nversion: '1'\ntitle: T\n"
	    "pillars: [{id: E, label: E}]\nlevels: [{min: 0, label: L}]\n"
	    "sections:\n- id: s\n  title: S\n  questions:\n"
	    "  - {id: m, text: M, type: multi, options: ["
	    "{value: a, label: 'Achats, marchés, clauses', score: 1},"
	    "{value: b, label: 'Achats', score: 1},"
	    "{value: f, label: 'Formation', score: 1}]}\n");
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		const char *got = cell("m", rows[i].in);

		if (strcmp(got, rows[i].out) != 0)
			fail_msg("'%s': got '%s', expected '%s'", rows[i].in, got,
			    rows[i].out);
	}
	esg_questionnaire_free(q);
	q = keep;
}

/*
 * The typographic apostrophes (U+2019 as Word and Excel type it, U+2018,
 * U+02BC) and ' are one character, in cells and in labels alike; accents
 * are not set aside, but the message then names the option.
 */
static void
test_apostrophes(void **state)
{
	struct esg_questionnaire *keep = q;
	static const struct { const char *id, *in, *out; } rows[] = {
		{ "s", "Communauté d\u2019agglomération", "value:ca" },
		{ "s", "COMMUNAUTÉ D\u2018AGGLOMÉRATION", "value:ca" },
		{ "s", "Communauté d\u02bcagglomération", "value:ca" },
		{ "s", "Communauté d'agglomération", "value:ca" },
		{ "t", "L'équipe", "value:eq" },	/* the label has U+2019 */
		{ "t", "l\u2019ÉQUIPE", "value:eq" },
		{ "m", "Les élus, L\u2019équipe de direction", "value:elus|direction" },
		{ "m", "L\u2019ensemble des agents;L'équipe de direction",
		  "value:direction|tous" },
		{ "m", "elus|L\u2018équipe de direction", "value:elus|direction" },
		{ "m", "L'ensemble des agents", "value:tous" },
		{ "s", "Communaute d\u2019agglomeration", "error:expected one of: "
		  "'Communauté d'agglomération' (ca), 'Communauté de communes' (cc), "
		  "or nsp (unknown) (did you mean 'Communauté d'agglomération'?)" },
		{ "m", "Les elus", "error:'les elus' is not an option; expected one "
		  "of: 'Les élus' (elus), 'L'équipe de direction' (direction), "
		  "'L\u2019ensemble des agents' (tous), or nsp (unknown) "
		  "(did you mean 'Les élus'?)" },
	};

	(void)state;
	q = load_ok("schema: 1\nid: t\nversion: '1'\ntitle: T\n"
	    "pillars: [{id: E, label: E}]\nlevels: [{min: 0, label: L}]\n"
	    "sections:\n- id: s\n  title: S\n  questions:\n"
	    "  - {id: s, text: S, type: single, options: ["
	    "{value: ca, label: \"Communauté d'agglomération\", score: 1},"
	    "{value: cc, label: Communauté de communes, score: 0}]}\n"
	    "  - {id: t, text: T, type: single, options: ["
	    "{value: eq, label: \"L\u2019équipe\", score: 1},"
	    "{value: autre, label: Autre, score: 0}]}\n"
	    "  - {id: m, text: M, type: multi, options: ["
	    "{value: elus, label: Les élus, score: 0.5},"
	    "{value: direction, label: \"L'équipe de direction\", score: 0.5},"
	    "{value: tous, label: \"L\u2019ensemble des agents\", score: 0.5}]}\n");
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		const char *got = cell(rows[i].id, rows[i].in);

		if (strcmp(got, rows[i].out) != 0)
			fail_msg("%s '%s': got '%s', expected '%s'", rows[i].id,
			    rows[i].in, got, rows[i].out);
	}
	esg_questionnaire_free(q);
	q = keep;
}

static void
test_reader(void **state)
{
	static const struct { const char *csv, *idcol, *out; int st; } rows[] = {
		{ "id;yn\nA;oui\nB;non\n", NULL, "ids=A,B,\n", ESG_OK },
		/* No id column: the data row number, bad rows counted. */
		{ "yn,ch\noui,a\nbof,a\n\nnon,a\n", NULL,
		  "ids=1,3,\na.csv:3: error: column 'yn': 'bof': expected oui or non"
		  " (or o/n, yes/no, true/false, 1/0), nsp\n", ESG_EINPUT },
		/* Unknown columns are ignored; notes are kept. */
		/* 8 of the 9 scored questions (yn yna ch mu sc nu pct cnt tmp) missing. */
		{ "Horodateur,yn,yn.note,id\n2025,oui,délibération 12,X\n", NULL,
		  "ids=X,\na.csv:1: warning: 8 of 9 scored questions have no column;"
		  " columns not recognised: 'Horodateur'\n", ESG_OK },
		/* No scored column at all: nothing is read (tx is not scored). */
		{ "id,Oui ou non ?,tx\nA,oui,x\n", NULL, "ids=\na.csv:1: error: no"
		  " column matches a scored question of the questionnaire (columns:"
		  " 'id', 'Oui ou non ?', 'tx'); name them with field ids (esgdiag"
		  " template) or describe the export with --map FILE\n", ESG_EINPUT },
		{ "ref,yn\nR1,oui\n", "ref", "ids=R1,\n", ESG_OK },
		{ "yn\noui\n", "ref", "ids=\na.csv:1: error: no column 'ref' for respondent ids\n",
		  ESG_EINPUT },
		/* Every error of every row, with the line where the record starts. */
		{ "id,yn,nu,mu\nA,oui,1,x\nB,\"peut\nêtre\",x,none|x\n,oui,1,x\nA,non,2,y\nE,oui\n",
		  NULL, "ids=A,\n"
		  "a.csv:3: error: column 'yn': 'peut\\x0aêtre': expected oui or non"
		  " (or o/n, yes/no, true/false, 1/0), nsp\n"
		  "a.csv:3: error: column 'nu': 'x': expected a number (e.g. 12 or 62 480 or 3,5), or nsp\n"
		  "a.csv:3: error: column 'mu': 'none|x': 'none' excludes every other choice\n"
		  "a.csv:5: error: column 'id': empty respondent id\n"
		  "a.csv:6: error: duplicate respondent id 'A'\n"
		  "a.csv:7: error: the row has 2 fields; the header has 4\n", ESG_EINPUT },
		{ "id,yn,yn\nA,oui,non\n", NULL, "ids=\na.csv:1: error: column 'yn'"
		  " appears twice (columns 2 and 3); nothing is scored\n", ESG_EINPUT },
		{ "x,x,yn,yna,ch,mu,sc,nu,pct\n1,2,oui,,,,,,\n", NULL, "ids=1,\n",
		  ESG_OK },	/* ignored twice: fine */
		/* The header's line, where the rows should have followed. */
		{ "id,yn\n", NULL, "ids=\na.csv:1: error: no data row after the header\n", ESG_EINPUT },
		{ "\n\nid;yn\n\n", NULL, "ids=\na.csv:3: error: no data row after the header\n", ESG_EINPUT },
		/* A number outside its bounds: file, line, column, value, range. */
		{ "id;pct;cnt\nA;50;3\nB;150;-2\nC;100;0\n", NULL, "ids=A,C,\n"
		  "a.csv:3: error: column 'pct': '150': out of range: expected a number from 0 to 100\n"
		  "a.csv:3: error: column 'cnt': '-2': out of range: expected a number of at least 0\n",
		  ESG_EINPUT },
		{ "", NULL, "ids=\na.csv: error: the file is empty (expected a header row of"
		  " field ids)\n", ESG_EINPUT },
		{ "id,yn\nA,\xe9t\xe9\n", NULL, "ids=\na.csv:2: error: column 'yn': the cell"
		  " is not valid UTF-8 (the file must be UTF-8)\n", ESG_EINPUT },
		{ "id,tx,yn\nA,\"x\"y\",oui\n", NULL, "ids=\na.csv:2: error: unexpected character"
		  " after a closing quote\n", ESG_EINPUT },
	};

	(void)state;
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		enum esg_status st = 99;
		const char *got = read_csv(rows[i].csv, rows[i].idcol, &st);

		if (strcmp(got, rows[i].out) != 0 || (int)st != rows[i].st)
			fail_msg("case %zu: got (status %d)\n%s\nexpected (status %d)\n%s",
			    i, st, got, rows[i].st, rows[i].out);
	}
}

static void
test_notes(void **state)
{
	const char *csv = "id,yn.note,yn\nA, Délibération n° 12 du 3 mars ,oui\n";
	struct memsrc m = { csv, strlen(csv), 0, 0 };
	struct esg_diags d = ESG_DIAGS_INIT;
	struct esg_answers ans;
	enum esg_status st;
	struct esg_reader *r;
	size_t yn = esg_field_find(q, "yn");

	(void)state;
	esg_answers_init(&ans, q);
	r = esg_reader_open(q, "a.csv", mem_read, &m, NULL, &d, &st);
	assert_non_null(r);
	assert_int_equal(esg_reader_next(r, &ans), 1);
	assert_string_equal(ans.a[yn].note, "Délibération n° 12 du 3 mars");
	assert_int_equal(ans.a[yn].state, ESG_A_VALUE);
	esg_reader_free(r);
	esg_answers_release(&ans);
	esg_diags_release(&d);
}

static void
test_duplicate_ids_many(void **state)
{
	struct esg_buf csv = ESG_BUF_INIT;
	enum esg_status st;
	const char *got;

	(void)state;
	/* 5000 ids cross several merges of the id set; then r17 comes back. */
	esg_buf_puts(&csv, "id,yn\n");
	for (int i = 0; i < 5000; i++)
		esg_buf_printf(&csv, "r%d,oui\n", i);
	esg_buf_puts(&csv, "r17,non\nr5000,non\nr4999,oui\n");
	got = read_csv(esg_buf_str(&csv), NULL, &st);
	assert_int_equal(st, ESG_EINPUT);
	assert_contains(got, "a.csv:5002: error: duplicate respondent id 'r17'\n"
	    "a.csv:5004: error: duplicate respondent id 'r4999'\n");
	assert_contains(got, ",r5000,\n");
	esg_buf_release(&csv);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cells),
		cmocka_unit_test(test_joined_labels),
		cmocka_unit_test(test_apostrophes),
		cmocka_unit_test(test_reader),
		cmocka_unit_test(test_notes),
		cmocka_unit_test(test_duplicate_ids_many),
	};

	return cmocka_run_group_tests_name("answers", tests, setup, teardown);
}
