/*
 * Profile fields and questions: one schema, with the keys a profile field
 * may not have (it is never scored and always asked) and the keys that
 * belong to one question type only.
 */
#include "yaml_ld.h"

#include <stdio.h>
#include <string.h>

#include "esgdiag/load.h"
#include "esgdiag/qtype.h"
#include "esgdiag/text.h"
#include "i18n.h"

enum {
	K_ID, K_TEXT, K_HELP, K_TYPE, K_OPTIONS, K_WEIGHT, K_PILLARS, K_WHEN,
	K_ALLOW_NA, K_SHEETS, K_MIN, K_MAX, K_LABELS, K_UNIT, K_SCORING, K_LABEL, K_N
};

static const char *const field_keys[K_N] = {
	"id", "text", "help", "type", "options", "weight", "pillars", "when",
	"allow_na", "sheets", "min", "max", "labels", "unit", "scoring", "label",
};

/* Which keys each type accepts beyond the common ones. */
static bool
key_fits_type(int k, enum esg_qtype t)
{
	switch (k) {
	case K_OPTIONS:
		return t == ESG_QTYPE_SINGLE || t == ESG_QTYPE_MULTI;
	case K_MIN: case K_MAX:
		return t == ESG_QTYPE_SCALE || t == ESG_QTYPE_NUMBER;
	case K_LABELS:
		return t == ESG_QTYPE_SCALE;
	case K_UNIT: case K_SCORING:
		return t == ESG_QTYPE_NUMBER;
	case K_WEIGHT: case K_PILLARS: case K_SHEETS:
		return t != ESG_QTYPE_TEXT;
	default:
		return true;
	}
}

static bool
is_profile_key(int k)
{
	return k != K_WEIGHT && k != K_PILLARS && k != K_WHEN &&
	    k != K_SHEETS && k != K_SCORING;
}

static void
fold_option(struct ld *ld, struct esg_option *o)
{
	char *f;

	/* Keyed as cells are (esg_fold_key), so ' and ’ match either way. */
	f = esg_arena_strdup(ld->a, o->value);
	o->fvlen = esg_fold_key(f, f, strlen(f));
	f[o->fvlen] = '\0';
	o->fvalue = f;
	if (o->label != NULL) {
		const char *s = o->label;
		size_t n = strlen(s);

		esg_trim(&s, &n);
		f = esg_arena_strndup(ld->a, s, n);
		o->fllen = esg_fold_key(f, f, n);
		f[o->fllen] = '\0';
		o->flabel = f;
	}
}

/* Two options that a cell could not tell apart. */
static void
check_ambiguity(struct ld *ld, yaml_node_t *n, struct esg_field *f)
{
	for (size_t i = 0; i < f->noptions; i++)
		for (size_t j = i + 1; j < f->noptions; j++) {
			const struct esg_option *a = &f->options[i];
			const struct esg_option *b = &f->options[j];

			if (strcmp(a->value, b->value) == 0)
				esg_ld_err(ld, n, _("'%s': duplicate option value "
				    "'%s'"), f->id, a->value);
			else if (strcmp(a->fvalue, b->fvalue) == 0 ||
			    (a->flabel && b->flabel &&
			    strcmp(a->flabel, b->flabel) == 0) ||
			    (b->flabel && strcmp(a->fvalue, b->flabel) == 0) ||
			    (a->flabel && strcmp(a->flabel, b->fvalue) == 0))
				esg_ld_err(ld, n, _("'%s': options '%s' and '%s' "
				    "cannot be told apart in an answer (values "
				    "and labels are matched ignoring case)"),
				    f->id, a->value, b->value);
		}
}

static void
parse_option(struct ld *ld, yaml_node_t *n, struct esg_field *f,
    struct esg_option *o)
{
	static const char *const keys[] = { "value", "label", "score", "exclusive" };
	yaml_node_t *v[4];
	const char *what = _("an option");

	/* Reported or not, every option gets a value: later checks compare them. */
	o->value = "";
	if (!esg_ld_map(ld, n, keys, 4, v, what)) {
		fold_option(ld, o);
		return;
	}
	o->value = NULL;
	if (esg_ld_need(ld, n, v[0], "value", what) &&
	    (o->value = esg_ld_str(ld, v[0], "value")) != NULL && !*o->value)
		esg_ld_err(ld, v[0], _("an option value cannot be empty"));
	if (o->value && f->type == ESG_QTYPE_MULTI && strchr(o->value, '|'))
		esg_ld_err(ld, v[0], _("a multiple-choice value cannot contain '|'"));
	if (esg_ld_need(ld, n, v[1], "label", what))
		o->label = esg_ld_str(ld, v[1], "label");
	if (f->is_profile && v[2] != NULL)
		esg_ld_err(ld, v[2], _("profile options have no score"));
	else if (!f->is_profile && esg_ld_need(ld, n, v[2], "score", what) &&
	    esg_ld_num(ld, v[2], "score", &o->score)) {
		if (o->score < 0 || (f->type == ESG_QTYPE_SINGLE && o->score > 1))
			esg_ld_err(ld, v[2], f->type == ESG_QTYPE_SINGLE ?
			    _("score must be between 0 and 1") :
			    _("score must be 0 or more"));
	}
	if (v[3] != NULL && f->type != ESG_QTYPE_MULTI)
		esg_ld_err(ld, v[3], _("'exclusive' only applies to multi questions"));
	else if (v[3] != NULL)
		esg_ld_bool(ld, v[3], "exclusive", &o->exclusive);
	if (o->value == NULL)
		o->value = "";
	fold_option(ld, o);
}

static void
parse_options(struct ld *ld, yaml_node_t *n, yaml_node_t *v, struct esg_field *f)
{
	yaml_node_item_t *it;
	size_t cnt;

	if (!esg_ld_need(ld, n, v, "options", _("a choice question")) ||
	    (it = esg_ld_seq(ld, v, "options", &cnt)) == NULL)
		return;
	if (cnt == 0 || cnt > ESG_MAX_OPTIONS) {
		esg_ld_err(ld, v, _("'%s' needs between 1 and %d options"), f->id,
		    ESG_MAX_OPTIONS);
		return;
	}
	f->options = esg_arena_array(ld->a, cnt, sizeof *f->options);
	f->noptions = cnt;
	for (size_t i = 0; i < cnt && esg_ld_visit(ld); i++)
		parse_option(ld, esg_ld_node(ld, it[i]), f, &f->options[i]);
	check_ambiguity(ld, v, f);
}

static void
yesno_options(struct ld *ld, struct esg_field *f)
{
	f->noptions = 2;
	f->options = esg_arena_array(ld->a, 2, sizeof *f->options);
	f->options[0] = (struct esg_option){ .value = "oui", .label = "Oui", .score = 1 };
	f->options[1] = (struct esg_option){ .value = "non", .label = "Non", .score = 0 };
	fold_option(ld, &f->options[0]);
	fold_option(ld, &f->options[1]);
}

static void
scale_labels(struct ld *ld, yaml_node_t *v, struct esg_field *f)
{
	size_t span = f->noptions;

	if (v->type == YAML_SEQUENCE_NODE) {
		size_t cnt;
		yaml_node_item_t *it = esg_ld_seq(ld, v, "labels", &cnt);

		if (cnt != span) {
			esg_ld_err(ld, v, _("'labels' needs one label per value from "
			    "%d to %d (%zu), not %zu"), f->min, f->max, span, cnt);
			return;
		}
		for (size_t i = 0; i < cnt && esg_ld_visit(ld); i++)
			f->options[i].label = esg_ld_str(ld, esg_ld_node(ld, it[i]), "labels");
		return;
	}
	if (v->type != YAML_MAPPING_NODE) {
		esg_ld_err(ld, v, _("'labels' must be a list or a mapping"));
		return;
	}
	for (yaml_node_pair_t *p = v->data.mapping.pairs.start;
	    p < v->data.mapping.pairs.top && esg_ld_visit(ld); p++) {
		yaml_node_t *k = esg_ld_node(ld, p->key);
		int x;

		if (!esg_ld_int(ld, k, "labels", &x))
			continue;
		if (x < f->min || x > f->max)
			esg_ld_err(ld, k, _("label for %d is outside %d..%d"), x,
			    f->min, f->max);
		else if (f->options[x - f->min].label != NULL)
			esg_ld_err(ld, k, _("duplicate label for %d"), x);
		else
			f->options[x - f->min].label =
			    esg_ld_str(ld, esg_ld_node(ld, p->value), "labels");
	}
}

static void
parse_scale(struct ld *ld, yaml_node_t *n, yaml_node_t **v, struct esg_field *f)
{
	const char *what = _("a scale question");

	if (!esg_ld_need(ld, n, v[K_MIN], "min", what) ||
	    !esg_ld_need(ld, n, v[K_MAX], "max", what) ||
	    !esg_ld_int(ld, v[K_MIN], "min", &f->min) ||
	    !esg_ld_int(ld, v[K_MAX], "max", &f->max))
		return;
	if (f->min >= f->max || (long)f->max - f->min >= ESG_MAX_OPTIONS) {
		esg_ld_err(ld, v[K_MAX], _("a scale needs min < max and at most %d "
		    "values"), ESG_MAX_OPTIONS);
		return;
	}
	f->noptions = (size_t)(f->max - f->min) + 1;
	f->options = esg_arena_array(ld->a, f->noptions, sizeof *f->options);
	for (size_t i = 0; i < f->noptions; i++) {
		char num[16];

		snprintf(num, sizeof num, "%d", f->min + (int)i);
		f->options[i].value = esg_arena_strdup(ld->a, num);
		f->options[i].score = (double)i / (double)(f->max - f->min);
	}
	if (v[K_LABELS] != NULL)
		scale_labels(ld, v[K_LABELS], f);
	for (size_t i = 0; i < f->noptions; i++)
		fold_option(ld, &f->options[i]);
	check_ambiguity(ld, v[K_LABELS] ? v[K_LABELS] : n, f);
}

static void
parse_scoring(struct ld *ld, yaml_node_t *n, yaml_node_t *v, struct esg_field *f)
{
	yaml_node_item_t *it;
	size_t cnt;

	if (f->is_profile || !esg_ld_need(ld, n, v, "scoring", _("a number question")) ||
	    (it = esg_ld_seq(ld, v, "scoring", &cnt)) == NULL)
		return;
	if (cnt == 0) {
		esg_ld_err(ld, v, _("'scoring' needs at least one [x, score] point"));
		return;
	}
	f->scoring = esg_arena_array(ld->a, cnt, sizeof *f->scoring);
	f->npoints = cnt;
	for (size_t i = 0; i < cnt && esg_ld_visit(ld); i++) {
		yaml_node_t *pt = esg_ld_node(ld, it[i]);
		yaml_node_item_t *xy;
		size_t k;

		if ((xy = esg_ld_seq(ld, pt, "scoring", &k)) == NULL)
			continue;
		if (k != 2) {
			esg_ld_err(ld, pt, _("a scoring point is a pair [x, score]"));
			continue;
		}
		if (!esg_ld_num(ld, esg_ld_node(ld, xy[0]), "scoring", &f->scoring[i].x) ||
		    !esg_ld_num(ld, esg_ld_node(ld, xy[1]), "scoring", &f->scoring[i].s))
			continue;
		if (f->scoring[i].s < 0 || f->scoring[i].s > 1)
			esg_ld_err(ld, pt, _("a scoring point's score must be between "
			    "0 and 1"));
		if (i > 0 && !(f->scoring[i].x > f->scoring[i - 1].x))
			esg_ld_err(ld, pt, _("scoring points must have strictly "
			    "ascending x"));
	}
}

/*
 * A number's optional bounds.  Both given, min must be strictly below max:
 * a range of one value is not a question worth asking, and a reversed one
 * would reject every answer.
 */
static void
parse_range(struct ld *ld, yaml_node_t **v, struct esg_field *f)
{
	struct esg_bounds *r = &f->range;

	if (v[K_MIN] != NULL)
		r->has_min = esg_ld_num(ld, v[K_MIN], "min", &r->min);
	if (v[K_MAX] != NULL)
		r->has_max = esg_ld_num(ld, v[K_MAX], "max", &r->max);
	if (v[K_MIN] != NULL && v[K_MAX] != NULL && r->has_min && r->has_max &&
	    !(r->min < r->max))
		esg_ld_err(ld, v[K_MAX], _("a number question needs min < max "
		    "(here %s and %s)"), (const char *)v[K_MIN]->data.scalar.value,
		    (const char *)v[K_MAX]->data.scalar.value);
}

static void
parse_pillars(struct ld *ld, yaml_node_t *v, struct esg_field *f)
{
	const struct esg_questionnaire *q = ld->q;

	if (v->type != YAML_MAPPING_NODE) {
		esg_ld_err(ld, v, _("'pillars' must map pillar ids to factors, "
		    "e.g. {E: 1, G: 0.5}"));
		return;
	}
	for (yaml_node_pair_t *p = v->data.mapping.pairs.start;
	    p < v->data.mapping.pairs.top && esg_ld_visit(ld); p++) {
		yaml_node_t *k = esg_ld_node(ld, p->key);
		const char *id = esg_ld_str(ld, k, "pillars");
		size_t i;
		double x;

		if (id == NULL)
			continue;
		for (i = 0; i < q->npillars && strcmp(q->pillars[i].id, id); i++)
			;
		if (i == q->npillars)
			esg_ld_err(ld, k, _("unknown pillar '%s'"), id);
		else if (f->factor[i] > 0)
			esg_ld_err(ld, k, _("duplicate pillar '%s'"), id);
		else if (esg_ld_num(ld, esg_ld_node(ld, p->value), "pillars", &x)) {
			if (x > 0)
				f->factor[i] = x;
			else
				esg_ld_err(ld, esg_ld_node(ld, p->value),
				    _("a pillar factor must be greater than 0"));
		}
	}
}

static void
parse_sheet_refs(struct ld *ld, yaml_node_t *v, struct esg_field *f)
{
	size_t cnt;
	const char **ids = esg_ld_strlist(ld, v, "sheets", &cnt);

	if (ids == NULL)
		return;
	f->sheets = esg_arena_array(ld->a, cnt, sizeof *f->sheets);
	for (size_t i = 0; i < cnt; i++) {
		size_t s = esg_sheet_find(ld->q, ids[i]);

		if (s == ESG_NONE)
			esg_ld_err(ld, v, _("unknown sheet '%s'"), ids[i]);
		else
			f->sheets[f->nsheets++] = s;
	}
}

static bool
parse_type(struct ld *ld, yaml_node_t *n, yaml_node_t *v, struct esg_field *f)
{
	const char *t;
	int i;

	if (!esg_ld_need(ld, n, v, "type", _("a question")) ||
	    (t = esg_ld_str(ld, v, "type")) == NULL)
		return false;
	if ((i = esg_qtype_find(t)) >= 0) {
		f->type = (enum esg_qtype)i;
		return true;
	}
	esg_ld_err(ld, v, _("unknown question type '%s' (expected single, multi, "
	    "yesno, scale, number or text)"), t);
	return false;
}

static void
check_keys(struct ld *ld, yaml_node_t **v, const struct esg_field *f)
{
	for (int k = 0; k < K_N; k++) {
		if (v[k] == NULL)
			continue;
		if (f->is_profile && !is_profile_key(k))
			esg_ld_err(ld, v[k], _("'%s' is not allowed in a profile field "
			    "(profile fields are not scored)"), field_keys[k]);
		else if (!key_fits_type(k, f->type))
			esg_ld_err(ld, v[k], _("'%s' does not apply to a %s question"),
			    field_keys[k], esg_qtype(f)->name);
	}
}

static void
check_unique_id(struct ld *ld, yaml_node_t *n, struct esg_field *f)
{
	const struct esg_questionnaire *q = ld->q;

	for (size_t i = 0; i < q->nfields; i++)
		if (strcmp(q->fields[i].id, f->id) == 0) {
			esg_ld_err(ld, n, _("duplicate id '%s' (first defined at "
			    "line %u)"), f->id, q->fields[i].pos.line);
			return;
		}
}

static void
parse_typed(struct ld *ld, yaml_node_t *n, yaml_node_t **v, struct esg_field *f)
{
	switch (f->type) {
	case ESG_QTYPE_SINGLE:
	case ESG_QTYPE_MULTI:
		parse_options(ld, n, v[K_OPTIONS], f);
		break;
	case ESG_QTYPE_YESNO:
		yesno_options(ld, f);
		break;
	case ESG_QTYPE_SCALE:
		parse_scale(ld, n, v, f);
		break;
	case ESG_QTYPE_NUMBER:
		if (v[K_UNIT] != NULL)
			f->unit = esg_ld_str(ld, v[K_UNIT], "unit");
		parse_range(ld, v, f);
		parse_scoring(ld, n, v[K_SCORING], f);
		break;
	case ESG_QTYPE_TEXT:
		break;
	}
}

static void
parse_scoring_keys(struct ld *ld, yaml_node_t **v, struct esg_field *f)
{
	f->weight = 1;
	if (v[K_WEIGHT] && esg_ld_num(ld, v[K_WEIGHT], "weight", &f->weight) &&
	    f->weight < 0)
		esg_ld_err(ld, v[K_WEIGHT], _("weight must be 0 or more"));
	f->factor = esg_arena_array(ld->a, ld->q->npillars, sizeof *f->factor);
	if (v[K_PILLARS])
		parse_pillars(ld, v[K_PILLARS], f);
	if (v[K_SHEETS])
		parse_sheet_refs(ld, v[K_SHEETS], f);
	if (v[K_WHEN])
		f->when = esg_ld_cond(ld, v[K_WHEN], "when", &f->when_src);
}

/* Parses one field into the next slot of q->fields. */
static void
parse_field(struct ld *ld, yaml_node_t *n, bool profile, size_t section)
{
	struct esg_questionnaire *q = ld->q;
	struct esg_field *f;
	yaml_node_t *v[K_N];
	const char *what = profile ? _("a profile field") : _("a question");

	if (q->nfields == ld->fields_cap || q->nfields >= ESG_MAX_FIELDS) {
		esg_ld_err(ld, n, _("too many fields (at most %d)"), ESG_MAX_FIELDS);
		return;
	}
	if (!esg_ld_map(ld, n, field_keys, K_N, v, what))
		return;
	f = &q->fields[q->nfields];
	f->is_profile = profile;
	f->section = section;
	f->pos = esg_ld_pos(n);
	if (!esg_ld_need(ld, n, v[K_ID], "id", what) ||
	    (f->id = esg_ld_ident(ld, v[K_ID], "id")) == NULL ||
	    !parse_type(ld, n, v[K_TYPE], f))
		return;
	check_unique_id(ld, v[K_ID], f);
	if (esg_ld_need(ld, n, v[K_TEXT], "text", what))
		f->text = esg_ld_str(ld, v[K_TEXT], "text");
	if (v[K_HELP])
		f->help = esg_ld_str(ld, v[K_HELP], "help");
	if (v[K_LABEL])
		f->label = esg_ld_str(ld, v[K_LABEL], "label");
	if (v[K_ALLOW_NA])
		esg_ld_bool(ld, v[K_ALLOW_NA], "allow_na", &f->allow_na);
	check_keys(ld, v, f);
	parse_typed(ld, n, v, f);
	if (!profile)
		parse_scoring_keys(ld, v, f);
	if (f->text == NULL)
		f->text = f->id;
	if (f->label == NULL)
		f->label = f->text;
	q->nfields++;
}

void
esg_ld_profile(struct ld *ld, yaml_node_t *v)
{
	size_t cnt;
	yaml_node_item_t *it = esg_ld_seq(ld, v, "profile", &cnt);

	for (size_t i = 0; it != NULL && i < cnt && esg_ld_visit(ld); i++)
		parse_field(ld, esg_ld_node(ld, it[i]), true, ESG_NONE);
	ld->q->nprofile = ld->q->nfields;
}

static void
parse_section(struct ld *ld, yaml_node_t *n, struct esg_section *s, size_t idx)
{
	static const char *const keys[] = { "id", "title", "intro", "questions" };
	const char *what = _("a section");
	yaml_node_t *v[4];
	yaml_node_item_t *it;
	size_t cnt;

	s->first = ld->q->nfields;
	if (!esg_ld_map(ld, n, keys, 4, v, what))
		return;
	if (esg_ld_need(ld, n, v[0], "id", what))
		s->id = esg_ld_ident(ld, v[0], "id");
	if (esg_ld_need(ld, n, v[1], "title", what))
		s->title = esg_ld_str(ld, v[1], "title");
	if (v[2])
		s->intro = esg_ld_str(ld, v[2], "intro");
	if (esg_ld_need(ld, n, v[3], "questions", what) &&
	    (it = esg_ld_seq(ld, v[3], "questions", &cnt)) != NULL)
		for (size_t i = 0; i < cnt && esg_ld_visit(ld); i++)
			parse_field(ld, esg_ld_node(ld, it[i]), false, idx);
	s->count = ld->q->nfields - s->first;
	if (s->id == NULL)
		s->id = "";
	if (s->title == NULL)
		s->title = s->id;
}

void
esg_ld_sections(struct ld *ld, yaml_node_t *v)
{
	struct esg_questionnaire *q = ld->q;
	yaml_node_item_t *it;
	size_t cnt;

	if ((it = esg_ld_seq(ld, v, "sections", &cnt)) == NULL)
		return;
	q->sections = esg_arena_array(ld->a, cnt, sizeof *q->sections);
	for (size_t i = 0; i < cnt && esg_ld_visit(ld); i++) {
		struct esg_section *s = &q->sections[i];

		parse_section(ld, esg_ld_node(ld, it[i]), s, i);
		for (size_t j = 0; j < i; j++)
			if (s->id && q->sections[j].id &&
			    strcmp(s->id, q->sections[j].id) == 0 && *s->id)
				esg_ld_err(ld, esg_ld_node(ld, it[i]),
				    _("duplicate section id '%s'"), s->id);
		q->nsections++;
	}
}
