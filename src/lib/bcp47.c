/*
 * The syntax of a BCP 47 language tag (RFC 5646 section 2.1, the
 * "langtag" and "privateuse" productions), checked without the IANA
 * registry: the questionnaire's `language` must be one before it goes into
 * documents (a LimeSurvey column, an HTML attribute).  The irregular
 * grandfathered tags (i-klingon...) are not accepted.
 */
#include "esgdiag/text.h"

#include <string.h>

enum { MAX_SUBTAGS = 32 };

struct subtag {
	const char *p;
	size_t n;
	bool alpha, digit;	/* all letters, all digits */
};

static bool
is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Splits s at '-' into 1-8 letter-or-digit subtags; 0 if it cannot. */
static size_t
split(const char *s, struct subtag *t)
{
	size_t k = 0;

	for (;;) {
		struct subtag *x = &t[k];

		if (k == MAX_SUBTAGS)
			return 0;
		*x = (struct subtag){ s, 0, true, true };
		for (; is_alpha(s[x->n]) || is_digit(s[x->n]); x->n++) {
			x->alpha &= is_alpha(s[x->n]);
			x->digit &= is_digit(s[x->n]);
		}
		if (x->n == 0 || x->n > 8)
			return 0;
		k++;
		s += x->n;
		if (*s == '\0')
			return k;
		if (*s++ != '-')
			return 0;
	}
}

static bool
is(const struct subtag *t, char c)
{
	return t->n == 1 && (t->p[0] | 0x20) == c;
}

/* privateuse = "x" 1*("-" 1*8alphanum), from t[i]; true if it ends there. */
static bool
private_use(const struct subtag *t, size_t i, size_t n)
{
	return is(&t[i], 'x') && n - i >= 2;
}

/* Variants, extensions and private use after the language, script, region. */
static bool
tail(const struct subtag *t, size_t i, size_t n)
{
	while (i < n && ((t[i].n >= 5) || (t[i].n == 4 && is_digit(t[i].p[0]))))
		i++;
	while (i < n && t[i].n == 1 && !is(&t[i], 'x')) {
		size_t j = i + 1;

		while (j < n && t[j].n >= 2)
			j++;
		if (j == i + 1)
			return false;	/* a singleton needs a subtag */
		i = j;
	}
	return i == n || private_use(t, i, n);
}

bool
esg_bcp47_valid(const char *s)
{
	struct subtag t[MAX_SUBTAGS];
	size_t n = split(s, t), i = 1;

	if (n == 0)
		return false;
	if (private_use(t, 0, n))
		return true;
	if (!t[0].alpha || t[0].n < 2)
		return false;
	/* Up to three extended language subtags after a 2-3 letter language. */
	for (size_t e = 0; t[0].n <= 3 && e < 3 && i < n && t[i].alpha &&
	    t[i].n == 3; e++)
		i++;
	if (i < n && t[i].alpha && t[i].n == 4)
		i++;			/* script */
	if (i < n && ((t[i].alpha && t[i].n == 2) || (t[i].digit && t[i].n == 3)))
		i++;			/* region */
	return tail(t, i, n);
}
