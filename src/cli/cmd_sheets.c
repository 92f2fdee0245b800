/*
 * esgdiag sheets: the action sheets of the questionnaire, listed, or one
 * in full (text, markdown or json).
 */
#include <strings.h>

#include "cmd.h"
#include "esgdiag/buf.h"
#include "esgdiag/model.h"
#include "esgdiag/render.h"

/* A sheet by its id, whatever the case: "sheets SPASER" is spaser. */
static size_t
find_sheet(const struct esg_questionnaire *q, const char *id)
{
	for (size_t i = 0; i < q->nsheets; i++)
		if (strcasecmp(q->sheets[i].id, id) == 0)
			return i;
	return ESG_NONE;
}

/* The command's options, also listed by --dump-options (cmd.h). */
const struct option cli_sheets_opts[] = { CLI_GLOBAL_OPTS };

int
cmd_sheets(int argc, char **argv, struct cli *cli)
{
	struct esg_buf b = ESG_BUF_INIT;
	const struct esg_sheet *one = NULL;
	struct esg_render_opts o = ESG_RENDER_OPTS_INIT;
	const char *fmt;
	int rc;

	while (cli_getopt(argc, argv, cli, NULL) != -1)
		continue;	/* only global options: cli_getopt() took them */
	if (argc - optind > 1)
		return cli_usage_error(_("sheets takes one sheet id at most"));
	if ((fmt = cli_format(cli)) == NULL)
		return EXIT_USAGE;
	if (optind < argc) {
		size_t k = find_sheet(cli->q, argv[optind]);
		const char *hint;

		if (k == ESG_NONE && (hint = esg_sheet_hint(cli->q, argv[optind])))
			return cli_usage_error(_("no sheet '%s' (did you mean '%s'? "
			    "esgdiag sheets lists them)"), argv[optind], hint);
		if (k == ESG_NONE)
			return cli_usage_error(_("no sheet '%s' (esgdiag sheets "
			    "lists them)"), argv[optind]);
		one = &cli->q->sheets[k];
	}
	if ((rc = cli_out_open(cli)) != EXIT_OK)
		return rc;
	cli_render_opts(cli, cli->out, &o);
	esg_renderer_find(fmt)->sheets(&b, cli->q, one, &o);
	rc = cli_out_write(cli, &b);
	esg_buf_release(&b);
	return rc == EXIT_OK ? cli_out_close(cli, true) : (cli_out_close(cli, false), rc);
}
