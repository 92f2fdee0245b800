/*
 * What the commands share: option parsing with the global options,
 * messages, loading the questionnaire, and output that is only put in place
 * once complete (atomic.h), never over one of the inputs.
 */
#include <errno.h>
#include <langinfo.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic.h"
#include "cmd.h"
#include "esgdiag/buf.h"
#include "esgdiag/load.h"
#include "esgdiag/map.h"
#include "esgdiag/model.h"
#include "esgdiag/render.h"
#include "esgdiag/xalloc.h"

int
cli_usage_error(const char *fmt, ...)
{
	va_list ap;

	fputs("esgdiag: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return EXIT_USAGE;
}

void
cli_usage_hint(const struct cli_cmd *cmd)
{
	if (cmd == NULL)
		fprintf(stderr, "%s\n", _("try 'esgdiag --help'"));
	else
		fprintf(stderr, _("try 'esgdiag %s --help'\n"), cmd->name);
}

int
cli_error(int status, const char *fmt, ...)
{
	va_list ap;

	fputs("esgdiag: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return status;
}

void
cli_print_usage(FILE *fp, const struct cli_cmd *cmd)
{
	fprintf(fp, _("usage: esgdiag [-q FILE] %s"), _(cmd->usage));
}

/* Its default only: cli_format() asks the renderer table for the rest. */
const char *const cli_renderers[] = { "text", NULL };

/* Appends the names a command takes, as a usage message lists them. */
static void
format_names(struct esg_buf *b, const char *const *f)
{
	if (f == cli_renderers) {
		esg_renderer_names(b);
		return;
	}
	for (const char *const *p = f; *p; p++)
		esg_buf_printf(b, "%s%s", p == f ? "" : " ", *p);
}

const char *
cli_format(const struct cli *cli)
{
	const struct cli_cmd *cmd = cli->cmd;
	const char *fmt = cli->format;
	struct esg_buf names = ESG_BUF_INIT;

	if (fmt == NULL)
		return cmd->formats[0];
	if (cmd->formats == cli_renderers && esg_renderer_find(fmt) != NULL &&
	    esg_renderer_find(fmt)->begin != NULL)
		return fmt;
	/* The renderer table has its own "md" row; the others read it here. */
	if (strcmp(fmt, "md") == 0)
		fmt = "markdown";
	for (const char *const *f = cmd->formats; *f; f++)
		if (cmd->formats != cli_renderers && strcmp(*f, fmt) == 0)
			return *f;
	format_names(&names, cmd->formats);
	cli_usage_error(_("unknown format '%s' (expected one of: %s)"),
	    cli->format, esg_buf_str(&names));
	esg_buf_release(&names);
	return NULL;
}

int
cli_getopt(int argc, char **argv, struct cli *cli,
    const struct option *longopts)
{
	const struct cli_cmd *cmd = cli->cmd;
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, "q:o:f:h", longopts ? longopts :
	    cmd->opts, NULL)) != -1) {
		switch (c) {
		case 'q': cli->qfile = optarg; continue;
		case 'o': cli->output = optarg; continue;
		case 'f': cli->format = optarg; continue;
		case OPT_NO_COLOR: cli->no_color = true; continue;
		case OPT_VERBOSE: cli->verbose = true; continue;
		case 'h':
			cli_print_usage(stdout, cmd);
			return 'h';
		case '?':
		case ':':
			cli_usage_error(_("%s: unknown or incomplete option '%s'"),
			    cmd->name, argv[optind - 1]);
			return '?';
		default:
			return c;
		}
	}
	return -1;
}

static void
print_diag(void *ctx, const struct esg_diag *d)
{
	struct esg_buf b = ESG_BUF_INIT;

	(void)ctx;
	esg_diag_format(&b, d);
	fprintf(stderr, "%s\n", esg_buf_str(&b));
	esg_buf_release(&b);
}

int
cli_read_file(const char *path, size_t max, char **buf, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	size_t cap = 65536, n = 0, got;
	char *p;

	if (fp == NULL)
		return cli_error(EXIT_IO, _("cannot open '%s': %s"), path,
		    strerror(errno));
	p = esg_xmalloc(cap);
	while ((got = fread(p + n, 1, cap - n, fp)) > 0) {
		n += got;
		if (n > max)
			break;
		if (n == cap)
			p = esg_xrealloc(p, cap *= 2);
	}
	if (ferror(fp)) {
		int e = errno;

		fclose(fp);
		free(p);
		return cli_error(EXIT_IO, _("cannot read '%s': %s"), path,
		    strerror(e));
	}
	fclose(fp);
	if (n > max) {
		free(p);
		return cli_error(EXIT_INPUT, _("'%s' is larger than %zu bytes"),
		    path, max);
	}
	*buf = p;
	*len = n;
	return EXIT_OK;
}

int
cli_load(struct cli *cli)
{
	char *text = NULL;
	size_t len = 0;
	int rc;

	cli->diags.sink = print_diag;
	if (cli->qfile == NULL)
		return esg_load_yaml(ESG_DEFAULT_NAME, esg_default_questionnaire,
		    esg_default_questionnaire_len, &cli->q, &cli->diags) ==
		    ESG_OK ? EXIT_OK : EXIT_INPUT;
	rc = cli_read_file(cli->qfile, ESG_YAML_MAX_BYTES, &text, &len);
	if (rc != EXIT_OK)
		return rc;
	rc = esg_load_yaml(cli->qfile, text, len, &cli->q, &cli->diags);
	free(text);
	return rc == ESG_OK ? EXIT_OK : EXIT_INPUT;
}

int
cli_load_map(struct cli *cli, const char *path, const struct esg_map **out)
{
	struct esg_map *m = NULL;
	char *text = NULL;
	size_t len = 0;
	int rc = cli_read_file(path, ESG_YAML_MAX_BYTES, &text, &len);

	cli_add_input(cli, path);
	if (rc != EXIT_OK)
		return rc;
	rc = esg_map_load(path, text, len, cli->q, &m, &cli->diags) == ESG_OK ?
	    EXIT_OK : EXIT_INPUT;
	free(text);
	*out = m;
	return rc;
}

void
cli_add_input(struct cli *cli, const char *path)
{
	cli->inputs = esg_xreallocarray(cli->inputs, cli->ninputs + 1,
	    sizeof *cli->inputs);
	cli->inputs[cli->ninputs++] = path;
}

/* Whether path ("-": standard input) is the file st describes. */
static bool
same_file(const char *path, const struct stat *st)
{
	struct stat in;
	int rc = strcmp(path, "-") == 0 ? fstat(STDIN_FILENO, &in) :
	    stat(path, &in);

	return rc == 0 && in.st_dev == st->st_dev && in.st_ino == st->st_ino;
}

int
cli_check_output(const struct cli *cli, const char *out)
{
	struct stat st;

	/* A file that does not exist yet cannot be an input. */
	if (out == NULL || strcmp(out, "-") == 0 || stat(out, &st) != 0)
		return EXIT_OK;
	if (cli->qfile != NULL && same_file(cli->qfile, &st))
		return cli_usage_error(_("the output '%s' is the questionnaire "
		    "'%s': writing it would destroy it"), out, cli->qfile);
	for (size_t i = 0; i < cli->ninputs; i++)
		if (same_file(cli->inputs[i], &st))
			return cli_usage_error(_("the output '%s' is the input "
			    "'%s': writing it would destroy it"), out,
			    strcmp(cli->inputs[i], "-") == 0 ?
			    _("(standard input)") : cli->inputs[i]);
	return EXIT_OK;
}

int
cli_out_open(struct cli *cli)
{
	int rc;

	if (cli->output == NULL || strcmp(cli->output, "-") == 0) {
		cli->out = stdout;
		return EXIT_OK;
	}
	if ((rc = cli_check_output(cli, cli->output)) != EXIT_OK)
		return rc;
	if (atomic_open(&cli->out_file, cli->output) != 0)
		return cli_error(EXIT_IO, _("cannot write '%s': %s"), cli->output,
		    strerror(errno));
	if ((cli->out = atomic_stream(&cli->out_file)) == NULL) {
		int e = errno;

		atomic_abort(&cli->out_file);
		return cli_error(EXIT_IO, _("cannot write '%s': %s"), cli->output,
		    strerror(e));
	}
	return EXIT_OK;
}

int
cli_out_write(struct cli *cli, struct esg_buf *b)
{
	if (b->len > 0 && fwrite(b->data, 1, b->len, cli->out) != b->len) {
		/* The reader stopped (esgdiag ... | head): nothing to tell it. */
		if (cli->out == stdout && errno == EPIPE)
			return EXIT_IO;
		if (cli->out == stdout)
			return cli_error(EXIT_IO, _("error writing standard output: "
			    "%s"), strerror(errno));
		return cli_error(EXIT_IO, _("cannot write '%s': %s"), cli->output,
		    strerror(errno));
	}
	esg_buf_reset(b);
	return EXIT_OK;
}

int
cli_out_close(struct cli *cli, bool ok)
{
	if (cli->out == NULL || cli->out == stdout)
		return EXIT_OK;
	cli->out = NULL;
	if (!ok) {
		atomic_abort(&cli->out_file);
		return EXIT_OK;
	}
	if (atomic_commit(&cli->out_file) != 0)
		return cli_error(EXIT_IO, _("cannot write '%s': %s"), cli->output,
		    strerror(errno));
	return EXIT_OK;
}

bool
cli_fake_tty(void)
{
	const char *fake = getenv("ESG_FAKETTY");

	return fake != NULL && strcmp(fake, "1") == 0;
}

bool
cli_use_color(const struct cli *cli, bool tty)
{
	const char *nc = getenv("NO_COLOR");

	return tty && !cli->no_color && (nc == NULL || *nc == '\0');
}

bool
cli_french(void)
{
	/*
	 * TRANSLATORS: the language code of this translation.  It sets the
	 * HTML lang attribute, and with "fr" numbers are written the French
	 * way (20,07; 65 000) in the reports people read.
	 */
	return strcmp(_("en"), "fr") == 0;
}

void
cli_render_opts(const struct cli *cli, FILE *out, struct esg_render_opts *o)
{
	bool tty = isatty(fileno(out)) || cli_fake_tty();
	struct winsize ws;

	o->color = cli_use_color(cli, tty);
	o->french = cli_french();
	o->utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	o->width = 80;
	if (tty && ioctl(fileno(out), TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 60)
		o->width = ws.ws_col > 120 ? 120 : ws.ws_col;
}

long
cli_stream_read(void *ctx, char *buf, size_t n)
{
	struct cli_stream *s = ctx;
	size_t k = fread(buf, 1, n, s->fp);

	if (k == 0 && ferror(s->fp))
		return -1;
	if (s->hash)
		esg_sha256_update(&s->h, buf, k);
	return (long)k;
}

void
cli_stream_finish(struct cli_stream *s, char hex[65])
{
	char buf[65536];

	/* The reader may stop early (a bad header): hash the rest too. */
	while (s->hash && cli_stream_read(s, buf, sizeof buf) > 0)
		;
	if (s->hash)
		esg_sha256_hex(&s->h, hex);
	else
		hex[0] = '\0';
}
