// Freshness: what an issue's PDF depends on, as content hashes, and whether
// the PDF already on disk was made from exactly those inputs.
#pragma once
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "paiban/diagnostics.hpp"
#include "paiban/fonts.hpp"
#include "paiban/render.hpp"

namespace paiban::batch {

/// One input of an issue: kind ("program", "options", "manifest", "layout",
/// "figure", "font", "font-missing"), the file it names, and its fingerprint.
struct InputStamp {
  std::string kind;
  std::string path;
  std::string digest;
};

/// Every input of one issue. `key` hashes kinds and digests but not paths,
/// so a run from another working directory still finds the issue fresh.
struct Stamp {
  std::vector<InputStamp> inputs;
  std::string key;
};

/// Fingerprints loaded jobs. Thread-safe; remembers, for one run, the font
/// files each layout and language resolves to, so each is looked up once.
///
/// Fonts are fingerprinted by file path, size and modification time, not
/// content: CJK fonts are 20-30 MB each and hashing them would cost more than
/// rendering. Fonts are those fontconfig picks for every family and fallback
/// of the layout's font roles (regular and bold) in the language; a
/// family not installed is recorded as missing, so installing it re-renders.
/// A last-resort face found by character coverage alone is not tracked.
class Freshness {
 public:
  Freshness(const RenderOptions& options, FontCache& fonts);

  /// The program, the options, the job's files as load_job hashed them (no
  /// file is read or parsed again) and the fonts its layout resolves to.
  Stamp stamp(const Job& job);

 private:
  std::vector<InputStamp> font_stamps(const std::string& layout_path, const std::string& lang,
                                      const std::vector<std::pair<std::string, int>>& requests);

  FontCache& fonts_;
  std::vector<InputStamp> fixed_;  // program and options: the same for every issue
  std::mutex mutex_;
  std::map<std::string, std::vector<InputStamp>> font_stamps_;  // by layout path + lang
};

/// The input kinds whose digests differ between two stamps, in input order,
/// e.g. {"manifest", "figure"}.
std::vector<std::string> changed_kinds(const std::vector<InputStamp>& before,
                                       const std::vector<InputStamp>& now);

}  // namespace paiban::batch
