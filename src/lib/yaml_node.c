/*
 * Schema helpers for the YAML loader: typed access to libyaml's document
 * nodes with located errors.  Every scalar is read as text and converted
 * here, never by YAML 1.1 implicit typing: `no` stays the string "no".
 */
#include "yaml_ld.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "esgdiag/buf.h"
#include "esgdiag/load.h"
#include "esgdiag/text.h"
#include "esgdiag/xalloc.h"
#include "i18n.h"

struct esg_pos
esg_ld_pos(const yaml_node_t *n)
{
	struct esg_pos p = { (unsigned)n->start_mark.line + 1,
	    (unsigned)n->start_mark.column + 1 };

	return p;
}

void
esg_ld_err(struct ld *ld, const yaml_node_t *n, const char *fmt, ...)
{
	struct esg_buf b = ESG_BUF_INIT;
	struct esg_pos p = n ? esg_ld_pos(n) : (struct esg_pos){ 0, 0 };
	va_list ap;

	va_start(ap, fmt);
	esg_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	esg_diag_add(ld->d, ESG_SEV_ERROR, ld->file, p.line, p.col, "%s",
	    esg_buf_str(&b));
	esg_buf_release(&b);
}

bool
esg_ld_visit(struct ld *ld)
{
	if (++ld->visits <= ESG_YAML_MAX_VISITS)
		return true;
	if (!ld->over_budget)
		esg_ld_err(ld, NULL, _("the questionnaire expands to more than %d "
		    "nodes (aliases included); giving up"), ESG_YAML_MAX_VISITS);
	ld->over_budget = true;
	return false;
}

yaml_node_t *
esg_ld_node(struct ld *ld, yaml_node_item_t i)
{
	return yaml_document_get_node(&ld->doc, i);
}

static void
unknown_key(struct ld *ld, yaml_node_t *k, const char *key,
    const char *const *keys, size_t nkeys, const char *what)
{
	const char *hint = esg_nearest(key, keys, nkeys);

	if (hint)
		esg_ld_err(ld, k, _("unknown key '%s' in %s (did you mean '%s'?)"),
		    key, what, hint);
	else
		esg_ld_err(ld, k, _("unknown key '%s' in %s"), key, what);
}

bool
esg_ld_map(struct ld *ld, yaml_node_t *n, const char *const *keys, size_t nkeys,
    yaml_node_t **vals, const char *what)
{
	for (size_t i = 0; i < nkeys; i++)
		vals[i] = NULL;
	if (n->type != YAML_MAPPING_NODE) {
		esg_ld_err(ld, n, _("expected a mapping for %s"), what);
		return false;
	}
	for (yaml_node_pair_t *p = n->data.mapping.pairs.start;
	    p < n->data.mapping.pairs.top && esg_ld_visit(ld); p++) {
		yaml_node_t *k = esg_ld_node(ld, p->key), *v = esg_ld_node(ld, p->value);
		const char *key;
		size_t i;

		if (k->type != YAML_SCALAR_NODE) {
			esg_ld_err(ld, k, _("expected a plain key in %s"), what);
			continue;
		}
		key = (const char *)k->data.scalar.value;
		for (i = 0; i < nkeys && strcmp(key, keys[i]) != 0; i++)
			;
		if (i == nkeys)
			unknown_key(ld, k, key, keys, nkeys, what);
		else if (vals[i] != NULL)
			esg_ld_err(ld, k, _("duplicate key '%s' in %s"), key, what);
		else
			vals[i] = v;
	}
	return true;
}

bool
esg_ld_need(struct ld *ld, yaml_node_t *n, yaml_node_t *v, const char *key,
    const char *what)
{
	if (v != NULL)
		return true;
	esg_ld_err(ld, n, _("missing key '%s' in %s"), key, what);
	return false;
}

yaml_node_item_t *
esg_ld_seq(struct ld *ld, yaml_node_t *v, const char *key, size_t *count)
{
	*count = 0;
	if (v->type != YAML_SEQUENCE_NODE) {
		esg_ld_err(ld, v, _("'%s' must be a list"), key);
		return NULL;
	}
	*count = (size_t)(v->data.sequence.items.top -
	    v->data.sequence.items.start);
	return v->data.sequence.items.start;
}

const char *
esg_ld_str(struct ld *ld, yaml_node_t *v, const char *key)
{
	if (v->type != YAML_SCALAR_NODE) {
		esg_ld_err(ld, v, _("'%s' must be a string"), key);
		return NULL;
	}
	if (strlen((char *)v->data.scalar.value) != v->data.scalar.length) {
		esg_ld_err(ld, v, _("'%s' contains a NUL character"), key);
		return NULL;
	}
	return esg_arena_strndup(ld->a, (char *)v->data.scalar.value,
	    v->data.scalar.length);
}

static bool
is_ident(const char *s)
{
	static const char *const reserved[] = { "and", "or", "not", "in", "has" };

	if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z')))
		return false;
	for (const char *p = s; *p; p++)
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || *p == '_'))
			return false;
	for (size_t i = 0; i < sizeof reserved / sizeof reserved[0]; i++)
		if (strcmp(s, reserved[i]) == 0)
			return false;
	return true;
}

const char *
esg_ld_ident(struct ld *ld, yaml_node_t *v, const char *key)
{
	const char *s = esg_ld_str(ld, v, key);

	if (s != NULL && !is_ident(s)) {
		esg_ld_err(ld, v, _("'%s' is not a valid identifier (expected a "
		    "letter then letters, digits or '_', and not one of: and, "
		    "or, not, in, has)"), s);
		return NULL;
	}
	return s;
}

bool
esg_ld_num(struct ld *ld, yaml_node_t *v, const char *key, double *out)
{
	const char *s = esg_ld_str(ld, v, key);

	if (s == NULL)
		return false;
	switch (esg_num_parse_plain(s, out)) {
	case ESG_NUM_OK:
		return true;
	case ESG_NUM_RANGE:
		esg_ld_err(ld, v, _("'%s': %s is out of range"), key, s);
		return false;
	default:
		esg_ld_err(ld, v, _("'%s' must be a number, not '%s'"), key, s);
		return false;
	}
}

bool
esg_ld_int(struct ld *ld, yaml_node_t *v, const char *key, int *out)
{
	double d;

	if (!esg_ld_num(ld, v, key, &d))
		return false;
	/* The range first: converting an out-of-range double is undefined. */
	if (!(d >= -1e9 && d <= 1e9) || d != (double)(int)d) {
		esg_ld_err(ld, v, _("'%s' must be a whole number"), key);
		return false;
	}
	*out = (int)d;
	return true;
}

bool
esg_ld_bool(struct ld *ld, yaml_node_t *v, const char *key, bool *out)
{
	static const char *const yes[] = { "true", "yes", "on" };
	static const char *const no[] = { "false", "no", "off" };
	const char *s = esg_ld_str(ld, v, key);

	if (s == NULL)
		return false;
	for (size_t i = 0; i < 3; i++) {
		if (strcmp(s, yes[i]) == 0)
			return *out = true, true;
		if (strcmp(s, no[i]) == 0)
			return *out = false, true;
	}
	esg_ld_err(ld, v, _("'%s' must be true or false, not '%s'"), key, s);
	return false;
}

const char **
esg_ld_strlist(struct ld *ld, yaml_node_t *v, const char *key, size_t *count)
{
	yaml_node_item_t *it = esg_ld_seq(ld, v, key, count);
	const char **out;

	if (it == NULL)
		return NULL;
	out = esg_arena_array(ld->a, *count, sizeof *out);
	for (size_t i = 0; i < *count && esg_ld_visit(ld); i++)
		if ((out[i] = esg_ld_str(ld, esg_ld_node(ld, it[i]), key)) == NULL)
			out[i] = "";
	return out;
}

struct esg_cond *
esg_ld_cond(struct ld *ld, yaml_node_t *v, const char *key, const char **src)
{
	const char *s = esg_ld_str(ld, v, key);
	struct pending_cond *pc;
	struct esg_cond *c;
	char msg[256];
	unsigned off = 0;

	*src = s;
	if (s == NULL)
		return NULL;
	if (ld->npending == ld->pending_cap) {
		ld->pending_cap = ld->pending_cap ? ld->pending_cap * 2 : 32;
		ld->pending = esg_xreallocarray(ld->pending, ld->pending_cap,
		    sizeof *ld->pending);
	}
	pc = &ld->pending[ld->npending];
	pc->site.file = ld->file;
	pc->site.line = esg_ld_pos(v).line;
	/* Offsets map to columns only in a one-line plain or quoted scalar. */
	pc->site.col = esg_ld_pos(v).col +
	    (v->data.scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
	    v->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE);
	pc->site.single_line = v->start_mark.line == v->end_mark.line &&
	    v->data.scalar.style != YAML_LITERAL_SCALAR_STYLE &&
	    v->data.scalar.style != YAML_FOLDED_SCALAR_STYLE;
	c = esg_cond_parse(s, ld->a, msg, sizeof msg, &off);
	if (c == NULL) {
		esg_diag_add(ld->d, ESG_SEV_ERROR, ld->file, pc->site.line,
		    pc->site.col + (pc->site.single_line ? off : 0),
		    _("in '%s': %s"), key, msg);
		return NULL;
	}
	pc->cond = c;
	ld->npending++;
	return c;
}
