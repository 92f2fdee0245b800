/*
 * SHA-256 through nettle; see hash.h.  Only this file includes nettle.
 */
#include "esgdiag/hash.h"

#include <assert.h>
#include <nettle/sha2.h>

static_assert(sizeof(struct sha256_ctx) <= sizeof(((struct esg_sha256 *)0)->state),
    "esg_sha256 is too small for nettle's context");

static struct sha256_ctx *
ctx(struct esg_sha256 *h)
{
	return (struct sha256_ctx *)(void *)h->state;
}

void
esg_sha256_init(struct esg_sha256 *h)
{
	sha256_init(ctx(h));
}

void
esg_sha256_update(struct esg_sha256 *h, const void *p, size_t n)
{
	sha256_update(ctx(h), n, p);
}

void
esg_sha256_hex(struct esg_sha256 *h, char hex[65])
{
	static const char digits[] = "0123456789abcdef";
	unsigned char d[SHA256_DIGEST_SIZE];

	sha256_digest(ctx(h), sizeof d, d);
	for (size_t i = 0; i < sizeof d; i++) {
		hex[2 * i] = digits[d[i] >> 4];
		hex[2 * i + 1] = digits[d[i] & 15];
	}
	hex[64] = '\0';
}
