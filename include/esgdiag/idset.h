/*
 * A set of respondent ids, to find the ones that come twice, at 8 bytes
 * an id: 64-bit hashes in a sorted array plus a short unsorted tail,
 * merged into it when full and looked up through a small hash table, so
 * that neither lookup scans.  Two different ids share a hash with a
 * probability of about n^2 / 2^65 (3e-8 for a million respondents); that
 * case is taken for a repeat, never missed.
 */
#ifndef ESG_IDSET_H
#define ESG_IDSET_H

#include <stdbool.h>

struct esg_idset;

struct esg_idset *esg_idset_new(void);
void esg_idset_free(struct esg_idset *s);
/* Adds id; false if it (or an id of the same hash) was added before. */
bool esg_idset_add(struct esg_idset *s, const char *id);

#endif
