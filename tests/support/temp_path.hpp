// Temporary files of one test process: ctest runs the tests of one binary in
// parallel processes, so a fixed name under the shared temporary directory
// is written by one test while another reads it.
#pragma once
#include <gtest/gtest.h>
#include <unistd.h>

#include <string>

namespace paiban::test {

/// `name` under gtest's temporary directory, made unique to this process.
inline std::string process_temp_path(const std::string& name) {
  return ::testing::TempDir() + "/" + std::to_string(::getpid()) + "-" + name;
}

}  // namespace paiban::test
