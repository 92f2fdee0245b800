/*
 * `esgdiag template` in each format that serves it: a blank answers CSV
 * (the header of field ids; with o->excel, as French Excel opens it in
 * columns), the printable questionnaire, the questionnaire's own YAML
 * source, and the survey for LimeSurvey.
 */
#include "esgdiag/render.h"

#include "esgdiag/buf.h"
#include "esgdiag/csv_cell.h"
#include "esgdiag/limesurvey.h"
#include "esgdiag/model.h"
#include "render_impl.h"

/* Excel: a BOM so it reads UTF-8, ';' and CRLF as French Excel expects. */
int
esg_template_csv(struct esg_buf *b, const struct esg_questionnaire *q,
    const struct esg_render_opts *o, struct esg_diags *d)
{
	char sep = o->excel ? ';' : ',';

	(void)d;
	esg_buf_puts(b, o->excel ? "\xef\xbb\xbfid" : "id");
	/* Field ids are identifiers; the shared cell writer all the same. */
	for (size_t i = 0; i < q->nfields; i++) {
		esg_buf_putc(b, sep);
		esg_csv_cell(b, q->fields[i].id);
	}
	esg_csv_eol(b, o);
	return 0;
}

int
esg_template_md(struct esg_buf *b, const struct esg_questionnaire *q,
    const struct esg_render_opts *o, struct esg_diags *d)
{
	(void)d;
	esg_md_questionnaire(b, q, o->french);
	return 0;
}

int
esg_template_yaml(struct esg_buf *b, const struct esg_questionnaire *q,
    const struct esg_render_opts *o, struct esg_diags *d)
{
	(void)o, (void)d;
	esg_buf_add(b, q->source, q->source_len);
	return 0;
}

int
esg_template_ls(struct esg_buf *b, const struct esg_questionnaire *q,
    const struct esg_render_opts *o, struct esg_diags *d)
{
	(void)o;
	return esg_ls_survey(b, q, d);
}
