/*
 * Files replaced all at once, the one way esgdiag writes a file (`ask`'s
 * answers and every -o).  The new content goes to a temporary file in the
 * same folder, is synced, renamed over the target, and the folder synced:
 * after a crash the target holds either the old or the new content, never
 * a mix.  The temporary file is removed on every error and, while one is
 * open with atomic_open(), on SIGINT, SIGTERM, SIGHUP and SIGQUIT.
 *
 * Modes: a new file gets 0666 less the umask, as any file the user
 * creates; a replaced file keeps its own mode, so a private answers file
 * stays private.  A target that is a symbolic link is written through the
 * link, which stays.  A target that exists and is not a regular file (a
 * FIFO, /dev/null, a terminal) is written directly: renaming over it would
 * replace the device or the pipe with a plain file.
 *
 * Functions return 0, or -1 with errno set by the call that failed.
 */
#ifndef ESG_ATOMIC_H
#define ESG_ATOMIC_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct atomic_file {
	char *path;	/* the file replaced at commit (links resolved); owned */
	char *tmp;	/* the temporary file; owned; NULL once done */
	int fd;
	FILE *fp;	/* from atomic_stream(); owns fd then */
	bool direct;	/* writing to path itself, not a regular file */
};

/* Creates the temporary file beside path. */
int atomic_open(struct atomic_file *af, const char *path);
/* A stdio stream over the temporary file (owned by af); NULL on error. */
FILE *atomic_stream(struct atomic_file *af);
/* Writes all of data to the temporary file. */
int atomic_write(struct atomic_file *af, const void *data, size_t n);
/*
 * Flushes, syncs and closes the temporary file, renames it over the
 * target and syncs the folder.  On failure the temporary file is removed.
 * Either way af is released.
 */
int atomic_commit(struct atomic_file *af);
/* Closes and removes the temporary file and releases af; keeps errno. */
void atomic_abort(struct atomic_file *af);

/*
 * Replaces path with data in one go, the termination signals blocked from
 * start to end so that no temporary file can be left behind by them.
 */
int atomic_replace(const char *path, const void *data, size_t n);

/*
 * Blocks the signals that end the program by default and that a user or
 * the system sends to stop it (SIGINT, SIGTERM, SIGHUP, SIGQUIT), and
 * nothing else: a fault (SIGSEGV, SIGBUS, SIGFPE) must still stop it.
 * The previous mask goes to *old for atomic_unblock().
 */
void atomic_block(sigset_t *old);
/* Restores the mask; keeps errno. */
void atomic_unblock(const sigset_t *old);

#endif
