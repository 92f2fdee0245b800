/*
 * Spreadsheet-safe CSV cells; see csv_cell.h for the rule and its inverse.
 */
#include "esgdiag/csv_cell.h"

#include <string.h>

#include "esgdiag/buf.h"
#include "esgdiag/csv.h"

static bool
trigger(char c)
{
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' ||
	    c == '\r';
}

bool
esg_csv_formula_like(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && s[i] == '\'')
		i++;
	return i < n && trigger(s[i]);
}

void
esg_csv_cell(struct esg_buf *b, const char *s)
{
	if (!esg_csv_formula_like(s, strlen(s))) {
		esg_csv_quote(b, s);
		return;
	}
	/* Always quoted: the apostrophe is inside the cell, as OWASP says. */
	esg_buf_puts(b, "\"'");
	for (; *s; s++) {
		if (*s == '"')
			esg_buf_putc(b, '"');
		esg_buf_putc(b, *s);
	}
	esg_buf_putc(b, '"');
}

size_t
esg_csv_unmark(const char *s, size_t n)
{
	return n > 1 && s[0] == '\'' && esg_csv_formula_like(s + 1, n - 1) ? 1 : 0;
}
