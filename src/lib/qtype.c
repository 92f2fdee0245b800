/*
 * The table of question types, one row per type (each row's operations
 * live in qtype_NAME.c), and the operations the one-option types share.
 */
#include "esgdiag/qtype.h"

#include <string.h>

#include "esgdiag/answers.h"
#include "esgdiag/buf.h"
#include "esgdiag/model.h"
#include "esgdiag/render.h"
#include "esgdiag/text.h"
#include "i18n.h"
#include "qtype_impl.h"

/* Indexed by enum esg_qtype; the designators keep the two in step. */
static const struct esg_qtype_ops *const types[] = {
	[ESG_QTYPE_SINGLE] = &esg_qtype_single,
	[ESG_QTYPE_MULTI] = &esg_qtype_multi,
	[ESG_QTYPE_YESNO] = &esg_qtype_yesno,
	[ESG_QTYPE_SCALE] = &esg_qtype_scale,
	[ESG_QTYPE_NUMBER] = &esg_qtype_number,
	[ESG_QTYPE_TEXT] = &esg_qtype_text,
};

const struct esg_qtype_ops *
esg_qtype(const struct esg_field *f)
{
	return types[f->type];
}

int
esg_qtype_find(const char *name)
{
	for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
		if (strcmp(types[i]->name, name) == 0)
			return (int)i;
	return -1;
}

/* Single choice: a cell that named no option names nothing it accepts. */
int
esg_qtype_no_parse(const struct esg_field *f, const char *s, size_t n,
    const char *fold, struct esg_answer *out, struct esg_arena *a,
    struct esg_buf *why)
{
	(void)s, (void)n, (void)out, (void)a;
	esg_options_expect(why, f, fold);
	return -1;
}

void
esg_qtype_opt_cell(struct esg_buf *b, const struct esg_field *f,
    const struct esg_answer *a)
{
	esg_buf_puts(b, f->options[a->opt].value);
}

void
esg_qtype_opt_json(struct esg_buf *b, const struct esg_field *f,
    const struct esg_answer *a)
{
	esg_json_str(b, f->options[a->opt].value);
}

void
esg_qtype_opt_human(struct esg_buf *b, const struct esg_field *f,
    const struct esg_answer *a, bool french)
{
	(void)french;
	esg_buf_puts(b, f->options[a->opt].label);
}

double
esg_qtype_opt_score(const struct esg_field *f, const struct esg_answer *a)
{
	return f->options[a->opt].score;
}

void
esg_qtype_opt_hint(struct esg_buf *b, const struct esg_field *f)
{
	(void)f;
	esg_buf_puts(b, _("the number of your choice"));
}

void
esg_qtype_opt_paper(struct esg_buf *b, const struct esg_field *f)
{
	for (size_t k = 0; k < f->noptions; k++)
		esg_buf_printf(b, "- ( ) %s\n", f->options[k].label);
}

void
esg_qtype_num_value(struct esg_buf *b, const struct esg_field *f,
    const struct esg_answer *a)
{
	(void)f;
	esg_num_format(b, a->num);
}
