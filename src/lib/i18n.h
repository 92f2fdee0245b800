/*
 * Message translation for the library.  The library uses its own text
 * domain so that its messages are translated whatever the program that
 * links it has bound.
 */
#ifndef ESG_I18N_H
#define ESG_I18N_H

#include <libintl.h>

#define ESG_TEXTDOMAIN "esgdiag"
#define _(s) dgettext(ESG_TEXTDOMAIN, s)
#define N_(s) (s)

#endif
