/*
 * Private: the functions behind the renderer table (render.c).
 */
#ifndef ESG_RENDER_IMPL_H
#define ESG_RENDER_IMPL_H

#include "esgdiag/render.h"

void esg_text_begin(struct esg_buf *, const struct esg_questionnaire *,
    const struct esg_render_opts *);
void esg_text_respondent(struct esg_buf *, const struct esg_result *,
    const struct esg_render_opts *, size_t);
void esg_text_end(struct esg_buf *, const struct esg_questionnaire *,
    const struct esg_render_opts *, size_t);
void esg_json_begin(struct esg_buf *, const struct esg_questionnaire *,
    const struct esg_render_opts *);
void esg_json_respondent(struct esg_buf *, const struct esg_result *,
    const struct esg_render_opts *, size_t);
void esg_json_end(struct esg_buf *, const struct esg_questionnaire *,
    const struct esg_render_opts *, size_t);

void esg_md_begin(struct esg_buf *, const struct esg_questionnaire *,
    const struct esg_render_opts *);
void esg_md_respondent(struct esg_buf *, const struct esg_result *,
    const struct esg_render_opts *, size_t);
void esg_md_end(struct esg_buf *, const struct esg_questionnaire *,
    const struct esg_render_opts *, size_t);
/* A CSV line end: CRLF with --excel (as template --excel), else LF. */
void esg_csv_eol(struct esg_buf *b, const struct esg_render_opts *o);
void esg_csv_begin(struct esg_buf *, const struct esg_questionnaire *,
    const struct esg_render_opts *);
void esg_csv_respondent(struct esg_buf *, const struct esg_result *,
    const struct esg_render_opts *, size_t);
void esg_csv_end(struct esg_buf *, const struct esg_questionnaire *,
    const struct esg_render_opts *, size_t);
void esg_junit_begin(struct esg_buf *, const struct esg_questionnaire *,
    const struct esg_render_opts *);
void esg_junit_respondent(struct esg_buf *, const struct esg_result *,
    const struct esg_render_opts *, size_t);
void esg_junit_end(struct esg_buf *, const struct esg_questionnaire *,
    const struct esg_render_opts *, size_t);
void esg_html_begin(struct esg_buf *, const struct esg_questionnaire *,
    const struct esg_render_opts *);
void esg_html_respondent(struct esg_buf *, const struct esg_result *,
    const struct esg_render_opts *, size_t);
void esg_html_end(struct esg_buf *, const struct esg_questionnaire *,
    const struct esg_render_opts *, size_t);

/*
 * Whether a questionnaire's reference URL may become a link: http or https,
 * nothing a Markdown <destination> or an attribute would end on.  Escaping
 * keeps a URL in its attribute, but javascript: or data: would still run
 * or load something when clicked.
 */
bool esg_render_web_url(const char *u);

/* `esgdiag sheets` in each format that serves it (sheets_render.c). */
void esg_sheets_text(struct esg_buf *, const struct esg_questionnaire *,
    const struct esg_sheet *, const struct esg_render_opts *);
void esg_sheets_json(struct esg_buf *, const struct esg_questionnaire *,
    const struct esg_sheet *, const struct esg_render_opts *);
void esg_sheets_md(struct esg_buf *, const struct esg_questionnaire *,
    const struct esg_sheet *, const struct esg_render_opts *);

/* `esgdiag template` in each format that serves it (template_render.c). */
int esg_template_csv(struct esg_buf *, const struct esg_questionnaire *,
    const struct esg_render_opts *, struct esg_diags *);
int esg_template_md(struct esg_buf *, const struct esg_questionnaire *,
    const struct esg_render_opts *, struct esg_diags *);
int esg_template_yaml(struct esg_buf *, const struct esg_questionnaire *,
    const struct esg_render_opts *, struct esg_diags *);
int esg_template_ls(struct esg_buf *, const struct esg_questionnaire *,
    const struct esg_render_opts *, struct esg_diags *);

#endif
