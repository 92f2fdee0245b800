/*
 * esgdiag template: a blank answers CSV (the header of field ids; with
 * --excel, as French Excel opens it in columns), a printable questionnaire,
 * the questionnaire's own YAML source, or the survey for LimeSurvey.
 */
#include <string.h>

#include "cmd.h"
#include "esgdiag/buf.h"
#include "esgdiag/csv_cell.h"
#include "esgdiag/limesurvey.h"
#include "esgdiag/model.h"
#include "esgdiag/render.h"

enum { OPT_EXCEL = OPT_CMD };

/* Excel: a BOM so it reads UTF-8, ';' and CRLF as French Excel expects. */
static void
csv_header(struct esg_buf *b, const struct esg_questionnaire *q, bool excel)
{
	char sep = excel ? ';' : ',';

	esg_buf_puts(b, excel ? "\xef\xbb\xbfid" : "id");
	/* Field ids are identifiers; the shared cell writer all the same. */
	for (size_t i = 0; i < q->nfields; i++) {
		esg_buf_putc(b, sep);
		esg_csv_cell(b, q->fields[i].id);
	}
	esg_buf_puts(b, excel ? "\r\n" : "\n");
}

static int
write_format(struct cli *cli, struct esg_buf *b, const char *fmt, bool excel)
{
	if (strcmp(fmt, "yaml") == 0)
		esg_buf_add(b, cli->q->source, cli->q->source_len);
	else if (strcmp(fmt, "markdown") == 0)
		esg_md_questionnaire(b, cli->q, cli_french());
	else if (strcmp(fmt, "limesurvey") == 0)
		return esg_ls_survey(b, cli->q, &cli->diags) == 0 ? EXIT_OK :
		    EXIT_INPUT;
	else
		csv_header(b, cli->q, excel);
	return EXIT_OK;
}

/* The command's options, also listed by --dump-options (cmd.h). */
const struct option cli_template_opts[] = {
	{ "excel", no_argument, NULL, OPT_EXCEL },
	CLI_GLOBAL_OPTS,
};

int
cmd_template(int argc, char **argv, struct cli *cli)
{
	const struct option *longopts = cli_template_opts;
	struct esg_buf b = ESG_BUF_INIT;
	const char *fmt;
	bool excel = false;
	int c, status;

	optind = 0;
	while ((c = cli_getopt(argc, argv, "", longopts, cli,
	    cli_find_cmd("template"))) != -1) {
		if (c == 'h' || c == '?')
			return c == 'h' ? EXIT_OK : EXIT_USAGE;
		excel |= c == OPT_EXCEL;
	}
	if (optind < argc)
		return cli_usage_error(_("template takes no argument"));
	if ((fmt = cli_format(cli, cli_find_cmd("template"))) == NULL)
		return EXIT_USAGE;
	if (excel && strcmp(fmt, "csv"))
		return cli_usage_error(_("--excel goes with -f csv"));
	if ((status = cli_load(cli)) != EXIT_OK ||
	    (status = cli_out_open(cli)) != EXIT_OK)
		return status;
	if ((status = write_format(cli, &b, fmt, excel)) == EXIT_OK)
		status = cli_out_write(cli, &b);
	esg_buf_release(&b);
	return status == EXIT_OK ? cli_out_close(cli, true) :
	    (cli_out_close(cli, false), status);
}
