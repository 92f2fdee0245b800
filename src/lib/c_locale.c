/*
 * The "C" locale for number conversions; see c_locale.h.  newlocale() for
 * "C" costs no allocation in glibc (it hands back its static C locale), so
 * each conversion creates its own object rather than keeping one in a
 * global.
 */
#include "c_locale.h"

#include <stdlib.h>

#include "esgdiag/xalloc.h"

void
esg_cloc_enter(struct esg_cloc *s)
{
	/* Only fails for lack of memory: carrying on would print commas. */
	if ((s->c = newlocale(LC_ALL_MASK, "C", (locale_t)0)) == (locale_t)0)
		esg_oom();
	s->prev = uselocale(s->c);
}

void
esg_cloc_leave(struct esg_cloc *s)
{
	uselocale(s->prev);
	freelocale(s->c);
}

double
esg_strtod_c(const char *s)
{
	struct esg_cloc cl;
	double x;

	esg_cloc_enter(&cl);
	x = strtod(s, NULL);
	esg_cloc_leave(&cl);
	return x;
}
