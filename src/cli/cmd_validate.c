/*
 * esgdiag validate: loads a questionnaire and reports every problem in
 * GCC's format; says what it found when there is none.
 */
#include "cmd.h"
#include "esgdiag/model.h"

/* The command's options, also listed by --dump-options (cmd.h). */
const struct option cli_validate_opts[] = { CLI_GLOBAL_OPTS };

int
cmd_validate(int argc, char **argv, struct cli *cli)
{
	const struct esg_questionnaire *q;
	size_t nq = 0;
	int status;

	while (cli_getopt(argc, argv, cli, NULL) != -1)
		continue;	/* only global options: cli_getopt() took them */
	if (argc - optind > 1)
		return cli_usage_error(_("validate takes one file at most"));
	if (optind < argc)
		cli->qfile = argv[optind];
	if ((status = cli_load(cli)) != EXIT_OK) {
		if (status == EXIT_INPUT)
			fprintf(stderr, ngettext("%s: %zu error\n",
			    "%s: %zu errors\n", (unsigned long)cli->diags.nerrors),
			    cli->qfile ? cli->qfile : ESG_DEFAULT_NAME,
			    cli->diags.nerrors);
		return status;
	}
	q = cli->q;
	for (size_t i = q->nprofile; i < q->nfields; i++)
		nq += esg_field_scored(&q->fields[i]);
	printf(_("%s: ok: %zu profile fields, %zu scored questions in %zu "
	    "sections, %zu pillars, %zu levels, %zu sheets, %zu obligations\n"),
	    cli->qfile ? cli->qfile : ESG_DEFAULT_NAME, q->nprofile, nq,
	    q->nsections, q->npillars, q->nlevels, q->nsheets, q->nobligations);
	return EXIT_OK;
}
