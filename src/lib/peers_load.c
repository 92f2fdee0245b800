/*
 * Reading a published observatory (the JSON of score --aggregate) for
 * score --peers.  Jansson parses (the only file that includes it); this
 * file bounds the input, checks the document against the questionnaire in
 * use and keeps the statistics of each group and of "all" -- never the
 * respondents a full result may also hold, which are not even looked at.
 */
#include "esgdiag/peers.h"

#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "esgdiag/buf.h"
#include "esgdiag/hash.h"
#include "esgdiag/model.h"
#include "esgdiag/text.h"
#include "esgdiag/xalloc.h"
#include "i18n.h"

struct ld {
	const char *name;
	struct esg_diags *d;
	const struct esg_questionnaire *q;
	struct esg_peers *p;
	size_t ncols;
};

/* A problem with a value, located by its path in the document. */
static int __attribute__((format(printf, 3, 4)))
bad(struct ld *l, const char *path, const char *fmt, ...)
{
	struct esg_buf m = ESG_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	esg_buf_vprintf(&m, fmt, ap);
	va_end(ap);
	esg_diag_add(l->d, ESG_SEV_ERROR, l->name, 0, 0, "%s: %s", path,
	    esg_buf_str(&m));
	esg_buf_release(&m);
	return -1;
}

/*
 * Jansson nests recursively; refuse deep documents before it sees them.
 * Columns count characters, as Jansson's do.
 */
static bool
depth_ok(struct ld *l, const char *s, size_t n)
{
	unsigned line = 1, col = 0, depth = 0;
	bool str = false, esc = false;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\n') {
			line++;
			col = 0;
			continue;
		}
		col += (c & 0xc0) != 0x80;
		if (str) {
			str = esc || c != '"';
			esc = !esc && c == '\\';
		} else if (c == '"') {
			str = true;
		} else if ((c == '[' || c == '{') && ++depth > ESG_PEERS_MAX_DEPTH) {
			esg_diag_add(l->d, ESG_SEV_ERROR, l->name, line, col,
			    _("nesting deeper than %d levels"), ESG_PEERS_MAX_DEPTH);
			return false;
		} else if ((c == ']' || c == '}') && depth > 0) {
			depth--;
		}
	}
	return true;
}

static bool
get_count(json_t *v, size_t *out)
{
	if (!json_is_integer(v) || json_integer_value(v) < 0)
		return false;
	*out = (size_t)json_integer_value(v);
	return true;
}

static int
read_stats(struct ld *l, json_t *v, const char *path, struct esg_peer_stats *s)
{
	static const char *const keys[] = { "q1", "median", "q3", "min", "max" };
	double *x[] = { &s->q1, &s->median, &s->q3, &s->min, &s->max };

	if (!json_is_object(v) || !get_count(json_object_get(v, "n"), &s->n))
		return bad(l, path, _("expected {\"n\": count, \"q1\", \"median\", "
		    "\"q3\", \"min\", \"max\"}"));
	for (size_t i = 0; i < 5; i++) {
		json_t *k = json_object_get(v, keys[i]);

		*x[i] = NAN;
		if (s->n == 0)
			continue;
		/* A publisher may blank min and max: they are single authorities. */
		if (i >= 3 && (k == NULL || json_is_null(k)))
			continue;
		if (!json_is_number(k) || !(json_number_value(k) >= 0) ||
		    json_number_value(k) > 100)
			return bad(l, path, _("'%s' must be a score from 0 to 100"),
			    keys[i]);
		*x[i] = json_number_value(k);
	}
	if (s->n > 0 && !(!(s->min > s->q1) && s->q1 <= s->median &&
	    s->median <= s->q3 && !(s->q3 > s->max)))
		return bad(l, path, _("expected min <= q1 <= median <= q3 <= max"));
	return 0;
}

/* Reads obj[id] for every pillar or section id into st[]. */
static int
read_ids(struct ld *l, json_t *obj, const char *path, const char *const *ids,
    size_t n, struct esg_peer_stats *st)
{
	char sub[512];

	if (!json_is_object(obj))
		return bad(l, path, _("expected an object of statistics by id"));
	for (size_t i = 0; i < n; i++) {
		json_t *v = json_object_get(obj, ids[i]);

		snprintf(sub, sizeof sub, "%s.%s", path, ids[i]);
		if (v == NULL)
			return bad(l, path, _("no statistics for '%s'"), ids[i]);
		if (read_stats(l, v, sub, &st[i]) < 0)
			return -1;
	}
	return 0;
}

/* Statistics of a group or of all; 1 when they are not published. */
static int
read_block(struct ld *l, json_t *g, const char *path, struct esg_peer_stats **out)
{
	const struct esg_questionnaire *q = l->q;
	const char **ids = esg_xcalloc(l->ncols, sizeof *ids);
	struct esg_peer_stats *st;
	char sub[512];
	int rc = 0;

	if (json_is_null(json_object_get(g, "overall"))) {
		free(ids);
		return 1;
	}
	st = esg_xcalloc(l->ncols, sizeof *st);
	for (size_t i = 0; i < q->npillars; i++)
		ids[i] = q->pillars[i].id;
	for (size_t i = 0; i < q->nsections; i++)
		ids[q->npillars + i] = q->sections[i].id;
	snprintf(sub, sizeof sub, "%s.overall", path);
	rc = read_stats(l, json_object_get(g, "overall"), sub, &st[0]);
	snprintf(sub, sizeof sub, "%s.pillars", path);
	if (rc == 0)
		rc = read_ids(l, json_object_get(g, "pillars"), sub, ids,
		    q->npillars, st + 1);
	snprintf(sub, sizeof sub, "%s.sections", path);
	if (rc == 0)
		rc = read_ids(l, json_object_get(g, "sections"), sub,
		    ids + q->npillars, q->nsections, st + 1 + q->npillars);
	free(ids);
	if (rc < 0)
		free(st);
	else
		*out = st;
	return rc;
}

static bool
plain_number(const char *s, size_t n, double *x)
{
	char tmp[64];

	if (n == 0 || n >= sizeof tmp)
		return false;
	memcpy(tmp, s, n);
	tmp[n] = '\0';
	return esg_num_parse_plain(tmp, x) == ESG_NUM_OK;
}

/* A band key of SPEC §6: "<A", "A-B" or ">=B"; A may be negative. */
static bool
parse_band(const char *k, double *lo, double *hi)
{
	size_t n = strlen(k);

	*lo = -INFINITY;
	*hi = INFINITY;
	if (k[0] == '<')
		return plain_number(k + 1, n - 1, hi);
	if (k[0] == '>' && k[1] == '=')
		return plain_number(k + 2, n - 2, lo);
	for (size_t i = 1; i + 1 < n; i++)
		if (k[i] == '-' && plain_number(k, i, lo) &&
		    plain_number(k + i + 1, n - i - 1, hi))
			return *lo < *hi;
	return false;
}

static int
read_group(struct ld *l, json_t *v, const char *path, struct esg_peer_group *g)
{
	json_t *key = json_object_get(v, "key");
	int rc;

	if (!json_is_object(v) || !(json_is_string(key) || json_is_null(key)) ||
	    !get_count(json_object_get(v, "n"), &g->n))
		return bad(l, path, _("expected {\"key\": text or null, \"n\": count, ...}"));
	g->key = json_is_string(key) ? esg_xstrdup(json_string_value(key)) : NULL;
	if ((rc = read_block(l, v, path, &g->st)) < 0)
		return -1;
	/* A group under min_group is never used, whatever the file holds. */
	g->usable = rc == 0 && g->n >= l->p->min_group;
	g->band = g->key && l->p->by != ESG_NONE &&
	    l->q->fields[l->p->by].type == ESG_QTYPE_NUMBER &&
	    parse_band(g->key, &g->lo, &g->hi);
	return 0;
}

static int
read_groups(struct ld *l, json_t *a)
{
	json_t *gs = json_object_get(a, "groups"), *v;
	char path[64];
	size_t i;

	if (!json_is_array(gs))
		return bad(l, "aggregate.groups", _("expected a list of groups"));
	l->p->groups = esg_xcalloc(json_array_size(gs) + 1, sizeof *l->p->groups);
	json_array_foreach(gs, i, v) {
		snprintf(path, sizeof path, "aggregate.groups[%zu]", i);
		l->p->ngroups++;	/* counted first: freed even if half read */
		if (read_group(l, v, path, &l->p->groups[i]) < 0)
			return -1;
	}
	return 0;
}

static int
read_aggregate(struct ld *l, json_t *a)
{
	struct esg_peers *p = l->p;
	json_t *by = json_object_get(a, "by"), *all = json_object_get(a, "all");
	int rc;

	if (!json_is_object(a))
		return bad(l, "aggregate", _("no observatory statistics (publish the "
		    "result of score --aggregate)"));
	if (!get_count(json_object_get(a, "min_group"), &p->min_group) ||
	    p->min_group == 0)
		return bad(l, "aggregate.min_group", _("expected a count from 1"));
	if (json_is_string(by)) {
		p->by = esg_field_find(l->q, json_string_value(by));
		if (p->by == ESG_NONE)
			return bad(l, "aggregate.by", _("no field '%s' in questionnaire"),
			    json_string_value(by));
	} else if (!json_is_null(by)) {
		return bad(l, "aggregate.by", _("expected a field id or null"));
	}
	if (read_groups(l, a) < 0)
		return -1;
	if (!json_is_object(all) || !get_count(json_object_get(all, "n"), &p->all.n))
		return bad(l, "aggregate.all", _("expected {\"n\": count, ...}"));
	if ((rc = read_block(l, all, "aggregate.all", &p->all.st)) < 0)
		return -1;
	p->all.usable = rc == 0 && p->all.n >= p->min_group;
	return 0;
}

/* Says which of id and version differ, as both the file and q give them. */
static int
check_questionnaire(struct ld *l, json_t *root)
{
	json_t *qj = json_object_get(root, "questionnaire");
	const char *id = json_string_value(json_object_get(qj, "id"));
	const char *ver = json_string_value(json_object_get(qj, "version"));
	int rc = 0;

	if (!json_is_string(json_object_get(root, "format")) ||
	    strcmp(json_string_value(json_object_get(root, "format")),
	    "esgdiag-result/1") != 0)
		return bad(l, "format", _("expected \"esgdiag-result/1\" (the JSON "
		    "result of esgdiag score --aggregate)"));
	if (id == NULL || ver == NULL)
		return bad(l, "questionnaire", _("expected {\"id\": text, \"version\": text}"));
	if (strcmp(id, l->q->id) != 0)
		rc = bad(l, "questionnaire.id", _("the observatory is for questionnaire "
		    "'%s', the questionnaire in use is '%s'"), id, l->q->id);
	if (strcmp(ver, l->q->version) != 0)
		rc = bad(l, "questionnaire.version", _("the observatory is for version "
		    "'%s', the questionnaire in use is version '%s'"), ver,
		    l->q->version);
	return rc;
}

/*
 * jansson's messages are English.  Its error code says what went wrong,
 * in words the catalogue translates; where the catalogue has no
 * translation (an English run) jansson's own, more precise, text stays.
 */
static const char *
json_error_words(const json_error_t *e)
{
	static const struct {
		enum json_error_code code;
		const char *words;
	} table[] = {
		{ json_error_premature_end_of_input,
		    N_("the JSON text ends too early") },
		{ json_error_end_of_input_expected,
		    N_("more text after the JSON value") },
		{ json_error_invalid_syntax, N_("invalid JSON syntax") },
		{ json_error_invalid_utf8,
		    N_("invalid UTF-8 in the JSON text") },
		{ json_error_duplicate_key, N_("duplicate object key") },
		{ json_error_null_character,
		    N_("a NUL character in the JSON text") },
		{ json_error_null_byte_in_key,
		    N_("a NUL character in the JSON text") },
		{ json_error_numeric_overflow, N_("a number out of range") },
	};

	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
		if (table[i].code == json_error_code(e))
			return _(table[i].words) == table[i].words ? NULL :
			    _(table[i].words);
	return NULL;
}

/* A syntax error at its line and column, in the catalogue's language. */
static void
syntax_error(struct ld *l, const json_error_t *e)
{
	const char *words = json_error_words(e), *near = strstr(e->text, " near ");
	struct esg_buf b = ESG_BUF_INIT;

	if (e->line <= 0)
		esg_buf_puts(&b, _("at end of file: "));
	if (words == NULL)
		esg_buf_puts(&b, e->text);
	else if (near != NULL && near[6] == '\'' && strlen(near + 6) >= 2 &&
	    near[strlen(near) - 1] == '\'')
		/* jansson quotes the token: the catalogue quotes it its way. */
		esg_buf_printf(&b, _("%s near '%.*s'"), words,
		    (int)strlen(near + 7) - 1, near + 7);
	else	/* "near end of file": the line and column say where */
		esg_buf_puts(&b, words);
	esg_diag_add(l->d, ESG_SEV_ERROR, l->name, e->line > 0 ? (unsigned)e->line : 0,
	    e->column > 0 ? (unsigned)e->column : 0, "%s", esg_buf_str(&b));
	esg_buf_release(&b);
}

static json_t *
parse(struct ld *l, const char *text, size_t len)
{
	json_error_t e;
	json_t *root;

	if (!depth_ok(l, text, len))
		return NULL;
	root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &e);
	if (root == NULL)
		syntax_error(l, &e);
	else if (!json_is_object(root)) {
		bad(l, "(top level)", _("expected an object"));
		json_decref(root);
		root = NULL;
	}
	return root;
}

enum esg_status
esg_peers_load(const char *name, const char *text, size_t len,
    const struct esg_questionnaire *q, struct esg_peers **out,
    struct esg_diags *d)
{
	struct esg_peers *p = esg_xcalloc(1, sizeof *p);
	struct ld l = { name, d, q, p, 1 + q->npillars + q->nsections };
	struct esg_sha256 h;
	json_t *root = parse(&l, text, len);

	*out = NULL;
	p->q = q;
	p->name = esg_xstrdup(name);
	p->by = ESG_NONE;
	if (root == NULL || check_questionnaire(&l, root) < 0 ||
	    read_aggregate(&l, json_object_get(root, "aggregate")) < 0) {
		json_decref(root);
		esg_peers_free(p);
		return ESG_EINPUT;
	}
	json_decref(root);
	esg_sha256_init(&h);
	esg_sha256_update(&h, text, len);
	esg_sha256_hex(&h, p->sha256);
	*out = p;
	return ESG_OK;
}

void
esg_peers_free(struct esg_peers *p)
{
	if (p == NULL)
		return;
	for (size_t i = 0; i < p->ngroups; i++) {
		free(p->groups[i].key);
		free(p->groups[i].st);
	}
	free(p->groups);
	free(p->all.st);
	free(p->name);
	free(p);
}
