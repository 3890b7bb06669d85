// What every fuzz target sets up the same way, so that a leak check under
// libFuzzer is always about what an input did.
#pragma once
#include "paiban/fonts.hpp"
#include "paiban/pdf.hpp"

namespace paiban::fuzz {

/// The shared font cache, with fontconfig's configuration loaded. FontCache
/// loads it lazily, at the first question; under libFuzzer that came inside
/// some input, and a leak check there reported 288 bytes "leaked" by
/// fontconfig: a pattern's element array that the live configuration still
/// holds through an offset LeakSanitizer cannot follow (any check made while
/// a configuration from FcInitLoadConfigAndFonts() is alive reports it;
/// after FcConfigDestroy nothing is). Called from LLVMFuzzerInitialize,
/// before any input runs.
inline FontCache& fonts_loaded() {
  FontCache& fonts = FontCache::shared();
  (void)fonts.find_for_char(U'\u4E2D', 400, "zh-Hans");  // any question loads it
  return fonts;
}

/// Writer options for one thread. libFuzzer counts the mallocs and frees of
/// every thread during an input: a kept background thread releases its share
/// of a job group's state a moment after the group's owner has gone on, so
/// that free could fall after the input and be counted as a leak (which then
/// triggers the check above). The threads are covered by the tests, under
/// ASan and TSan.
inline PdfOptions pdf_options() {
  PdfOptions options;
  options.threads = 1;
  return options;
}

}  // namespace paiban::fuzz
