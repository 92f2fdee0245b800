/*
 * LimeSurvey codes and survey structure (limesurvey.h).  The format is the
 * one TSVImportSurvey() in LimeSurvey's application/helpers/admin/
 * import_helper.php reads and tsvSurveyExport() in application/helpers/
 * export_helper.php writes (LimeSurvey 3 to 6): a header row naming the
 * columns, then one row per survey setting (S, SL), group (G), question
 * (Q), subquestion (SQ) and answer (A), in that nesting order.
 * Question types: single choice, scale and yes/no become a list (L),
 * multiple choice M, number N, text T.  Yes/no is a list with the answers
 * oui and non rather than LimeSurvey's Y type because a Y question left
 * unanswered is exported as "N/A" in full answers, which would read as
 * "not applicable".
 */
#include "esgdiag/limesurvey.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "esgdiag/buf.h"
#include "esgdiag/cond.h"
#include "esgdiag/diag.h"
#include "esgdiag/model.h"
#include "esgdiag/qtype.h"
#include "i18n.h"

/* snake_case made of lower-case words, the ids camel case reads back. */
static bool
camel_ok(const char *id)
{
	if (!(*id >= 'a' && *id <= 'z'))
		return false;
	for (const char *p = id; *p; p++) {
		if (*p == '_' && !(p[1] >= 'a' && p[1] <= 'z'))
			return false;
		if (*p >= 'A' && *p <= 'Z')
			return false;
	}
	return true;
}

void
esg_ls_qcode(const struct esg_questionnaire *q, size_t i,
    char out[ESG_LS_CODE_MAX])
{
	const char *id = q->fields[i].id;
	size_t n = 0;

	if (camel_ok(id)) {
		for (const char *p = id; *p && n < ESG_LS_CODE_MAX - 1; p++)
			if (*p == '_')
				out[n++] = (char)(*++p - 'a' + 'A');
			else
				out[n++] = *p;
		out[n] = '\0';
		if (n <= 20)
			return;
	}
	snprintf(out, ESG_LS_CODE_MAX, "Q%zu", i + 1);
}

static bool
short_code(const char *v)
{
	size_t n = strlen(v);

	if (n == 0 || n > 5)
		return false;
	for (; *v; v++)
		if (!((*v >= 'a' && *v <= 'z') || (*v >= 'A' && *v <= 'Z') ||
		    (*v >= '0' && *v <= '9')))
			return false;
	return true;
}

void
esg_ls_acode(const struct esg_questionnaire *q, size_t i, size_t k,
    char out[ESG_LS_CODE_MAX])
{
	const char *v = q->fields[i].options[k].value;

	if (short_code(v))
		snprintf(out, ESG_LS_CODE_MAX, "%s", v);
	else
		snprintf(out, ESG_LS_CODE_MAX, "A%zu", k + 1);
}

/* The columns, in order; attributes after LimeSurvey's base columns. */
enum col {
	C_CLASS, C_TYPE, C_NAME, C_RELEVANCE, C_TEXT, C_HELP, C_LANGUAGE,
	C_VALIDATION, C_MANDATORY, C_OTHER, C_DEFAULT, C_SAME_DEFAULT,
	C_EXCLUDE, C_SUFFIX, NCOLS
};

static const char *const col_names[NCOLS] = {
	"class", "type/scale", "name", "relevance", "text", "help", "language",
	"validation", "mandatory", "other", "default", "same_default",
	"exclude_all_others", "suffix",
};

/* One cell: tabs and line ends become spaces, quotes as fputcsv does. */
static void
cell(struct esg_buf *b, const char *s)
{
	bool quote = s && strchr(s, '"');

	if (quote)
		esg_buf_putc(b, '"');
	for (; s && *s; s++) {
		if (*s == '\t' || *s == '\n' || *s == '\r')
			esg_buf_putc(b, ' ');
		else if (*s == '"')
			esg_buf_puts(b, "\"\"");
		else
			esg_buf_putc(b, *s);
	}
	if (quote)
		esg_buf_putc(b, '"');
}

static void
row(struct esg_buf *b, const char *const v[NCOLS])
{
	for (int c = 0; c < NCOLS; c++) {
		if (c)
			esg_buf_putc(b, '\t');
		cell(b, v[c]);
	}
	esg_buf_putc(b, '\n');
}

struct lsw {
	struct esg_buf *b;
	const struct esg_questionnaire *q;
	const char *lang;
};

static void
simple(struct lsw *w, const char *cls, const char *name, const char *text,
    const char *lang)
{
	const char *v[NCOLS] = { 0 };

	v[C_CLASS] = cls;
	v[C_NAME] = name;
	v[C_TEXT] = text;
	v[C_LANGUAGE] = lang;
	row(w->b, v);
}

/* An answer (A) of a list or a subquestion (SQ) of a multiple choice. */
static void
choice(struct lsw *w, const char *cls, const char *code, const char *text)
{
	const char *v[NCOLS] = { 0 };

	v[C_CLASS] = cls;
	v[C_TYPE] = "0";
	v[C_NAME] = code;
	v[C_TEXT] = text;
	v[C_LANGUAGE] = w->lang;
	row(w->b, v);
}

static const char *
qtype(const struct esg_field *f)
{
	return esg_qtype(f)->limesurvey;
}

/* Whether option value v is already one of f's (nsp and na are extras). */
static bool
has_value(const struct esg_field *f, const char *v)
{
	for (size_t k = 0; k < f->noptions; k++)
		if (strcmp(f->options[k].value, v) == 0)
			return true;
	return false;
}

/* The answers (or subquestions) of field i, then nsp and na. */
static void
choices(struct lsw *w, size_t i)
{
	const struct esg_field *f = &w->q->fields[i];
	const char *cls = f->type == ESG_QTYPE_MULTI ? "SQ" : "A";
	char code[ESG_LS_CODE_MAX];

	for (size_t k = 0; k < f->noptions; k++) {
		esg_ls_acode(w->q, i, k, code);
		choice(w, cls, code, f->options[k].label ? f->options[k].label :
		    f->options[k].value);
	}
	if (f->type == ESG_QTYPE_MULTI)
		return;
	if (!has_value(f, "nsp"))
		choice(w, cls, "nsp", "Ne sait pas");
	if (f->allow_na && !has_value(f, "na"))
		choice(w, cls, "na", "Sans objet");
}

static void
question(struct lsw *w, size_t i)
{
	const struct esg_field *f = &w->q->fields[i];
	const char *v[NCOLS] = { 0 };
	char code[ESG_LS_CODE_MAX], excl[ESG_LS_CODE_MAX] = "";
	struct esg_buf rel = ESG_BUF_INIT;

	esg_ls_qcode(w->q, i, code);
	if (f->when)
		esg_ls_relevance(&rel, w->q, f->when);
	for (size_t k = 0; f->type == ESG_QTYPE_MULTI && k < f->noptions; k++)
		if (f->options[k].exclusive)
			esg_ls_acode(w->q, i, k, excl);
	v[C_CLASS] = "Q";
	v[C_TYPE] = qtype(f);
	v[C_NAME] = code;
	v[C_RELEVANCE] = f->when ? esg_buf_str(&rel) : "1";
	v[C_TEXT] = f->text;
	v[C_HELP] = f->help;
	v[C_LANGUAGE] = w->lang;
	v[C_MANDATORY] = "N";
	v[C_OTHER] = "N";
	v[C_SAME_DEFAULT] = "0";
	v[C_EXCLUDE] = excl;
	v[C_SUFFIX] = f->type == ESG_QTYPE_NUMBER ? f->unit : NULL;
	row(w->b, v);
	esg_buf_release(&rel);
	if (f->type != ESG_QTYPE_NUMBER && f->type != ESG_QTYPE_TEXT)
		choices(w, i);
}

static void
group(struct lsw *w, const char *name, const char *intro, size_t first,
    size_t count)
{
	const char *v[NCOLS] = { 0 };

	v[C_CLASS] = "G";
	v[C_NAME] = name;
	v[C_RELEVANCE] = "1";
	v[C_TEXT] = intro;
	v[C_LANGUAGE] = w->lang;
	row(w->b, v);
	for (size_t i = first; i < first + count; i++)
		question(w, i);
}

/* Two fields with one code would merge their columns in the export. */
static int
check_codes(const struct esg_questionnaire *q, struct esg_diags *d)
{
	char a[ESG_LS_CODE_MAX], b[ESG_LS_CODE_MAX];

	for (size_t i = 0; i < q->nfields; i++)
		for (size_t j = 0; j < i; j++) {
			esg_ls_qcode(q, i, a);
			esg_ls_qcode(q, j, b);
			if (strcasecmp(a, b) == 0) {
				esg_diag_add(d, ESG_SEV_ERROR, q->source_name, 0, 0,
				    _("fields '%s' and '%s' would share the "
				    "LimeSurvey code '%s'"), q->fields[j].id,
				    q->fields[i].id, a);
				return -1;
			}
		}
	return 0;
}

int
esg_ls_survey(struct esg_buf *b, const struct esg_questionnaire *q,
    struct esg_diags *d)
{
	struct lsw w = { b, q, q->language ? q->language : "fr" };
	char desc[512];

	if (check_codes(q, d) != 0)
		return -1;
	row(b, col_names);
	simple(&w, "S", "language", w.lang, NULL);
	simple(&w, "S", "format", "G", NULL);
	simple(&w, "SL", "surveyls_title", q->title, w.lang);
	snprintf(desc, sizeof desc, "Questionnaire %s, version %s (esgdiag)",
	    q->id, q->version);
	simple(&w, "SL", "surveyls_description", desc, w.lang);
	if (q->nprofile > 0)
		group(&w, "Profil de la structure", NULL, 0, q->nprofile);
	for (size_t s = 0; s < q->nsections; s++)
		group(&w, q->sections[s].title, q->sections[s].intro,
		    q->sections[s].first, q->sections[s].count);
	return 0;
}
