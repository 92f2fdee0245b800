/*
 * The arena: zeroed, aligned memory, and sizes no allocation can meet end
 * the process with "out of memory" (SIGABRT), instead of a size check that
 * wraps into a tiny block and a write far past it.
 */
#include <signal.h>
#include <stdalign.h>
#include <sys/wait.h>
#include <unistd.h>

#include "esgdiag/arena.h"
#include "testutil.h"

static void
test_alloc(void **state)
{
	struct esg_arena a = ESG_ARENA_INIT;
	unsigned char *p = esg_arena_alloc(&a, 3), *q = esg_arena_alloc(&a, 40000);

	(void)state;
	assert_true((uintptr_t)p % alignof(max_align_t) == 0);
	assert_true((uintptr_t)q % alignof(max_align_t) == 0);
	for (size_t i = 0; i < 40000; i++)
		assert_int_equal(q[i], 0);
	esg_arena_release(&a);
}

/* Runs esg_arena_alloc(n) (or _array) in a child; returns its stderr. */
static const char *
child_alloc(size_t nmemb, size_t size, int *sig)
{
	static char err[256];
	int fd[2], st;
	pid_t pid;
	ssize_t k;

	assert_int_equal(pipe(fd), 0);
	if ((pid = fork()) == 0) {
		struct esg_arena a = ESG_ARENA_INIT;

		/* The plain signals, not cmocka's handlers. */
		signal(SIGSEGV, SIG_DFL);
		signal(SIGABRT, SIG_DFL);
		dup2(fd[1], 2);
		/* A first block, so that the request is checked against one. */
		esg_arena_alloc(&a, 100);
		if (size == 1)
			esg_arena_alloc(&a, nmemb);
		else
			esg_arena_array(&a, nmemb, size);
		_exit(0);	/* must not be reached */
	}
	close(fd[1]);
	k = read(fd[0], err, sizeof err - 1);
	err[k > 0 ? k : 0] = '\0';
	close(fd[0]);
	assert_int_equal(waitpid(pid, &st, 0), pid);
	*sig = WIFSIGNALED(st) ? WTERMSIG(st) : 0;
	return err;
}

static void
test_huge_sizes(void **state)
{
	static const struct { size_t nmemb, size; } rows[] = {
		{ SIZE_MAX, 1 },
		{ SIZE_MAX - 8, 1 },		/* rounded up to 16, wraps */
		{ SIZE_MAX - 40, 1 },		/* fits the rounding, not the header */
		{ SIZE_MAX / 2 + 1, 2 },	/* the product wraps */
	};
	int sig;

	(void)state;
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		const char *err = child_alloc(rows[i].nmemb, rows[i].size, &sig);

		if (sig != SIGABRT || strcmp(err, "esgdiag: out of memory\n") != 0)
			fail_msg("case %zu: signal %d, stderr '%s'", i, sig, err);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alloc),
		cmocka_unit_test(test_huge_sizes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
