/* Free text: kept as typed, never scored. */
#include "qtype_impl.h"

#include "esgdiag/answers.h"
#include "esgdiag/arena.h"
#include "esgdiag/buf.h"
#include "esgdiag/render.h"
#include "i18n.h"

static int
parse_text(const struct esg_field *f, const char *s, size_t n,
    const char *fold, struct esg_answer *out, struct esg_arena *a,
    struct esg_buf *why)
{
	(void)f, (void)fold, (void)why;
	out->text = esg_arena_strndup(a, s, n);
	out->state = ESG_A_VALUE;
	return 0;
}

static void
text_cell(struct esg_buf *b, const struct esg_field *f,
    const struct esg_answer *a)
{
	(void)f;
	esg_buf_puts(b, a->text);
}

static void
text_json(struct esg_buf *b, const struct esg_field *f,
    const struct esg_answer *a)
{
	(void)f;
	esg_json_str(b, a->text);
}

/* Control characters could drive a terminal: they become '?'. */
static void
text_human(struct esg_buf *b, const struct esg_field *f,
    const struct esg_answer *a, bool french)
{
	(void)f, (void)french;
	esg_text_clean(b, a->text);
}

static double
text_score(const struct esg_field *f, const struct esg_answer *a)
{
	(void)f, (void)a;
	return 0;
}

static void
text_hint(struct esg_buf *b, const struct esg_field *f)
{
	(void)f;
	esg_buf_puts(b, _("free text, Enter to skip"));
}

static void
text_paper(struct esg_buf *b, const struct esg_field *f)
{
	(void)f;
	esg_buf_puts(b, "______________________________________________\n");
}

const struct esg_qtype_ops esg_qtype_text = {
	.name = "text",
	.kind = N_("a text field"),
	.limesurvey = "T",
	.verbatim = true,
	.parse = parse_text,
	.cell = text_cell,
	.json = text_json,
	.human = text_human,
	.score = text_score,
	.hint = text_hint,
	.paper = text_paper,
};
