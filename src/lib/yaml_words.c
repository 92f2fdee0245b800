/*
 * libyaml's problem and context messages, in English inside the library,
 * reach the user as they are: the common ones (from libyaml's scanner.c
 * and parser.c) are listed here for gettext; any other keeps its text.
 */
#include <string.h>

#include "i18n.h"
#include "yaml_ld.h"

static const char *const yaml_words[] = {
	N_("did not find expected ',' or '}'"),
	N_("did not find expected ',' or ']'"),
	N_("did not find expected key"),
	N_("did not find expected node content"),
	N_("did not find expected '-' indicator"),
	N_("did not find expected <document start>"),
	N_("did not find expected comment or line break"),
	N_("could not find expected ':'"),
	N_("found character that cannot start any token"),
	N_("found a tab character that violates indentation"),
	N_("found a tab character where an indentation space is expected"),
	N_("found unexpected end of stream"),
	N_("found unexpected ':'"),
	N_("found undefined alias"),
	N_("found unknown escape character"),
	N_("found duplicate anchor; first occurrence"),
	N_("mapping values are not allowed in this context"),
	N_("mapping keys are not allowed in this context"),
	N_("block sequence entries are not allowed in this context"),
	N_("control characters are not allowed"),
	N_("invalid leading UTF-8 octet"),
	N_("invalid trailing UTF-8 octet"),
	N_("while parsing a flow mapping"),
	N_("while parsing a flow sequence"),
	N_("while parsing a block mapping"),
	N_("while parsing a block collection"),
	N_("while parsing a flow node"),
	N_("while parsing a block node"),
	N_("while parsing a node"),
	N_("while scanning a simple key"),
	N_("while scanning a quoted scalar"),
	N_("while scanning a plain scalar"),
	N_("while scanning a block scalar"),
	N_("while scanning an anchor"),
	N_("while scanning an alias"),
};

const char *
esg_yaml_words(const char *s)
{
	for (size_t i = 0; i < sizeof yaml_words / sizeof yaml_words[0]; i++)
		if (strcmp(s, yaml_words[i]) == 0)
			return _(yaml_words[i]);
	return s;
}
