/*
 * UTF-8, folding, trimming and numbers; see text.h.  Locale-proof:
 * strtod and snprintf run under the "C" locale (c_locale.h), whatever
 * setlocale() the program using the library has called.
 */
#include "esgdiag/text.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "c_locale.h"
#include "esgdiag/buf.h"

/*
 * Eight bytes at a time for the ASCII runs that make most of a file: a
 * word with no high bit holds eight ASCII characters.
 */
#define ONES	UINT64_C(0x0101010101010101)
#define HIGHS	UINT64_C(0x8080808080808080)

static inline uint64_t
load8(const unsigned char *s)
{
	uint64_t x;

	memcpy(&x, s, sizeof x);
	return x;
}

bool
esg_utf8_valid(const char *str, size_t n, size_t *bad)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	while (i < n) {
		unsigned c = s[i], len, cp, min;

		if (c < 0x80) {
			while (n - i >= 8 && (load8(s + i) & HIGHS) == 0)
				i += 8;
			while (i < n && s[i] < 0x80)
				i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf)
			len = 2, cp = c & 0x1f, min = 0x80;
		else if (c >= 0xe0 && c <= 0xef)
			len = 3, cp = c & 0x0f, min = 0x800;
		else if (c >= 0xf0 && c <= 0xf4)
			len = 4, cp = c & 0x07, min = 0x10000;
		else
			goto fail;
		if (n - i < len)
			goto fail;
		for (unsigned k = 1; k < len; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				goto fail;
			cp = cp << 6 | (s[i + k] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			goto fail;
		i += len;
	}
	return true;
fail:
	if (bad != NULL)
		*bad = i;
	return false;
}

/* Lower case of a two-byte code point, or cp itself. */
static unsigned
fold_cp(unsigned cp)
{
	if (cp >= 0xc0 && cp <= 0xde && cp != 0xd7)
		return cp + 0x20;
	if (cp == 0x178)
		return 0xff;
	/* Latin Extended-A pairs: upper case even in these runs... */
	if ((cp >= 0x100 && cp <= 0x137) || (cp >= 0x14a && cp <= 0x177))
		return cp | 1;
	/* ...and odd in these. */
	if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17e))
		return (cp & 1) ? cp + 1 : cp;
	return cp;
}

/*
 * Folds ASCII from i on, eight bytes at a time, up to the first byte that
 * is not ASCII; returns its index.  A byte from 'A' to 'Z' is one that
 * adding 0x80 - 'A' lifts to the high bit and adding 0x80 - 'Z' - 1 does
 * not (no carry: every byte is below 0x80).
 */
static size_t
fold_ascii(unsigned char *d, const unsigned char *s, size_t i, size_t n)
{
	uint64_t x8, up;

	while (n - i >= 8) {
		uint64_t x = load8(s + i);

		if (x & HIGHS)
			break;
		up = (x + ONES * (0x80 - 'A')) & ~(x + ONES * (0x80 - 'Z' - 1));
		x |= (up & HIGHS) >> 2;
		memcpy(d + i, &x, sizeof x);
		i += 8;
	}
	/*
	 * A short ASCII tail: the last eight bytes as one word, when they are
	 * all ASCII (folding twice the bytes already done changes nothing).
	 */
	if (i < n && n - i < 8 && n >= 8 &&
	    ((x8 = load8(s + n - 8)) & HIGHS) == 0) {
		up = (x8 + ONES * (0x80 - 'A')) & ~(x8 + ONES * (0x80 - 'Z' - 1));
		x8 |= (up & HIGHS) >> 2;
		memcpy(d + n - 8, &x8, sizeof x8);
		return n;
	}
	for (; i < n && s[i] < 0x80; i++)
		d[i] = (unsigned char)((unsigned)(s[i] - 'A') < 26u ? s[i] + 32 : s[i]);
	return i;
}

void
esg_fold(char *dst, const char *src, size_t n)
{
	const unsigned char *s = (const unsigned char *)src;
	unsigned char *d = (unsigned char *)dst;
	size_t i = 0;

	while ((i = fold_ascii(d, s, i, n)) < n) {
		unsigned c = s[i];

		if ((c & 0xe0) == 0xc0 && i + 1 < n && (s[i + 1] & 0xc0) == 0x80) {
			unsigned cp = fold_cp((c & 0x1f) << 6 | (s[i + 1] & 0x3f));

			d[i] = (unsigned char)(0xc0 | cp >> 6);
			d[i + 1] = (unsigned char)(0x80 | (cp & 0x3f));
			i += 2;
		} else
			d[i++] = (unsigned char)c;
	}
}

/*
 * Length of the typographic apostrophe at s (U+2019, U+2018 or U+02BC),
 * or 0.  Word, Excel and macOS type U+2019 for ' in French.
 */
static size_t
apostrophe_at(const unsigned char *s, size_t n)
{
	if (n >= 3 && s[0] == 0xe2 && s[1] == 0x80 &&
	    (s[2] == 0x99 || s[2] == 0x98))
		return 3;
	if (n >= 2 && s[0] == 0xca && s[1] == 0xbc)
		return 2;
	return 0;
}

size_t
esg_fold_key(char *dst, const char *src, size_t n)
{
	unsigned char *d = (unsigned char *)dst;
	size_t i, j, len;

	esg_fold(dst, src, n);
	/* The common case, no 0xE2 or 0xCA byte: nothing to narrow. */
	if (!memchr(d, 0xe2, n) && !memchr(d, 0xca, n))
		return n;
	for (i = j = 0; i < n; j++)
		if ((len = apostrophe_at(d + i, n - i)) != 0) {
			d[j] = '\'';
			i += len;
		} else
			d[j] = d[i++];
	return j;
}

/* Length of the blank at s (ASCII white space, U+00A0, U+202F), or 0. */
static size_t
blank_at(const unsigned char *s, size_t n)
{
	if (n >= 1 && (s[0] == ' ' || (s[0] >= '\t' && s[0] <= '\r')))
		return 1;
	if (n >= 2 && s[0] == 0xc2 && s[1] == 0xa0)
		return 2;
	if (n >= 3 && s[0] == 0xe2 && s[1] == 0x80 && s[2] == 0xaf)
		return 3;
	return 0;
}

/* Length of the blank ending at s + n, or 0. */
static size_t
blank_before(const unsigned char *s, size_t n)
{
	if (n >= 1 && (s[n - 1] == ' ' || (s[n - 1] >= '\t' && s[n - 1] <= '\r')))
		return 1;
	if (n >= 2 && s[n - 2] == 0xc2 && s[n - 1] == 0xa0)
		return 2;
	if (n >= 3 && s[n - 3] == 0xe2 && s[n - 2] == 0x80 && s[n - 1] == 0xaf)
		return 3;
	return 0;
}

void
esg_trim(const char **sp, size_t *np)
{
	const unsigned char *s = (const unsigned char *)*sp;
	size_t n = *np, k;

	while ((k = blank_at(s, n)) > 0)
		s += k, n -= k;
	while ((k = blank_before(s, n)) > 0)
		n -= k;
	*sp = (const char *)s;
	*np = n;
}

size_t
esg_utf8_width(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t w = 0;

	for (size_t i = 0; i < n; i++) {
		if ((s[i] & 0xc0) == 0x80)
			continue;
		/* U+0300..U+036F combining marks take no column. */
		if (s[i] == 0xcc || (s[i] == 0xcd && i + 1 < n && s[i + 1] < 0xb0))
			continue;
		w++;
	}
	return w;
}

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/*
 * Edit distance with adjacent transpositions (optimal string alignment),
 * ignoring ASCII case, capped: only small distances matter for hints, and
 * "tpye" is one slip from "type", not two.
 */
static size_t
distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), d[33][33];

	if (la > 32 || lb > 32)
		return 99;
	for (size_t i = 0; i <= la; i++)
		d[i][0] = i;
	for (size_t j = 0; j <= lb; j++)
		d[0][j] = j;
	for (size_t i = 1; i <= la; i++)
		for (size_t j = 1; j <= lb; j++) {
			size_t best = d[i - 1][j - 1] +
			    (lower(a[i - 1]) != lower(b[j - 1]));

			if (d[i - 1][j] + 1 < best)
				best = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < best)
				best = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) &&
			    lower(a[i - 2]) == lower(b[j - 1]) && d[i - 2][j - 2] + 1 < best)
				best = d[i - 2][j - 2] + 1;
			d[i][j] = best;
		}
	return d[la][lb];
}

const char *
esg_nearest(const char *key, const char *const *cands, size_t n)
{
	size_t best = 3, len = strlen(key);
	const char *hint = NULL;

	/* A hint only when the typo is small next to the key itself. */
	for (size_t i = 0; i < n; i++) {
		size_t d = distance(key, cands[i]);

		if (d < best && 3 * d <= len) {
			best = d;
			hint = cands[i];
		}
	}
	return hint;
}

static bool
isdig(int c)
{
	return c >= '0' && c <= '9';
}

/* A thousands separator at s: ' ', U+00A0 or U+202F; returns its length. */
static size_t
group_sep(const unsigned char *s, size_t n)
{
	if (n >= 1 && s[0] == ' ')
		return 1;
	if (n >= 2 && s[0] == 0xc2 && s[1] == 0xa0)
		return 2;
	if (n >= 3 && s[0] == 0xe2 && s[1] == 0x80 && s[2] == 0xaf)
		return 3;
	return 0;
}

/* Copies the integer part into b, checking the grouping; returns bytes read or 0. */
static size_t
int_part(const unsigned char *s, size_t n, struct esg_buf *b)
{
	size_t i = 0, lead, k;

	while (i < n && isdig(s[i]))
		esg_buf_putc(b, (char)s[i++]);
	lead = i;
	if (lead == 0 || lead > 3 || group_sep(s + i, n - i) == 0)
		return lead;
	while ((k = group_sep(s + i, n - i)) > 0) {
		if (n - i - k < 3 || !isdig(s[i + k]) || !isdig(s[i + k + 1]) ||
		    !isdig(s[i + k + 2]) ||
		    (n - i - k > 3 && isdig(s[i + k + 3])))
			return 0;
		esg_buf_add(b, s + i + k, 3);
		i += k + 3;
	}
	return i;
}

/*
 * The common cell without grouping: [sign] digits [(.|,) digits], at most
 * 2^53 once the mark is dropped and at most 22 decimals.  Then the digits
 * m and 10^f are exact doubles and m / 10^f is one correctly rounded
 * division: the double strtod would return, with no locale involved.
 * Returns false to leave anything else to the general path.
 */
static bool
num_fast(const unsigned char *s, size_t n, double *out)
{
	static const double pow10[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6,
	    1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17,
	    1e18, 1e19, 1e20, 1e21, 1e22 };
	uint64_t m = 0;
	size_t i = 0, f = 0, start;
	bool neg = false, point = false;

	if (i < n && (s[i] == '+' || s[i] == '-'))
		neg = s[i++] == '-';
	start = i;
	for (; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9') {
			if (m > (UINT64_C(1) << 53) / 10)
				return false;
			m = m * 10 + (uint64_t)(s[i] - '0');
			f += point;
		} else if ((s[i] == '.' || s[i] == ',') && !point && i > start &&
		    i + 1 < n)
			point = true;
		else
			return false;
	}
	if (i == start || f > 22 || m > UINT64_C(1) << 53)
		return false;
	*out = (double)m / pow10[f];
	if (neg)
		*out = -*out;
	return true;
}

enum esg_num_err
esg_num_parse_cell(const char *str, size_t n, double *out)
{
	const unsigned char *s = (const unsigned char *)str;
	struct esg_buf b = ESG_BUF_INIT;
	enum esg_num_err rc = ESG_NUM_SYNTAX;
	size_t i = 0, k;

	if (num_fast(s, n, out))
		return ESG_NUM_OK;
	if (i < n && (s[i] == '+' || s[i] == '-'))
		esg_buf_putc(&b, (char)s[i++]);
	k = int_part(s + i, n - i, &b);
	if (k == 0)
		goto out;
	i += k;
	if (i < n && (s[i] == '.' || s[i] == ',')) {
		esg_buf_putc(&b, '.');
		if (++i == n || !isdig(s[i]))
			goto out;
		while (i < n && isdig(s[i]))
			esg_buf_putc(&b, (char)s[i++]);
	}
	if (i != n)
		goto out;
	*out = esg_strtod_c(esg_buf_str(&b));
	rc = isfinite(*out) ? ESG_NUM_OK : ESG_NUM_RANGE;
out:
	esg_buf_release(&b);
	return rc;
}

enum esg_num_err
esg_num_parse_plain(const char *s, double *out)
{
	size_t i = 0;

	if (s[i] == '+' || s[i] == '-')
		i++;
	if (!isdig(s[i]))
		return ESG_NUM_SYNTAX;
	while (isdig(s[i]))
		i++;
	if (s[i] == '.') {
		if (!isdig(s[++i]))
			return ESG_NUM_SYNTAX;
		while (isdig(s[i]))
			i++;
	}
	if (s[i] == 'e' || s[i] == 'E') {
		i++;
		if (s[i] == '+' || s[i] == '-')
			i++;
		if (!isdig(s[i]))
			return ESG_NUM_SYNTAX;
		while (isdig(s[i]))
			i++;
	}
	if (s[i] != '\0')
		return ESG_NUM_SYNTAX;
	*out = esg_strtod_c(s);
	return isfinite(*out) ? ESG_NUM_OK : ESG_NUM_RANGE;
}

/*
 * Writes g, as %g prints it, with no exponent: 1e-07 is 0.0000001 (SPEC
 * section 4: numbers have no exponent, in what we read or write).
 */
static void
plain_decimal(struct esg_buf *b, const char *g)
{
	const char *e = strchr(g, 'e');
	char dig[40];
	size_t nd = 0;
	long point;

	if (e == NULL) {
		esg_buf_puts(b, g);
		return;
	}
	if (*g == '-')
		esg_buf_putc(b, *g++);
	for (; g < e && nd < sizeof dig; g++)
		if (*g != '.')
			dig[nd++] = *g;
	point = 1 + strtol(e + 1, NULL, 10);	/* digits before the mark */
	if (point <= 0) {
		esg_buf_puts(b, "0.");
		esg_buf_repeat(b, "0", (size_t)-point);
		esg_buf_add(b, dig, nd);
	} else if ((size_t)point >= nd) {
		esg_buf_add(b, dig, nd);
		esg_buf_repeat(b, "0", (size_t)point - nd);
	} else {
		esg_buf_add(b, dig, (size_t)point);
		esg_buf_putc(b, '.');
		esg_buf_add(b, dig + point, nd - (size_t)point);
	}
}

void
esg_num_format(struct esg_buf *b, double x)
{
	struct esg_cloc cl;
	char tmp[40];

	/* Whole numbers below 1e15, which %.15g prints as plain digits. */
	if (x == floor(x) && fabs(x) < 1e15 && !(x == 0 && signbit(x))) {
		long long k = llabs((long long)x);
		int n = (int)sizeof tmp;

		do {
			tmp[--n] = (char)('0' + k % 10);
			k /= 10;
		} while (k > 0);
		if (x < 0)
			tmp[--n] = '-';
		esg_buf_add(b, tmp + n, sizeof tmp - (size_t)n);
		return;
	}
	esg_cloc_enter(&cl);
	for (int prec = 15; prec <= 17; prec++) {
		snprintf(tmp, sizeof tmp, "%.*g", prec, x);
		if (strtod(tmp, NULL) == x)
			break;
	}
	esg_cloc_leave(&cl);
	plain_decimal(b, tmp);
}

void
esg_fmt2(struct esg_buf *b, double x)
{
	double y = x * 100, r = nearbyint(y);
	long long k;
	char tmp[48];
	int n;

	/*
	 * y is x * 100 within one rounding error (far below 1e-6 for any
	 * score); away from .5 that error cannot change the rounded value.
	 */
	if (!(fabs(y) < 1e15) || fabs(fabs(y - r) - 0.5) < 1e-6) {
		esg_buf_printf(b, "%.2f", x);
		return;
	}
	/* The digits of |r| from the right, the point before the last two. */
	k = llabs((long long)r);
	n = (int)sizeof tmp;
	for (int d = 0; d < 3 || k > 0; d++) {
		if (d == 2)
			tmp[--n] = '.';
		tmp[--n] = (char)('0' + k % 10);
		k /= 10;
	}
	if (r < 0 || (r == 0 && signbit(x)))
		tmp[--n] = '-';
	esg_buf_add(b, tmp + n, sizeof tmp - (size_t)n);
}

/* Rewrites a "C" number in s the French way: grouped digits, comma. */
static void
frenchify(struct esg_buf *b, const char *s)
{
	size_t sign = *s == '-' || *s == '+', digits = strspn(s + sign, "0123456789");

	esg_buf_add(b, s, sign);
	s += sign;
	for (size_t i = 0; i < digits; i++) {
		if (i > 0 && (digits - i) % 3 == 0)
			esg_buf_puts(b, "\u202f");
		esg_buf_putc(b, s[i]);
	}
	s += digits;
	if (*s == '.') {
		esg_buf_putc(b, ',');
		s++;
	}
	esg_buf_puts(b, s);
}

void
esg_num_human(struct esg_buf *b, double x, int decimals, bool french)
{
	struct esg_buf t = ESG_BUF_INIT;

	if (decimals == 2)
		esg_fmt2(&t, x);
	else if (decimals < 0)
		esg_num_format(&t, x);
	else {
		struct esg_cloc c;

		/* frenchify() reads a "C" number, whatever the host's locale. */
		esg_cloc_enter(&c);
		esg_buf_printf(&t, "%.*f", decimals, x);
		esg_cloc_leave(&c);
	}
	if (french)
		frenchify(b, esg_buf_str(&t));
	else
		esg_buf_puts(b, esg_buf_str(&t));
	esg_buf_release(&t);
}

double
esg_round2(double x)
{
	double y = x * 100, r = nearbyint(y);
	struct esg_cloc cl;
	char tmp[400];

	/*
	 * Away from a half, r is the integer printf rounds to, and r / 100
	 * (a correctly rounded division) is the double strtod would read.
	 */
	if (fabs(y) < 1e15 && fabs(fabs(y - r) - 0.5) >= 1e-6)
		return r / 100;
	esg_cloc_enter(&cl);
	snprintf(tmp, sizeof tmp, "%.2f", x);
	y = strtod(tmp, NULL);
	esg_cloc_leave(&cl);
	return y;
}
