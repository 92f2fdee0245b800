/*
 * Heading matching (heading.h).  Every field's text, help and LimeSurvey
 * code are turned into comparison keys once; a heading is then keyed and
 * compared with each, first as it is, then without a numbering prefix.
 */
#include "esgdiag/heading.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "esgdiag/buf.h"
#include "esgdiag/limesurvey.h"
#include "esgdiag/model.h"
#include "esgdiag/text.h"
#include "esgdiag/xalloc.h"

struct keyed {
	char *text, *help, *code;	/* keys; help NULL when none */
	char *label;			/* key of the short name, or NULL */
	char **labels;			/* options' keys (multi only) */
	char **acodes;			/* options' LimeSurvey codes (multi only) */
};

struct esg_headings {
	const struct esg_questionnaire *q;
	struct keyed *f;
};

/* Latin-1 letters 0xC0-0xFF without their accents ("" for ×, ÷). */
static const char *const latin1[64] = {
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i",
	"i", "i", "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u",
	"u", "y", "th", "ss",
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i",
	"i", "i", "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u",
	"u", "y", "th", "y",
};

/* The plain form of code point cp, or NULL to keep it as it is. */
static const char *
plain(unsigned cp)
{
	if (cp >= 0xc0 && cp <= 0xff)
		return latin1[cp - 0xc0];
	switch (cp) {
	case 0x152: case 0x153: return "oe";
	case 0x178: return "y";
	case 0xa0: case 0x202f: case 0x2009: case 0x2007: return " ";
	case 0x2018: case 0x2019: case 0x2bc: return "'";
	case 0x201c: case 0x201d: case 0xab: case 0xbb: return "\"";
	case 0x2013: case 0x2014: return "-";
	case 0x2026: return "...";
	default: return NULL;
	}
}

/* Decodes the code point at s (n bytes, well-formed UTF-8); *len its size. */
static unsigned
decode(const unsigned char *s, size_t n, size_t *len)
{
	unsigned cp = s[0];

	*len = cp < 0xe0 ? 2 : cp < 0xf0 ? 3 : 4;
	if (*len > n) {
		*len = 1;
		return cp;
	}
	cp &= *len == 2 ? 0x1f : *len == 3 ? 0x0f : 0x07;
	for (size_t k = 1; k < *len; k++)
		cp = cp << 6 | (s[k] & 0x3f);
	return cp;
}

static void
put_space(struct esg_buf *b)
{
	if (b->len > 0 && b->data[b->len - 1] != ' ')
		esg_buf_putc(b, ' ');
}

static void
put_char(struct esg_buf *b, char c)
{
	/* French spacing before ? : ! ; is optional in headings. */
	if (strchr("?:!;", c) && b->len > 0 && b->data[b->len - 1] == ' ')
		b->len--;
	if (c >= 'A' && c <= 'Z')
		c = (char)(c - 'A' + 'a');
	esg_buf_putc(b, c);
}

void
esg_heading_key(struct esg_buf *b, const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t start = b->len;

	for (size_t i = 0, len = 1; i < n; i += len) {
		const char *p;

		len = 1;
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
			put_space(b);
			continue;
		}
		if (s[i] < 0x80) {
			put_char(b, (char)s[i]);
			continue;
		}
		unsigned cp = decode(s + i, n - i, &len);

		if ((p = plain(cp)) == NULL)
			esg_buf_add(b, s + i, len);
		else if (strcmp(p, " ") == 0)
			put_space(b);
		else
			for (; *p; p++)
				put_char(b, *p);
	}
	if (b->len > start && b->data[b->len - 1] == ' ')
		b->len--;
	if (b->len > start && b->data[start] == ' ')
		memmove(b->data + start, b->data + start + 1, --b->len - start);
	esg_buf_putc(b, '\0');
	b->len--;
}

static char *
key_of(const char *s)
{
	struct esg_buf b = ESG_BUF_INIT;

	esg_heading_key(&b, s, strlen(s));
	return b.data ? b.data : esg_xstrdup("");
}

static void
key_field(const struct esg_questionnaire *q, size_t i, struct keyed *k)
{
	const struct esg_field *f = &q->fields[i];
	char code[ESG_LS_CODE_MAX];

	k->text = key_of(f->text);
	k->help = f->help ? key_of(f->help) : NULL;
	k->label = f->label ? key_of(f->label) : NULL;
	esg_ls_qcode(q, i, code);
	k->code = key_of(code);
	if (f->type != ESG_QTYPE_MULTI)
		return;
	k->labels = esg_xcalloc(f->noptions, sizeof *k->labels);
	k->acodes = esg_xcalloc(f->noptions, sizeof *k->acodes);
	for (size_t o = 0; o < f->noptions; o++) {
		k->labels[o] = key_of(f->options[o].label ? f->options[o].label :
		    f->options[o].value);
		esg_ls_acode(q, i, o, code);
		k->acodes[o] = key_of(code);
	}
}

struct esg_headings *
esg_headings_new(const struct esg_questionnaire *q)
{
	struct esg_headings *h = esg_xcalloc(1, sizeof *h);

	h->q = q;
	h->f = esg_xcalloc(q->nfields + 1, sizeof *h->f);
	for (size_t i = 0; i < q->nfields; i++)
		key_field(q, i, &h->f[i]);
	return h;
}

void
esg_headings_free(struct esg_headings *h)
{
	if (h == NULL)
		return;
	for (size_t i = 0; i < h->q->nfields; i++) {
		struct keyed *k = &h->f[i];

		for (size_t o = 0; k->labels && o < h->q->fields[i].noptions; o++) {
			free(k->labels[o]);
			free(k->acodes[o]);
		}
		free(k->labels);
		free(k->acodes);
		free(k->text);
		free(k->label);
		free(k->help);
		free(k->code);
	}
	free(h->f);
	free(h);
}

/* Whether rest is the help text, after a separator: " (help)", " - help". */
static bool
is_help(const char *rest, const char *help)
{
	size_t n;

	if (help == NULL || *help == '\0')
		return false;
	rest += strspn(rest, " -:(");
	n = strlen(rest);
	if (n > 0 && rest[n - 1] == ')')
		n--;
	return n == strlen(help) && memcmp(rest, help, n) == 0;
}

/* The option whose "[key]" ends the heading, after the text: "text [label]". */
static size_t
bracket_option(const char *rest, char *const *keys, size_t n)
{
	size_t len = strlen(rest);

	if (rest[0] != ' ' || rest[1] != '[' || len < 3 || rest[len - 1] != ']')
		return ESG_NONE;
	for (size_t o = 0; o < n; o++)
		if (strlen(keys[o]) == len - 3 && !memcmp(rest + 2, keys[o], len - 3))
			return o;
	return ESG_NONE;
}

/* Whether key k matches field i by its text; *opt for an option column. */
static bool
text_matches(const struct esg_headings *h, size_t i, const char *k, size_t *opt)
{
	const struct keyed *f = &h->f[i];
	size_t t = strlen(f->text);

	*opt = ESG_NONE;
	/* The short name reports show ("Type de structure"), whole. */
	if (f->label != NULL && *f->label && strcmp(k, f->label) == 0)
		return true;
	if (t == 0 || strncmp(k, f->text, t) != 0)
		return false;
	if (k[t] == '\0' || is_help(k + t, f->help))
		return true;
	if (f->labels)
		*opt = bracket_option(k + t, f->labels, h->q->fields[i].noptions);
	return *opt != ESG_NONE;
}

static void
add_candidate(struct esg_heading_match *m, size_t i, size_t opt,
    enum esg_match_how how)
{
	if (m->ncand < sizeof m->cand / sizeof m->cand[0])
		m->cand[m->ncand] = i;
	if (m->ncand++ == 0) {
		m->field = i;
		m->opt = opt;
		m->how = how;
	} else
		m->how = ESG_MATCH_AMBIGUOUS;
}

static void
match_texts(const struct esg_headings *h, const char *k,
    struct esg_heading_match *m)
{
	size_t opt;

	for (size_t i = 0; i < h->q->nfields; i++)
		if (text_matches(h, i, k, &opt))
			add_candidate(m, i, opt, ESG_MATCH_TEXT);
}

/*
 * Past a numbering prefix: "3. ", "3) ", "3 - ", "Q3 - ", "Q3: ", or a
 * LimeSurvey "code. " (its "question code & text" headings); NULL if none.
 */
static const char *
past_prefix(const char *k)
{
	const char *p = k;

	if (*p == 'q' && (p[1] == ' ' || (p[1] >= '0' && p[1] <= '9')))
		p += p[1] == ' ' ? 2 : 1;
	if (*p >= '0' && *p <= '9') {
		p += strspn(p, "0123456789");
		p += strspn(p, ".)");
		p += strspn(p, " ");
		p += strspn(p, "-:.");
		p += strspn(p, " ");
		return p > k && *p ? p : NULL;
	}
	p = k + strspn(k, "abcdefghijklmnopqrstuvwxyz0123456789");
	if (p > k && p[0] == '.' && p[1] == ' ')
		return p + 2;
	return NULL;
}

/* "CODE" or "CODE[SQ]" as LimeSurvey's code headings write them. */
static void
match_code(const struct esg_headings *h, const char *k,
    struct esg_heading_match *m)
{
	const char *br = strchr(k, '[');
	size_t n = br ? (size_t)(br - k) : strlen(k);

	for (size_t i = 0; i < h->q->nfields && m->ncand == 0; i++) {
		const struct keyed *f = &h->f[i];

		if (strlen(f->code) != n || memcmp(k, f->code, n) != 0)
			continue;
		if (br == NULL)
			add_candidate(m, i, ESG_NONE, ESG_MATCH_CODE);
		else if (f->acodes) {
			char sq[ESG_LS_CODE_MAX + 2];

			for (size_t o = 0; o < h->q->fields[i].noptions; o++) {
				snprintf(sq, sizeof sq, "[%s]", f->acodes[o]);
				if (strcmp(br, sq) == 0)
					add_candidate(m, i, o, ESG_MATCH_CODE);
			}
		}
	}
}

void
esg_heading_match(const struct esg_headings *h, const char *heading,
    struct esg_heading_match *m)
{
	char *k = key_of(heading);
	const char *rest;

	memset(m, 0, sizeof *m);
	m->field = m->opt = ESG_NONE;
	match_code(h, k, m);
	if (m->ncand == 0)
		match_texts(h, k, m);
	if (m->ncand == 0 && (rest = past_prefix(k)) != NULL)
		match_texts(h, rest, m);
	free(k);
}
