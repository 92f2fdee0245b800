/*
 * Positioning among peers in text, Markdown, JSON and CSV: the group the
 * respondent is compared with (and why, when it falls back to all), then
 * for the overall score, each pillar and each section, the group's n,
 * quartiles and median beside the score, and where the score falls.  The
 * HTML box plots are in peers_html.c.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "esgdiag/buf.h"
#include "esgdiag/csv.h"
#include "esgdiag/csv_cell.h"
#include "esgdiag/model.h"
#include "esgdiag/render.h"
#include "esgdiag/score.h"
#include "esgdiag/text.h"
#include "i18n.h"
#include "peers_impl.h"

void
esg_peers_view_init(struct peer_view *v, const struct esg_render_opts *o,
    const struct esg_result *r, struct esg_buf *key)
{
	const struct esg_peers *p = o->peers;

	v->o = o;
	v->p = p;
	v->r = r;
	v->key = key;
	v->ncols = 1 + p->q->npillars + p->q->nsections;
	esg_peers_match(p, r, &v->m, key);
}

const char *
esg_peers_col_label(const struct esg_questionnaire *q, size_t c)
{
	if (c == 0)
		return _("Overall");
	return c <= q->npillars ? q->pillars[c - 1].label :
	    q->sections[c - 1 - q->npillars].title;
}

double
esg_peers_col_score(const struct esg_result *r, size_t c)
{
	size_t np = r->q->npillars;

	return c == 0 ? r->overall : c <= np ? r->pillar[c - 1] : r->section[c - 1 - np];
}

const struct esg_peer_stats *
esg_peers_col_stats(const struct peer_view *v, size_t c)
{
	return v->m.g->usable && v->m.g->st ? &v->m.g->st[c] : NULL;
}

/* A band [lo, hi) in words, as the observatory's own tables say it. */
static void
band_words(struct esg_buf *b, const struct esg_peer_group *g, bool french)
{
	struct esg_buf lo = ESG_BUF_INIT, hi = ESG_BUF_INIT;

	if (!isinf(g->lo))
		esg_num_human(&lo, g->lo, ESG_NUM_SHORTEST, french);
	if (!isinf(g->hi))
		esg_num_human(&hi, g->hi, ESG_NUM_SHORTEST, french);
	if (isinf(g->lo))
		esg_buf_printf(b, _("under %s"), esg_buf_str(&hi));
	else if (isinf(g->hi))
		esg_buf_printf(b, _("%s or more"), esg_buf_str(&lo));
	else
		esg_buf_printf(b, _("%s to under %s"), esg_buf_str(&lo),
		    esg_buf_str(&hi));
	esg_buf_release(&lo);
	esg_buf_release(&hi);
}

/* The respondent's own group as a person reads it: labels, bands in words. */
static void
own_group(struct esg_buf *b, const struct peer_view *v)
{
	const struct esg_field *f = &v->p->q->fields[v->p->by];
	const char *k = v->m.key;

	if (!v->m.has_key) {
		esg_buf_printf(b, _("no %s given"), f->label);
		return;
	}
	if (v->m.g != &v->p->all && v->m.g->band) {
		esg_buf_printf(b, "%s ", f->label);
		band_words(b, v->m.g, v->o->french);
		return;
	}
	if (f->type == ESG_QTYPE_NUMBER || f->type == ESG_QTYPE_TEXT) {
		esg_buf_printf(b, "%s %s", f->label, k);
		return;
	}
	esg_render_selection_label(b, f, k);
}

void
esg_peers_describe(struct esg_buf *b, const struct peer_view *v)
{
	const struct esg_peers *p = v->p;
	const char *by = p->by == ESG_NONE ? "" : p->q->fields[p->by].label;
	struct esg_buf g = ESG_BUF_INIT, all = ESG_BUF_INIT, n = ESG_BUF_INIT;

	if (p->by != ESG_NONE)
		own_group(&g, v);
	esg_render_count(&all, v->o, p->all.n);
	switch (v->m.why) {
	case ESG_PEER_NO_GROUPS:
		esg_buf_printf(b, _("Compared with all %s respondents of the "
		    "observatory %s."), esg_buf_str(&all), p->name);
		break;
	case ESG_PEER_OWN:
		esg_render_count(&n, v->o, v->m.g->n);
		esg_buf_printf(b, _("Compared with the %s respondents of the group "
		    "“%s” (%s) in the observatory %s."), esg_buf_str(&n),
		    esg_buf_str(&g), by, p->name);
		break;
	case ESG_PEER_SUPPRESSED:
		esg_render_count(&n, v->o, p->min_group);
		/* Withheld for its own size or to shield a smaller group: the
		 * file says which, but the respondent needs only the consequence. */
		esg_buf_printf(b, _("Its group “%s” (%s) is not published in the "
		    "observatory (groups under %s respondents are withheld, and so "
		    "are those that would reveal them): compared instead with all "
		    "%s respondents of the observatory %s."), esg_buf_str(&g), by,
		    esg_buf_str(&n), esg_buf_str(&all), p->name);
		break;
	case ESG_PEER_MISSING:
		esg_buf_printf(b, _("The observatory %s has no group “%s” (%s): "
		    "compared instead with all %s respondents."), p->name,
		    esg_buf_str(&g), by, esg_buf_str(&all));
		break;
	}
	if (!v->m.g->usable)
		esg_buf_printf(b, " %s", _("The observatory holds too few respondents "
		    "in all to compare with: no position is given."));
	esg_buf_release(&g);
	esg_buf_release(&all);
	esg_buf_release(&n);
}

void
esg_peers_sentence(struct esg_buf *b, const struct peer_view *v,
    enum esg_peer_pos pos)
{
	struct esg_buf who = ESG_BUF_INIT, g = ESG_BUF_INIT;
	const char *w;

	if (v->m.g == &v->p->all) {
		esg_buf_puts(&who, _("of all respondents"));
	} else {
		own_group(&g, v);
		/* TRANSLATORS: completes "above the median %s" */
		esg_buf_printf(&who, _("of the group “%s”"), esg_buf_str(&g));
	}
	w = esg_buf_str(&who);
	switch (pos) {
	case ESG_PEER_NONE:
		esg_buf_printf(b, _("no position %s (no score to compare)"), w);
		break;
	case ESG_PEER_BELOW_Q1:
		esg_buf_printf(b, _("below the median %s, in the bottom quarter"), w);
		break;
	case ESG_PEER_Q1_MEDIAN:
		esg_buf_printf(b, _("below the median %s, in the second quarter"), w);
		break;
	case ESG_PEER_MEDIAN:
		esg_buf_printf(b, _("at the median %s"), w);
		break;
	case ESG_PEER_MEDIAN_Q3:
		esg_buf_printf(b, _("above the median %s, in the third quarter"), w);
		break;
	case ESG_PEER_ABOVE_Q3:
		esg_buf_printf(b, _("above the median %s, in the top quarter"), w);
		break;
	}
	esg_buf_release(&who);
	esg_buf_release(&g);
}

void
esg_peers_overall(struct esg_buf *b, const struct peer_view *v)
{
	struct esg_buf t = ESG_BUF_INIT;

	esg_peers_sentence(&t, v, esg_peer_position(esg_peers_col_stats(v, 0),
	    v->r->overall));
	esg_buf_printf(b, _("Overall: %s."), esg_buf_str(&t));
	esg_buf_release(&t);
}

const char *
esg_peers_pos_short(enum esg_peer_pos pos)
{
	switch (pos) {
	case ESG_PEER_BELOW_Q1: return _("bottom quarter");
	case ESG_PEER_Q1_MEDIAN: return _("second quarter");
	case ESG_PEER_MEDIAN: return _("at the median");
	case ESG_PEER_MEDIAN_Q3: return _("third quarter");
	case ESG_PEER_ABOVE_Q3: return _("top quarter");
	case ESG_PEER_NONE: break;
	}
	return "-";
}

/* A score for a person into dst, or none. */
static void
human(char *dst, size_t n, const struct esg_render_opts *o, double x, bool shown,
    const char *none)
{
	struct esg_buf t = ESG_BUF_INIT;

	if (shown)
		esg_render_score(&t, o, x);
	snprintf(dst, n, "%s", shown ? esg_buf_str(&t) : none);
	esg_buf_release(&t);
}

void
esg_peers_cells(const struct peer_view *v, size_t c, struct peer_cells *out,
    const char *none)
{
	const struct esg_peer_stats *s = esg_peers_col_stats(v, c);
	double x = esg_peers_col_score(v->r, c);
	const double st[] = { s ? s->q1 : 0, s ? s->median : 0, s ? s->q3 : 0 };
	char *dst[] = { out->q1, out->median, out->q3 };
	struct esg_buf t = ESG_BUF_INIT;
	bool has = s != NULL && s->n > 0;

	out->label = esg_peers_col_label(v->p->q, c);
	out->section = c > v->p->q->npillars;
	human(out->score, sizeof out->score, v->o, x, !esg_score_is_null(x), none);
	esg_render_count(&t, v->o, s ? s->n : 0);
	snprintf(out->n, sizeof out->n, "%s", esg_buf_str(&t));
	esg_buf_release(&t);
	for (size_t i = 0; i < 3; i++)
		human(dst[i], sizeof out->q1, v->o, st[i], has, none);
	out->pos = esg_peer_position(s, x);
}

static void
text_row(struct esg_buf *b, const struct peer_view *v, size_t c)
{
	struct peer_cells k;

	const char *rest;

	esg_peers_cells(v, c, &k, "-");
	/* Sections indented under the pillars, as in the observatory's table. */
	esg_buf_puts(b, k.section ? "    " : "  ");
	rest = esg_render_cell(b, k.label, k.section ? 20 : 22);
	esg_render_right(b, k.score, 7);
	esg_render_right(b, k.n, 6);
	esg_render_right(b, k.q1, 8);
	esg_render_right(b, k.median, 8);
	esg_render_right(b, k.q3, 8);
	esg_buf_printf(b, "  %s\n", esg_peers_pos_short(k.pos));
	esg_render_cell_rest(b, rest, k.section ? 4 : 2, k.section ? 20 : 22);
}

void
esg_peers_text(struct esg_buf *b, const struct esg_result *r,
    const struct esg_render_opts *o)
{
	struct esg_buf key = ESG_BUF_INIT, t = ESG_BUF_INIT;
	size_t width = o->width ? o->width : 80;
	struct peer_view v;

	if (o->peers == NULL)
		return;
	esg_peers_view_init(&v, o, r, &key);
	esg_buf_printf(b, "\n%s\n", _("Among peers"));
	esg_peers_describe(&t, &v);
	esg_render_wrap(b, "  ", 2, esg_buf_str(&t), width);
	if (v.m.g->usable) {
		esg_buf_reset(&t);
		esg_peers_overall(&t, &v);
		esg_render_wrap(b, "  ", 2, esg_buf_str(&t), width);
		esg_buf_printf(b, "\n  %-22s", "");
		esg_render_right(b, _("score"), 7);
		esg_render_right(b, "n", 6);
		esg_render_right(b, _("Q1"), 8);
		esg_render_right(b, _("median"), 8);
		esg_render_right(b, _("Q3"), 8);
		esg_buf_printf(b, "  %s\n", _("position"));
		for (size_t c = 0; c < v.ncols; c++)
			text_row(b, &v, c);
	}
	esg_buf_release(&t);
	esg_buf_release(&key);
}

/* Text in a Markdown table cell: pipes escaped, line ends folded. */
static void
md_cell(struct esg_buf *b, const char *s)
{
	for (; *s; s++)
		if (*s == '|')
			esg_buf_puts(b, "\\|");
		else
			esg_buf_putc(b, *s == '\n' || *s == '\r' ? ' ' : *s);
}

static void
md_row(struct esg_buf *b, const struct peer_view *v, size_t c)
{
	struct peer_cells k;

	esg_peers_cells(v, c, &k, "—");
	esg_buf_puts(b, c == 0 ? "| **" : "| ");
	md_cell(b, k.label);
	esg_buf_printf(b, "%s | %s | %s | %s | %s | %s | %s |\n", c == 0 ? "**" : "",
	    k.score, k.n, k.q1, k.median, k.q3, esg_peers_pos_short(k.pos));
}

void
esg_peers_markdown(struct esg_buf *b, const struct esg_result *r,
    const struct esg_render_opts *o)
{
	struct esg_buf key = ESG_BUF_INIT;
	struct peer_view v;

	if (o->peers == NULL)
		return;
	esg_peers_view_init(&v, o, r, &key);
	esg_buf_printf(b, "\n### %s\n\n", _("Among peers"));
	esg_peers_describe(b, &v);
	esg_buf_puts(b, "\n");
	if (v.m.g->usable) {
		esg_buf_putc(b, '\n');
		esg_peers_overall(b, &v);
		esg_buf_printf(b, "\n\n| | %s | n | %s | %s | %s | %s |\n"
		    "|---|---:|---:|---:|---:|---:|---|\n", _("Score"), _("Q1"),
		    _("median"), _("Q3"), _("Position"));
		for (size_t c = 0; c < v.ncols; c++)
			md_row(b, &v, c);
	}
	esg_buf_release(&key);
}

static void
json_num(struct esg_buf *b, const char *name, double x, bool shown)
{
	esg_buf_printf(b, ", \"%s\": ", name);
	if (shown)
		esg_fmt2(b, x);
	else
		esg_buf_puts(b, "null");
}

static void
json_pos(struct esg_buf *b, const struct peer_view *v, size_t c)
{
	const struct esg_peer_stats *s = esg_peers_col_stats(v, c);
	const char *pos = esg_peer_pos_name(esg_peer_position(s,
	    esg_peers_col_score(v->r, c)));
	bool has = s != NULL && s->n > 0;

	if (s == NULL) {
		esg_buf_puts(b, "null");
		return;
	}
	esg_buf_printf(b, "{\"n\": %zu", s->n);
	json_num(b, "q1", has ? s->q1 : 0, has);
	json_num(b, "median", has ? s->median : 0, has);
	json_num(b, "q3", has ? s->q3 : 0, has);
	esg_buf_puts(b, ", \"position\": ");
	if (pos)
		esg_json_str(b, pos);
	else
		esg_buf_puts(b, "null");
	esg_buf_putc(b, '}');
}

/* The columns from..to as an object keyed by pillar or section id. */
static void
json_ids(struct esg_buf *b, const struct peer_view *v, size_t from, size_t n,
    const char *(*id)(const struct esg_questionnaire *, size_t))
{
	esg_buf_putc(b, '{');
	for (size_t i = 0; i < n; i++) {
		esg_buf_puts(b, i ? ",\n          " : "");
		esg_json_str(b, id(v->p->q, i));
		esg_buf_puts(b, ": ");
		json_pos(b, v, from + i);
	}
	esg_buf_putc(b, '}');
}

static const char *
pillar_id(const struct esg_questionnaire *q, size_t i)
{
	return q->pillars[i].id;
}

static const char *
section_id(const struct esg_questionnaire *q, size_t i)
{
	return q->sections[i].id;
}

static const char *
fallback_name(enum esg_peer_fallback why)
{
	return why == ESG_PEER_SUPPRESSED ? "\"suppressed\"" :
	    why == ESG_PEER_MISSING ? "\"missing\"" : "null";
}

void
esg_peers_json(struct esg_buf *b, const struct esg_result *r,
    const struct esg_render_opts *o)
{
	struct esg_buf key = ESG_BUF_INIT;
	struct peer_view v;
	size_t np = r->q->npillars;

	if (o->peers == NULL)
		return;
	esg_peers_view_init(&v, o, r, &key);
	esg_buf_puts(b, ",\n      \"peers\": {\"group\": ");
	if (v.m.has_key)
		esg_json_str(b, v.m.key);
	else
		esg_buf_puts(b, "null");
	esg_buf_printf(b, ", \"compared_with\": \"%s\", \"fallback\": %s, "
	    "\"n\": %zu,\n        \"overall\": ", v.m.g == &v.p->all ? "all" :
	    "group", fallback_name(v.m.why), v.m.g->n);
	json_pos(b, &v, 0);
	esg_buf_puts(b, ",\n        \"pillars\": ");
	json_ids(b, &v, 1, np, pillar_id);
	esg_buf_puts(b, ",\n        \"sections\": ");
	json_ids(b, &v, 1 + np, r->q->nsections, section_id);
	esg_buf_puts(b, "}");
	esg_buf_release(&key);
}

void
esg_peers_json_trace(struct esg_buf *b, const struct esg_render_opts *o)
{
	const struct esg_peers *p = o->peers;

	if (p == NULL)
		return;
	esg_buf_puts(b, "  \"peers\": {\"file\": ");
	esg_json_str(b, p->name);
	esg_buf_printf(b, ", \"sha256\": \"%s\", \"by\": ", p->sha256);
	if (p->by == ESG_NONE)
		esg_buf_puts(b, "null");
	else
		esg_json_str(b, p->q->fields[p->by].id);
	esg_buf_printf(b, ", \"min_group\": %zu},\n", p->min_group);
}

static void
csv_col_head(struct esg_buf *b, char sep, const char *prefix, const char *id)
{
	static const char *const parts[] = { "position", "peers_n", "peers_q1",
	    "peers_median", "peers_q3" };

	for (size_t i = 0; i < 5; i++)
		esg_buf_printf(b, "%c%s%s_%s", sep, prefix, id, parts[i]);
}

void
esg_peers_csv_head(struct esg_buf *b, const struct esg_questionnaire *q,
    const struct esg_render_opts *o)
{
	char sep = o->excel ? ';' : ',';

	if (o->peers == NULL)
		return;
	esg_buf_printf(b, "%cpeers_group%cpeers_compared_with%cpeers_fallback"
	    "%cpeers_n", sep, sep, sep, sep);
	csv_col_head(b, sep, "overall", "");
	for (size_t p = 0; p < q->npillars; p++)
		csv_col_head(b, sep, "pillar_", q->pillars[p].id);
	for (size_t s = 0; s < q->nsections; s++)
		csv_col_head(b, sep, "section_", q->sections[s].id);
}

static void
csv_num(struct esg_buf *b, const struct esg_render_opts *o, double x, bool shown)
{
	size_t at = b->len;

	esg_buf_putc(b, o->excel ? ';' : ',');
	if (!shown)
		return;
	esg_fmt2(b, x);
	/* --excel: a decimal comma, as the scores have. */
	for (; o->excel && at < b->len; at++)
		if (b->data[at] == '.')
			b->data[at] = ',';
}

void
esg_peers_csv_row(struct esg_buf *b, const struct esg_result *r,
    const struct esg_render_opts *o)
{
	struct esg_buf key = ESG_BUF_INIT;
	char sep = o->excel ? ';' : ',';
	struct peer_view v;

	if (o->peers == NULL)
		return;
	esg_peers_view_init(&v, o, r, &key);
	esg_buf_putc(b, sep);
	esg_csv_cell(b, v.m.key);
	esg_buf_printf(b, "%c%s%c%s%c%zu", sep, v.m.g == &v.p->all ? "all" : "group",
	    sep, v.m.why == ESG_PEER_SUPPRESSED ? "suppressed" : v.m.why ==
	    ESG_PEER_MISSING ? "missing" : "", sep, v.m.g->n);
	for (size_t c = 0; c < v.ncols; c++) {
		const struct esg_peer_stats *s = esg_peers_col_stats(&v, c);
		const char *pos = esg_peer_pos_name(esg_peer_position(s,
		    esg_peers_col_score(r, c)));
		bool has = s != NULL && s->n > 0;

		esg_buf_printf(b, "%c%s%c", sep, pos ? pos : "", sep);
		if (s != NULL)
			esg_buf_printf(b, "%zu", s->n);
		csv_num(b, o, has ? s->q1 : 0, has);
		csv_num(b, o, has ? s->median : 0, has);
		csv_num(b, o, has ? s->q3 : 0, has);
	}
	esg_buf_release(&key);
}
