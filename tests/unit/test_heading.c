/*
 * Heading matching and LimeSurvey codes.  Every expected field, option and
 * code below is written by hand from the rules in limesurvey.h and
 * heading.h (camel case of snake_case ids, A<n> for option values that are
 * not 1-5 letters or digits).
 */
#include "testutil.h"

#include "esgdiag/heading.h"
#include "esgdiag/limesurvey.h"

static const char yaml[] =
    "schema: 1\nid: t\nversion: '1'\ntitle: T\n"
    "pillars: [{id: E, label: E}]\nlevels: [{min: 0, label: L}]\n"
    "profile:\n"
    "  - {id: type, label: Type de structure,"
    " text: 'Quel type de structure représentez-vous ?',"
    " help: 'Commune, EPCI ou autre.', type: single, options: ["
    "{value: commune, label: Commune}, {value: epci, label: EPCI}]}\n"
    "sections:\n- id: s\n  title: S\n  questions:\n"
    "  - {id: snr_statut, text: 'Où en est votre SNR ?', type: yesno}\n"
    "  - {id: inclusion, text: 'Actions d’inclusion', type: multi, options: ["
    "{value: mediation, label: Médiation, score: 1},"
    " {value: acc, label: Accueil, score: 1}]}\n"
    "  - {id: dup1, text: Même texte, type: yesno}\n"
    "  - {id: dup2, text: 'même  TEXTE', type: yesno}\n"
    "  - {id: Q_1, text: Autre, type: yesno}\n";

static void
test_codes(void **state)
{
	struct esg_questionnaire *q = load_ok(yaml);
	char c[ESG_LS_CODE_MAX];

	(void)state;
	esg_ls_qcode(q, 1, c);
	assert_string_equal(c, "snrStatut");
	esg_ls_qcode(q, 5, c);		/* upper case: not reversible, position */
	assert_string_equal(c, "Q6");
	esg_ls_acode(q, 0, 0, c);	/* "commune": 7 letters */
	assert_string_equal(c, "A1");
	esg_ls_acode(q, 0, 1, c);
	assert_string_equal(c, "epci");
	esg_ls_acode(q, 2, 1, c);
	assert_string_equal(c, "acc");
	esg_questionnaire_free(q);
}

static void
test_match(void **state)
{
	static const struct {
		const char *heading;
		enum esg_match_how how;
		const char *field, *opt;
	} rows[] = {
		{ "Quel type de structure représentez-vous ?", ESG_MATCH_TEXT, "type", NULL },
		{ "  QUEL type de structure representez-vous? ", ESG_MATCH_TEXT, "type", NULL },
		{ "Quel\u00a0type de   structure représentez-vous\u202f?", ESG_MATCH_TEXT, "type", NULL },
		{ "3. Quel type de structure représentez-vous ?", ESG_MATCH_TEXT, "type", NULL },
		{ "Q3 - Quel type de structure représentez-vous ?", ESG_MATCH_TEXT, "type", NULL },
		{ "Type de structure", ESG_MATCH_TEXT, "type", NULL },	/* its label */
		{ "2. TYPE DE STRUCTURE", ESG_MATCH_TEXT, "type", NULL },
		{ "12) Quel type de structure représentez-vous ?", ESG_MATCH_TEXT, "type", NULL },
		{ "Quel type de structure représentez-vous ? Commune, EPCI ou autre.",
		  ESG_MATCH_TEXT, "type", NULL },
		{ "Quel type de structure représentez-vous ? (Commune, EPCI ou autre.)",
		  ESG_MATCH_TEXT, "type", NULL },
		{ "Quel type de structure", ESG_MATCH_NONE, NULL, NULL },
		{ "Quel type de structure représentez-vous ? Autre chose", ESG_MATCH_NONE, NULL, NULL },
		{ "snrStatut", ESG_MATCH_CODE, "snr_statut", NULL },
		{ "snrStatut. Où en est votre SNR ?", ESG_MATCH_TEXT, "snr_statut", NULL },
		{ "inclusion[A1]", ESG_MATCH_CODE, "inclusion", "mediation" },
		{ "inclusion[acc]", ESG_MATCH_CODE, "inclusion", "acc" },
		{ "inclusion[zz]", ESG_MATCH_NONE, NULL, NULL },
		{ "Actions d'inclusion [Médiation]", ESG_MATCH_TEXT, "inclusion", "mediation" },
		{ "Actions d’inclusion", ESG_MATCH_TEXT, "inclusion", NULL },
		{ "Même texte", ESG_MATCH_AMBIGUOUS, NULL, NULL },
		{ "Horodateur", ESG_MATCH_NONE, NULL, NULL },
		{ "3.", ESG_MATCH_NONE, NULL, NULL },
	};
	struct esg_questionnaire *q = load_ok(yaml);
	struct esg_headings *h = esg_headings_new(q);

	(void)state;
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct esg_heading_match m;
		const char *f, *o;

		esg_heading_match(h, rows[i].heading, &m);
		f = m.field != ESG_NONE && m.how != ESG_MATCH_AMBIGUOUS ?
		    q->fields[m.field].id : NULL;
		o = m.opt != ESG_NONE ? q->fields[m.field].options[m.opt].value : NULL;
		if (m.how != rows[i].how || (f == NULL) != (rows[i].field == NULL) ||
		    (f && strcmp(f, rows[i].field)) || (o == NULL) != (rows[i].opt == NULL) ||
		    (o && strcmp(o, rows[i].opt)))
			fail_msg("'%s': got how %d field %s option %s", rows[i].heading,
			    m.how, f ? f : "-", o ? o : "-");
		if (m.how == ESG_MATCH_AMBIGUOUS)
			assert_int_equal(m.ncand, 2);
	}
	esg_headings_free(h);
	esg_questionnaire_free(q);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_codes),
		cmocka_unit_test(test_match),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
