/*
 * The "C" locale around the few calls that read or write numbers (strtod,
 * the %f and %g of printf), so that the library's machine formats (JSON,
 * CSV, the questionnaire's numbers) do not change when the program using it
 * calls setlocale().  uselocale() switches the calling thread only, and the
 * previous locale comes back at once: there is no state to share.
 */
#ifndef ESG_C_LOCALE_H
#define ESG_C_LOCALE_H

#include <locale.h>

struct esg_cloc {
	locale_t c, prev;
};

/* From here to esg_cloc_leave(), this thread reads and writes "C" numbers. */
void esg_cloc_enter(struct esg_cloc *s);
void esg_cloc_leave(struct esg_cloc *s);
/* strtod() in the "C" locale, for text already checked to be a number. */
double esg_strtod_c(const char *s);

#endif
