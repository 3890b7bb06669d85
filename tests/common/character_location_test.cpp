// locate_character: a warning about one character points at that character.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "paiban/diagnostics.hpp"

namespace paiban {
namespace {

namespace fs = std::filesystem;

class CharacterLocation : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (fs::temp_directory_path() /
             ("paiban-charloc-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
              "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".xml"))
                .string();
  }
  void TearDown() override { fs::remove(path_); }
  void write(const std::string& text) {
    std::ofstream(path_, std::ios::binary) << text;
  }
  std::string path_;
};

TEST_F(CharacterLocation, FindsTheCharacterOnALaterLineOfTheParagraph) {
  // The run starts at line 2, column 4 (after "<p>"); 丂 is on line 4.
  write("<doc>\n<p>第一行\n第二行，\r\n第三行有丂字，丂。</p>\n</doc>\n");
  SourceLocation at = locate_character({path_, 2, 4}, U'丂', 0);
  EXPECT_EQ(at.file, path_);
  EXPECT_EQ(at.line, 4);
  EXPECT_EQ(at.column, 5);
  at = locate_character({path_, 2, 4}, U'丂', 1);
  EXPECT_EQ(at.line, 4);
  EXPECT_EQ(at.column, 8);
}

TEST_F(CharacterLocation, StaysAtTheRunWhenItCannotTell) {
  // Written as a character reference: not in the text as such.
  write("<doc>\n<p>前&#x4E02;后</p>丂\n</doc>\n");
  SourceLocation run{path_, 2, 4};
  SourceLocation at = locate_character(run, U'丂', 0);
  EXPECT_EQ(at.line, 2);
  EXPECT_EQ(at.column, 4);
  // Another encoding (GB 18030 bytes are not UTF-8).
  write("<doc>\n<p>\xB6\xA1\xB6\xA1\x81\x40</p>\n</doc>\n");
  at = locate_character(run, U'丂', 0);
  EXPECT_EQ(at.line, 2);
  // No file, no line: as given.
  EXPECT_EQ(locate_character({"", 0, 0}, U'丂', 0).line, 0);
  EXPECT_EQ(locate_character({path_ + ".absent", 3, 1}, U'丂', 0).line, 3);
}

}  // namespace
}  // namespace paiban
