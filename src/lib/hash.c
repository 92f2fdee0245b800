/*
 * SHA-256 through nettle; see hash.h.  Only this file includes nettle.
 */
#include "esgdiag/hash.h"

#include <assert.h>
#include <nettle/sha2.h>
#include <string.h>

static_assert(sizeof(struct sha256_ctx) <= sizeof(((struct esg_sha256 *)0)->state),
    "esg_sha256 is too small for nettle's context");

/*
 * The context lives in a local of its own type while nettle works on it:
 * a cast of the byte array would read it through a type it does not have
 * (C11 6.5p7), and be misaligned wherever the caller placed it.
 */
static void
load(const struct esg_sha256 *h, struct sha256_ctx *c)
{
	memcpy(c, h->state, sizeof *c);
}

static void
store(struct esg_sha256 *h, const struct sha256_ctx *c)
{
	memcpy(h->state, c, sizeof *c);
}

void
esg_sha256_init(struct esg_sha256 *h)
{
	struct sha256_ctx c;

	sha256_init(&c);
	store(h, &c);
}

void
esg_sha256_update(struct esg_sha256 *h, const void *p, size_t n)
{
	struct sha256_ctx c;

	load(h, &c);
	sha256_update(&c, n, p);
	store(h, &c);
}

void
esg_sha256_hex(struct esg_sha256 *h, char hex[65])
{
	static const char digits[] = "0123456789abcdef";
	unsigned char d[SHA256_DIGEST_SIZE];
	struct sha256_ctx c;

	load(h, &c);
	sha256_digest(&c, sizeof d, d);
	store(h, &c);
	for (size_t i = 0; i < sizeof d; i++) {
		hex[2 * i] = digits[d[i] >> 4];
		hex[2 * i + 1] = digits[d[i] & 15];
	}
	hex[64] = '\0';
}
