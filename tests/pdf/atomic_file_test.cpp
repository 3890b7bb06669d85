#include <dirent.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <iterator>

#include "paiban/pdf.hpp"
#include "pdf_test_support.hpp"

namespace paiban {
namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::vector<std::string> list_dir(const std::string& path) {
  std::vector<std::string> names;
  if (DIR* d = ::opendir(path.c_str())) {
    while (dirent* e = ::readdir(d))
      if (std::string(e->d_name) != "." && std::string(e->d_name) != "..")
        names.push_back(e->d_name);
    ::closedir(d);
  }
  return names;
}

// A fresh directory under /tmp, removed with its files afterwards.
struct TempDir {
  std::string path;
  TempDir() {
    char name[] = "/tmp/paiban-atomic-XXXXXX";
    path = ::mkdtemp(name);
  }
  ~TempDir() {
    ::chmod(path.c_str(), 0700);
    for (const auto& f : entries()) std::remove((path + "/" + f).c_str());
    ::rmdir(path.c_str());
  }
  std::vector<std::string> entries() const { return list_dir(path); }
};

TEST(PdfAtomicWrite, WritesAndReplaces) {
  TempDir dir;
  const std::string file = dir.path + "/out.pdf";
  write_file_atomically(file, "first");
  EXPECT_EQ(slurp(file), "first");
  write_file_atomically(file, "second, longer");
  EXPECT_EQ(slurp(file), "second, longer");
  EXPECT_EQ(dir.entries().size(), 1u) << "no temporary file is left";
  struct stat st {};
  ASSERT_EQ(::stat(file.c_str(), &st), 0);
  EXPECT_TRUE(st.st_mode & S_IRGRP) << "readable like any output file";
}

TEST(PdfAtomicWrite, MissingDirectoryThrowsNamingTheFile) {
  const std::string file = "/nonexistent-paiban-dir/out.pdf";
  try {
    write_file_atomically(file, "x");
    FAIL() << "expected an exception";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(file), std::string::npos) << e.what();
  }
}

TEST(PdfAtomicWrite, FailureLeavesOldFileAndNoTemporary) {
  if (::geteuid() == 0) GTEST_SKIP() << "root ignores directory permissions";
  TempDir dir;
  const std::string file = dir.path + "/out.pdf";
  write_file_atomically(file, "old");
  ::chmod(dir.path.c_str(), 0500);  // no new entries allowed
  EXPECT_THROW(write_file_atomically(file, "new"), std::runtime_error);
  ::chmod(dir.path.c_str(), 0700);
  EXPECT_EQ(slurp(file), "old");
  EXPECT_EQ(dir.entries().size(), 1u);
}

TEST(PdfAtomicWrite, TargetIsADirectoryLeavesNoTemporary) {
  // Works as root too: rename() onto a non-empty directory fails after the
  // temporary file was written.
  TempDir dir;
  const std::string target = dir.path + "/sub";
  ASSERT_EQ(::mkdir(target.c_str(), 0700), 0);
  write_file_atomically(target + "/keep", "x");
  EXPECT_THROW(write_file_atomically(target, "new"), std::runtime_error);
  EXPECT_EQ(dir.entries().size(), 1u) << "only sub/ remains";
  std::remove((target + "/keep").c_str());
  ::rmdir(target.c_str());
}

TEST(PdfAtomicWrite, DiskFullIsNamed) {
  // Needs a small file system, e.g. as root:
  //   mount -t tmpfs -o size=64k tmpfs DIR; PAIBAN_FULL_FS_DIR=DIR paiban_tests
  const char* small_dir = std::getenv("PAIBAN_FULL_FS_DIR");
  if (!small_dir) GTEST_SKIP() << "set PAIBAN_FULL_FS_DIR to a small file system to test ENOSPC";
  const std::string file = std::string(small_dir) + "/out.pdf";
  write_file_atomically(file, "old");
  try {
    write_file_atomically(file, std::string(1 << 20, 'x'));
    FAIL() << "expected an exception";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("disk full"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find(file), std::string::npos) << e.what();
  }
  EXPECT_EQ(slurp(file), "old");
  EXPECT_EQ(list_dir(small_dir), std::vector<std::string>{"out.pdf"}) << "no temporary left";
  std::remove(file.c_str());
}

}  // namespace
}  // namespace paiban
