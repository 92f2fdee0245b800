/*
 * One CSV row per respondent, for spreadsheets: id, profile, every score
 * and level, coverage and the obligations not met.  Null scores are empty
 * cells.  The header names columns after the questionnaire's ids.
 */
#include <stdio.h>
#include <string.h>

#include "esgdiag/aggregate.h"
#include "esgdiag/answers.h"
#include "esgdiag/buf.h"
#include "esgdiag/csv.h"
#include "esgdiag/csv_cell.h"
#include "esgdiag/model.h"
#include "esgdiag/peers.h"
#include "esgdiag/score.h"
#include "esgdiag/text.h"
#include "render_impl.h"

/*
 * With --excel, what a French spreadsheet opens cleanly: ';' between
 * fields, a decimal comma, and a byte order mark so UTF-8 is recognised.
 */
static char
sep(const struct esg_render_opts *o)
{
	return o->excel ? ';' : ',';
}

void
esg_csv_eol(struct esg_buf *b, const struct esg_render_opts *o)
{
	esg_buf_puts(b, o->excel ? "\r\n" : "\n");
}

void
esg_csv_begin(struct esg_buf *b, const struct esg_questionnaire *q,
    const struct esg_render_opts *o)
{
	char c = sep(o);

	/* --aggregate: the statistics table replaces the rows, at the end. */
	if (o->agg != NULL)
		return;
	if (o->excel)
		esg_buf_puts(b, "\xef\xbb\xbf");
	esg_buf_puts(b, "id");
	for (size_t i = 0; i < q->nprofile; i++)
		esg_buf_printf(b, "%c%s", c, q->fields[i].id);
	esg_buf_printf(b, "%coverall%coverall_level", c, c);
	for (size_t p = 0; p < q->npillars; p++)
		esg_buf_printf(b, "%cpillar_%s%cpillar_%s_level", c, q->pillars[p].id,
		    c, q->pillars[p].id);
	for (size_t s = 0; s < q->nsections; s++)
		esg_buf_printf(b, "%csection_%s%csection_%s_level", c,
		    q->sections[s].id, c, q->sections[s].id);
	esg_buf_printf(b, "%capplicable%canswered%cunknown%cunanswered"
	    "%cnot_applicable%cobligations_not_met", c, c, c, c, c, c);
	esg_peers_csv_head(b, q, o);
	esg_csv_eol(b, o);
}

/* With --excel, the decimal mark of the number written from b->data + at. */
static void
excel_comma(struct esg_buf *b, size_t at, const struct esg_render_opts *o)
{
	char *dot;

	if (o->excel && at < b->len && (dot = strchr(b->data + at, '.')) != NULL)
		*dot = ',';
}

/* A separator, then n: printf cost a tenth of a row here. */
static void
count(struct esg_buf *b, size_t n, const struct esg_render_opts *o)
{
	esg_buf_putc(b, sep(o));
	esg_buf_addu(b, n);
}

static void
score(struct esg_buf *b, const struct esg_questionnaire *q, double x,
    const struct esg_render_opts *o)
{
	const char *level = esg_render_level(q, x);

	esg_buf_putc(b, sep(o));
	if (!esg_score_is_null(x)) {
		size_t at = b->len;

		esg_fmt2(b, x);
		excel_comma(b, at, o);
	}
	esg_buf_putc(b, sep(o));
	if (level != NULL)
		esg_csv_cell(b, level);
}

void
esg_csv_respondent(struct esg_buf *b, const struct esg_result *r,
    const struct esg_render_opts *o, size_t n)
{
	const struct esg_questionnaire *q = r->q;
	const struct esg_coverage *c = &r->cov;
	struct esg_buf v = ESG_BUF_INIT;
	const char *bar = "";

	(void)n;
	esg_csv_cell(b, r->ans->id);
	for (size_t i = 0; i < q->nprofile; i++) {
		esg_buf_reset(&v);
		esg_cell_format(&v, &q->fields[i], &r->ans->a[i]);
		esg_buf_putc(b, sep(o));
		/* A number the tool wrote (-5) stays a number; text is marked. */
		/* With ';' between fields a decimal comma needs no quotes. */
		if (q->fields[i].type == ESG_QTYPE_NUMBER && o->excel) {
			excel_comma(&v, 0, o);
			esg_buf_puts(b, esg_buf_str(&v));
		} else if (q->fields[i].type == ESG_QTYPE_NUMBER)
			esg_csv_quote(b, esg_buf_str(&v));
		else
			esg_csv_cell(b, esg_buf_str(&v));
	}
	score(b, q, r->overall, o);
	for (size_t p = 0; p < q->npillars; p++)
		score(b, q, r->pillar[p], o);
	for (size_t s = 0; s < q->nsections; s++)
		score(b, q, r->section[s], o);
	count(b, c->applicable, o);
	count(b, c->answered, o);
	count(b, c->unknown, o);
	count(b, c->unanswered, o);
	count(b, c->not_applicable, o);
	esg_buf_putc(b, sep(o));
	esg_buf_reset(&v);
	for (size_t i = 0; i < q->nobligations; i++)
		if (r->obligation[i] == ESG_OBL_NON_COMPLIANT) {
			esg_buf_puts(&v, bar);
			esg_buf_puts(&v, q->obligations[i].id);
			bar = "|";
		}
	esg_csv_cell(b, esg_buf_str(&v));
	esg_peers_csv_row(b, r, o);
	esg_csv_eol(b, o);
	esg_buf_release(&v);
}

void
esg_csv_end(struct esg_buf *b, const struct esg_questionnaire *q,
    const struct esg_render_opts *o, size_t count)
{
	(void)q;
	(void)count;
	if (o->agg != NULL)
		esg_agg_csv(b, o->agg, o);
}
