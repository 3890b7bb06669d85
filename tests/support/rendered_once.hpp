// A manifest rendered once per test run by the paiban binary, shared by
// every test that looks at the result (a render takes seconds).
#pragma once
#include <filesystem>
#include <map>
#include <string>

#include "e2e/run_command.hpp"

namespace paiban::test {

struct Rendered {
  std::string pdf;
  CommandResult result;  ///< what `paiban render` said, and its exit code
};

/// `manifest` rendered to NAME.pdf in a directory of this process's own
/// (temp_dir(`dir_name`), removed at exit); later calls with the same
/// `name` and `dir_name` give the first render.
inline const Rendered& render_once(const std::string& manifest, const std::string& name,
                                   const std::string& dir_name) {
  static std::map<std::string, Rendered> done;
  const std::string key = dir_name + "/" + name;
  auto it = done.find(key);
  if (it != done.end()) return it->second;
  // One directory per dir_name, made on first use and removed at exit.
  struct OwnDir {
    std::filesystem::path path;
    ~OwnDir() {
      std::error_code ignored;
      std::filesystem::remove_all(path, ignored);
    }
  };
  static std::map<std::string, OwnDir> dirs;
  OwnDir& own = dirs[dir_name];
  if (own.path.empty()) own.path = temp_dir(dir_name);
  Rendered r;
  r.pdf = (own.path / (name + ".pdf")).string();
  r.result = run_command(paiban("render " + shell_quote(manifest) + " -o " + shell_quote(r.pdf)));
  return done.emplace(key, r).first->second;
}

}  // namespace paiban::test
