/*
 * What the type files share: the option helpers of the choice types, and
 * the cell parser's pieces they call back into (answers.c).  Internal to
 * the library.
 */
#ifndef ESG_QTYPE_IMPL_H
#define ESG_QTYPE_IMPL_H

#include "esgdiag/qtype.h"

extern const struct esg_qtype_ops esg_qtype_single, esg_qtype_multi,
    esg_qtype_yesno, esg_qtype_scale, esg_qtype_number, esg_qtype_text;

/* Whether folded[0..n) is one of the NULL-terminated list. */
bool esg_token_in(const char *folded, size_t n, const char *const *list);
/* The option whose folded value or label is folded[0..n), or ESG_NONE. */
size_t esg_option_match(const struct esg_field *f, const char *folded, size_t n);
/* Appends what a choice cell may hold, and the option typed is nearest to. */
void esg_options_expect(struct esg_buf *why, const struct esg_field *f,
    const char *typed);
/*
 * The number in s[0..n) ("15 %" accepted when the unit is %) into *x;
 * appends "number out of range" to why and returns -1 when it overflows,
 * returns 1 (nothing appended) when it is no number.
 */
int esg_cell_number(const struct esg_field *f, const char *s, size_t n,
    double *x, struct esg_buf *why);

/* Operations of the types whose answer is one option (single, yesno, scale). */
int esg_qtype_no_parse(const struct esg_field *f, const char *s, size_t n,
    const char *fold, struct esg_answer *out, struct esg_arena *a,
    struct esg_buf *why);
void esg_qtype_opt_cell(struct esg_buf *b, const struct esg_field *f,
    const struct esg_answer *a);
void esg_qtype_opt_json(struct esg_buf *b, const struct esg_field *f,
    const struct esg_answer *a);
void esg_qtype_opt_human(struct esg_buf *b, const struct esg_field *f,
    const struct esg_answer *a, bool french);
double esg_qtype_opt_score(const struct esg_field *f, const struct esg_answer *a);
void esg_qtype_opt_hint(struct esg_buf *b, const struct esg_field *f);
void esg_qtype_opt_paper(struct esg_buf *b, const struct esg_field *f);
/* The answer's number in the questionnaire's syntax (number, scale). */
void esg_qtype_num_value(struct esg_buf *b, const struct esg_field *f,
    const struct esg_answer *a);

#endif
