#include "cli/batch/freshness.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <set>
#include <stdexcept>

#include "job/sha256.hpp"
#include "paiban/issue.hpp"
#include "paiban/layout.hpp"
#include "paiban/render.hpp"

namespace paiban::batch {
namespace {

// Size and modification time (ns): cheap identity for files too big to hash.
std::string size_and_mtime(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return "absent";
  return std::to_string(st.st_size) + ":" + std::to_string(st.st_mtim.tv_sec) + "." +
         std::to_string(st.st_mtim.tv_nsec);
}

// Every (family, weight) the layout may ask fontconfig for.
std::vector<std::pair<std::string, int>> font_requests(const Layout& layout) {
  std::set<std::pair<std::string, int>> requests;
  for (const auto& [role, font] : layout.fonts) {
    for (int weight : {font.weight, 700}) {  // 700: strong text in the role's bold
      for (const auto& family : font.families) requests.emplace(family, weight);
      for (const auto& family : font.fallback) requests.emplace(family, weight);
    }
  }
  return {requests.begin(), requests.end()};
}

std::string options_digest(const RenderOptions& options) {
  const PdfOptions& pdf = options.pdf;
  std::string text =
      "print=" + std::to_string(pdf.print) +
      " standard=" + std::to_string(static_cast<int>(pdf.standard)) +
      " compress=" + std::to_string(pdf.compress) + " pdfa=" + std::to_string(pdf.pdfa) +
      " pdfua=" + std::to_string(pdf.pdfua) + " tagged=" + std::to_string(pdf.tagged) +
      " epoch=" + (pdf.source_date_epoch ? std::to_string(*pdf.source_date_epoch) : "-") +
      " icc=" + pdf.icc_profile + " werror=" + std::to_string(options.warnings_as_errors);
  return sha256_hex(text);
}

}  // namespace

Freshness::Freshness(const RenderOptions& options, FontCache& fonts) : fonts_(fonts) {
  // The version string alone would miss a rebuilt engine during development;
  // the executable's size and time catch it (a rebuild re-renders everything).
  fixed_.push_back({"program", version_string(), size_and_mtime("/proc/self/exe")});
  fixed_.push_back({"options", "", options_digest(options)});
}

std::vector<InputStamp> Freshness::font_stamps(
    const std::string& layout_path, const std::string& lang,
    const std::vector<std::pair<std::string, int>>& requests) {
  std::string memo_key = layout_path + '\n' + lang;
  {
    std::lock_guard lock(mutex_);
    if (auto it = font_stamps_.find(memo_key); it != font_stamps_.end()) return it->second;
  }
  std::set<std::pair<std::string, std::string>> files, missing;
  for (const auto& [family, weight] : requests) {
    std::optional<FaceId> face = fonts_.find(family, weight, lang);
    if (!face) {
      missing.emplace(family, std::to_string(weight));
      continue;
    }
    const FaceInfo& info = fonts_.info(*face);
    files.emplace(info.path + "#" + std::to_string(info.index), size_and_mtime(info.path));
  }
  std::vector<InputStamp> stamps;
  for (const auto& [path, digest] : files) stamps.push_back({"font", path, digest});
  for (const auto& [family, weight] : missing)
    stamps.push_back({"font-missing", family, "weight " + weight});
  std::lock_guard lock(mutex_);
  font_stamps_.emplace(memo_key, stamps);
  return stamps;
}

Stamp Freshness::stamp(const Job& job) {
  Stamp stamp;
  stamp.inputs = fixed_;
  for (const InputFile& input : job.inputs) {
    if (input.digest.empty())
      throw std::logic_error("batch: " + input.path + " was loaded without its digest");
    stamp.inputs.push_back({to_string(input.kind), input.path, input.digest});
  }
  for (InputStamp& font : font_stamps(job.layout.path, job.issue.lang, font_requests(job.layout)))
    stamp.inputs.push_back(std::move(font));

  Sha256 key;
  for (const InputStamp& input : stamp.inputs) {
    key.update(input.kind);
    key.update("\t");
    // Fonts are identified by their file; every other input by content alone.
    if (input.kind == "font" || input.kind == "font-missing") key.update(input.path + "\t");
    key.update(input.digest);
    key.update("\n");
  }
  stamp.key = key.hex_digest();
  return stamp;
}

std::vector<std::string> changed_kinds(const std::vector<InputStamp>& before,
                                       const std::vector<InputStamp>& now) {
  // Compare per kind, by digest (and by path for fonts), in the order kinds appear now.
  auto fingerprint = [](const std::vector<InputStamp>& inputs, const std::string& kind) {
    std::multiset<std::string> set;
    for (const InputStamp& input : inputs)
      if (input.kind == kind)
        set.insert(input.kind.rfind("font", 0) == 0 ? input.path + "\t" + input.digest
                                                    : input.digest);
    return set;
  };
  std::vector<std::string> kinds;
  auto consider = [&](const std::string& kind) {
    if (std::find(kinds.begin(), kinds.end(), kind) != kinds.end()) return;
    if (fingerprint(before, kind) != fingerprint(now, kind)) kinds.push_back(kind);
  };
  for (const InputStamp& input : now) consider(input.kind);
  for (const InputStamp& input : before) consider(input.kind);
  return kinds;
}

}  // namespace paiban::batch
