/*
 * The renderer table and the pieces several renderers share.
 */
#include "esgdiag/render.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "esgdiag/answers.h"
#include "esgdiag/buf.h"
#include "esgdiag/compare.h"
#include "esgdiag/explain.h"
#include "esgdiag/model.h"
#include "esgdiag/qtype.h"
#include "esgdiag/score.h"
#include "esgdiag/text.h"
#include "i18n.h"
#include "render_impl.h"

#define SCORED (ESG_RENDER_AGGREGATE | ESG_RENDER_PEERS | ESG_RENDER_SHEETS)

/*
 * One row per format; a command's hook is NULL where the format does not
 * serve it (main.c's command table lists the same names per command, and
 * tests/unit/test_render.c checks both agree).
 */
static const struct esg_renderer renderers[] = {
	{ .name = "text", .caps = SCORED, .begin = esg_text_begin,
	  .respondent = esg_text_respondent, .end = esg_text_end,
	  .compare = esg_compare_text, .explain = esg_explain_text,
	  .sheets = esg_sheets_text, .obligations = &esg_obl_text },
	{ .name = "json", .caps = SCORED | ESG_RENDER_INPUTS | ESG_RENDER_BOTH,
	  .begin = esg_json_begin, .respondent = esg_json_respondent,
	  .end = esg_json_end, .compare = esg_compare_json,
	  .explain = esg_explain_json, .sheets = esg_sheets_json,
	  .obligations = &esg_obl_json },
	{ .name = "csv", .caps = (SCORED & ~ESG_RENDER_SHEETS) | ESG_RENDER_EXCEL,
	  .begin = esg_csv_begin, .respondent = esg_csv_respondent,
	  .end = esg_csv_end, .template = esg_template_csv },
	{ .name = "markdown", .caps = SCORED, .begin = esg_md_begin,
	  .respondent = esg_md_respondent, .end = esg_md_end,
	  .compare = esg_compare_markdown, .sheets = esg_sheets_md,
	  .template = esg_template_md },
	{ .name = "md", .caps = SCORED | ESG_RENDER_ALIAS, .begin = esg_md_begin,
	  .respondent = esg_md_respondent, .end = esg_md_end,
	  .compare = esg_compare_markdown, .sheets = esg_sheets_md,
	  .template = esg_template_md },
	{ .name = "html", .caps = SCORED, .begin = esg_html_begin,
	  .respondent = esg_html_respondent, .end = esg_html_end },
	{ .name = "junit", .begin = esg_junit_begin,
	  .respondent = esg_junit_respondent, .end = esg_junit_end },
	{ .name = "yaml", .template = esg_template_yaml },
	{ .name = "limesurvey", .template = esg_template_ls },
};

const struct esg_renderer *
esg_renderer_find(const char *name)
{
	for (size_t i = 0; i < sizeof renderers / sizeof renderers[0]; i++)
		if (strcmp(renderers[i].name, name) == 0)
			return &renderers[i];
	return NULL;
}

void
esg_renderer_names(struct esg_buf *b)
{
	const char *sep = "";

	for (size_t i = 0; i < sizeof renderers / sizeof renderers[0]; i++)
		if (renderers[i].begin && !(renderers[i].caps & ESG_RENDER_ALIAS)) {
			esg_buf_printf(b, "%s%s", sep, renderers[i].name);
			sep = " ";
		}
}

size_t
esg_render_nrecs(const struct esg_result *r, const struct esg_render_opts *o)
{
	return r->nrecs < o->max_sheets ? r->nrecs : o->max_sheets;
}

#define SPECIAL8 true, true, true, true, true, true, true, true

/*
 * The bytes a JSON string cannot hold as they are: the controls, which
 * include the NUL that ends a run, '"' and '\\'.  One load a byte where
 * the three tests took three.
 */
static const bool json_special[256] = {
	SPECIAL8, SPECIAL8, SPECIAL8, SPECIAL8,
	['"'] = true, ['\\'] = true,
};

/* The length of the run at s that a JSON string takes as it is. */
static size_t
json_plain(const char *s)
{
	size_t n = 0;

	while (!json_special[(unsigned char)s[n]])
		n++;
	return n;
}

static void
json_escape(struct esg_buf *b, unsigned char c)
{
	switch (c) {
	case '"': esg_buf_puts(b, "\\\""); break;
	case '\\': esg_buf_puts(b, "\\\\"); break;
	case '\n': esg_buf_puts(b, "\\n"); break;
	case '\t': esg_buf_puts(b, "\\t"); break;
	case '\r': esg_buf_puts(b, "\\r"); break;
	default: esg_buf_printf(b, "\\u%04x", c); break;
	}
}

/* Runs that need no escape, most strings whole, are copied at once. */
void
esg_json_str(struct esg_buf *b, const char *s)
{
	esg_buf_putc(b, '"');
	while (*s) {
		size_t run = json_plain(s);

		if (run == 0) {
			json_escape(b, (unsigned char)*s);
			run = 1;
		} else
			esg_buf_add(b, s, run);
		s += run;
	}
	esg_buf_putc(b, '"');
}

void
esg_json_score(struct esg_buf *b, double x)
{
	if (esg_score_is_null(x))
		esg_buf_puts(b, "null");
	else
		esg_fmt2(b, x);
}

void
esg_json_profile_value(struct esg_buf *b, const struct esg_result *r, size_t i)
{
	const struct esg_field *f = &r->q->fields[i];
	const struct esg_answer *a = &r->ans->a[i];

	switch (a->state) {
	case ESG_A_EMPTY: esg_buf_puts(b, "null"); return;
	case ESG_A_UNKNOWN: esg_buf_puts(b, "\"nsp\""); return;
	case ESG_A_NA: esg_buf_puts(b, "\"na\""); return;
	case ESG_A_VALUE: esg_qtype(f)->json(b, f, a); return;
	}
}

const char *
esg_render_level(const struct esg_questionnaire *q, double x)
{
	return esg_score_is_null(x) ? NULL : esg_level_of(q, esg_round2(x));
}

int
esg_render_level_index(const struct esg_questionnaire *q, double x)
{
	int k = -1;

	if (esg_score_is_null(x))
		return -1;
	x = esg_round2(x);
	for (size_t i = 0; i < q->nlevels; i++)
		if (q->levels[i].min <= x)
			k = (int)i;
	return k;
}

/* Whether s[0..n) is a mark French sets after a space: ? ! : ; ». */
static bool
high_mark(const char *s, size_t n)
{
	return (n == 1 && strchr("?!:;", *s) != NULL) ||
	    (n == 2 && memcmp(s, "»", 2) == 0);
}

/*
 * The length of the word at s, with the marks that follow it after a
 * space ("environnemental ?"), which must never begin a line.
 */
static size_t
word_len(const char *s)
{
	size_t wl = strcspn(s, " \n\t"), next;

	while (s[wl] == ' ' && (next = strcspn(s + wl + 1, " \n\t")) > 0 &&
	    high_mark(s + wl + 1, next))
		wl += 1 + next;
	return wl;
}

void
esg_render_wrap(struct esg_buf *b, const char *lead, size_t indent,
    const char *text, size_t width)
{
	size_t col = esg_utf8_width(lead, strlen(lead)), start = col;
	const char *s = text;

	esg_buf_puts(b, lead);
	if (width < indent + 20)
		width = indent + 20;
	while (*s) {
		size_t wl = word_len(s), w = esg_utf8_width(s, wl);

		if (col > start && col + 1 + w > width) {
			esg_buf_putc(b, '\n');
			esg_buf_repeat(b, " ", indent);
			col = start = indent;
		} else if (col > start) {
			esg_buf_putc(b, ' ');
			col++;
		}
		esg_buf_add(b, s, wl);
		col += w;
		s += wl;
		while (*s == ' ' || *s == '\n' || *s == '\t')
			s++;
	}
	esg_buf_putc(b, '\n');
}

void
esg_render_answer(struct esg_buf *b, const struct esg_result *r, size_t i,
    bool french)
{
	const struct esg_field *f = &r->q->fields[i];
	const struct esg_answer *a = &r->ans->a[i];

	switch (a->state) {
	case ESG_A_EMPTY: return;
	case ESG_A_UNKNOWN: esg_buf_puts(b, _("don't know")); return;
	case ESG_A_NA: esg_buf_puts(b, _("not applicable")); return;
	case ESG_A_VALUE: esg_qtype(f)->human(b, f, a, french); return;
	}
}

void
esg_render_score(struct esg_buf *b, const struct esg_render_opts *o, double x)
{
	esg_num_human(b, x, 2, o->french);
}

void
esg_render_count(struct esg_buf *b, const struct esg_render_opts *o, size_t n)
{
	esg_num_human(b, (double)n, 0, o->french);
}

bool
esg_render_has_notes(const struct esg_result *r)
{
	for (size_t i = 0; i < r->q->nfields; i++)
		if (r->ans->a[i].note != NULL)
			return true;
	return false;
}

static bool
short_of(double score, double threshold)
{
	return !isnan(threshold) && !esg_score_is_null(score) &&
	    esg_round2(score) < threshold;
}

bool
esg_thresholds_short_pillar(const struct esg_thresholds *th,
    const struct esg_result *r, size_t p)
{
	return th != NULL && th->pillar != NULL && short_of(r->pillar[p], th->pillar[p]);
}

bool
esg_thresholds_short_overall(const struct esg_thresholds *th,
    const struct esg_result *r)
{
	return th != NULL && short_of(r->overall, th->overall);
}

bool
esg_render_web_url(const char *u)
{
	if (strncmp(u, "https://", 8) != 0 && strncmp(u, "http://", 7) != 0)
		return false;
	for (; *u; u++)
		if ((unsigned char)*u <= ' ' || strchr("<>\"\\`", *u) != NULL)
			return false;
	return true;
}

void
esg_text_clean(struct esg_buf *b, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '\n' || *p == '\r' || *p == '\t')
			esg_buf_putc(b, ' ');
		else if (*p < 0x20 || *p == 0x7f)
			esg_buf_putc(b, '?');
		else if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
			esg_buf_putc(b, '?');	/* C1 controls: U+0080..U+009F */
			p++;
		} else
			esg_buf_putc(b, (char)*p);
	}
}

void
esg_md_text(struct esg_buf *b, const char *s)
{
	struct esg_buf t = ESG_BUF_INIT;

	/* One line (a break would start a heading or a list), then escapes. */
	esg_text_clean(&t, s);
	for (const char *p = esg_buf_str(&t); *p; p++) {
		if (strchr("\\`*_[]<>|~#!&", *p) != NULL)
			esg_buf_putc(b, '\\');
		esg_buf_putc(b, *p);
	}
	esg_buf_release(&t);
}

void
esg_xml_str(struct esg_buf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': esg_buf_puts(b, "&amp;"); break;
		case '<': esg_buf_puts(b, "&lt;"); break;
		case '>': esg_buf_puts(b, "&gt;"); break;
		case '"': esg_buf_puts(b, "&quot;"); break;
		case '\'': esg_buf_puts(b, "&#39;"); break;
		default:
			/* Control characters are not allowed in XML 1.0. */
			if ((unsigned char)*s < 0x20 && *s != '\n' && *s != '\t' &&
			    *s != '\r')
				esg_buf_putc(b, '?');
			else
				esg_buf_putc(b, *s);
		}
	}
}

const char *
esg_render_cell(struct esg_buf *b, const char *s, size_t w)
{
	size_t used = 0, cols = 0;

	while (*s == ' ')
		s++;
	/* Whole words while they fit; a first word wider than w goes whole. */
	while (s[used] != '\0') {
		size_t start = used == 0 ? 0 : used + 1,
		    wl = strcspn(s + start, " "),
		    add = esg_utf8_width(s + start, wl) + (used == 0 ? 0 : 1);

		if (used > 0 && cols + add > w)
			break;
		used = start + wl;
		cols += add;
	}
	esg_buf_add(b, s, used);
	if (cols < w)
		esg_buf_repeat(b, " ", w - cols);
	s += used;
	while (*s == ' ')
		s++;
	return s;
}

void
esg_render_right(struct esg_buf *b, const char *s, size_t w)
{
	size_t n = esg_utf8_width(s, strlen(s));

	esg_buf_repeat(b, " ", n < w ? w - n : 0);
	esg_buf_puts(b, s);
}

void
esg_render_cell_rest(struct esg_buf *b, const char *rest, size_t indent,
    size_t w)
{
	while (*rest) {
		esg_buf_repeat(b, " ", indent);
		rest = esg_render_cell(b, rest, w);
		while (b->len > 0 && b->data[b->len - 1] == ' ')
			b->data[--b->len] = '\0';
		esg_buf_putc(b, '\n');
	}
}

/* The first obligation not met that this sheet helps to meet, or NULL. */
static const struct esg_obligation *
unmet_obligation(const struct esg_result *r, size_t sheet)
{
	for (size_t i = 0; i < r->q->nobligations; i++)
		if (r->q->obligations[i].sheet == sheet &&
		    r->obligation[i] == ESG_OBL_NON_COMPLIANT)
			return &r->q->obligations[i];
	return NULL;
}

/*
 * The count that picks a plural form for a decimal number of points: 2 at
 * 2 and above, 1 for exactly 1, else 0.  English then says "0.83 points"
 * and French "0,83 point" (French puts the singular below 2).
 */
static unsigned long
plural_of(double x)
{
	x = esg_round2(x);
	return x >= 2 ? 2 : x == 1 ? 1 : 0;
}

void
esg_render_why(struct esg_buf *b, const struct esg_result *r,
    const struct esg_rec *rec, const struct esg_render_opts *o)
{
	const struct esg_obligation *ob = rec->obligation ?
	    unmet_obligation(r, rec->sheet) : NULL;
	struct esg_buf n = ESG_BUF_INIT;

	esg_render_score(&n, o, rec->gain);
	if (ob != NULL && esg_round2(rec->gain) <= 0)
		esg_buf_printf(b, _("Why: helps meet an obligation that is not met, "
		    "\"%s\"."), ob->title);
	else if (ob != NULL)
		esg_buf_printf(b, dngettext(ESG_TEXTDOMAIN, "Why: helps meet an "
		    "obligation that is not met, \"%s\" (could add %s point to the "
		    "overall score).", "Why: helps meet an obligation that is not met, "
		    "\"%s\" (could add %s points to the overall score).",
		    plural_of(rec->gain)), ob->title, esg_buf_str(&n));
	else
		esg_buf_printf(b, dngettext(ESG_TEXTDOMAIN, "Why: could add %s point "
		    "to the overall score.", "Why: could add %s points to the overall "
		    "score.", plural_of(rec->gain)), esg_buf_str(&n));
	esg_buf_release(&n);
}

const char *
esg_ostatus_text(int status)
{
	switch (status) {
	case ESG_OBL_NOT_APPLICABLE: return _("does not apply");
	case ESG_OBL_UNKNOWN: return _("unknown");
	case ESG_OBL_COMPLIANT: return _("met");
	default: return _("not met");
	}
}

void
esg_render_option_label(struct esg_buf *b, const struct esg_field *f,
    const char *key, size_t n)
{
	for (size_t i = 0; i < f->noptions; i++)
		if (strlen(f->options[i].value) == n &&
		    memcmp(f->options[i].value, key, n) == 0 && f->options[i].label) {
			esg_buf_puts(b, f->options[i].label);
			return;
		}
	esg_buf_add(b, key, n);
}

void
esg_render_selection_label(struct esg_buf *b, const struct esg_field *f,
    const char *key)
{
	for (size_t n = 0; ; key += n + 1) {
		n = strcspn(key, "|");
		esg_render_option_label(b, f, key, n);
		if (key[n] == '\0')
			break;
		esg_buf_puts(b, " + ");
	}
}

/* Ends a part of t, returning where the next one starts. */
static size_t
part_end(struct esg_buf *t)
{
	esg_buf_putc(t, '\0');
	return t->len;
}

#define COUNTED(one, many, n) \
	dngettext(ESG_TEXTDOMAIN, one, many, (unsigned long)(n)), (n)

/*
 * The coverage sentence.  Each count agrees on its own, as French needs:
 * 0 and 1 take the singular there (« 0 inconnue », « 2 inconnues »).
 * Parts are kept by offset: the buffer moves as it grows.
 */
void
esg_render_coverage(struct esg_buf *b, const struct esg_coverage *c)
{
	struct esg_buf t = ESG_BUF_INIT;
	size_t at[5] = { 0 };

	esg_buf_printf(&t, dngettext(ESG_TEXTDOMAIN, "%zu of %zu scored question "
	    "applies", "%zu of %zu scored questions apply",
	    (unsigned long)c->applicable), c->applicable,
	    c->applicable + c->not_applicable);
	at[1] = part_end(&t);
	esg_buf_printf(&t, COUNTED("%zu answered", "%zu answered", c->answered));
	at[2] = part_end(&t);
	esg_buf_printf(&t, COUNTED("%zu unknown", "%zu unknown", c->unknown));
	at[3] = part_end(&t);
	esg_buf_printf(&t, COUNTED("%zu unanswered", "%zu unanswered",
	    c->unanswered));
	at[4] = part_end(&t);
	esg_buf_printf(&t, COUNTED("%zu not applicable", "%zu not applicable",
	    c->not_applicable));
	/* TRANSLATORS: the coverage sentence from its parts, in this order:
	 * questions that apply, answered, unknown, unanswered, not applicable. */
	esg_buf_printf(b, _("%s: %s, %s, %s (%s)."), t.data + at[0],
	    t.data + at[1], t.data + at[2], t.data + at[3], t.data + at[4]);
	esg_buf_release(&t);
}
