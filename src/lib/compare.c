/*
 * Comparing two assessments; see compare.h.
 */
#include "esgdiag/compare.h"
#include "compare_impl.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "esgdiag/answers.h"
#include "esgdiag/buf.h"
#include "esgdiag/model.h"
#include "esgdiag/render.h"
#include "esgdiag/text.h"
#include "esgdiag/xalloc.h"
#include "i18n.h"

size_t
esg_compare_ncols(const struct esg_questionnaire *q)
{
	return 1 + q->npillars + q->nsections;
}

static double
rounded(double x)
{
	return esg_score_is_null(x) ? NAN : esg_round2(x);
}

void
esg_snaps_add(struct esg_snaps *s, const struct esg_result *r)
{
	const struct esg_questionnaire *q = r->q;
	struct esg_snap *p;
	struct esg_buf b = ESG_BUF_INIT;

	s->q = q;
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 16;
		s->v = esg_xreallocarray(s->v, s->cap, sizeof *s->v);
	}
	p = &s->v[s->n++];
	p->id = esg_xstrdup(r->ans->id);
	p->score = esg_xcalloc(esg_compare_ncols(q), sizeof *p->score);
	p->score[0] = rounded(r->overall);
	for (size_t i = 0; i < q->npillars; i++)
		p->score[1 + i] = rounded(r->pillar[i]);
	for (size_t i = 0; i < q->nsections; i++)
		p->score[1 + q->npillars + i] = rounded(r->section[i]);
	p->obligation = esg_xcalloc(q->nobligations ? q->nobligations : 1,
	    sizeof *p->obligation);
	memcpy(p->obligation, r->obligation, q->nobligations * sizeof *p->obligation);
	p->cell = esg_xcalloc(q->nfields, sizeof *p->cell);
	p->shown = esg_xcalloc(q->nfields, sizeof *p->shown);
	for (size_t i = 0; i < q->nfields; i++) {
		esg_buf_reset(&b);
		esg_cell_format(&b, &q->fields[i], &r->ans->a[i]);
		p->cell[i] = esg_xstrdup(esg_buf_str(&b));
		esg_buf_reset(&b);
		esg_render_answer(&b, r, i, s->french);
		p->shown[i] = esg_xstrdup(esg_buf_str(&b));
	}
	esg_buf_release(&b);
}

void
esg_snaps_add_unread(struct esg_snaps *s, const char *id)
{
	s->unread = esg_xreallocarray(s->unread, s->nunread + 1, sizeof *s->unread);
	s->unread[s->nunread++] = esg_xstrdup(id);
}

bool
esg_snaps_unread(const struct esg_snaps *s, const char *id)
{
	for (size_t i = 0; i < s->nunread; i++)
		if (strcmp(s->unread[i], id) == 0)
			return true;
	return false;
}

void
esg_snaps_release(struct esg_snaps *s)
{
	for (size_t i = 0; i < s->n; i++) {
		for (size_t k = 0; s->q && k < s->q->nfields; k++) {
			free(s->v[i].cell[k]);
			free(s->v[i].shown[k]);
		}
		free(s->v[i].cell);
		free(s->v[i].shown);
		free(s->v[i].score);
		free(s->v[i].obligation);
		free(s->v[i].id);
	}
	for (size_t i = 0; i < s->nunread; i++)
		free(s->unread[i]);
	free(s->unread);
	free(s->v);
	memset(s, 0, sizeof *s);
}

const struct esg_snap *
esg_snaps_find(const struct esg_snaps *s, const char *id)
{
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->v[i].id, id) == 0)
			return &s->v[i];
	return NULL;
}

static const char *
col_id(const struct esg_questionnaire *q, size_t c)
{
	if (c == 0)
		return "overall";
	if (c <= q->npillars)
		return q->pillars[c - 1].id;
	return q->sections[c - 1 - q->npillars].id;
}

const char *
esg_obligation_change(enum esg_ostatus before, enum esg_ostatus after)
{
	if (before == after)
		return NULL;
	if (after == ESG_OBL_COMPLIANT)
		return "newly_met";
	if (before == ESG_OBL_COMPLIANT && after == ESG_OBL_NON_COMPLIANT)
		return "broken";
	if (after == ESG_OBL_NON_COMPLIANT)
		return "newly_not_met";
	return "changed";
}

static void
json_num(struct esg_buf *b, double x)
{
	if (isnan(x))
		esg_buf_puts(b, "null");
	else
		esg_buf_printf(b, "%.2f", x);
}

static void
json_level(struct esg_buf *b, const struct esg_questionnaire *q, double x)
{
	const char *l = isnan(x) ? NULL : esg_level_of(q, x);

	if (l)
		esg_json_str(b, l);
	else
		esg_buf_puts(b, "null");
}

static void
json_score(struct esg_buf *b, const struct esg_questionnaire *q, size_t c,
    const struct esg_snap *x, const struct esg_snap *y)
{
	double s0 = x->score[c], s1 = y->score[c];

	esg_buf_puts(b, "{\"id\": ");
	esg_json_str(b, col_id(q, c));
	esg_buf_puts(b, ", \"before\": ");
	json_num(b, s0);
	esg_buf_puts(b, ", \"after\": ");
	json_num(b, s1);
	esg_buf_puts(b, ", \"delta\": ");
	json_num(b, isnan(s0) || isnan(s1) ? NAN : esg_round2(s1 - s0));
	esg_buf_puts(b, ", \"level_before\": ");
	json_level(b, q, s0);
	esg_buf_puts(b, ", \"level_after\": ");
	json_level(b, q, s1);
	esg_buf_putc(b, '}');
}

static void
json_one(struct esg_buf *b, const struct esg_questionnaire *q,
    const struct esg_snap *x, const struct esg_snap *y)
{
	size_t n = 0;

	esg_buf_puts(b, "{\"id\": ");
	esg_json_str(b, y->id);
	esg_buf_puts(b, ",\n      \"overall\": ");
	json_score(b, q, 0, x, y);
	esg_buf_puts(b, ",\n      \"pillars\": [");
	for (size_t c = 1; c <= q->npillars; c++) {
		esg_buf_puts(b, c > 1 ? ", " : "");
		json_score(b, q, c, x, y);
	}
	esg_buf_puts(b, "],\n      \"sections\": [");
	for (size_t c = 1 + q->npillars; c < esg_compare_ncols(q); c++) {
		esg_buf_puts(b, c > 1 + q->npillars ? ",\n        " : "");
		json_score(b, q, c, x, y);
	}
	esg_buf_puts(b, "],\n      \"obligations\": [");
	for (size_t i = 0; i < q->nobligations; i++) {
		const char *ch = esg_obligation_change(x->obligation[i], y->obligation[i]);

		esg_buf_puts(b, i ? ", {\"id\": " : "{\"id\": ");
		esg_json_str(b, q->obligations[i].id);
		esg_buf_printf(b, ", \"before\": \"%s\", \"after\": \"%s\", \"change\": ",
		    esg_ostatus_name(x->obligation[i]), esg_ostatus_name(y->obligation[i]));
		if (ch)
			esg_buf_printf(b, "\"%s\"}", ch);
		else
			esg_buf_puts(b, "null}");
	}
	esg_buf_puts(b, "],\n      \"answers\": [");
	for (size_t i = 0; i < q->nfields; i++) {
		if (strcmp(x->cell[i], y->cell[i]) == 0)
			continue;
		esg_buf_puts(b, n++ ? ", {\"field\": " : "{\"field\": ");
		esg_json_str(b, q->fields[i].id);
		esg_buf_puts(b, ", \"before\": ");
		esg_json_str(b, x->cell[i]);
		esg_buf_puts(b, ", \"after\": ");
		esg_json_str(b, y->cell[i]);
		esg_buf_putc(b, '}');
	}
	esg_buf_puts(b, "]}");
}

/* The ids of s missing from other: absent (unread false) or unreadable. */
static void
json_ids(struct esg_buf *b, const struct esg_snaps *s, const struct esg_snaps *other,
    bool unread)
{
	size_t n = 0;

	esg_buf_putc(b, '[');
	for (size_t i = 0; i < s->n; i++)
		if (esg_snaps_find(other, s->v[i].id) == NULL &&
		    esg_snaps_unread(other, s->v[i].id) == unread) {
			esg_buf_puts(b, n++ ? ", " : "");
			esg_json_str(b, s->v[i].id);
		}
	esg_buf_putc(b, ']');
}

void
esg_compare_json(struct esg_buf *b, const struct esg_snaps *before,
    const struct esg_snaps *after, const struct esg_render_opts *o)
{
	const struct esg_questionnaire *q = after->q ? after->q : before->q;
	size_t n = 0;

	(void)o;
	esg_buf_puts(b, "{\n  \"format\": \"esgdiag-compare/1\",\n  \"before\": {\"file\": ");
	esg_json_str(b, before->name);
	esg_buf_printf(b, ", \"sha256\": \"%s\"},\n  \"after\": {\"file\": ", before->sha256);
	esg_json_str(b, after->name);
	esg_buf_printf(b, ", \"sha256\": \"%s\"},\n  \"respondents\": [", after->sha256);
	for (size_t i = 0; q && i < after->n; i++) {
		const struct esg_snap *x = esg_snaps_find(before, after->v[i].id);

		if (x == NULL)
			continue;
		esg_buf_puts(b, n++ ? ",\n    " : "\n    ");
		json_one(b, q, x, &after->v[i]);
	}
	esg_buf_puts(b, n ? "\n  ],\n  \"only_before\": " : "],\n  \"only_before\": ");
	json_ids(b, before, after, false);
	esg_buf_puts(b, ",\n  \"only_after\": ");
	json_ids(b, after, before, false);
	esg_buf_puts(b, ",\n  \"unreadable_after\": ");
	json_ids(b, before, after, true);
	esg_buf_puts(b, ",\n  \"unreadable_before\": ");
	json_ids(b, after, before, true);
	esg_buf_puts(b, "\n}\n");
}
