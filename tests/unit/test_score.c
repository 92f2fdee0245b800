/*
 * Unit tests of the scoring engine against values worked out by hand.
 * The arithmetic is written next to each expected value.
 */
#include "esgdiag/render.h"
#include "esgdiag/text.h"
#include "testutil.h"

static const char *const yaml =
    "schema: 1\nid: t\nversion: '1'\ntitle: T\n"
    "pillars: [{id: E, label: Env}, {id: S, label: Soc}, {id: G, label: Gouv, weight: 2}]\n"
    "levels: [{min: 0, label: Bas}, {min: 50, label: Moyen}, {min: 80, label: Haut}]\n"
    "profile:\n"
    "  - {id: type, text: T, type: single, options: [{value: commune, label: C},"
    " {value: epci, label: E}]}\n"
    "  - {id: pop, text: P, type: number}\n"
    "sheets:\n"
    "  - {id: s1, title: S1, objective: O1}\n"
    "  - {id: s2, title: S2, objective: O2}\n"
    "  - {id: s3, title: S3, objective: O3}\n"
    "sections:\n"
    "- id: A\n  title: A\n  questions:\n"
    "  - {id: a1, text: A1, type: single, weight: 2, pillars: {E: 1, G: 0.5}, sheets: [s1],"
    " options: [{value: non, label: Non, score: 0}, {value: mi, label: Mi, score: 0.5},"
    " {value: oui, label: Oui, score: 1}]}\n"
    "  - {id: a2, text: A2, type: yesno, pillars: {G: 1}, sheets: [s2], when: type == epci}\n"
    "  - {id: a3, text: A3, type: multi, pillars: {S: 1}, sheets: [s1, s2],"
    " options: [{value: x, label: X, score: 0.6}, {value: y, label: Y, score: 0.6},"
    " {value: z, label: Z, score: 0, exclusive: true}]}\n"
    "- id: B\n  title: B\n  questions:\n"
    "  - {id: b1, text: B1, type: scale, min: 0, max: 4, weight: 3, pillars: {E: 2}, sheets: [s3]}\n"
    "  - {id: b2, text: B2, type: number, pillars: {S: 1, E: 1}, allow_na: true,"
    " scoring: [[0, 0], [10, 0.5], [20, 1]]}\n"
    "  - {id: b3, text: B3, type: text}\n"
    "  - {id: b4, text: B4, type: yesno, sheets: [s3]}\n"
    "obligations:\n"
    "  - {id: o1, title: O1, applies: pop > 1000, met: a1 == oui, sheet: s2, source: X}\n"
    "  - {id: o2, title: O2, applies: type == epci, met: a2, sheet: s3, source: X}\n";

struct fx {
	struct esg_questionnaire *q;
	struct esg_result *r;
	struct esg_answers ans;
};

static struct fx *
fx_new(const char *y)
{
	struct fx *f = calloc(1, sizeof *f);

	f->q = load_ok(y);
	f->r = esg_result_new(f->q);
	esg_answers_init(&f->ans, f->q);
	return f;
}

static void
fx_free(struct fx *f)
{
	esg_result_free(f->r);
	esg_answers_release(&f->ans);
	esg_questionnaire_free(f->q);
	free(f);
}

/* Reads one CSV row (header + row) into f->ans and scores it. */
static void
score_row(struct fx *f, const char *csv)
{
	struct memsrc m = { csv, strlen(csv), 0, 0 };
	struct esg_diags d = ESG_DIAGS_INIT;
	struct esg_buf b = ESG_BUF_INIT;
	enum esg_status st;
	struct esg_reader *r = esg_reader_open(f->q, "t.csv", mem_read, &m, NULL,
	    &d, &st);

	assert_non_null(r);
	if (esg_reader_next(r, &f->ans) != 1)
		fail_msg("row rejected:\n%s", diags_text(&d, &b));
	esg_reader_free(r);
	esg_diags_release(&d);
	esg_buf_release(&b);
	esg_score(f->r, &f->ans);
}

static void
test_respondent_1(void **state)
{
	struct fx *f = fx_new(yaml);
	struct esg_result *r = f->r;

	(void)state;
	score_row(f, "id,type,pop,a1,a2,a3,b1,b2,b3,b4\n"
	    "R1,commune,2000,mi,oui,x|y,3,5,hello,nsp\n");
	/* a2 does not apply (type is not epci): its 'oui' is ignored.
	 * s(a1) = 0.5, s(a3) = min(1, 0.6 + 0.6) = 1, s(b1) = 3/4,
	 * s(b2) = 0 + (5 - 0) * 0.5 / 10 = 0.25, s(b4) = 0 (unknown). */
	assert_near(r->s[esg_field_find(f->q, "b2")], 0.25);
	/* Section A = 100 * (2*0.5 + 1*1) / (2 + 1) = 66.666... */
	assert_near(r->section[0], 200.0 / 3);
	/* Section B = 100 * (3*0.75 + 1*0.25 + 1*0) / (3 + 1 + 1) = 50 */
	assert_near(r->section[1], 50);
	/* E = 100 * (2*1*0.5 + 3*2*0.75 + 1*1*0.25) / (2 + 6 + 1) = 575/9 */
	assert_near(r->pillar[0], 575.0 / 9);
	/* S = 100 * (1*1 + 1*0.25) / 2 = 62.5 */
	assert_near(r->pillar[1], 62.5);
	/* G = 100 * (2*0.5*0.5) / (2*0.5) = 50 (a2 excluded) */
	assert_near(r->pillar[2], 50);
	/* Overall = (575/9 + 62.5 + 2*50) / 4 = 56.597222... */
	assert_near(r->overall, (575.0 / 9 + 62.5 + 100) / 4);
	assert_string_equal(esg_level_of(f->q, esg_round2(r->overall)), "Moyen");
	/* Six scored questions (b3 is text); a2 not applicable; b4 unknown. */
	assert_int_equal(r->cov.applicable, 5);
	assert_int_equal(r->cov.answered, 4);
	assert_int_equal(r->cov.unknown, 1);
	assert_int_equal(r->cov.unanswered, 0);
	assert_int_equal(r->cov.not_applicable, 1);
	/* o1: pop 2000 > 1000 applies, a1 is not oui. o2: type is not epci. */
	assert_int_equal(r->obligation[0], ESG_OBL_NON_COMPLIANT);
	assert_int_equal(r->obligation[1], ESG_OBL_NOT_APPLICABLE);
	/*
	 * s1 lifts a1 to 1: E = (575/9 + 100/9) = 75, G = 100 (a3 is 1
	 * already): overall' = (75 + 62.5 + 200) / 4 = 84.375.
	 * s3 lifts b1 to 1: E = 725/9: overall' = (725/9 + 162.5) / 4.
	 * s2 raises nothing (a2 does not apply, a3 is 1) but is the sheet of
	 * the unmet o1, so it comes first with gain 0.
	 */
	assert_int_equal(r->nrecs, 3);
	assert_int_equal(r->recs[0].sheet, 1);
	assert_true(r->recs[0].obligation);
	assert_near(r->recs[0].gain, 0);
	assert_int_equal(r->recs[1].sheet, 0);
	assert_near(r->recs[1].gain, 84.375 - r->overall);
	assert_int_equal(r->recs[2].sheet, 2);
	assert_near(r->recs[2].gain, (725.0 / 9 + 162.5) / 4 - r->overall);
	fx_free(f);
}

static void
test_respondent_2(void **state)
{
	struct fx *f = fx_new(yaml);
	struct esg_result *r = f->r;

	(void)state;
	score_row(f, "id,type,pop,a1\nR2,epci,nsp,\n");
	/* Everything applies and nothing is answered: 0, not null. */
	assert_near(r->overall, 0);
	assert_near(r->pillar[2], 0);
	assert_int_equal(r->cov.applicable, 6);
	assert_int_equal(r->cov.unanswered, 6);
	/* o1 reads an unknown population; o2 applies but a2 is unanswered. */
	assert_int_equal(r->obligation[0], ESG_OBL_UNKNOWN);
	assert_int_equal(r->obligation[1], ESG_OBL_UNKNOWN);
	/*
	 * s1: a1 and a3 to 1: E = 200/9, S = 50, G = 1/2 = 50:
	 *     (200/9 + 50 + 100) / 4 = 43.0555...
	 * s2: a2 and a3 to 1: S = 50, G = 1/2 = 50: (0 + 50 + 100) / 4 = 37.5
	 * s3: b1 to 1: E = 600/9: (600/9) / 4 = 16.666...
	 */
	assert_int_equal(r->nrecs, 3);
	assert_int_equal(r->recs[0].sheet, 0);
	assert_near(r->recs[0].gain, (200.0 / 9 + 150) / 4);
	assert_int_equal(r->recs[1].sheet, 1);
	assert_near(r->recs[1].gain, 37.5);
	assert_int_equal(r->recs[2].sheet, 2);
	assert_near(r->recs[2].gain, 600.0 / 9 / 4);
	assert_false(r->recs[0].obligation);
	fx_free(f);
}

static void
test_best_practice(void **state)
{
	struct fx *f = fx_new(yaml);

	(void)state;
	score_row(f, "id,type,pop,a1,a2,a3,b1,b2,b4\nR,epci,5000,oui,oui,x|y,4,30,oui\n");
	assert_near(f->r->overall, 100);
	for (size_t p = 0; p < 3; p++)
		assert_near(f->r->pillar[p], 100);
	assert_int_equal(f->r->obligation[0], ESG_OBL_COMPLIANT);
	assert_int_equal(f->r->obligation[1], ESG_OBL_COMPLIANT);
	assert_int_equal(f->r->nrecs, 0);	/* nothing left to gain */
	fx_free(f);
}

static const char *const nulls =
    "schema: 1\nid: t\nversion: '1'\ntitle: T\n"
    "pillars: [{id: E, label: Env}, {id: X, label: Vide, weight: 5}]\n"
    "levels: [{min: 0, label: Bas}, {min: 50, label: Moyen}]\n"
    "sheets: [{id: t1, title: T1, objective: O}, {id: t2, title: T2, objective: O}]\n"
    "sections:\n"
    "- {id: A, title: A, questions: [\n"
    "   {id: n, text: N, type: number, pillars: {E: 1}, scoring: [[0, 0], [100, 1]]},\n"
    "   {id: w0, text: W, type: yesno, weight: 0, pillars: {E: 1}}]}\n"
    "- {id: B, title: B, questions: [\n"
    "   {id: q1, text: Q1, type: yesno, allow_na: true, sheets: [t2], pillars: {E: 1}},\n"
    "   {id: q2, text: Q2, type: yesno, allow_na: true, sheets: [t1], pillars: {E: 1}}]}\n";

static void
test_nulls_and_rounding(void **state)
{
	struct fx *f = fx_new(nulls);
	struct esg_result *r = f->r;

	(void)state;
	/* 49.999999999 shows as 50.00, so its level is the one from 50. */
	score_row(f, "n,w0,q1,q2\n49.999999999,oui,na,na\n");
	assert_near(r->section[0], 49.999999999);
	assert_string_equal(esg_level_of(f->q, esg_round2(r->section[0])), "Moyen");
	/* Section B: both questions na: no denominator, no score. */
	assert_true(esg_score_is_null(r->section[1]));
	/* Pillar X has no question: null, and left out of the overall. */
	assert_true(esg_score_is_null(r->pillar[1]));
	assert_near(r->overall, r->pillar[0]);
	/* A weight-0 question counts in coverage but not in scores. */
	assert_int_equal(r->cov.applicable, 2);
	assert_int_equal(r->cov.not_applicable, 2);
	assert_int_equal(r->nrecs, 0);
	fx_free(f);
}

static void
test_ties_keep_file_order(void **state)
{
	struct fx *f = fx_new(nulls);
	struct esg_result *r = f->r;

	(void)state;
	/* q1 (sheet t2) and q2 (sheet t1) gain the same: t1 comes first. */
	score_row(f, "n,q1,q2\n0,non,non\n");
	assert_int_equal(r->nrecs, 2);
	assert_int_equal(r->recs[0].sheet, 0);
	assert_int_equal(r->recs[1].sheet, 1);
	assert_near(r->recs[0].gain, r->recs[1].gain);
	fx_free(f);
}

static void
test_all_null(void **state)
{
	struct fx *f = fx_new("schema: 1\nid: t\nversion: '1'\ntitle: T\n"
	    "pillars: [{id: E, label: E}]\nlevels: [{min: 0, label: L}]\n"
	    "sheets: [{id: t1, title: T1, objective: O}]\n"
	    "obligations: [{id: o, title: O, applies: q == non, met: q, sheet: t1,"
	    " source: X}]\n"
	    "sections: [{id: A, title: A, questions: [{id: q, text: Q, type: yesno,"
	    " allow_na: true, pillars: {E: 1}, sheets: [t1]}]}]\n");
	struct esg_result *r = f->r;

	(void)state;
	score_row(f, "q\nna\n");
	/* Nothing applies: every denominator is 0, every score null. */
	assert_true(esg_score_is_null(r->section[0]));
	assert_true(esg_score_is_null(r->pillar[0]));
	assert_true(esg_score_is_null(r->overall));
	/* The obligation reads a not-applicable answer: unknown. */
	assert_int_equal(r->obligation[0], ESG_OBL_UNKNOWN);
	assert_int_equal(r->nrecs, 0);
	assert_int_equal(r->cov.not_applicable, 1);
	fx_free(f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_respondent_1),
		cmocka_unit_test(test_respondent_2),
		cmocka_unit_test(test_best_practice),
		cmocka_unit_test(test_nulls_and_rounding),
		cmocka_unit_test(test_ties_keep_file_order),
		cmocka_unit_test(test_all_null),
	};

	return cmocka_run_group_tests_name("score", tests, NULL, NULL);
}
