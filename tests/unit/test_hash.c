/*
 * SHA-256 through nettle: the published test vectors of FIPS 180-2
 * (appendix B: "abc", the 448-bit message, one million 'a'), computed in a
 * context that sits right after a char, as it does inside a caller's struct.
 */
#include <stdalign.h>

#include "esgdiag/hash.h"
#include "testutil.h"

struct holder {
	char tag;		/* the context follows a char, as in cli_stream */
	struct esg_sha256 h;
};

static void
test_alignment(void **state)
{
	(void)state;
	/* nettle's context holds 32-bit state words and a 64-bit count. */
	assert_true(offsetof(struct holder, h) % alignof(unsigned long long) == 0);
	assert_true(alignof(struct esg_sha256) >= alignof(unsigned long long));
}

static void
test_vectors(void **state)
{
	static const struct { const char *in; size_t repeat; const char *hex; } rows[] = {
		{ "abc", 1,
		  "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
		{ "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 1,
		  "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
		{ "a", 1000000,
		  "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0" },
		{ "", 1,
		  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
	};
	char hex[65];

	(void)state;
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct holder x = { 'x', { { 0 } } };

		esg_sha256_init(&x.h);
		for (size_t k = 0; k < rows[i].repeat; k++)
			esg_sha256_update(&x.h, rows[i].in, strlen(rows[i].in));
		esg_sha256_hex(&x.h, hex);
		assert_string_equal(hex, rows[i].hex);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alignment),
		cmocka_unit_test(test_vectors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
