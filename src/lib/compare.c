/*
 * Comparing two assessments; see compare.h.
 */
#include "esgdiag/compare.h"

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

static size_t
ncols(const struct esg_questionnaire *q)
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
	p->score = esg_xcalloc(ncols(q), sizeof *p->score);
	p->score[0] = rounded(r->overall);
	for (size_t i = 0; i < q->npillars; i++)
		p->score[1 + i] = rounded(r->pillar[i]);
	for (size_t i = 0; i < q->nsections; i++)
		p->score[1 + q->npillars + i] = rounded(r->section[i]);
	p->obligation = esg_xcalloc(q->nobligations ? q->nobligations : 1,
	    sizeof *p->obligation);
	memcpy(p->obligation, r->obligation, q->nobligations * sizeof *p->obligation);
	p->cell = esg_xcalloc(q->nfields, sizeof *p->cell);
	for (size_t i = 0; i < q->nfields; i++) {
		esg_buf_reset(&b);
		esg_cell_format(&b, &q->fields[i], &r->ans->a[i]);
		p->cell[i] = esg_xstrdup(esg_buf_str(&b));
	}
	esg_buf_release(&b);
}

void
esg_snaps_release(struct esg_snaps *s)
{
	for (size_t i = 0; i < s->n; i++) {
		for (size_t k = 0; s->q && k < s->q->nfields; k++)
			free(s->v[i].cell[k]);
		free(s->v[i].cell);
		free(s->v[i].score);
		free(s->v[i].obligation);
		free(s->v[i].id);
	}
	free(s->v);
	memset(s, 0, sizeof *s);
}

static const struct esg_snap *
find(const struct esg_snaps *s, const char *id)
{
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->v[i].id, id) == 0)
			return &s->v[i];
	return NULL;
}

static const char *
col_label(const struct esg_questionnaire *q, size_t c)
{
	if (c == 0)
		return _("Overall");
	if (c <= q->npillars)
		return q->pillars[c - 1].label;
	return q->sections[c - 1 - q->npillars].title;
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

/* "newly_met", "broken", "newly_not_met", or NULL when nothing to say. */
static const char *
obligation_change(enum esg_ostatus before, enum esg_ostatus after)
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
text_score(struct esg_buf *b, const struct esg_questionnaire *q, size_t c,
    double x, double y)
{
	const char *lx = isnan(x) ? NULL : esg_level_of(q, x);
	const char *ly = isnan(y) ? NULL : esg_level_of(q, y);

	esg_buf_puts(b, "  ");
	esg_render_pad(b, col_label(q, c), 36);
	esg_buf_putc(b, ' ');
	if (isnan(x) || isnan(y)) {
		esg_buf_puts(b, isnan(x) && isnan(y) ? "-\n" : isnan(x) ?
		    _("no score before\n") : _("no score now\n"));
		return;
	}
	esg_buf_printf(b, "%6.2f -> %6.2f  %+7.2f", x, y, y - x);
	if (lx && ly && strcmp(lx, ly) != 0)
		esg_buf_printf(b, "  %s -> %s", lx, ly);
	esg_buf_putc(b, '\n');
}

static void
text_one(struct esg_buf *b, const struct esg_questionnaire *q,
    const struct esg_snap *x, const struct esg_snap *y, size_t width)
{
	size_t changed = 0;

	esg_buf_printf(b, "\n%s %s\n", _("Respondent"), y->id);
	for (size_t c = 0; c < ncols(q); c++)
		text_score(b, q, c, x->score[c], y->score[c]);
	for (size_t i = 0; i < q->nobligations; i++) {
		const char *ch = obligation_change(x->obligation[i], y->obligation[i]);

		if (ch != NULL)
			esg_buf_printf(b, _("  obligation %s: %s -> %s\n"),
			    q->obligations[i].id, esg_ostatus_name(x->obligation[i]),
			    esg_ostatus_name(y->obligation[i]));
	}
	for (size_t i = 0; i < q->nfields; i++) {
		struct esg_buf t = ESG_BUF_INIT;

		if (strcmp(x->cell[i], y->cell[i]) == 0)
			continue;
		if (changed++ == 0)
			esg_buf_printf(b, "  %s\n", _("answers changed:"));
		esg_buf_printf(&t, "%s: %s -> %s", q->fields[i].id,
		    *x->cell[i] ? x->cell[i] : "-", *y->cell[i] ? y->cell[i] : "-");
		esg_render_wrap(b, "    ", 6, esg_buf_str(&t), width);
		esg_buf_release(&t);
	}
}

static void
unmatched(struct esg_buf *b, const struct esg_snaps *s, const struct esg_snaps *other,
    const char *title)
{
	size_t n = 0;

	for (size_t i = 0; i < s->n; i++)
		if (find(other, s->v[i].id) == NULL)
			esg_buf_printf(b, "%s%s", n++ ? ", " : title, s->v[i].id);
	if (n)
		esg_buf_putc(b, '\n');
}

void
esg_compare_text(struct esg_buf *b, const struct esg_snaps *before,
    const struct esg_snaps *after, size_t width)
{
	const struct esg_questionnaire *q = after->q ? after->q : before->q;

	esg_buf_printf(b, _("Progress from %s to %s\n"), before->name, after->name);
	for (size_t i = 0; q && i < after->n; i++) {
		const struct esg_snap *x = find(before, after->v[i].id);

		if (x != NULL)
			text_one(b, q, x, &after->v[i], width);
	}
	esg_buf_putc(b, '\n');
	unmatched(b, before, after, _("Only before: "));
	unmatched(b, after, before, _("Only after: "));
}

static void
md_one(struct esg_buf *b, const struct esg_questionnaire *q,
    const struct esg_snap *x, const struct esg_snap *y)
{
	esg_buf_printf(b, "\n## %s %s\n\n| | %s | %s | %s | %s |\n|---|---:|---:|---:|---|\n",
	    _("Respondent"), y->id, _("Before"), _("After"), _("Change"), _("Level"));
	for (size_t c = 0; c < ncols(q); c++) {
		double s0 = x->score[c], s1 = y->score[c];
		const char *l0 = isnan(s0) ? "—" : esg_level_of(q, s0);
		const char *l1 = isnan(s1) ? "—" : esg_level_of(q, s1);

		esg_buf_printf(b, "| %s | ", col_label(q, c));
		if (isnan(s0) || isnan(s1)) {
			esg_buf_puts(b, "— | — | — | — |\n");
			continue;
		}
		esg_buf_printf(b, "%.2f | %.2f | %+.2f | %s%s%s |\n", s0, s1, s1 - s0,
		    l0, strcmp(l0, l1) ? " → " : "", strcmp(l0, l1) ? l1 : "");
	}
	for (size_t i = 0; i < q->nobligations; i++)
		if (obligation_change(x->obligation[i], y->obligation[i]))
			esg_buf_printf(b, _("\n- obligation `%s`: %s → %s"),
			    q->obligations[i].id, esg_ostatus_name(x->obligation[i]),
			    esg_ostatus_name(y->obligation[i]));
	for (size_t i = 0; i < q->nfields; i++)
		if (strcmp(x->cell[i], y->cell[i]))
			esg_buf_printf(b, "\n- `%s`: %s → %s", q->fields[i].id,
			    *x->cell[i] ? x->cell[i] : "—", *y->cell[i] ? y->cell[i] : "—");
	esg_buf_putc(b, '\n');
}

void
esg_compare_markdown(struct esg_buf *b, const struct esg_snaps *before,
    const struct esg_snaps *after)
{
	const struct esg_questionnaire *q = after->q ? after->q : before->q;

	esg_buf_printf(b, _("# Progress from %s to %s\n"), before->name, after->name);
	for (size_t i = 0; q && i < after->n; i++) {
		const struct esg_snap *x = find(before, after->v[i].id);

		if (x != NULL)
			md_one(b, q, x, &after->v[i]);
	}
	esg_buf_putc(b, '\n');
	unmatched(b, before, after, _("Only before: "));
	unmatched(b, after, before, _("Only after: "));
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
	for (size_t c = 1 + q->npillars; c < ncols(q); c++) {
		esg_buf_puts(b, c > 1 + q->npillars ? ",\n        " : "");
		json_score(b, q, c, x, y);
	}
	esg_buf_puts(b, "],\n      \"obligations\": [");
	for (size_t i = 0; i < q->nobligations; i++) {
		const char *ch = obligation_change(x->obligation[i], y->obligation[i]);

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

static void
json_ids(struct esg_buf *b, const struct esg_snaps *s, const struct esg_snaps *other)
{
	size_t n = 0;

	esg_buf_putc(b, '[');
	for (size_t i = 0; i < s->n; i++)
		if (find(other, s->v[i].id) == NULL) {
			esg_buf_puts(b, n++ ? ", " : "");
			esg_json_str(b, s->v[i].id);
		}
	esg_buf_putc(b, ']');
}

void
esg_compare_json(struct esg_buf *b, const struct esg_snaps *before,
    const struct esg_snaps *after)
{
	const struct esg_questionnaire *q = after->q ? after->q : before->q;
	size_t n = 0;

	esg_buf_puts(b, "{\n  \"format\": \"esgdiag-compare/1\",\n  \"before\": {\"file\": ");
	esg_json_str(b, before->name);
	esg_buf_printf(b, ", \"sha256\": \"%s\"},\n  \"after\": {\"file\": ", before->sha256);
	esg_json_str(b, after->name);
	esg_buf_printf(b, ", \"sha256\": \"%s\"},\n  \"respondents\": [", after->sha256);
	for (size_t i = 0; q && i < after->n; i++) {
		const struct esg_snap *x = find(before, after->v[i].id);

		if (x == NULL)
			continue;
		esg_buf_puts(b, n++ ? ",\n    " : "\n    ");
		json_one(b, q, x, &after->v[i]);
	}
	esg_buf_puts(b, n ? "\n  ],\n  \"only_before\": " : "],\n  \"only_before\": ");
	json_ids(b, before, after);
	esg_buf_puts(b, ",\n  \"only_after\": ");
	json_ids(b, after, before);
	esg_buf_puts(b, "\n}\n");
}
