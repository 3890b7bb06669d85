#include "fonts/font_choices.hpp"

#include <fontconfig/fontconfig.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace paiban {
namespace {

constexpr const char* kHeader = "paiban font choices 1";

/// The environment fontconfig reads (its files, the user's directories, the
/// locale its default language comes from).
constexpr const char* kEnvironment[] = {
    "FONTCONFIG_FILE", "FONTCONFIG_PATH", "FONTCONFIG_SYSROOT", "FC_LANG", "HOME",
    "XDG_CONFIG_HOME", "XDG_DATA_HOME",   "XDG_CACHE_HOME",     "LANG",    "LC_ALL",
    "LC_CTYPE",        "LANGUAGE"};

std::string time_of(const struct stat& st) {
  return std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec);
}

std::string file_line(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return "file " + path + " missing";
  return "file " + path + " " + std::to_string(st.st_size) + " " + time_of(st) + " " +
         std::to_string(st.st_ino);
}

std::string dir_line(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return "dir " + path + " missing";
  return "dir " + path + " " + time_of(st) + " " + std::to_string(st.st_ino);
}

std::string env_line(const std::string& name) {
  const char* value = std::getenv(name.c_str());
  return "env " + name + (value ? "=" + std::string(value) : " unset");
}

/// The path in a stamp line: "file PATH SIZE TIME INODE" and "dir PATH TIME
/// INODE" (`facts` fields after the path, counted from the end, so a path
/// may hold spaces), or "file PATH missing".
std::string path_in(const std::string& line, size_t facts) {
  const std::string body = line.substr(line.find(' ') + 1);
  if (body.size() > 8 && body.ends_with(" missing")) return body.substr(0, body.size() - 8);
  size_t end = body.size();
  for (size_t k = 0; k < facts && end != std::string::npos; ++k) end = body.rfind(' ', end - 1);
  return end == std::string::npos ? body : body.substr(0, end);
}

void add_strings(FcStrList* list, std::vector<std::string>& out) {
  if (!list) return;
  while (FcChar8* s = FcStrListNext(list)) out.emplace_back(reinterpret_cast<const char*>(s));
  FcStrListDone(list);
}

}  // namespace

FontconfigStamp restamp(const FontconfigStamp& stamp) {
  FontconfigStamp now;
  now.reserve(stamp.size());
  for (const std::string& line : stamp) {
    if (line.starts_with("file "))
      now.push_back(file_line(path_in(line, 3)));
    else if (line.starts_with("dir "))
      now.push_back(dir_line(path_in(line, 2)));
    else if (line.starts_with("env ")) {
      const std::string rest = line.substr(4);
      now.push_back(env_line(rest.substr(0, std::min(rest.find('='), rest.find(' ')))));
    } else {
      now.push_back(line);  // "fonts DIR": compared as it is
    }
  }
  return now;
}

FontconfigStamp stamp_of(void* fc_config, const std::string& app_fonts_dir) {
  auto* config = static_cast<FcConfig*>(fc_config);
  FontconfigStamp stamp;
  for (const char* name : kEnvironment) stamp.push_back(env_line(name));
  stamp.push_back("fonts " + app_fonts_dir);
  std::vector<std::string> files, dirs;
  add_strings(FcConfigGetConfigFiles(config), files);
  add_strings(FcConfigGetConfigDirs(config), dirs);  // as configured, existing or not
  add_strings(FcConfigGetFontDirs(config), dirs);    // and every one scanned
  namespace fs = std::filesystem;
  for (const std::string& file : files) {
    stamp.push_back(file_line(file));
    dirs.push_back(fs::path(file).parent_path().string());  // a file added beside it
  }
  if (!app_fonts_dir.empty()) {
    stamp.push_back(file_line(app_fonts_dir + "/fonts.conf"));
    dirs.push_back(app_fonts_dir);
    std::error_code error;
    for (fs::recursive_directory_iterator it(app_fonts_dir, error), end; !error && it != end;
         it.increment(error))
      if (it->is_directory(error)) dirs.push_back(it->path().string());
  }
  std::sort(dirs.begin(), dirs.end());
  dirs.erase(std::unique(dirs.begin(), dirs.end()), dirs.end());
  for (const std::string& dir : dirs) stamp.push_back(dir_line(dir));
  return stamp;
}

std::string default_font_choices_path() {
  if (const char* cache = std::getenv("XDG_CACHE_HOME"); cache && *cache)
    return std::string(cache) + "/paiban/font-choices";
  if (const char* home = std::getenv("HOME"); home && *home)
    return std::string(home) + "/.cache/paiban/font-choices";
  return {};
}

FontChoices::FontChoices(std::string path, std::string app_fonts_dir)
    : path_(std::move(path)), app_fonts_dir_(std::move(app_fonts_dir)) {
  if (path_.empty()) return;
  std::ifstream in(path_);
  std::string line;
  if (!std::getline(in, line) || line != kHeader) return;
  FontconfigStamp stamp;
  std::map<std::string, std::optional<FontChoice>> answers;
  while (std::getline(in, line)) {
    std::vector<std::string> fields;
    std::istringstream split(line);
    for (std::string f; std::getline(split, f, '\t');) fields.push_back(f);
    if (fields.size() == 2 && fields[0] == "stamp") {
      stamp.push_back(fields[1]);
    } else if (fields.size() == 3 && fields[0] == "answer" && fields[2] == "-") {
      answers[fields[1]] = std::nullopt;
    } else if (fields.size() == 6 && fields[0] == "answer") {
      FontChoice choice{fields[2], std::atoi(fields[3].c_str()), fields[4],
                        std::atoi(fields[5].c_str())};
      answers[fields[1]] = choice;
    } else {
      return;  // not a file this version wrote: nothing from it
    }
  }
  const bool ours = std::find(stamp.begin(), stamp.end(), "fonts " + app_fonts_dir_) != stamp.end();
  if (!ours || stamp.empty() || restamp(stamp) != stamp) return;
  answers_ = std::move(answers);
}

std::optional<std::optional<FontChoice>> FontChoices::find(const std::string& key) const {
  auto it = answers_.find(key);
  if (it == answers_.end()) return std::nullopt;
  return it->second;
}

void FontChoices::remember(const std::string& key, const std::optional<FontChoice>& choice) {
  // Bounded: an archive's rare characters each ask fontconfig once; past
  // this many answers the rest are asked again in each run.
  constexpr size_t kMostAnswers = 20000;
  if (path_.empty() || key.find_first_of("\t\n") != std::string::npos ||
      answers_.size() >= kMostAnswers)
    return;
  if (choice && (choice->file + choice->family).find_first_of("\t\n") != std::string::npos) return;
  answers_[key] = choice;
  changed_ = true;
}

void FontChoices::save(const FontconfigStamp& stamp) {
  if (path_.empty() || !changed_) return;
  namespace fs = std::filesystem;
  std::error_code error;
  fs::create_directories(fs::path(path_).parent_path(), error);
  const std::string temporary = path_ + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(temporary, std::ios::trunc);
    out << kHeader << '\n';
    for (const std::string& line : stamp) out << "stamp\t" << line << '\n';
    for (const auto& [key, choice] : answers_) {
      out << "answer\t" << key;
      if (choice)
        out << '\t' << choice->file << '\t' << choice->index << '\t' << choice->family << '\t'
            << choice->weight << '\n';
      else
        out << "\t-\n";
    }
    if (!out.flush()) {
      fs::remove(temporary, error);
      return;
    }
  }
  fs::rename(temporary, path_, error);
  if (error) fs::remove(temporary, error);
  changed_ = false;
}

}  // namespace paiban
