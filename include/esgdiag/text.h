/*
 * Small text primitives shared by the loaders: UTF-8 checks, the case
 * folding used to match answers against option values and labels, trimming,
 * and the two number syntaxes (the questionnaire's plain one and the
 * answers' French-friendly one).  None of them depend on the C locale.
 */
#ifndef ESG_TEXT_H
#define ESG_TEXT_H

#include <stdbool.h>
#include <stddef.h>

struct esg_buf;

/* True when s[0..n) is well-formed UTF-8; else *bad is the offending offset. */
bool esg_utf8_valid(const char *s, size_t n, size_t *bad);
/*
 * Writes to dst (n bytes, not terminated) the lower-case form of s for
 * ASCII, Latin-1 and Latin Extended-A letters, which covers French.  The
 * folded form of those letters has the same length in UTF-8.
 */
void esg_fold(char *dst, const char *s, size_t n);
/*
 * The key an answer and an option are compared by: esg_fold, then the
 * typographic apostrophes U+2019, U+2018 and U+02BC written as ', so that
 * "d’agglomération" and "d'agglomération" match.  Writes to dst (n bytes,
 * not terminated; dst may be s) and returns the key's length, at most n.
 */
size_t esg_fold_key(char *dst, const char *s, size_t n);
/* Narrows [*s, *s + *n) past leading and trailing blanks (incl. U+00A0, U+202F). */
void esg_trim(const char **s, size_t *n);
/*
 * The candidate a typo most likely meant, for "did you mean" hints: the
 * first at edit distance at most 2 (ASCII case ignored, a swap of two
 * neighbours counting as one edit) and at most a third of key's length;
 * NULL when none is that close.  Borrowed from cands.
 */
const char *esg_nearest(const char *key, const char *const *cands, size_t n);
/* Number of terminal columns s occupies (one per code point; marks count 0). */
size_t esg_utf8_width(const char *s, size_t n);

/* The magnitude from which an answer's number is refused: 10^15. */
#define ESG_NUM_MAX 1e15
enum esg_num_err { ESG_NUM_OK = 0, ESG_NUM_SYNTAX = -1, ESG_NUM_RANGE = -2 };
/*
 * An answer cell number: optional sign, '.' or ',' as decimal mark, thousands
 * grouped by three with a space, U+00A0 or U+202F; no exponent, no '%'.
 */
enum esg_num_err esg_num_parse_cell(const char *s, size_t n, double *out);
/* A questionnaire number: [-+]digits[.digits][e[-+]digits], finite. */
enum esg_num_err esg_num_parse_plain(const char *s, double *out);
/* Appends the shortest decimal form that reads back as x ("%.15g" or more). */
void esg_num_format(struct esg_buf *b, double x);
/* x rounded as printf("%.2f") does, read back as a double. */
double esg_round2(double x);
/*
 * Appends x as printf("%.2f") would, faster: exact whenever x * 100 is
 * clearly away from a half (then the rounding direction is certain), and
 * printf itself otherwise.
 */
void esg_fmt2(struct esg_buf *b, double x);

enum { ESG_NUM_SHORTEST = -1 };
/*
 * Appends x for a person to read, with decimals digits after the mark
 * (ESG_NUM_SHORTEST: the shortest form that reads back as x).  When french,
 * the mark is a comma and U+202F NARROW NO-BREAK SPACE separates the groups
 * of thousands ("65 000", "20,07"); otherwise it is "C" syntax.  Every
 * human format goes through here, so the choice is the caller's flag and
 * never LC_NUMERIC.
 */
void esg_num_human(struct esg_buf *b, double x, int decimals, bool french);

/* Whether s is a well-formed BCP 47 language tag ("fr", "fr-FR", "zh-Hant-TW"). */
bool esg_bcp47_valid(const char *s);

#endif
