/*
 * LimeSurvey (SPEC §2 template -f limesurvey): the codes a questionnaire's
 * fields and options get in a LimeSurvey survey, and the survey itself in
 * LimeSurvey's tab-separated structure format (the .txt that "Import
 * survey" accepts), so that the response export reads back with no map.
 *
 * Question codes: a field id made of lower-case words joined by '_' is
 * written in camel case (snr_statut -> snrStatut; LimeSurvey codes hold
 * letters and digits only), which reads back unambiguously; any other id,
 * or one longer than 20 characters, gets Q followed by the field's
 * 1-based position.  Answer and subquestion codes: the option value when it
 * is at most 5 letters and digits, else A followed by the option's 1-based
 * position.  `nsp` and `na` answers are added where they apply.
 */
#ifndef ESG_LIMESURVEY_H
#define ESG_LIMESURVEY_H

#include <stddef.h>

struct esg_buf;
struct esg_diags;
struct esg_questionnaire;

enum { ESG_LS_CODE_MAX = 24 };

/* The question code of field i. */
void esg_ls_qcode(const struct esg_questionnaire *q, size_t i,
    char out[ESG_LS_CODE_MAX]);
/* The answer (or subquestion) code of option k of field i. */
void esg_ls_acode(const struct esg_questionnaire *q, size_t i, size_t k,
    char out[ESG_LS_CODE_MAX]);
struct esg_cond;
/*
 * Appends a `when` condition as a LimeSurvey relevance equation
 * (ExpressionScript).  A comparison with a question left empty is false,
 * as esgdiag's "unknown" hides a question; `not` of an unknown is where
 * the two differ (LimeSurvey shows the question; esgdiag, scoring with its
 * own `when`, then ignores the answer).
 */
void esg_ls_relevance(struct esg_buf *b, const struct esg_questionnaire *q,
    const struct esg_cond *c);
/*
 * Appends the survey in LimeSurvey's tab-separated import format.
 * Returns 0, or -1 (reported to d) when two fields would share a code.
 */
int esg_ls_survey(struct esg_buf *b, const struct esg_questionnaire *q,
    struct esg_diags *d);

#endif
