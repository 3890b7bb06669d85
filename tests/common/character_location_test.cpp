// locate_character: a warning about one character points at that character,
// found in the text the parser read (no file is read again).
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "paiban/diagnostics.hpp"

namespace paiban {
namespace {

SourceText source(const std::string& text, std::size_t offset) {
  return {std::make_shared<const std::string>(text), offset};
}

TEST(CharacterLocation, FindsTheCharacterOnALaterLineOfTheParagraph) {
  // The run starts at line 2, column 4 (after "<p>", byte 9); 丂 is on line 4.
  const SourceText run =
      source("<doc>\n<p>第一行\n第二行，\r\n第三行有丂字，丂。</p>\n</doc>\n", 9);
  SourceLocation at = locate_character({"t.xml", 2, 4}, run, U'丂', 0);
  EXPECT_EQ(at.file, "t.xml");
  EXPECT_EQ(at.line, 4);
  EXPECT_EQ(at.column, 5);
  at = locate_character({"t.xml", 2, 4}, run, U'丂', 1);
  EXPECT_EQ(at.line, 4);
  EXPECT_EQ(at.column, 8);
  // A lone CR ends a line too.
  at = locate_character({"t.xml", 1, 4}, source("<p>一\r二丂</p>", 3), U'丂', 0);
  EXPECT_EQ(at.line, 2);
  EXPECT_EQ(at.column, 2);
}

TEST(CharacterLocation, StaysAtTheRunWhenItCannotTell) {
  // Written as a character reference: not in the text as such.
  const SourceLocation run{"t.xml", 2, 4};
  SourceLocation at =
      locate_character(run, source("<doc>\n<p>前&#x4E02;后</p>丂\n</doc>\n", 9), U'丂', 0);
  EXPECT_EQ(at.line, 2);
  EXPECT_EQ(at.column, 4);
  // Past the run's markup is another run's text.
  at = locate_character(run, source("<doc>\n<p>前<b/>丂</p>\n</doc>\n", 9), U'丂', 0);
  EXPECT_EQ(at.column, 4);
  // Not read from a file (generated text), or no line: as given.
  EXPECT_EQ(locate_character(run, SourceText{}, U'丂', 0).column, 4);
  EXPECT_EQ(locate_character({"", 0, 0}, source("丂", 0), U'丂', 0).line, 0);
}

}  // namespace
}  // namespace paiban
