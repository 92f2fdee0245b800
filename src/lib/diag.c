/*
 * Collects or forwards located diagnostics; see diag.h.
 */
#include "esgdiag/diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "esgdiag/buf.h"
#include "esgdiag/xalloc.h"
#include "i18n.h"

void
esg_diag_add(struct esg_diags *d, enum esg_severity sev, const char *file,
    unsigned line, unsigned col, const char *fmt, ...)
{
	struct esg_buf b = ESG_BUF_INIT;
	struct esg_diag dg = { file, line, col, sev, NULL };
	va_list ap;

	va_start(ap, fmt);
	esg_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	dg.msg = b.data ? b.data : esg_xstrdup("");
	if (sev == ESG_SEV_ERROR)
		d->nerrors++;
	else if (sev == ESG_SEV_WARNING)
		d->nwarnings++;
	if (d->sink != NULL) {
		d->sink(d->ctx, &dg);
		free(dg.msg);
		return;
	}
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 16;
		d->v = esg_xreallocarray(d->v, d->cap, sizeof *d->v);
	}
	d->v[d->n++] = dg;
}

void
esg_diag_format(struct esg_buf *b, const struct esg_diag *d)
{
	static const char *const sev[] = {
		N_("error"), N_("warning"), N_("note"),
	};

	if (d->file != NULL)
		esg_buf_printf(b, "%s:", d->file);
	if (d->line > 0)
		esg_buf_printf(b, "%u:", d->line);
	if (d->line > 0 && d->col > 0)
		esg_buf_printf(b, "%u:", d->col);
	esg_buf_printf(b, "%s%s: %s", d->file || d->line ? " " : "",
	    _(sev[d->sev]), d->msg);
}

void
esg_diags_release(struct esg_diags *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->v[i].msg);
	free(d->v);
	d->v = NULL;
	d->n = d->cap = 0;
	d->nerrors = d->nwarnings = 0;
}
