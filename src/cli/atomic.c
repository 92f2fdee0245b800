/*
 * Atomic replacement of a file; see atomic.h.
 *
 * The one piece of static state in the program is here: a signal handler
 * can reach nothing else, and it must know which temporary file to remove.
 * It is set while a temporary file made by atomic_open() exists, with the
 * termination signals blocked around every change.
 */
/* realpath() is XSI. */
#define _XOPEN_SOURCE 700
#include "atomic.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "esgdiag/xalloc.h"

static const int term_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
#define NTERM (sizeof term_signals / sizeof term_signals[0])

static struct {
	char tmp[PATH_MAX + 16];
	volatile sig_atomic_t set;
	struct sigaction old[NTERM];
} pending;

void
atomic_block(sigset_t *old)
{
	sigset_t set;

	sigemptyset(&set);
	for (size_t i = 0; i < NTERM; i++)
		sigaddset(&set, term_signals[i]);
	sigprocmask(SIG_BLOCK, &set, old);
}

void
atomic_unblock(const sigset_t *old)
{
	int e = errno;

	sigprocmask(SIG_SETMASK, old, NULL);
	errno = e;
}

static void
on_term(int sig)
{
	if (pending.set)
		unlink(pending.tmp);
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Makes the handler remove tmp on a termination signal (signals blocked). */
static void
guard(const char *tmp)
{
	struct sigaction sa;

	if (strlen(tmp) >= sizeof pending.tmp)
		return;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_term;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < NTERM; i++)
		sigaddset(&sa.sa_mask, term_signals[i]);
	memcpy(pending.tmp, tmp, strlen(tmp) + 1);
	for (size_t i = 0; i < NTERM; i++) {
		sigaction(term_signals[i], NULL, &pending.old[i]);
		/* An ignored signal (nohup) stays ignored. */
		if (pending.old[i].sa_handler != SIG_IGN)
			sigaction(term_signals[i], &sa, NULL);
	}
	pending.set = 1;
}

static void
unguard(void)
{
	if (!pending.set)
		return;
	pending.set = 0;
	for (size_t i = 0; i < NTERM; i++)
		sigaction(term_signals[i], &pending.old[i], NULL);
}

/* The file a path designates: the target of a symbolic link. */
static char *
target_of(const char *path)
{
	struct stat st;
	char *real;

	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode) &&
	    (real = realpath(path, NULL)) != NULL)
		return real;
	return esg_xstrdup(path);
}

/* Creates path.XXXXXX with O_EXCL, mode 0666 less the umask. */
static int
make_temp(struct atomic_file *af)
{
	static const char digits[] = "abcdefghijklmnopqrstuvwxyz0123456789";
	size_t n = strlen(af->path);
	struct timespec ts;

	af->tmp = esg_xmalloc(n + 8);
	clock_gettime(CLOCK_REALTIME, &ts);
	for (unsigned try = 0; try < 100; try++) {
		uint64_t x = (uint64_t)ts.tv_nsec * 0x9e3779b97f4a7c15u ^
		    (uint64_t)getpid() << 20 ^ (uint64_t)try * 0xbf58476d1ce4e5b9u;

		memcpy(af->tmp, af->path, n);
		af->tmp[n] = '.';
		for (size_t i = 0; i < 6; i++, x /= 36)
			af->tmp[n + 1 + i] = digits[x % 36];
		af->tmp[n + 7] = '\0';
		af->fd = open(af->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
		if (af->fd >= 0 || errno != EEXIST)
			return af->fd < 0 ? -1 : 0;
	}
	return -1;
}

static void
release(struct atomic_file *af)
{
	free(af->path);
	free(af->tmp);
	af->path = af->tmp = NULL;
	af->fd = -1;
	af->fp = NULL;
}

/* A FIFO or a device is written as it is: there is nothing to replace. */
static int
open_direct(struct atomic_file *af)
{
	af->direct = true;
	af->fd = open(af->path, O_WRONLY | O_CLOEXEC);
	if (af->fd < 0) {
		int e = errno;

		release(af);
		errno = e;
		return -1;
	}
	return 0;
}

int
atomic_open(struct atomic_file *af, const char *path)
{
	struct stat st;
	sigset_t old;
	int rc;

	memset(af, 0, sizeof *af);
	af->fd = -1;
	af->path = target_of(path);
	if (stat(af->path, &st) == 0 && !S_ISREG(st.st_mode) &&
	    !S_ISDIR(st.st_mode))
		return open_direct(af);
	/* Renaming would bypass the permissions of a read-only file. */
	if (stat(af->path, &st) == 0 && access(af->path, W_OK) != 0) {
		release(af);
		return -1;
	}
	atomic_block(&old);
	if ((rc = make_temp(af)) == 0)
		guard(af->tmp);
	atomic_unblock(&old);
	if (rc != 0) {
		release(af);
		return -1;
	}
	if (stat(af->path, &st) == 0 && fchmod(af->fd, st.st_mode & 07777) != 0) {
		atomic_abort(af);
		return -1;
	}
	return 0;
}

FILE *
atomic_stream(struct atomic_file *af)
{
	if (af->fp == NULL)
		af->fp = fdopen(af->fd, "w");
	return af->fp;
}

int
atomic_write(struct atomic_file *af, const void *data, size_t n)
{
	const char *p = data;

	while (n > 0) {
		ssize_t k = write(af->fd, p, n);

		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			return -1;
		p += k;
		n -= (size_t)k;
	}
	return 0;
}

/* Syncs the folder that holds path, so that the rename is durable. */
static int
sync_dir(const char *path)
{
	char *dir = esg_xstrdup(path), *slash = strrchr(dir, '/');
	int fd, rc;

	if (slash == dir)
		slash[1] = '\0';
	else if (slash != NULL)
		*slash = '\0';
	fd = open(slash ? dir : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	free(dir);
	if (fd < 0)
		return -1;
	rc = fsync(fd);
	/* Some file systems cannot sync a folder; that is no failure. */
	if (rc != 0 && (errno == EINVAL || errno == ENOTSUP))
		rc = 0;
	close(fd);
	return rc;
}

/*
 * Flushes, syncs (when sync is set) and closes; the descriptor is closed
 * whatever happens.
 */
static int
close_file(struct atomic_file *af, bool sync)
{
	int rc = 0, e = 0;

	if (af->fp != NULL && (fflush(af->fp) != 0 || ferror(af->fp))) {
		rc = -1;
		e = errno ? errno : EIO;
	}
	if (rc == 0 && sync && fsync(af->fd) != 0) {
		rc = -1;
		e = errno;
	}
	if ((af->fp != NULL ? fclose(af->fp) : close(af->fd)) != 0 && rc == 0) {
		rc = -1;
		e = errno;
	}
	af->fp = NULL;
	af->fd = -1;
	errno = e;
	return rc;
}

/* Closes a direct target and releases af (a device cannot be synced). */
static int
close_direct(struct atomic_file *af)
{
	int rc = close_file(af, false), e = errno;

	release(af);
	errno = e;
	return rc;
}

int
atomic_commit(struct atomic_file *af)
{
	sigset_t old;
	int rc;

	if (af->direct)
		return close_direct(af);
	atomic_block(&old);
	rc = close_file(af, true);
	if (rc == 0)
		rc = rename(af->tmp, af->path);
	if (rc != 0) {
		int e = errno;

		unlink(af->tmp);
		errno = e;
	} else
		rc = sync_dir(af->path);
	unguard();
	release(af);
	atomic_unblock(&old);
	return rc;
}

void
atomic_abort(struct atomic_file *af)
{
	int e = errno;
	sigset_t old;

	if (af->direct) {
		close_direct(af);
		errno = e;
		return;
	}
	if (af->tmp == NULL)
		return;
	atomic_block(&old);
	if (af->fp != NULL)
		fclose(af->fp);
	else if (af->fd >= 0)
		close(af->fd);
	unlink(af->tmp);
	unguard();
	release(af);
	atomic_unblock(&old);
	errno = e;
}

int
atomic_replace(const char *path, const void *data, size_t n)
{
	struct atomic_file af;
	sigset_t old;
	int rc;

	atomic_block(&old);
	if ((rc = atomic_open(&af, path)) == 0) {
		if ((rc = atomic_write(&af, data, n)) == 0)
			rc = atomic_commit(&af);
		else
			atomic_abort(&af);
	}
	atomic_unblock(&old);
	return rc;
}
