/*
 * A multiple choice: a set of its options, written "a|b" by esgdiag and
 * "a, b" or "a;b" by forms tools; scored by the sum of the options' scores,
 * at most 1.  An exclusive option ("none of these") stands alone.
 */
#include "qtype_impl.h"

#include <string.h>

#include "esgdiag/answers.h"
#include "esgdiag/arena.h"
#include "esgdiag/buf.h"
#include "esgdiag/model.h"
#include "esgdiag/render.h"
#include "esgdiag/text.h"
#include "i18n.h"

struct picks {
	size_t count, exclusive;
};

static void
pick(const struct esg_field *f, size_t k, struct esg_answer *out,
    struct picks *p)
{
	if (!out->sel[k])
		p->count++;
	out->sel[k] = 1;
	if (f->options[k].exclusive)
		p->exclusive = k;
}

static int
picked(const struct esg_field *f, struct esg_answer *out,
    const struct picks *p, struct esg_buf *why)
{
	if (p->exclusive != ESG_NONE && p->count > 1) {
		esg_buf_printf(why, _("'%s' excludes every other choice"),
		    f->options[p->exclusive].value);
		return -1;
	}
	out->state = ESG_A_VALUE;
	return 0;
}

/* Whether an item may end at s[i]: the end, or a ',' or ';' after spaces. */
static bool
ends_item(const char *s, size_t n, size_t i)
{
	while (i < n && s[i] == ' ')
		i++;
	return i == n || s[i] == ',' || s[i] == ';';
}

/* The option with the longest value or label at fold[pos..n) ending an item. */
static size_t
longest_at(const struct esg_field *f, const char *fold, size_t n, size_t pos,
    size_t *len)
{
	size_t best = ESG_NONE;

	*len = 0;
	for (size_t i = 0; i < f->noptions; i++) {
		const struct esg_option *o = &f->options[i];
		const char *key[2] = { o->fvalue, o->flabel };
		size_t klen[2] = { o->fvlen, o->fllen };

		for (int j = 0; j < 2; j++)
			if (key[j] && klen[j] > *len && klen[j] <= n - pos &&
			    !memcmp(fold + pos, key[j], klen[j]) &&
			    ends_item(fold, n, pos + klen[j])) {
				best = i;
				*len = klen[j];
			}
	}
	return best;
}

/*
 * Items joined by ", " or ";" as forms tools write them.  Labels are
 * matched longest first at each position, so a label holding a comma stays
 * whole; what no label matches is an error.
 */
static int
parse_joined(const struct esg_field *f, const char *s, size_t n,
    struct esg_answer *out, struct esg_arena *a, struct esg_buf *why)
{
	struct picks p = { 0, ESG_NONE };
	char *fold = esg_arena_strndup(a, s, n);
	size_t pos = 0, len, k;

	n = esg_fold_key(fold, s, n);	/* from here n is the key's length */
	fold[n] = '\0';
	out->sel = esg_arena_alloc(a, f->noptions);
	for (;;) {
		pos += strspn(fold + pos, " ");
		if (pos == n) {
			esg_buf_puts(why, _("empty item in a multiple choice"));
			return -1;
		}
		if ((k = longest_at(f, fold, n, pos, &len)) == ESG_NONE) {
			esg_buf_printf(why, _("'%s' is not an option; "), fold + pos);
			esg_options_expect(why, f, fold + pos);
			return -1;
		}
		pick(f, k, out, &p);
		pos += len;
		pos += strspn(fold + pos, " ");
		if (pos == n)
			return picked(f, out, &p, why);
		pos++;	/* the ',' or ';' ends_item() saw */
	}
}

static int
parse_multi(const struct esg_field *f, const char *s, size_t n,
    const char *fold_cell, struct esg_answer *out, struct esg_arena *a,
    struct esg_buf *why)
{
	struct picks p = { 0, ESG_NONE };

	(void)fold_cell;
	if (!memchr(s, '|', n) && (memchr(s, ',', n) || memchr(s, ';', n)))
		return parse_joined(f, s, n, out, a, why);
	out->sel = esg_arena_alloc(a, f->noptions);
	for (size_t start = 0; start <= n;) {
		const char *end = memchr(s + start, '|', n - start);
		size_t len = (end ? (size_t)(end - s) : n) - start, k;
		const char *item = s + start;

		esg_trim(&item, &len);
		if (len == 0) {
			esg_buf_puts(why, _("empty item in a multiple choice "
			    "(items are separated by '|')"));
			return -1;
		}
		char *fold = esg_arena_strndup(a, item, len);

		len = esg_fold_key(fold, item, len);
		fold[len] = '\0';
		if ((k = esg_option_match(f, fold, len)) == ESG_NONE) {
			esg_buf_printf(why, _("'%s' is not an option; "), fold);
			esg_options_expect(why, f, fold);
			return -1;
		}
		pick(f, k, out, &p);
		start = end ? (size_t)(end - s) + 1 : n + 1;
	}
	return picked(f, out, &p, why);
}

static void
multi_cell(struct esg_buf *b, const struct esg_field *f,
    const struct esg_answer *a)
{
	for (size_t i = 0, k = 0; i < f->noptions; i++)
		if (a->sel[i])
			esg_buf_printf(b, "%s%s", k++ ? "|" : "",
			    f->options[i].value);
}

static void
multi_json(struct esg_buf *b, const struct esg_field *f,
    const struct esg_answer *a)
{
	esg_buf_putc(b, '[');
	for (size_t k = 0, n = 0; k < f->noptions; k++)
		if (a->sel[k]) {
			esg_buf_puts(b, n++ ? ", " : "");
			esg_json_str(b, f->options[k].value);
		}
	esg_buf_putc(b, ']');
}

static void
multi_human(struct esg_buf *b, const struct esg_field *f,
    const struct esg_answer *a, bool french)
{
	(void)french;
	for (size_t k = 0, n = 0; k < f->noptions; k++)
		if (a->sel[k])
			esg_buf_printf(b, "%s%s", n++ ? " ; " : "",
			    f->options[k].label);
}

static double
multi_score(const struct esg_field *f, const struct esg_answer *a)
{
	double sum = 0;

	for (size_t i = 0; i < f->noptions; i++)
		if (a->sel[i])
			sum += f->options[i].score;
	return sum < 1 ? sum : 1;
}

/* The example is two options that go together, else there is none. */
static void
multi_hint(struct esg_buf *b, const struct esg_field *f)
{
	size_t pick[2], n = 0;

	for (size_t k = 0; k < f->noptions && n < 2; k++)
		if (!f->options[k].exclusive)
			pick[n++] = k + 1;
	if (n < 2)
		esg_buf_puts(b, _("numbers of every choice that applies"));
	else
		esg_buf_printf(b, _("numbers of every choice that applies, "
		    "e.g. %zu,%zu"), pick[0], pick[1]);
}

static void
multi_paper(struct esg_buf *b, const struct esg_field *f)
{
	esg_buf_printf(b, "%s\n\n", _("Tick every answer that applies:"));
	for (size_t k = 0; k < f->noptions; k++)
		esg_buf_printf(b, "- [ ] %s\n", f->options[k].label);
}

const struct esg_qtype_ops esg_qtype_multi = {
	.name = "multi",
	.kind = N_("a multiple choice"),
	.limesurvey = "M",
	.options = true,
	.set = true,
	.parse = parse_multi,
	.cell = multi_cell,
	.json = multi_json,
	.human = multi_human,
	.score = multi_score,
	.hint = multi_hint,
	.paper = multi_paper,
};
