/*
 * The survey-export map (map.h), read with the questionnaire loader's
 * schema helpers so that its mistakes are located the same way.
 */
#include "esgdiag/map.h"

#include <stdlib.h>
#include <string.h>

#include "esgdiag/answers.h"
#include "esgdiag/buf.h"
#include "esgdiag/load.h"
#include "esgdiag/model.h"
#include "esgdiag/text.h"
#include "esgdiag/xalloc.h"
#include "i18n.h"
#include "yaml_ld.h"

static void *
grow(void *v, size_t n, size_t size)
{
	/* Grows by one; maps are small. */
	return esg_xreallocarray(v, n + 1, size);
}

/* The field ids, for hints. */
static const char **
field_ids(const struct esg_questionnaire *q)
{
	const char **ids = esg_xcalloc(q->nfields + 1, sizeof *ids);

	for (size_t i = 0; i < q->nfields; i++)
		ids[i] = q->fields[i].id;
	ids[q->nfields] = "id";
	return ids;
}

/* Reports an unknown field, with a hint (n: how many ids may be hinted). */
static void
unknown_field(struct ld *ld, yaml_node_t *at, const char *id, size_t n)
{
	const char **ids = field_ids(ld->q);
	const char *hint = esg_nearest(id, ids, n);

	if (hint)
		esg_ld_err(ld, at, _("unknown field '%s' (did you mean '%s'?)"),
		    id, hint);
	else
		esg_ld_err(ld, at, _("unknown field '%s'"), id);
	free(ids);
}

static size_t
field_of(struct ld *ld, yaml_node_t *k, const char *id)
{
	size_t f = esg_field_find(ld->q, id);

	if (f == ESG_NONE)
		unknown_field(ld, k, id, ld->q->nfields);
	return f;
}

/* A column can be renamed to a field id, ID.note, or id. */
static void
check_target(struct ld *ld, yaml_node_t *at, const char *to)
{
	size_t n = strlen(to), k = sizeof ".note" - 1;
	char *base;

	if (strcmp(to, "id") == 0 || esg_field_find(ld->q, to) != ESG_NONE)
		return;
	if (n > k && strcmp(to + n - k, ".note") == 0) {
		base = esg_xstrndup(to, n - k);
		if (esg_field_find(ld->q, base) == ESG_NONE)
			unknown_field(ld, at, base, ld->q->nfields);
		free(base);
		return;
	}
	unknown_field(ld, at, to, ld->q->nfields + 1);
}

static void
map_columns(struct ld *ld, struct esg_map *m, yaml_node_t *v)
{
	if (v->type != YAML_MAPPING_NODE) {
		esg_ld_err(ld, v, _("'columns' must map export columns to field ids"));
		return;
	}
	for (yaml_node_pair_t *p = v->data.mapping.pairs.start;
	    p < v->data.mapping.pairs.top && esg_ld_visit(ld); p++) {
		const char *from = esg_ld_str(ld, esg_ld_node(ld, p->key), "columns");
		yaml_node_t *tn = esg_ld_node(ld, p->value);
		const char *to = esg_ld_str(ld, tn, "columns");

		if (from == NULL || to == NULL)
			continue;
		check_target(ld, tn, to);
		m->columns = grow(m->columns, m->ncolumns, sizeof *m->columns);
		m->columns[m->ncolumns++] = (struct esg_map_column){ from, to };
	}
}

static void
fold_copy(struct ld *ld, const char *s, const char **out)
{
	size_t n = strlen(s);
	char *f;

	esg_trim(&s, &n);
	f = esg_arena_strndup(ld->a, s, n);
	f[esg_fold_key(f, f, n)] = '\0';	/* keyed as the cells are */
	*out = f;
}

/*
 * What a value is mapped to must be an answer the field accepts (an
 * option's value or label, a number, nsp...), checked now rather than on
 * every row.
 */
static bool
value_ok(struct ld *ld, yaml_node_t *at, size_t f, const char *to)
{
	const struct esg_field *fd = &ld->q->fields[f];
	struct esg_arena a = ESG_ARENA_INIT;
	struct esg_buf why = ESG_BUF_INIT;
	struct esg_answer ans = { 0 };
	bool ok = esg_cell_parse(fd, to, strlen(to), &ans, &a, &why) == 0;

	/* The reason ends with a "did you mean" hint when one is near. */
	if (!ok)
		esg_ld_err(ld, at, _("'%s' for '%s': %s"), to, fd->id,
		    esg_buf_str(&why));
	esg_buf_release(&why);
	esg_arena_release(&a);
	return ok;
}

static void
map_values(struct ld *ld, struct esg_map *m, yaml_node_t *v)
{
	if (v->type != YAML_MAPPING_NODE) {
		esg_ld_err(ld, v, _("'values' must map field ids to value tables"));
		return;
	}
	for (yaml_node_pair_t *p = v->data.mapping.pairs.start;
	    p < v->data.mapping.pairs.top && esg_ld_visit(ld); p++) {
		yaml_node_t *k = esg_ld_node(ld, p->key), *t = esg_ld_node(ld, p->value);
		const char *id = esg_ld_str(ld, k, "values");
		size_t f = id ? field_of(ld, k, id) : ESG_NONE;

		if (f == ESG_NONE)
			continue;
		if (t->type != YAML_MAPPING_NODE) {
			esg_ld_err(ld, t, _("'values' of '%s' must map export texts "
			    "to values"), id);
			continue;
		}
		for (yaml_node_pair_t *e = t->data.mapping.pairs.start;
		    e < t->data.mapping.pairs.top && esg_ld_visit(ld); e++) {
			yaml_node_t *tn = esg_ld_node(ld, e->value);
			const char *from = esg_ld_str(ld, esg_ld_node(ld, e->key), "values");
			const char *to = esg_ld_str(ld, tn, "values");

			if (from == NULL || to == NULL || !value_ok(ld, tn, f, to))
				continue;
			m->values = grow(m->values, m->nvalues, sizeof *m->values);
			m->values[m->nvalues] = (struct esg_map_value){ f, NULL, to };
			fold_copy(ld, from, &m->values[m->nvalues++].from);
		}
	}
}

static size_t
option_of(const struct esg_field *f, const char *value)
{
	for (size_t i = 0; i < f->noptions; i++)
		if (strcmp(f->options[i].value, value) == 0)
			return i;
	return ESG_NONE;
}

static void
map_choice(struct ld *ld, struct esg_map *m, size_t f, yaml_node_t *t)
{
	const struct esg_field *fd = &ld->q->fields[f];

	for (yaml_node_pair_t *e = t->data.mapping.pairs.start;
	    e < t->data.mapping.pairs.top && esg_ld_visit(ld); e++) {
		yaml_node_t *vn = esg_ld_node(ld, e->value);
		const char *col = esg_ld_str(ld, esg_ld_node(ld, e->key), "choices");
		const char *val = esg_ld_str(ld, vn, "choices");
		size_t opt = val ? option_of(fd, val) : ESG_NONE;

		if (col == NULL || val == NULL)
			continue;
		if (opt == ESG_NONE) {
			const char *hint = esg_option_hint(fd, val);

			if (hint)
				esg_ld_err(ld, vn, _("'%s' is not an option of "
				    "'%s' (did you mean '%s'?)"), val, fd->id, hint);
			else
				esg_ld_err(ld, vn, _("'%s' is not an option of "
				    "'%s'"), val, fd->id);
			continue;
		}
		m->parts = grow(m->parts, m->nparts, sizeof *m->parts);
		m->parts[m->nparts++] = (struct esg_map_part){ col, f, opt };
	}
}

static void
map_choices(struct ld *ld, struct esg_map *m, yaml_node_t *v)
{
	if (v->type != YAML_MAPPING_NODE) {
		esg_ld_err(ld, v, _("'choices' must map multiple-choice fields to "
		    "their option columns"));
		return;
	}
	for (yaml_node_pair_t *p = v->data.mapping.pairs.start;
	    p < v->data.mapping.pairs.top && esg_ld_visit(ld); p++) {
		yaml_node_t *k = esg_ld_node(ld, p->key), *t = esg_ld_node(ld, p->value);
		const char *id = esg_ld_str(ld, k, "choices");
		size_t f = id ? field_of(ld, k, id) : ESG_NONE;

		if (f == ESG_NONE)
			continue;
		if (ld->q->fields[f].type != ESG_QTYPE_MULTI)
			esg_ld_err(ld, k, _("'%s' is not a multiple choice"), id);
		else if (t->type != YAML_MAPPING_NODE)
			esg_ld_err(ld, t, _("the choices of '%s' must map export "
			    "columns to option values"), id);
		else
			map_choice(ld, m, f, t);
	}
}

enum esg_status
esg_map_load(const char *name, const char *text, size_t len,
    const struct esg_questionnaire *q, struct esg_map **out, struct esg_diags *d)
{
	static const char *const keys[] = { "columns", "values", "choices" };
	struct esg_map *m = esg_xcalloc(1, sizeof *m);
	struct ld ld = { .file = name, .a = &m->arena, .d = d };
	yaml_parser_t p;
	yaml_node_t *root, *v[3];
	size_t errors = d->nerrors;

	ld.q = (struct esg_questionnaire *)q;
	*out = NULL;
	if (len > ESG_YAML_MAX_BYTES || !esg_ld_depth_ok(&ld, text, len)) {
		if (len > ESG_YAML_MAX_BYTES)
			esg_diag_add(d, ESG_SEV_ERROR, name, 0, 0, _("the map is "
			    "larger than %d bytes"), ESG_YAML_MAX_BYTES);
		esg_map_free(m);
		return ESG_EINPUT;
	}
	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	if (!yaml_parser_load(&p, &ld.doc)) {
		esg_diag_add(d, ESG_SEV_ERROR, name, (unsigned)p.problem_mark.line + 1,
		    (unsigned)p.problem_mark.column + 1, _("YAML: %s%s%s"),
		    p.problem ? p.problem : _("cannot parse"), p.context ? " " : "",
		    p.context ? p.context : "");
		yaml_parser_delete(&p);
		esg_map_free(m);
		return ESG_EINPUT;
	}
	yaml_parser_delete(&p);
	if ((root = yaml_document_get_root_node(&ld.doc)) == NULL)
		esg_diag_add(d, ESG_SEV_ERROR, name, 0, 0, _("the map is empty"));
	else if (esg_ld_map(&ld, root, keys, 3, v, _("the map"))) {
		if (v[0])
			map_columns(&ld, m, v[0]);
		if (v[1])
			map_values(&ld, m, v[1]);
		if (v[2])
			map_choices(&ld, m, v[2]);
	}
	yaml_document_delete(&ld.doc);
	if (d->nerrors != errors) {
		esg_map_free(m);
		return ESG_EINPUT;
	}
	*out = m;
	return ESG_OK;
}

void
esg_map_free(struct esg_map *m)
{
	if (m == NULL)
		return;
	free(m->columns);
	free(m->values);
	free(m->parts);
	esg_arena_release(&m->arena);
	free(m);
}
