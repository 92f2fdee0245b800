/*
 * esgdiag template: a blank answers CSV (the header of field ids) or the
 * questionnaire's own YAML source, to copy and adapt.
 */
#include <string.h>

#include "cmd.h"
#include "esgdiag/buf.h"
#include "esgdiag/model.h"
#include "esgdiag/render.h"

static void
csv_header(struct esg_buf *b, const struct esg_questionnaire *q)
{
	esg_buf_puts(b, "id");
	for (size_t i = 0; i < q->nfields; i++)
		esg_buf_printf(b, ",%s", q->fields[i].id);
	esg_buf_putc(b, '\n');
}

int
cmd_template(int argc, char **argv, struct cli *cli)
{
	static const struct option longopts[] = { CLI_GLOBAL_OPTS };
	struct esg_buf b = ESG_BUF_INIT;
	const char *fmt;
	int c, status;

	optind = 0;
	while ((c = cli_getopt(argc, argv, "", longopts, cli,
	    cli_find_cmd("template"))) != -1)
		if (c == 'h' || c == '?')
			return c == 'h' ? EXIT_OK : EXIT_USAGE;
	if (optind < argc)
		return cli_usage_error(_("template takes no argument"));
	fmt = cli->format ? cli->format : "csv";
	if (strcmp(fmt, "md") == 0)
		fmt = "markdown";
	if (strcmp(fmt, "csv") && strcmp(fmt, "yaml") && strcmp(fmt, "markdown"))
		return cli_usage_error(_("unknown format '%s' (expected csv, "
		    "markdown or yaml)"), fmt);
	if ((status = cli_load(cli)) != EXIT_OK ||
	    (status = cli_out_open(cli)) != EXIT_OK)
		return status;
	if (strcmp(fmt, "yaml") == 0)
		esg_buf_add(&b, cli->q->source, cli->q->source_len);
	else if (strcmp(fmt, "markdown") == 0)
		esg_md_questionnaire(&b, cli->q);
	else
		csv_header(&b, cli->q);
	status = cli_out_write(cli, &b);
	esg_buf_release(&b);
	return status == EXIT_OK ? cli_out_close(cli, true) :
	    (cli_out_close(cli, false), status);
}
