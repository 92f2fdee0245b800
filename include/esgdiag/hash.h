/*
 * SHA-256 (nettle's, not hand code), so that a published score can be
 * traced to exactly the questionnaire and answers that produced it.
 */
#ifndef ESG_HASH_H
#define ESG_HASH_H

#include <stddef.h>

/*
 * Room for nettle's sha256_ctx, opaque here.  hash.c copies the context in
 * and out rather than casting, so the bytes are never read as a struct they
 * are not; the alignment is there for any embedding all the same.
 */
struct esg_sha256 {
	_Alignas(max_align_t) unsigned char state[128];
};

void esg_sha256_init(struct esg_sha256 *h);
void esg_sha256_update(struct esg_sha256 *h, const void *p, size_t n);
/* Writes the digest as 64 lowercase hex digits and a NUL to hex[65]. */
void esg_sha256_hex(struct esg_sha256 *h, char hex[65]);

#endif
