/*
 * The action sheets as `esgdiag sheets` shows them: the list, or one sheet
 * in full, in each format of the renderer table that serves the command.
 */
#include "esgdiag/render.h"

#include "esgdiag/buf.h"
#include "esgdiag/model.h"
#include "i18n.h"
#include "render_impl.h"

static void
json_list(struct esg_buf *b, const char *key, const char **v, size_t n)
{
	esg_buf_printf(b, ", \"%s\": [", key);
	for (size_t i = 0; i < n; i++) {
		esg_buf_puts(b, i ? ", " : "");
		esg_json_str(b, v[i]);
	}
	esg_buf_putc(b, ']');
}

static void
json_sheet(struct esg_buf *b, const struct esg_sheet *s, bool full)
{
	esg_buf_puts(b, "{\"id\": ");
	esg_json_str(b, s->id);
	esg_buf_puts(b, ", \"title\": ");
	esg_json_str(b, s->title);
	esg_buf_puts(b, ", \"objective\": ");
	esg_json_str(b, s->objective);
	if (full) {
		json_list(b, "steps", s->steps, s->nsteps);
		json_list(b, "deliverables", s->deliverables, s->ndeliverables);
		esg_buf_puts(b, ", \"references\": [");
		for (size_t k = 0; k < s->nrefs; k++) {
			esg_buf_puts(b, k ? ", {\"label\": " : "{\"label\": ");
			esg_json_str(b, s->refs[k].label);
			esg_buf_puts(b, ", \"url\": ");
			if (s->refs[k].url)
				esg_json_str(b, s->refs[k].url);
			else
				esg_buf_puts(b, "null");
			esg_buf_putc(b, '}');
		}
		esg_buf_putc(b, ']');
	}
	esg_buf_putc(b, '}');
}

static void
text_list(struct esg_buf *b, const char *title, const char **v, size_t n)
{
	if (n == 0)
		return;
	esg_buf_printf(b, "\n%s\n", title);
	for (size_t i = 0; i < n; i++)
		esg_render_wrap(b, "  - ", 4, v[i], 80);
}

static void
text_sheet(struct esg_buf *b, const struct esg_sheet *s)
{
	esg_buf_printf(b, "%s [%s]\n\n", s->title, s->id);
	esg_render_wrap(b, "", 0, s->objective, 80);
	text_list(b, _("Key steps:"), s->steps, s->nsteps);
	text_list(b, _("Deliverables:"), s->deliverables, s->ndeliverables);
	if (s->nrefs)
		esg_buf_printf(b, "\n%s\n", _("References:"));
	for (size_t k = 0; k < s->nrefs; k++)
		esg_buf_printf(b, s->refs[k].url ? "  - %s <%s>\n" : "  - %s\n",
		    s->refs[k].label, s->refs[k].url);
}

void
esg_sheets_json(struct esg_buf *b, const struct esg_questionnaire *q,
    const struct esg_sheet *one, const struct esg_render_opts *o)
{
	(void)o;
	if (one)
		json_sheet(b, one, true);
	else {
		esg_buf_puts(b, "[");
		for (size_t i = 0; i < q->nsheets; i++) {
			esg_buf_puts(b, i ? ",\n " : "\n ");
			json_sheet(b, &q->sheets[i], false);
		}
		esg_buf_puts(b, "\n]");
	}
	esg_buf_putc(b, '\n');
}

void
esg_sheets_text(struct esg_buf *b, const struct esg_questionnaire *q,
    const struct esg_sheet *one, const struct esg_render_opts *o)
{
	(void)o;
	if (one) {
		text_sheet(b, one);
		return;
	}
	for (size_t i = 0; i < q->nsheets; i++)
		esg_buf_printf(b, "%-20s %s\n", q->sheets[i].id, q->sheets[i].title);
}

void
esg_sheets_md(struct esg_buf *b, const struct esg_questionnaire *q,
    const struct esg_sheet *one, const struct esg_render_opts *o)
{
	(void)o;
	if (one) {
		esg_md_sheet(b, one, "#");
		return;
	}
	esg_buf_printf(b, "| id | %s |\n|---|---|\n", _("Title"));
	for (size_t i = 0; i < q->nsheets; i++)
		esg_buf_printf(b, "| %s | %s |\n", q->sheets[i].id,
		    q->sheets[i].title);
}

