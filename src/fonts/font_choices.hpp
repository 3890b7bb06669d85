// fontconfig's answers kept between runs. Loading fontconfig's configuration
// (the XML of /etc/fonts, every time, as the library has no cache of it) is
// a seventh of a one-issue render, and a layout asks it the same few
// questions every time: which face is "Noto Serif CJK SC" at 400 for zh-Hans.
// The answers are kept in a file with a stamp of everything fontconfig read
// to give them (its configuration files and their directories, its font
// directories, the environment it looks at, paiban's own fonts/): while the
// stamp holds, fontconfig would answer the same, so a render that asks
// nothing new never loads it. Any change, and the file is set aside.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "paiban/fonts.hpp"

namespace paiban {

/// A face fontconfig chose for a request; nullopt in a std::optional: none.
struct FontChoice {
  std::string file;
  int index = 0;
  std::string family;  ///< the family as the request named it
  int weight = 400;
};

/// What fontconfig's answers depend on, one line per fact ("file PATH SIZE
/// MTIME INODE", "dir PATH MTIME", "env NAME=VALUE", "fonts DIR").
using FontconfigStamp = std::vector<std::string>;

/// The stamp as things are now, for the same paths and names as `stamp`
/// lists (a file or directory gone, or any fact changed, reads differently).
FontconfigStamp restamp(const FontconfigStamp& stamp);

/// The stamp of a loaded configuration (an FcConfig*): the files it parsed,
/// their directories, its font directories, the environment, and
/// `app_fonts_dir` (paiban's fonts/, its subdirectories too).
FontconfigStamp stamp_of(void* fc_config, const std::string& app_fonts_dir);

/// Answers by request key, read from and written to one file.
class FontChoices {
 public:
  /// Reads `path` ("" keeps nothing); its answers are used only when its
  /// stamp still holds and it was made for `app_fonts_dir`.
  FontChoices(std::string path, std::string app_fonts_dir);

  /// The answer kept for `key`: a face, std::nullopt inside for "none";
  /// empty when nothing is kept for it.
  std::optional<std::optional<FontChoice>> find(const std::string& key) const;
  /// An answer fontconfig gave: kept by save().
  void remember(const std::string& key, const std::optional<FontChoice>& choice);
  /// Writes the answers (the valid ones read, and the new ones) with
  /// `stamp`, when there are new ones; atomically, errors ignored (a cache).
  void save(const FontconfigStamp& stamp);

 private:
  std::string path_, app_fonts_dir_;
  std::map<std::string, std::optional<FontChoice>> answers_;
  bool changed_ = false;
};

}  // namespace paiban
