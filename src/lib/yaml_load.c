/*
 * The questionnaire loader: libyaml composes the document (anchors and
 * aliases resolved into a node graph), and a schema-directed walk turns it
 * into the model, reporting every problem with its line and column.  The
 * walk never recurses on the data's own shape, so a cyclic or exponential
 * alias structure can only cost the visit budget.
 */
#include "esgdiag/load.h"

#include <stdlib.h>
#include <string.h>

#include "esgdiag/buf.h"
#include "esgdiag/hash.h"
#include "esgdiag/text.h"
#include "esgdiag/xalloc.h"
#include "i18n.h"
#include "yaml_ld.h"

enum {
	T_SCHEMA, T_ID, T_VERSION, T_TITLE, T_LANGUAGE, T_PILLARS, T_LEVELS,
	T_PROFILE, T_SECTIONS, T_SHEETS, T_OBLIGATIONS, T_N
};

static const char *const top_keys[T_N] = {
	"schema", "id", "version", "title", "language", "pillars", "levels",
	"profile", "sections", "sheets", "obligations",
};

static void
parse_pillars(struct ld *ld, yaml_node_t *v)
{
	static const char *const keys[] = { "id", "label", "weight" };
	struct esg_questionnaire *q = ld->q;
	const char *what = _("a pillar");
	yaml_node_item_t *it;
	size_t cnt;

	if ((it = esg_ld_seq(ld, v, "pillars", &cnt)) == NULL)
		return;
	if (cnt == 0)
		esg_ld_err(ld, v, _("at least one pillar is needed"));
	q->pillars = esg_arena_array(ld->a, cnt, sizeof *q->pillars);
	for (size_t i = 0; i < cnt && esg_ld_visit(ld); i++) {
		yaml_node_t *n = esg_ld_node(ld, it[i]), *f[3];
		struct esg_pillar *p = &q->pillars[q->npillars];

		if (!esg_ld_map(ld, n, keys, 3, f, what) ||
		    !esg_ld_need(ld, n, f[0], "id", what) ||
		    (p->id = esg_ld_ident(ld, f[0], "id")) == NULL)
			continue;
		for (size_t j = 0; j < q->npillars; j++)
			if (strcmp(q->pillars[j].id, p->id) == 0)
				esg_ld_err(ld, f[0], _("duplicate pillar id '%s'"), p->id);
		p->label = p->id;
		if (esg_ld_need(ld, n, f[1], "label", what) &&
		    (p->label = esg_ld_str(ld, f[1], "label")) == NULL)
			p->label = p->id;
		p->weight = 1;
		if (f[2] && esg_ld_num(ld, f[2], "weight", &p->weight) &&
		    p->weight < 0)
			esg_ld_err(ld, f[2], _("weight must be 0 or more"));
		q->npillars++;
	}
}

static void
parse_levels(struct ld *ld, yaml_node_t *v)
{
	static const char *const keys[] = { "min", "label", "description" };
	struct esg_questionnaire *q = ld->q;
	const char *what = _("a level");
	yaml_node_item_t *it;
	size_t cnt;

	if ((it = esg_ld_seq(ld, v, "levels", &cnt)) == NULL)
		return;
	if (cnt == 0)
		esg_ld_err(ld, v, _("at least one level is needed"));
	q->levels = esg_arena_array(ld->a, cnt, sizeof *q->levels);
	for (size_t i = 0; i < cnt && esg_ld_visit(ld); i++) {
		yaml_node_t *n = esg_ld_node(ld, it[i]), *f[3];
		struct esg_level *l = &q->levels[q->nlevels];

		if (!esg_ld_map(ld, n, keys, 3, f, what))
			continue;
		if (esg_ld_need(ld, n, f[1], "label", what))
			l->label = esg_ld_str(ld, f[1], "label");
		if (f[2])
			l->description = esg_ld_str(ld, f[2], "description");
		if (!esg_ld_need(ld, n, f[0], "min", what) ||
		    !esg_ld_num(ld, f[0], "min", &l->min))
			continue;
		if (q->nlevels == 0 && l->min != 0)
			esg_ld_err(ld, f[0], _("the first level must start at 0"));
		else if (q->nlevels > 0 && !(l->min > q->levels[q->nlevels - 1].min))
			esg_ld_err(ld, f[0], _("level minimums must be strictly "
			    "ascending"));
		else if (l->min > 100)
			esg_ld_err(ld, f[0], _("a level minimum must be at most 100"));
		if (l->label == NULL)
			l->label = "";
		q->nlevels++;
	}
}

static void
parse_refs(struct ld *ld, yaml_node_t *v, struct esg_sheet *s)
{
	static const char *const keys[] = { "label", "url" };
	yaml_node_item_t *it;
	size_t cnt;

	if ((it = esg_ld_seq(ld, v, "references", &cnt)) == NULL)
		return;
	s->refs = esg_arena_array(ld->a, cnt, sizeof *s->refs);
	for (size_t i = 0; i < cnt && esg_ld_visit(ld); i++) {
		yaml_node_t *n = esg_ld_node(ld, it[i]), *f[2];
		struct esg_ref *r = &s->refs[s->nrefs];

		if (!esg_ld_map(ld, n, keys, 2, f, _("a reference")) ||
		    !esg_ld_need(ld, n, f[0], "label", _("a reference")) ||
		    (r->label = esg_ld_str(ld, f[0], "label")) == NULL)
			continue;
		if (f[1])
			r->url = esg_ld_str(ld, f[1], "url");
		s->nrefs++;
	}
}

static void
parse_sheet(struct ld *ld, yaml_node_t *n, struct esg_sheet *s)
{
	static const char *const keys[] = {
		"id", "title", "objective", "steps", "deliverables", "references",
	};
	const char *what = _("a sheet");
	yaml_node_t *f[6];

	if (!esg_ld_map(ld, n, keys, 6, f, what) ||
	    !esg_ld_need(ld, n, f[0], "id", what) ||
	    (s->id = esg_ld_ident(ld, f[0], "id")) == NULL)
		return;
	if (esg_ld_need(ld, n, f[1], "title", what))
		s->title = esg_ld_str(ld, f[1], "title");
	if (esg_ld_need(ld, n, f[2], "objective", what))
		s->objective = esg_ld_str(ld, f[2], "objective");
	if (f[3])
		s->steps = esg_ld_strlist(ld, f[3], "steps", &s->nsteps);
	if (f[4])
		s->deliverables = esg_ld_strlist(ld, f[4], "deliverables",
		    &s->ndeliverables);
	if (f[5])
		parse_refs(ld, f[5], s);
	if (s->title == NULL)
		s->title = s->id;
	if (s->objective == NULL)
		s->objective = "";
}

static void
parse_sheets(struct ld *ld, yaml_node_t *v)
{
	struct esg_questionnaire *q = ld->q;
	yaml_node_item_t *it;
	size_t cnt;

	if ((it = esg_ld_seq(ld, v, "sheets", &cnt)) == NULL)
		return;
	q->sheets = esg_arena_array(ld->a, cnt, sizeof *q->sheets);
	for (size_t i = 0; i < cnt && esg_ld_visit(ld); i++) {
		struct esg_sheet *s = &q->sheets[q->nsheets];
		yaml_node_t *n = esg_ld_node(ld, it[i]);

		parse_sheet(ld, n, s);
		if (s->id == NULL)
			continue;
		if (esg_sheet_find(q, s->id) != ESG_NONE)
			esg_ld_err(ld, n, _("duplicate sheet id '%s'"), s->id);
		q->nsheets++;
	}
}

static void
parse_obligation(struct ld *ld, yaml_node_t *n, struct esg_obligation *o)
{
	static const char *const keys[] = {
		"id", "title", "applies", "met", "sheet", "source",
	};
	const char *what = _("an obligation");
	yaml_node_t *f[6];
	const char *sheet;

	o->sheet = ESG_NONE;
	if (!esg_ld_map(ld, n, keys, 6, f, what) ||
	    !esg_ld_need(ld, n, f[0], "id", what) ||
	    (o->id = esg_ld_ident(ld, f[0], "id")) == NULL)
		return;
	if (esg_ld_need(ld, n, f[1], "title", what))
		o->title = esg_ld_str(ld, f[1], "title");
	if (esg_ld_need(ld, n, f[2], "applies", what))
		o->applies = esg_ld_cond(ld, f[2], "applies", &o->applies_src);
	if (esg_ld_need(ld, n, f[3], "met", what))
		o->met = esg_ld_cond(ld, f[3], "met", &o->met_src);
	if (f[4] && (sheet = esg_ld_str(ld, f[4], "sheet")) != NULL &&
	    (o->sheet = esg_sheet_find(ld->q, sheet)) == ESG_NONE)
		esg_ld_err(ld, f[4], _("unknown sheet '%s'"), sheet);
	if (esg_ld_need(ld, n, f[5], "source", what))
		o->source = esg_ld_str(ld, f[5], "source");
	if (o->title == NULL)
		o->title = o->id;
	if (o->source == NULL)
		o->source = "";
}

static void
parse_obligations(struct ld *ld, yaml_node_t *v)
{
	struct esg_questionnaire *q = ld->q;
	yaml_node_item_t *it;
	size_t cnt;

	if ((it = esg_ld_seq(ld, v, "obligations", &cnt)) == NULL)
		return;
	q->obligations = esg_arena_array(ld->a, cnt, sizeof *q->obligations);
	for (size_t i = 0; i < cnt && esg_ld_visit(ld); i++) {
		struct esg_obligation *o = &q->obligations[q->nobligations];
		yaml_node_t *n = esg_ld_node(ld, it[i]);

		parse_obligation(ld, n, o);
		if (o->id == NULL)
			continue;
		for (size_t j = 0; j < q->nobligations; j++)
			if (strcmp(q->obligations[j].id, o->id) == 0)
				esg_ld_err(ld, n, _("duplicate obligation id '%s'"),
				    o->id);
		q->nobligations++;
	}
}

/* An upper bound of the number of fields, to size the array once. */
static size_t
count_fields(struct ld *ld, yaml_node_t *profile, yaml_node_t *sections)
{
	size_t n = 0;

	if (profile && profile->type == YAML_SEQUENCE_NODE)
		n += (size_t)(profile->data.sequence.items.top -
		    profile->data.sequence.items.start);
	if (sections == NULL || sections->type != YAML_SEQUENCE_NODE)
		return n;
	for (yaml_node_item_t *i = sections->data.sequence.items.start;
	    i < sections->data.sequence.items.top && esg_ld_visit(ld); i++) {
		yaml_node_t *s = esg_ld_node(ld, *i);

		if (s->type != YAML_MAPPING_NODE)
			continue;
		for (yaml_node_pair_t *p = s->data.mapping.pairs.start;
		    p < s->data.mapping.pairs.top; p++) {
			yaml_node_t *k = esg_ld_node(ld, p->key), *v = esg_ld_node(ld, p->value);

			if (k->type == YAML_SCALAR_NODE && v->type ==
			    YAML_SEQUENCE_NODE && !strcmp((char *)k->data.scalar.value,
			    "questions"))
				n += (size_t)(v->data.sequence.items.top -
				    v->data.sequence.items.start);
		}
		if (n > ESG_MAX_FIELDS)
			return ESG_MAX_FIELDS;
	}
	return n;
}

static const char *
top_str(struct ld *ld, yaml_node_t *root, yaml_node_t *v, const char *key)
{
	const char *s = NULL;

	if (esg_ld_need(ld, root, v, key, _("the questionnaire")))
		s = esg_ld_str(ld, v, key);
	return s ? s : "";
}

static void
parse_top(struct ld *ld, yaml_node_t *root)
{
	struct esg_questionnaire *q = ld->q;
	yaml_node_t *v[T_N];

	if (!esg_ld_map(ld, root, top_keys, T_N, v, _("the questionnaire")))
		return;
	q->schema = top_str(ld, root, v[T_SCHEMA], "schema");
	if (v[T_SCHEMA] && strcmp(q->schema, "1") != 0)
		esg_ld_err(ld, v[T_SCHEMA], _("unsupported schema '%s' (this "
		    "version reads schema 1)"), q->schema);
	q->id = top_str(ld, root, v[T_ID], "id");
	q->version = top_str(ld, root, v[T_VERSION], "version");
	q->title = top_str(ld, root, v[T_TITLE], "title");
	q->language = v[T_LANGUAGE] ? esg_ld_str(ld, v[T_LANGUAGE], "language") : NULL;
	/* It goes into documents (LimeSurvey's column, an HTML lang). */
	if (q->language != NULL && !esg_bcp47_valid(q->language)) {
		esg_ld_err(ld, v[T_LANGUAGE], _("'language' must be a BCP 47 "
		    "language tag such as fr or fr-FR, not '%s'"), q->language);
		q->language = NULL;
	}
	if (esg_ld_need(ld, root, v[T_PILLARS], "pillars", _("the questionnaire")))
		parse_pillars(ld, v[T_PILLARS]);
	if (esg_ld_need(ld, root, v[T_LEVELS], "levels", _("the questionnaire")))
		parse_levels(ld, v[T_LEVELS]);
	if (v[T_SHEETS])
		parse_sheets(ld, v[T_SHEETS]);
	ld->fields_cap = count_fields(ld, v[T_PROFILE], v[T_SECTIONS]);
	q->fields = esg_arena_array(ld->a, ld->fields_cap, sizeof *q->fields);
	if (v[T_PROFILE])
		esg_ld_profile(ld, v[T_PROFILE]);
	if (esg_ld_need(ld, root, v[T_SECTIONS], "sections", _("the questionnaire")))
		esg_ld_sections(ld, v[T_SECTIONS]);
	if (v[T_OBLIGATIONS])
		parse_obligations(ld, v[T_OBLIGATIONS]);
}

static void
check_conditions(struct ld *ld)
{
	for (size_t i = 0; i < ld->npending; i++)
		esg_cond_check(ld->pending[i].cond, ld->q, &ld->pending[i].site,
		    ld->d);
}

struct deps {
	size_t *v;
	size_t n, cap;
};

static void
add_dep(void *ctx, size_t field)
{
	struct deps *d = ctx;

	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 4;
		d->v = esg_xreallocarray(d->v, d->cap, sizeof *d->v);
	}
	d->v[d->n++] = field;
}

static void
report_cycle(struct ld *ld, const size_t *stack, size_t top, size_t from)
{
	const struct esg_questionnaire *q = ld->q;
	const struct esg_field *f = &q->fields[stack[top]];
	struct esg_buf path = ESG_BUF_INIT;
	size_t k = top + 1;

	while (k > 0 && stack[k - 1] != from)
		k--;
	for (size_t i = k > 0 ? k - 1 : 0; i <= top; i++)
		esg_buf_printf(&path, "%s -> ", q->fields[stack[i]].id);
	esg_buf_puts(&path, q->fields[from].id);
	esg_diag_add(ld->d, ESG_SEV_ERROR, ld->file, f->pos.line, f->pos.col,
	    _("the condition of '%s' depends on itself: %s"), f->id,
	    esg_buf_str(&path));
	esg_buf_release(&path);
}

/*
 * Orders the fields so that each comes after the fields its `when` reads,
 * by an iterative depth-first search (no recursion on the data), and
 * reports dependency cycles.
 */
static void
order_fields(struct ld *ld)
{
	struct esg_questionnaire *q = ld->q;
	size_t n = q->nfields, norder = 0, top;
	struct deps *deps = esg_xcalloc(n, sizeof *deps);
	unsigned char *color = esg_xcalloc(n, 1);	/* 0 new, 1 open, 2 done */
	size_t *stack = esg_xcalloc(n, sizeof *stack);
	size_t *next = esg_xcalloc(n, sizeof *next);

	q->order = esg_arena_array(ld->a, n, sizeof *q->order);
	for (size_t i = 0; i < n; i++)
		if (q->fields[i].when != NULL)
			esg_cond_deps(q->fields[i].when, add_dep, &deps[i]);
	for (size_t r = 0; r < n; r++) {
		if (color[r] != 0)
			continue;
		stack[top = 0] = r;
		color[r] = 1;
		for (;;) {
			size_t u = stack[top], v;

			if (next[u] < deps[u].n) {
				v = deps[u].v[next[u]++];
				if (color[v] == 1)
					report_cycle(ld, stack, top, v);
				else if (color[v] == 0) {
					color[v] = 1;
					stack[++top] = v;
				}
				continue;
			}
			color[u] = 2;
			q->order[norder++] = u;
			if (top-- == 0)
				break;
		}
	}
	for (size_t i = 0; i < n; i++)
		free(deps[i].v);
	free(deps);
	free(color);
	free(stack);
	free(next);
}

static void
yaml_problem(struct ld *ld, const yaml_parser_t *p)
{
	const yaml_mark_t *m = p->problem ? &p->problem_mark : &p->context_mark;

	esg_diag_add(ld->d, ESG_SEV_ERROR, ld->file, (unsigned)m->line + 1,
	    (unsigned)m->column + 1, _("YAML: %s%s%s"),
	    p->problem ? esg_yaml_words(p->problem) : _("cannot parse"),
	    p->context ? " " : "", p->context ? esg_yaml_words(p->context) : "");
}

/*
 * libyaml has no nesting limit, and its composer slows to a crawl on deeply
 * nested flow collections (minutes for 200,000 '['): a first pass over the
 * events stops at ESG_YAML_MAX_DEPTH, long before that cost is paid.
 */
bool
esg_ld_depth_ok(struct ld *ld, const char *text, size_t len)
{
	yaml_parser_t p;
	yaml_event_t ev;
	int depth = 0;
	bool ok = true, done = false;

	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	while (ok && !done && yaml_parser_parse(&p, &ev)) {
		if (ev.type == YAML_SEQUENCE_START_EVENT ||
		    ev.type == YAML_MAPPING_START_EVENT) {
			if (++depth > ESG_YAML_MAX_DEPTH) {
				esg_diag_add(ld->d, ESG_SEV_ERROR, ld->file,
				    (unsigned)ev.start_mark.line + 1,
				    (unsigned)ev.start_mark.column + 1,
				    _("nesting deeper than %d levels"),
				    ESG_YAML_MAX_DEPTH);
				ok = false;
			}
		} else if (ev.type == YAML_SEQUENCE_END_EVENT ||
		    ev.type == YAML_MAPPING_END_EVENT)
			depth--;
		done = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
	}
	/* A syntax error is left for compose() to report with its context. */
	yaml_parser_delete(&p);
	return ok;
}

/* Composes the single document of the stream into ld->doc. */
static bool
compose(struct ld *ld, const char *text, size_t len)
{
	yaml_parser_t p;
	yaml_document_t extra;
	bool ok = false;

	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	if (!yaml_parser_load(&p, &ld->doc)) {
		yaml_problem(ld, &p);
		goto out;
	}
	if (yaml_document_get_root_node(&ld->doc) == NULL) {
		esg_diag_add(ld->d, ESG_SEV_ERROR, ld->file, 1, 1,
		    _("the questionnaire is empty"));
		yaml_document_delete(&ld->doc);
		goto out;
	}
	ok = true;
	if (!yaml_parser_load(&p, &extra)) {
		yaml_problem(ld, &p);
		return yaml_parser_delete(&p), true;
	}
	if (yaml_document_get_root_node(&extra) != NULL)
		esg_diag_add(ld->d, ESG_SEV_ERROR, ld->file,
		    (unsigned)extra.start_mark.line + 1, 1,
		    _("expected one YAML document, found more"));
	yaml_document_delete(&extra);
out:
	yaml_parser_delete(&p);
	return ok;
}

static int
by_position(const void *x, const void *y)
{
	const struct esg_diag *a = x, *b = y;

	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return (a > b) - (a < b);
}

/*
 * Conditions are checked once every field is known, after the rest: sort
 * the messages by position so they read in file order, as a compiler's do.
 */
static void
forward_sorted(struct esg_diags *from, struct esg_diags *to)
{
	if (from->n > 0)
		qsort(from->v, from->n, sizeof *from->v, by_position);
	for (size_t i = 0; i < from->n; i++)
		esg_diag_add(to, from->v[i].sev, from->v[i].file, from->v[i].line,
		    from->v[i].col, "%s", from->v[i].msg);
	esg_diags_release(from);
}

static enum esg_status load(const char *name, const char *text, size_t len,
    struct esg_questionnaire **out, struct esg_diags *d);

enum esg_status
esg_load_yaml(const char *name, const char *text, size_t len,
    struct esg_questionnaire **out, struct esg_diags *d)
{
	struct esg_diags mine = ESG_DIAGS_INIT;
	enum esg_status st = load(name, text, len, out, &mine);

	forward_sorted(&mine, d);
	return st;
}

/*
 * libyaml reports a bad UTF-8 byte at 1:1 wherever it is: the check is done
 * first, with the line and the column (in characters, as libyaml counts
 * them) of the offending byte.  UTF-16 with a byte order mark is left to
 * libyaml, which decodes it.
 */
static bool
utf8_ok(const char *name, const char *text, size_t len, struct esg_diags *d)
{
	const unsigned char *s = (const unsigned char *)text;
	unsigned line = 1, col = 1;
	size_t bad;

	if (len >= 2 && ((s[0] == 0xfe && s[1] == 0xff) || (s[0] == 0xff && s[1] == 0xfe)))
		return true;
	if (esg_utf8_valid(text, len, &bad))
		return true;
	for (size_t i = 0; i < bad; i++)
		if (s[i] == '\n')
			line++, col = 1;
		else if ((s[i] & 0xc0) != 0x80)
			col++;
	esg_diag_add(d, ESG_SEV_ERROR, name, line, col, _("invalid UTF-8 (byte "
	    "0x%02x): the questionnaire must be saved as UTF-8"), s[bad]);
	return false;
}

static enum esg_status
load(const char *name, const char *text, size_t len,
    struct esg_questionnaire **out, struct esg_diags *d)
{
	struct esg_arena a = ESG_ARENA_INIT;
	struct ld ld = { .file = name, .a = &a, .d = d };
	size_t errors = d->nerrors;
	struct esg_sha256 h;

	*out = NULL;
	if (len > ESG_YAML_MAX_BYTES) {
		esg_diag_add(d, ESG_SEV_ERROR, name, 0, 0, _("the questionnaire "
		    "is larger than %d bytes"), ESG_YAML_MAX_BYTES);
		return ESG_EINPUT;
	}
	if (!utf8_ok(name, text, len, d) || !esg_ld_depth_ok(&ld, text, len) ||
	    !compose(&ld, text, len))
		return ESG_EINPUT;
	ld.q = esg_arena_alloc(&a, sizeof *ld.q);
	ld.q->source_name = esg_arena_strdup(&a, name);
	ld.q->source = esg_arena_strndup(&a, text, len);
	ld.q->source_len = len;
	esg_sha256_init(&h);
	esg_sha256_update(&h, text, len);
	esg_sha256_hex(&h, ld.q->sha256);
	parse_top(&ld, yaml_document_get_root_node(&ld.doc));
	yaml_document_delete(&ld.doc);
	check_conditions(&ld);
	free(ld.pending);
	if (d->nerrors == errors)
		order_fields(&ld);
	if (d->nerrors != errors) {
		esg_arena_release(&a);
		return ESG_EINPUT;
	}
	ld.q->arena = a;
	*out = ld.q;
	return ESG_OK;
}
