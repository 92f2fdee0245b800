/*
 * The renderer table and the pieces several renderers share.
 */
#include "esgdiag/render.h"

#include <stdio.h>
#include <string.h>

#include "esgdiag/answers.h"
#include "esgdiag/buf.h"
#include "esgdiag/model.h"
#include "esgdiag/score.h"
#include "esgdiag/text.h"
#include "render_impl.h"

static const struct esg_renderer renderers[] = {
	{ "text", esg_text_begin, esg_text_respondent, esg_text_end },
	{ "json", esg_json_begin, esg_json_respondent, esg_json_end },
};

const struct esg_renderer *
esg_renderer_find(const char *name)
{
	for (size_t i = 0; i < sizeof renderers / sizeof renderers[0]; i++)
		if (strcmp(renderers[i].name, name) == 0)
			return &renderers[i];
	return NULL;
}

const char *
esg_renderer_names(void)
{
	return "text json";
}

size_t
esg_render_nrecs(const struct esg_result *r, const struct esg_render_opts *o)
{
	return r->nrecs < o->max_sheets ? r->nrecs : o->max_sheets;
}

void
esg_json_str(struct esg_buf *b, const char *s)
{
	esg_buf_putc(b, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			esg_buf_printf(b, "\\%c", c);
		else if (c == '\n')
			esg_buf_puts(b, "\\n");
		else if (c == '\t')
			esg_buf_puts(b, "\\t");
		else if (c == '\r')
			esg_buf_puts(b, "\\r");
		else if (c < 0x20)
			esg_buf_printf(b, "\\u%04x", c);
		else
			esg_buf_putc(b, (char)c);
	}
	esg_buf_putc(b, '"');
}

void
esg_json_score(struct esg_buf *b, double x)
{
	if (esg_score_is_null(x))
		esg_buf_puts(b, "null");
	else
		esg_buf_printf(b, "%.2f", x);
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
	case ESG_A_VALUE: break;
	}
	switch (f->type) {
	case ESG_QTYPE_NUMBER:
	case ESG_QTYPE_SCALE:
		esg_num_format(b, a->num);
		return;
	case ESG_QTYPE_TEXT:
		esg_json_str(b, a->text);
		return;
	case ESG_QTYPE_MULTI:
		esg_buf_putc(b, '[');
		for (size_t k = 0, n = 0; k < f->noptions; k++)
			if (a->sel[k]) {
				esg_buf_puts(b, n++ ? ", " : "");
				esg_json_str(b, f->options[k].value);
			}
		esg_buf_putc(b, ']');
		return;
	default:
		esg_json_str(b, f->options[a->opt].value);
	}
}
