/*
 * esgdiag ask: the guided self-assessment.  Profile first, then each
 * section; questions whose `when` is not true are skipped, and the count
 * of questions is recomputed after every answer so it stays honest.
 *
 * Never lose an answer: after every answer or note the whole answers file
 * is rewritten atomically (temporary file, fsync, rename, fsync of the
 * folder) with signals blocked, so an interruption at any moment leaves
 * the file holding every answer given.  Ctrl-C, SIGTERM and SIGHUP then
 * only have to say how to resume.
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"
#include "source.h"
#include "esgdiag/answers.h"
#include "esgdiag/cond.h"
#include "esgdiag/buf.h"
#include "esgdiag/csv_answers.h"
#include "esgdiag/model.h"
#include "esgdiag/render.h"
#include "esgdiag/score.h"
#include "esgdiag/text.h"
#include "prompt.h"

enum { OPT_RESUME = OPT_CMD, OPT_FORCE, OPT_ID };
enum step { STEP_NEXT, STEP_BACK, STEP_QUIT, STEP_EOF, STEP_IOERR };

#define DEFAULT_ANSWERS "esgdiag-answers.csv"

struct interview {
	struct cli *cli;
	const struct esg_questionnaire *q;
	struct esg_answers ans;
	struct esg_result *res;		/* for applicability and the end */
	struct prompt pr;
	const char *path, *id;
	size_t *hist, nhist;		/* fields answered, to go back */
	size_t shown_section;		/* the section whose intro was shown */
};

/* The message a signal prints: made before any signal can come. */
static char resume_msg[1024];
static size_t resume_len;

static void
on_signal(int sig)
{
	if (write(STDERR_FILENO, resume_msg, resume_len) < 0)
		resume_len = 0;
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
catch_signals(const char *path)
{
	struct sigaction sa;

	resume_len = (size_t)snprintf(resume_msg, sizeof resume_msg,
	    _("\nesgdiag: interrupted; every answer given is saved in '%s'.\n"
	    "Resume with: esgdiag ask --resume -o '%s'\n"), path, path);
	if (resume_len >= sizeof resume_msg)
		resume_len = sizeof resume_msg - 1;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

/* Rewrites the answers file atomically (atomic.h). */
static int
save(struct interview *iv)
{
	struct esg_buf b = ESG_BUF_INIT;
	int rc;

	esg_answers_format_csv(&b, iv->q, &iv->ans, iv->id);
	if ((rc = atomic_replace(iv->path, b.data, b.len)) != 0)
		cli_error(EXIT_IO, _("cannot save the answers in '%s': %s"),
		    iv->path, strerror(errno));
	esg_buf_release(&b);
	return rc;
}

static bool
applies(const struct interview *iv, size_t i)
{
	return iv->res->when[i] == ESG_TRUE;
}

static void
refresh(struct interview *iv)
{
	esg_score(iv->res, &iv->ans);
}

/* The 1-based position of field i among the fields that apply, and their count. */
static void
position(const struct interview *iv, size_t i, size_t *pos, size_t *total)
{
	*pos = *total = 0;
	for (size_t k = 0; k < iv->q->nfields; k++)
		if (applies(iv, k)) {
			++*total;
			if (k <= i)
				++*pos;
		}
}

static void
show_section(struct interview *iv, size_t i)
{
	const struct esg_field *f = &iv->q->fields[i];
	size_t sec = f->is_profile ? ESG_NONE - 1 : f->section;

	if (sec == iv->shown_section)
		return;
	iv->shown_section = sec;
	if (f->is_profile) {
		prompt_printf(&iv->pr, PS_TITLE, "\n== %s ==\n", _("Profile"));
		return;
	}
	prompt_printf(&iv->pr, PS_TITLE, "\n== %s ==\n", iv->q->sections[sec].title);
	if (iv->q->sections[sec].intro)
		prompt_wrap(&iv->pr, PS_HINT, "", iv->q->sections[sec].intro);
}

static void
show_choices(struct interview *iv, const struct esg_field *f)
{
	for (size_t k = 0; k < f->noptions; k++) {
		const struct esg_option *o = &f->options[k];

		if (f->type == ESG_QTYPE_SCALE) {
			if (o->label)
				prompt_printf(&iv->pr, PS_PLAIN, "  %s = %s\n",
				    o->value, o->label);
			continue;
		}
		char num[32];

		snprintf(num, sizeof num, "  %2zu. ", k + 1);
		prompt_wrap(&iv->pr, PS_PLAIN, num, o->label ? o->label : o->value);
	}
}

static const char *
input_hint(const struct esg_field *f)
{
	switch (f->type) {
	case ESG_QTYPE_MULTI:
		return _("numbers of every choice that applies, e.g. 1,3");
	case ESG_QTYPE_SCALE:
		return NULL;
	case ESG_QTYPE_NUMBER:
		return _("a number");
	case ESG_QTYPE_TEXT:
		return _("free text, Enter to skip");
	default:
		return _("the number of your choice");
	}
}

static void
show_question(struct interview *iv, size_t i)
{
	const struct esg_field *f = &iv->q->fields[i];
	struct esg_buf cur = ESG_BUF_INIT;
	size_t pos, total;

	show_section(iv, i);
	position(iv, i, &pos, &total);
	prompt_printf(&iv->pr, PS_HINT, "\n[%zu/%zu] %s\n", pos, total,
	    f->is_profile ? _("Profile") : iv->q->sections[f->section].title);
	prompt_wrap(&iv->pr, PS_QUESTION, "", f->text);
	show_choices(iv, f);
	if (f->type == ESG_QTYPE_SCALE)
		prompt_printf(&iv->pr, PS_HINT, _("  (a whole number from %d to %d)\n"),
		    f->min, f->max);
	else if (f->type == ESG_QTYPE_NUMBER && f->unit)
		prompt_printf(&iv->pr, PS_HINT, _("  (%s: %s)\n"), input_hint(f),
		    f->unit);
	else if (input_hint(f))
		prompt_printf(&iv->pr, PS_HINT, "  (%s)\n", input_hint(f));
	esg_cell_format(&cur, f, &iv->ans.a[i]);
	if (cur.len > 0)
		prompt_printf(&iv->pr, PS_HINT, _("  Current answer: %s (Enter keeps it)\n"),
		    esg_buf_str(&cur));
	if (iv->ans.a[i].note)
		prompt_printf(&iv->pr, PS_HINT, _("  Note: %s\n"), iv->ans.a[i].note);
	esg_buf_release(&cur);
}

/*
 * Choice questions take option numbers ("2", "1,3", "1 3"); anything else
 * is read as a cell of the answers file, so values, labels, nsp and na
 * work as they do there.  Returns the cell text to parse, in b.
 */
static void
numbers_to_values(const struct esg_field *f, const char *in, struct esg_buf *b)
{
	const char *p = in;
	size_t n = 0;

	if (f->type != ESG_QTYPE_SINGLE && f->type != ESG_QTYPE_MULTI &&
	    f->type != ESG_QTYPE_YESNO)
		goto verbatim;
	while (*p) {
		char *end;
		unsigned long k;

		while (*p == ' ' || *p == ',')
			p++;
		if (!*p)
			break;
		if (*p < '0' || *p > '9')
			goto verbatim;
		k = strtoul(p, &end, 10);
		if (k < 1 || k > f->noptions)
			goto verbatim;
		if (n++ > 0 && f->type != ESG_QTYPE_MULTI)
			goto verbatim;
		esg_buf_printf(b, "%s%s", n > 1 ? "|" : "", f->options[k - 1].value);
		p = end;
	}
	if (n > 0)
		return;
verbatim:
	esg_buf_reset(b);
	esg_buf_puts(b, in);
}

/* Tries to take line as the answer of field i; explains what is wrong if not. */
static bool
take_answer(struct interview *iv, size_t i, const char *line)
{
	const struct esg_field *f = &iv->q->fields[i];
	struct esg_buf cell = ESG_BUF_INIT, why = ESG_BUF_INIT;
	struct esg_answer a = { 0 };
	bool ok;

	numbers_to_values(f, line, &cell);
	ok = esg_cell_parse(f, cell.data, cell.len, &a, &iv->ans.arena, &why) == 0;
	if (ok) {
		a.note = iv->ans.a[i].note;
		iv->ans.a[i] = a;
	} else
		prompt_printf(&iv->pr, PS_ERROR, _("  Not understood: %s.\n"),
		    esg_buf_str(&why));
	esg_buf_release(&cell);
	esg_buf_release(&why);
	return ok;
}

static void
show_help(struct interview *iv, const struct esg_field *f)
{
	if (f->help)
		prompt_wrap(&iv->pr, PS_HINT, "  ", f->help);
	else
		prompt_printf(&iv->pr, PS_HINT, "  %s\n", _("No explanation for this question."));
	prompt_wrap(&iv->pr, PS_HINT, "  ", _("Answer, or: nsp = don't know, "
	    "na = not applicable, < = back, + text = add a note, q = save and quit"));
}

/* Handles one line; returns a step, or -1 to ask the same question again. */
static int
handle_line(struct interview *iv, size_t i, const char *raw)
{
	const struct esg_field *f = &iv->q->fields[i];
	const char *s = raw;
	size_t n = strlen(raw);

	esg_trim(&s, &n);
	if (n == 0) {
		if (iv->ans.a[i].state != ESG_A_EMPTY || f->type == ESG_QTYPE_TEXT)
			return STEP_NEXT;
		prompt_printf(&iv->pr, PS_ERROR, "  %s\n", _("Please answer: type "
		    "nsp if you do not know, ? for help."));
		return -1;
	}
	if (n == 1 && (*s == '?' || *s == '<' || *s == 'q' || *s == 'Q')) {
		if (*s == '<')
			return STEP_BACK;
		if (*s != '?')
			return STEP_QUIT;
		show_help(iv, f);
		return -1;
	}
	if (*s == '+') {
		const char *note = s + 1;
		size_t len = n - 1;

		esg_trim(&note, &len);
		iv->ans.a[i].note = len ? esg_arena_strndup(&iv->ans.arena, note, len) : NULL;
		if (save(iv) != 0)
			return STEP_IOERR;
		prompt_printf(&iv->pr, PS_OK, "  %s\n", len ? _("Note saved.") :
		    _("Note removed."));
		return -1;
	}
	return take_answer(iv, i, raw) ? STEP_NEXT : -1;
}

static enum step
ask_one(struct interview *iv, size_t i)
{
	show_question(iv, i);
	for (;;) {
		const char *line = prompt_read(&iv->pr, "> ");
		int st;

		if (line == NULL)
			return STEP_EOF;
		if ((st = handle_line(iv, i, line)) >= 0)
			return (enum step)st;
	}
}

static size_t
next_applicable(const struct interview *iv, size_t from)
{
	while (from < iv->q->nfields && !applies(iv, from))
		from++;
	return from;
}

static void
say_resume(struct interview *iv)
{
	prompt_printf(&iv->pr, PS_OK, _("\nYour answers are saved in '%s'.\n"), iv->path);
	prompt_printf(&iv->pr, PS_PLAIN, _("Resume with: esgdiag ask --resume -o '%s'\n"),
	    iv->path);
}

/* The interview proper, from field `start`; returns an exit status. */
static int
interview(struct interview *iv, size_t start)
{
	size_t i = next_applicable(iv, start);

	while (i < iv->q->nfields) {
		enum step st = ask_one(iv, i);

		switch (st) {
		case STEP_NEXT:
			iv->hist[iv->nhist++] = i;
			if (save(iv) != 0)
				return EXIT_IO;
			refresh(iv);
			i = next_applicable(iv, i + 1);
			break;
		case STEP_BACK:
			/* Answers changed since may have closed earlier questions. */
			while (iv->nhist > 0 && !applies(iv, iv->hist[iv->nhist - 1]))
				iv->nhist--;
			if (iv->nhist == 0)
				prompt_printf(&iv->pr, PS_ERROR, "  %s\n",
				    _("This is the first question."));
			else
				i = iv->hist[--iv->nhist];
			break;
		case STEP_IOERR:
			return EXIT_IO;
		case STEP_QUIT:
		case STEP_EOF:
			if (save(iv) != 0)
				return EXIT_IO;
			say_resume(iv);
			return EXIT_OK;
		}
	}
	return -1;	/* finished */
}

/* Loads the answers to resume; returns an exit status. */
static int
load_answers(struct interview *iv)
{
	static const struct cli_source_opts plain = { 0 };
	struct cli_source *src;
	int got, rc = cli_source_open(iv->cli, &plain, iv->path, false, &src);

	if (src == NULL)
		return rc;
	got = cli_source_next(src, &iv->ans);
	if (got && iv->id == NULL && cli_source_has_id(src))
		iv->id = esg_arena_strdup(&iv->ans.arena, iv->ans.id);
	rc = cli_source_close(src, NULL);
	return got || rc != EXIT_OK ? rc : EXIT_INPUT;
}

/* Where a resumed interview starts: the first unanswered question that applies. */
static size_t
resume_point(struct interview *iv)
{
	size_t i;

	for (i = 0; i < iv->q->nfields; i++) {
		if (!applies(iv, i))
			continue;
		if (iv->ans.a[i].state == ESG_A_EMPTY)
			break;
		iv->hist[iv->nhist++] = i;
	}
	return i;
}

static void
finish(struct interview *iv)
{
	const struct esg_renderer *text = esg_renderer_find("text");
	struct esg_render_opts opts = ESG_RENDER_OPTS_INIT;
	struct esg_buf b = ESG_BUF_INIT;

	refresh(iv);
	cli_render_opts(iv->cli, iv->pr.out, &opts);
	iv->ans.id = iv->id ? iv->id : "1";
	prompt_printf(&iv->pr, PS_TITLE, "\n== %s ==\n\n", _("Your maturity profile"));
	text->begin(&b, iv->q, &opts);
	text->respondent(&b, iv->res, &opts, 0);
	fputs(esg_buf_str(&b), iv->pr.out);
	esg_buf_release(&b);
	prompt_printf(&iv->pr, PS_OK, _("\nYour answers are saved in '%s'; score them "
	    "again with: esgdiag score '%s'\n"), iv->path, iv->path);
}

static int
run(struct interview *iv, bool resume)
{
	size_t start = 0;
	int rc;

	esg_answers_init(&iv->ans, iv->q);
	iv->res = esg_result_new(iv->q);
	iv->hist = calloc(iv->q->nfields + 1, sizeof *iv->hist);
	iv->shown_section = ESG_NONE;
	if (iv->hist == NULL)
		return cli_error(EXIT_IO, "%s", strerror(ENOMEM));
	if (resume && (rc = load_answers(iv)) != EXIT_OK)
		return rc;
	refresh(iv);
	catch_signals(iv->path);
	if (resume)
		start = resume_point(iv);
	else if (save(iv) != 0)
		return EXIT_IO;
	prompt_printf(&iv->pr, PS_TITLE, "%s\n", iv->q->title);
	prompt_wrap(&iv->pr, PS_HINT, "", _("Type the number of your answer "
	    "and Enter. ? explains a question, < goes back, nsp = don't know, "
	    "q saves and quits. Every answer is saved at once."));
	rc = interview(iv, start);
	if (rc < 0) {
		finish(iv);
		rc = EXIT_OK;
	}
	return rc;
}

/* The command's options, also listed by --dump-options (cmd.h). */
const struct option cli_ask_opts[] = {
	{ "resume", no_argument, NULL, OPT_RESUME },
	{ "force", no_argument, NULL, OPT_FORCE },
	{ "id", required_argument, NULL, OPT_ID },
	CLI_GLOBAL_OPTS,
};

int
cmd_ask(int argc, char **argv, struct cli *cli)
{
	const struct option *longopts = cli_ask_opts;
	struct interview iv = { .cli = cli };
	bool resume = false, force = false;
	struct stat st;
	int c, rc;

	optind = 0;
	while ((c = cli_getopt(argc, argv, "", longopts, cli,
	    cli_find_cmd("ask"))) != -1) {
		if (c == 'h' || c == '?')
			return c == 'h' ? EXIT_OK : EXIT_USAGE;
		resume |= c == OPT_RESUME;
		force |= c == OPT_FORCE;
		if (c == OPT_ID)
			iv.id = optarg;
	}
	if (optind < argc)
		return cli_usage_error(_("ask takes no argument (use -o FILE)"));
	iv.path = cli->output ? cli->output : DEFAULT_ANSWERS;
	if ((rc = cli_check_output(cli, iv.path)) != EXIT_OK)
		return rc;
	if (!resume && !force && stat(iv.path, &st) == 0)
		return cli_usage_error(_("'%s' exists: use --resume to continue "
		    "it, or --force to start again"), iv.path);
	if ((rc = cli_load(cli)) != EXIT_OK)
		return rc;
	iv.q = cli->q;
	prompt_init(&iv.pr, cli);
	rc = run(&iv, resume);
	prompt_release(&iv.pr);
	esg_answers_release(&iv.ans);
	esg_result_free(iv.res);
	free(iv.hist);
	return rc;
}
