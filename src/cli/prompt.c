/*
 * Line input and wrapped, optionally coloured output; see prompt.h.
 */
#include "prompt.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cmd.h"
#include "esgdiag/buf.h"
#include "esgdiag/text.h"

static const char *const colors[] = {
	[PS_PLAIN] = "", [PS_TITLE] = "\033[1;36m", [PS_QUESTION] = "\033[1m",
	[PS_HINT] = "\033[2m", [PS_ERROR] = "\033[31m", [PS_OK] = "\033[32m",
};

static size_t
term_width(bool tty)
{
	struct winsize ws;
	const char *cols = getenv("COLUMNS");

	/* Narrower than 20 columns, nothing can be laid out sensibly. */
	if (tty && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col < 20 ? 20 : ws.ws_col;
	if (cols != NULL && atoi(cols) > 0)
		return atoi(cols) < 20 ? 20 : (size_t)atoi(cols);
	return 80;
}

void
prompt_init(struct prompt *p, const struct cli *cli)
{
	memset(p, 0, sizeof *p);
	p->in = stdin;
	p->out = stdout;
	p->tty = cli_fake_tty() || (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO));
	p->color = cli_use_color(cli, p->tty);
	prompt_refresh(p);
}

void
prompt_refresh(struct prompt *p)
{
	p->width = term_width(p->tty);
	if (p->width > 100)
		p->width = 100;	/* long lines are hard to read */
}

void
prompt_release(struct prompt *p)
{
	free(p->line);
	p->line = NULL;
}

static void
style(struct prompt *p, enum prompt_style st, bool on)
{
	if (p->color && st != PS_PLAIN)
		fputs(on ? colors[st] : "\033[0m", p->out);
}

const char *
prompt_read(struct prompt *p, const char *text)
{
	ssize_t n;

	fputs(text, p->out);
	fflush(p->out);
	n = getline(&p->line, &p->cap, p->in);
	if (n < 0)
		return NULL;
	while (n > 0 && (p->line[n - 1] == '\n' || p->line[n - 1] == '\r'))
		p->line[--n] = '\0';
	/* Piped input is not echoed: show it, so a transcript reads well. */
	if (!p->tty)
		fprintf(p->out, "%s\n", p->line);
	return p->line;
}

void
prompt_line(struct prompt *p, enum prompt_style st, const char *text)
{
	style(p, st, true);
	fputs(text, p->out);
	style(p, st, false);
	fputc('\n', p->out);
}

/*
 * printf, then each line wrapped to the width, with its leading spaces as
 * the hanging indent; a last piece without a line end is written as is.
 */
void
prompt_printf(struct prompt *p, enum prompt_style st, const char *fmt, ...)
{
	struct esg_buf b = ESG_BUF_INIT;
	char *s, *nl, lead[24];
	va_list ap;

	va_start(ap, fmt);
	esg_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	for (s = b.len ? b.data : ""; *s; s = nl + 1) {
		size_t k = strspn(s, " ");

		if ((nl = strchr(s, '\n')) == NULL) {
			style(p, st, true);
			fputs(s, p->out);
			style(p, st, false);
			break;
		}
		*nl = '\0';
		if (*s == '\0') {
			fputc('\n', p->out);
			continue;
		}
		k = k < sizeof lead ? k : sizeof lead - 1;
		memcpy(lead, s, k);
		lead[k] = '\0';
		prompt_wrap(p, st, lead, s + k);
	}
	esg_buf_release(&b);
}

void
prompt_wrap(struct prompt *p, enum prompt_style st, const char *lead,
    const char *text)
{
	size_t iw = esg_utf8_width(lead, strlen(lead)), col = iw;
	const char *s = text;
	char indent[64];

	if (iw >= sizeof indent)
		iw = sizeof indent - 1;
	memset(indent, ' ', iw);
	indent[iw] = '\0';
	style(p, st, true);
	fputs(lead, p->out);
	while (*s) {
		size_t wl = strcspn(s, " \n"), w = esg_utf8_width(s, wl);

		if (col > iw && col + 1 + w > p->width) {
			fprintf(p->out, "\n%s", indent);
			col = iw;
		} else if (col > iw) {
			fputc(' ', p->out);
			col++;
		}
		fwrite(s, 1, wl, p->out);
		col += w;
		s += wl;
		if (*s == '\n' && s[1] == '\n') {	/* keep paragraph breaks */
			fprintf(p->out, "\n\n%s", indent);
			col = iw;
		}
		while (*s == ' ' || *s == '\n')
			s++;
	}
	style(p, st, false);
	fputc('\n', p->out);
}
