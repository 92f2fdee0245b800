/*
 * Private to compare.c and compare_text.c.
 */
#ifndef ESG_COMPARE_IMPL_H
#define ESG_COMPARE_IMPL_H

#include "esgdiag/compare.h"

/* Score columns: overall, pillars, sections. */
size_t esg_compare_ncols(const struct esg_questionnaire *q);
/* The snapshot of respondent id, or NULL. */
const struct esg_snap *esg_snaps_find(const struct esg_snaps *s, const char *id);
/* Whether the row of respondent id in s could not be read. */
bool esg_snaps_unread(const struct esg_snaps *s, const char *id);
/* "newly_met", "broken", "newly_not_met", "changed", or NULL: no change. */
const char *esg_obligation_change(enum esg_ostatus before,
    enum esg_ostatus after);

#endif
