/*
 * BCP 47 language tags: the examples of RFC 5646 appendix A that are
 * well-formed, and malformed ones including markup that must never reach
 * an HTML attribute or a LimeSurvey column.
 */
#include "esgdiag/text.h"
#include "testutil.h"

static void
test_tags(void **state)
{
	static const struct { const char *tag; bool ok; } rows[] = {
		{ "fr", true }, { "fr-FR", true }, { "FR-fr", true },
		{ "de", true }, { "ast", true }, { "zh-Hant", true },
		{ "zh-cmn-Hans-CN", true }, { "zh-yue-HK", true },
		{ "sr-Latn-RS", true }, { "sl-rozaj-biske", true },
		{ "de-CH-1901", true }, { "hy-Latn-IT-arevela", true },
		{ "es-419", true }, { "de-CH-x-phonebk", true },
		{ "az-Arab-x-AZE-derbend", true }, { "x-whatever", true },
		{ "qaa-Qaaa-QM-x-southern", true }, { "en-US-u-islamcal", true },
		{ "en-a-myext-b-another", true }, { "fr-1694acad", true },
		{ "", false }, { "f", false }, { "fr_FR", false }, { "fr-", false },
		{ "-fr", false }, { "fr--FR", false }, { "fr FR", false },
		{ "de-419-DE", false }, { "a-DE", false }, { "ar-a-aaa-b-bbb-a-", false },
		{ "en-a", false }, { "x", false }, { "fr-x", false },
		{ "françaisx", false }, { "toolongtag", false }, { "12", false },
		{ "fr\"><script>alert(1)</script>", false }, { "fr\" onload=\"x", false },
	};

	(void)state;
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
		if (esg_bcp47_valid(rows[i].tag) != rows[i].ok)
			fail_msg("'%s': expected %s", rows[i].tag,
			    rows[i].ok ? "valid" : "invalid");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tags),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
