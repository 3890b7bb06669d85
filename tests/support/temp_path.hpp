// Temporary directories of one test process: ctest runs the tests of one
// binary in parallel processes, so a fixed name under the shared temporary
// directory would be written by one test while another reads it.
#pragma once
#include <unistd.h>

#include <filesystem>
#include <string>

namespace paiban::test {

/// A fresh empty directory under the system's temp dir, one per process.
inline std::filesystem::path temp_dir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() /
             ("paiban-test-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace paiban::test
