/*
 * esgdiag sheets: the action sheets of the questionnaire, listed, or one
 * in full (text, markdown or json).
 */
#include <string.h>
#include <strings.h>

#include "cmd.h"
#include "esgdiag/buf.h"
#include "esgdiag/model.h"
#include "esgdiag/render.h"

static void
json_list(struct esg_buf *b, const char *key, const char **v, size_t n)
{
	esg_buf_printf(b, ", \"%s\": [", key);
	for (size_t i = 0; i < n; i++) {
		esg_buf_puts(b, i ? ", " : "");
		esg_json_str(b, v[i]);
	}
	esg_buf_putc(b, ']');
}

static void
json_sheet(struct esg_buf *b, const struct esg_sheet *s, bool full)
{
	esg_buf_puts(b, "{\"id\": ");
	esg_json_str(b, s->id);
	esg_buf_puts(b, ", \"title\": ");
	esg_json_str(b, s->title);
	esg_buf_puts(b, ", \"objective\": ");
	esg_json_str(b, s->objective);
	if (full) {
		json_list(b, "steps", s->steps, s->nsteps);
		json_list(b, "deliverables", s->deliverables, s->ndeliverables);
		esg_buf_puts(b, ", \"references\": [");
		for (size_t k = 0; k < s->nrefs; k++) {
			esg_buf_puts(b, k ? ", {\"label\": " : "{\"label\": ");
			esg_json_str(b, s->refs[k].label);
			esg_buf_puts(b, ", \"url\": ");
			if (s->refs[k].url)
				esg_json_str(b, s->refs[k].url);
			else
				esg_buf_puts(b, "null");
			esg_buf_putc(b, '}');
		}
		esg_buf_putc(b, ']');
	}
	esg_buf_putc(b, '}');
}

static void
text_list(struct esg_buf *b, const char *title, const char **v, size_t n)
{
	if (n == 0)
		return;
	esg_buf_printf(b, "\n%s\n", title);
	for (size_t i = 0; i < n; i++)
		esg_render_wrap(b, "  - ", 4, v[i], 80);
}

static void
text_sheet(struct esg_buf *b, const struct esg_sheet *s)
{
	esg_buf_printf(b, "%s [%s]\n\n", s->title, s->id);
	esg_render_wrap(b, "", 0, s->objective, 80);
	text_list(b, _("Key steps:"), s->steps, s->nsteps);
	text_list(b, _("Deliverables:"), s->deliverables, s->ndeliverables);
	if (s->nrefs)
		esg_buf_printf(b, "\n%s\n", _("References:"));
	for (size_t k = 0; k < s->nrefs; k++)
		esg_buf_printf(b, s->refs[k].url ? "  - %s <%s>\n" : "  - %s\n",
		    s->refs[k].label, s->refs[k].url);
}

static void
render(struct esg_buf *b, const struct esg_questionnaire *q, const char *fmt,
    const struct esg_sheet *one)
{
	if (strcmp(fmt, "json") == 0) {
		if (one)
			json_sheet(b, one, true);
		else {
			esg_buf_puts(b, "[");
			for (size_t i = 0; i < q->nsheets; i++) {
				esg_buf_puts(b, i ? ",\n " : "\n ");
				json_sheet(b, &q->sheets[i], false);
			}
			esg_buf_puts(b, "\n]");
		}
		esg_buf_putc(b, '\n');
	} else if (one && strcmp(fmt, "text") == 0)
		text_sheet(b, one);
	else if (one)
		esg_md_sheet(b, one, "#");
	else if (strcmp(fmt, "text") == 0)
		for (size_t i = 0; i < q->nsheets; i++)
			esg_buf_printf(b, "%-20s %s\n", q->sheets[i].id, q->sheets[i].title);
	else {
		esg_buf_printf(b, "| id | %s |\n|---|---|\n", _("Title"));
		for (size_t i = 0; i < q->nsheets; i++)
			esg_buf_printf(b, "| %s | %s |\n", q->sheets[i].id,
			    q->sheets[i].title);
	}
}

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
	const struct option *longopts = cli_sheets_opts;
	struct esg_buf b = ESG_BUF_INIT;
	const struct esg_sheet *one = NULL;
	const char *fmt;
	int c, rc;

	optind = 0;
	while ((c = cli_getopt(argc, argv, "", longopts, cli,
	    cli_find_cmd("sheets"))) != -1)
		if (c == 'h' || c == '?')
			return c == 'h' ? EXIT_OK : EXIT_USAGE;
	if (argc - optind > 1)
		return cli_usage_error(_("sheets takes one sheet id at most"));
	if ((fmt = cli_format(cli, cli_find_cmd("sheets"))) == NULL)
		return EXIT_USAGE;
	if ((rc = cli_load(cli)) != EXIT_OK)
		return rc;
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
	render(&b, cli->q, fmt, one);
	rc = cli_out_write(cli, &b);
	esg_buf_release(&b);
	return rc == EXIT_OK ? cli_out_close(cli, true) : (cli_out_close(cli, false), rc);
}
