/*
 * CI policy and grouping specifications of `score`; see score_policy.h.
 */
#include "score_policy.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "source.h"
#include "esgdiag/answers.h"
#include "esgdiag/buf.h"
#include "esgdiag/model.h"
#include "esgdiag/score.h"
#include "esgdiag/text.h"
#include "esgdiag/xalloc.h"

/*
 * A threshold: a number as an answers cell writes it ('.' or ',' as the
 * decimal mark, blanks around), on the 0-100 scale of the scores.
 */
static int
threshold_value(const char *s, double *x)
{
	const char *t = s;
	size_t n = strlen(s);

	esg_trim(&t, &n);
	if (esg_num_parse_cell(t, n, x) != ESG_NUM_OK)
		return cli_usage_error(_("--fail-under: '%s' is not a number"), s);
	if (!(*x >= 0 && *x <= 100))
		return cli_usage_error(_("--fail-under: '%s' is outside 0 to 100 "
		    "(scores are percentages)"), s);
	return EXIT_OK;
}

static int
threshold_item(struct policy *p, const struct esg_questionnaire *q, char *item)
{
	char *eq = strchr(item, '=');
	const char *id = item;
	size_t n;
	double x;
	int rc;

	if (eq == NULL)
		return cli_usage_error(_("--fail-under: '%s' is not ID=NUMBER"), item);
	*eq = '\0';
	if ((rc = threshold_value(eq + 1, &x)) != EXIT_OK)
		return rc;
	n = strlen(id);
	esg_trim(&id, &n);
	if (n == strlen("overall") && strncmp(id, "overall", n) == 0) {
		p->th.overall = x;
		return EXIT_OK;
	}
	for (size_t i = 0; i < q->npillars; i++)
		if (strlen(q->pillars[i].id) == n && strncmp(q->pillars[i].id, id, n) == 0) {
			p->th.pillar[i] = x;
			return EXIT_OK;
		}
	return cli_usage_error(_("--fail-under: no pillar '%.*s'"), (int)n, id);
}

/*
 * Cuts the list at its separating commas.  A comma between two digits is a
 * decimal mark (E=40,5,G=60 is E 40.5 and G 60); any other one separates
 * items, blanks after it allowed.  Returns the number of items.
 */
static size_t
split_items(char *s)
{
	size_t n = 1;

	for (size_t i = 0; s[i] != '\0'; i++)
		if (s[i] == ',' && !(i > 0 && isdigit((unsigned char)s[i - 1]) &&
		    isdigit((unsigned char)s[i + 1]))) {
			s[i] = '\0';
			n++;
		}
	return n;
}

int
policy_thresholds(struct policy *p, const struct esg_questionnaire *q,
    const char *spec)
{
	char *copy, *item, *next;
	size_t n;
	int rc = EXIT_OK;

	p->q = q;
	if (strchr(spec, '=') == NULL)
		return threshold_value(spec, &p->th.overall);
	copy = esg_xstrdup(spec);
	n = split_items(copy);
	item = copy;
	for (size_t i = 0; i < n && rc == EXIT_OK; i++, item = next) {
		const char *t = item;
		size_t len = strlen(item);

		next = item + len + 1;	/* before threshold_item cuts at '=' */
		esg_trim(&t, &len);
		rc = len == 0 ? cli_usage_error(_("--fail-under: an empty item in "
		    "'%s'"), spec) : threshold_item(p, q, item);
	}
	free(copy);
	return rc;
}

static int
by_id(const void *a, const void *b)
{
	return strcmp(((const struct baseline_entry *)a)->id,
	    ((const struct baseline_entry *)b)->id);
}

static void
remember(struct policy *p, const struct esg_result *r, size_t *cap)
{
	struct baseline_entry *e;

	if (p->nbase == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		p->base = esg_xreallocarray(p->base, *cap, sizeof *p->base);
	}
	e = &p->base[p->nbase++];
	e->id = esg_xstrdup(r->ans->id);
	e->overall = esg_score_is_null(r->overall) ? NAN : esg_round2(r->overall);
	e->pillar = esg_xcalloc(r->q->npillars, sizeof *e->pillar);
	for (size_t i = 0; i < r->q->npillars; i++)
		e->pillar[i] = esg_score_is_null(r->pillar[i]) ? NAN :
		    esg_round2(r->pillar[i]);
}

int
policy_baseline(struct policy *p, struct cli *cli, const char *path,
    const struct cli_source_opts *o)
{
	struct cli_source *src;
	struct esg_answers ans;
	struct esg_result *res;
	size_t cap = 0;
	int rc;

	p->q = cli->q;
	esg_answers_init(&ans, cli->q);
	res = esg_result_new(cli->q);
	rc = cli_source_open(cli, o, path, false, &src);
	while (src != NULL && cli_source_next(src, &ans)) {
		esg_score(res, &ans);
		remember(p, res, &cap);
	}
	rc = src != NULL ? cli_source_close(src, NULL) : rc;
	esg_result_free(res);
	esg_answers_release(&ans);
	if (p->nbase > 0)
		qsort(p->base, p->nbase, sizeof *p->base, by_id);
	return rc;
}

static const struct baseline_entry *
baseline_of(const struct policy *p, const char *id)
{
	struct baseline_entry key = { (char *)id, 0, NULL };

	return p->nbase ? bsearch(&key, p->base, p->nbase, sizeof *p->base, by_id) :
	    NULL;
}

/* A score or a threshold in the messages' language (20,07 in French). */
static void
num(struct esg_buf *b, double x, int decimals)
{
	esg_num_human(b, x, decimals, cli_french());
}

/* "what 20,07 < 40" or "what 20,07, down from 31,50 in the baseline" */
static void
shortfall(struct esg_buf *why, const char *what, double score, double than,
    bool baseline)
{
	struct esg_buf a = ESG_BUF_INIT, t = ESG_BUF_INIT;

	num(&a, score, 2);
	num(&t, than, baseline ? 2 : ESG_NUM_SHORTEST);
	/* TRANSLATORS: between the reasons of one shortfall. */
	esg_buf_puts(why, why->len ? _("; ") : "");
	if (baseline)
		esg_buf_printf(why, _("%s %s, down from %s in the baseline"), what,
		    esg_buf_str(&a), esg_buf_str(&t));
	else
		esg_buf_printf(why, "%s %s < %s", what, esg_buf_str(&a),
		    esg_buf_str(&t));
	esg_buf_release(&a);
	esg_buf_release(&t);
}

static void
regression(struct esg_buf *why, const char *what, double now, double before)
{
	if (isnan(before) || esg_score_is_null(now) || !(esg_round2(now) < before))
		return;
	shortfall(why, what, now, before, true);
}

void
policy_check(struct policy *p, const struct esg_result *r)
{
	const struct esg_questionnaire *q = r->q;
	const struct baseline_entry *b = baseline_of(p, r->ans->id);
	struct esg_buf why = ESG_BUF_INIT;

	if (esg_thresholds_short_overall(&p->th, r))
		shortfall(&why, _("overall"), r->overall, p->th.overall, false);
	for (size_t i = 0; i < q->npillars; i++)
		if (esg_thresholds_short_pillar(&p->th, r, i))
			shortfall(&why, q->pillars[i].label, r->pillar[i],
			    p->th.pillar[i], false);
	for (size_t i = 0; p->th.obligations && i < q->nobligations; i++)
		if (r->obligation[i] == ESG_OBL_NON_COMPLIANT)
			esg_buf_printf(&why, _("%sobligation not met: %s"),
			    why.len ? _("; ") : "", q->obligations[i].title);
	if (b != NULL) {
		regression(&why, _("overall"), r->overall, b->overall);
		for (size_t i = 0; i < q->npillars; i++)
			regression(&why, q->pillars[i].label, r->pillar[i], b->pillar[i]);
	}
	if (why.len > 0) {
		/* The program-name prefix is never translated (cli_error). */
		(void)cli_error(EXIT_THRESHOLD, _("%s falls short: %s"),
		    r->ans->id, esg_buf_str(&why));
		p->failed = true;
	}
	esg_buf_release(&why);
}

void
policy_release(struct policy *p)
{
	for (size_t i = 0; i < p->nbase; i++) {
		free(p->base[i].id);
		free(p->base[i].pillar);
	}
	free(p->base);
	free(p->th.pillar);
}

int
agg_spec_parse(struct agg_spec *s, const struct esg_questionnaire *q,
    const char *spec)
{
	char *copy = esg_xstrdup(spec), *colon = strchr(copy, ':'), *save = NULL;
	int rc = EXIT_OK;

	if (colon)
		*colon = '\0';
	s->by.field = esg_field_find(q, copy);
	if (s->by.field == ESG_NONE)
		rc = cli_usage_error(_("--by: no field '%s'"), copy);
	else if (colon && q->fields[s->by.field].type != ESG_QTYPE_NUMBER)
		rc = cli_usage_error(_("--by: bands need a number field; '%s' is "
		    "not one"), copy);
	for (char *t = colon ? strtok_r(colon + 1, ",", &save) : NULL;
	    t && rc == EXIT_OK; t = strtok_r(NULL, ",", &save)) {
		size_t n = s->by.nbands;

		s->bands = esg_xreallocarray(s->bands, n + 1, sizeof *s->bands);
		s->band_text = esg_xreallocarray(s->band_text, n + 1, sizeof *s->band_text);
		s->band_text[n] = esg_xstrdup(t);
		s->by.nbands++;
		if (esg_num_parse_plain(t, &s->bands[n]) != ESG_NUM_OK)
			rc = cli_usage_error(_("--by: '%s' is not a number"), t);
		else if (n > 0 && !(s->bands[n] > s->bands[n - 1]))
			rc = cli_usage_error(_("--by: band limits must be strictly "
			    "ascending"));
	}
	if (rc == EXIT_OK && colon && s->by.nbands == 0)
		rc = cli_usage_error(_("--by: no band limit after ':'"));
	s->by.bands = s->bands;
	s->by.band_text = (const char *const *)s->band_text;
	free(copy);
	return rc;
}

void
agg_spec_release(struct agg_spec *s)
{
	for (size_t i = 0; i < s->by.nbands; i++)
		free(s->band_text[i]);
	free(s->band_text);
	free(s->bands);
}
