/*
 * The set of respondent ids: a repeat is found whether the first id is in
 * the sorted part (merged) or still in the tail, and no new id is taken
 * for a repeat.  3,000 ids cross two merges of the 1,024-hash tail.
 */
#include "esgdiag/idset.h"
#include "testutil.h"

static void
test_repeats(void **state)
{
	struct esg_idset *s = esg_idset_new();
	char id[32];

	(void)state;
	for (int i = 0; i < 3000; i++) {
		snprintf(id, sizeof id, "id%d", i);
		assert_true(esg_idset_add(s, id));
	}
	assert_false(esg_idset_add(s, "id5"));		/* merged, sorted */
	assert_false(esg_idset_add(s, "id2999"));	/* still in the tail */
	assert_true(esg_idset_add(s, "id3000"));
	assert_false(esg_idset_add(s, "id3000"));
	assert_true(esg_idset_add(s, ""));
	assert_false(esg_idset_add(s, ""));
	assert_true(esg_idset_add(s, "ID5"));		/* case counts */
	esg_idset_free(s);
	esg_idset_free(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_repeats),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
