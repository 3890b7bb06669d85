// fontconfig's answers kept between runs (src/fonts/font_choices): used
// while what fontconfig reads is unchanged, without loading its
// configuration; set aside at any change; a damaged file is only ignored.
#include "fonts/font_choices.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "paiban/fonts.hpp"

namespace paiban {
namespace {

namespace fs = std::filesystem;

/// A fresh directory under the system's temporary one.
fs::path fresh_dir(const std::string& name) {
  fs::path dir =
      fs::temp_directory_path() / ("paiban-choices-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string read_all(const fs::path& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), {}};
}

/// The file time of a change a moment after the last one: the kernel's file
/// clock ticks in milliseconds.
void let_the_clock_move() { std::this_thread::sleep_for(std::chrono::milliseconds(30)); }

const char* kFamily = "Noto Serif CJK SC";

TEST(FontChoices, KeptAnswersServeTheNextRunWithoutFontconfig) {
  const fs::path dir = fresh_dir("kept");
  const std::string file = (dir / "font-choices").string();
  FaceInfo first;
  {
    FontCache fonts({}, file);
    EXPECT_FALSE(fonts.fontconfig_loaded());  // nothing kept yet, nothing asked yet
    auto face = fonts.find(kFamily, 400, "zh-Hans");
    ASSERT_TRUE(face);
    EXPECT_TRUE(fonts.fontconfig_loaded());
    first = fonts.info(*face);
    EXPECT_FALSE(fonts.find("No Such Family At All", 400, "zh-Hans"));
  }  // written here
  ASSERT_TRUE(fs::exists(file));
  FontCache again({}, file);
  auto face = again.find(kFamily, 400, "zh-Hans");
  ASSERT_TRUE(face);
  EXPECT_EQ(again.info(*face).path, first.path);
  EXPECT_EQ(again.info(*face).index, first.index);
  EXPECT_EQ(again.info(*face).postscript_name, first.postscript_name);
  EXPECT_FALSE(again.find("No Such Family At All", 400, "zh-Hans"));  // "none" is kept too
  EXPECT_FALSE(again.fontconfig_loaded());
  // A question not kept loads fontconfig, and the answer joins the others.
  EXPECT_TRUE(again.find(kFamily, 700, "zh-Hans"));
  EXPECT_TRUE(again.fontconfig_loaded());
  fs::remove_all(dir);
}

TEST(FontChoices, AChangeInWhatFontconfigReadsSetsThemAside) {
  const fs::path dir = fresh_dir("changed");
  const fs::path fonts_dir = dir / "fonts";  // as PAIBAN_FONT_PATH would give
  fs::create_directories(fonts_dir);
  const std::string file = (dir / "font-choices").string();
  { FontCache({fonts_dir.string()}, file).find(kFamily, 400, "zh-Hans"); }
  {
    FontCache same({fonts_dir.string()}, file);
    EXPECT_TRUE(same.find(kFamily, 400, "zh-Hans"));
    EXPECT_FALSE(same.fontconfig_loaded());
  }
  // A font added to the app fonts directory: its time changes.
  let_the_clock_move();
  std::ofstream(fonts_dir / "new-font.otf") << "not really a font";
  {
    FontCache changed({fonts_dir.string()}, file);
    EXPECT_TRUE(changed.find(kFamily, 400, "zh-Hans"));
    EXPECT_TRUE(changed.fontconfig_loaded());
  }  // written again with the new stamp
  {
    FontCache again({fonts_dir.string()}, file);
    EXPECT_TRUE(again.find(kFamily, 400, "zh-Hans"));
    EXPECT_FALSE(again.fontconfig_loaded());
  }
  // The environment fontconfig reads (its default language).
  const char* old = std::getenv("FC_LANG");
  const std::string saved = old ? old : "";
  ::setenv("FC_LANG", "ja", 1);
  {
    FontCache other_lang({fonts_dir.string()}, file);
    EXPECT_TRUE(other_lang.find(kFamily, 400, "zh-Hans"));
    EXPECT_TRUE(other_lang.fontconfig_loaded());
  }
  if (old)
    ::setenv("FC_LANG", saved.c_str(), 1);
  else
    ::unsetenv("FC_LANG");
  // Another app fonts directory: answers made for one are not for the other.
  const fs::path other_dir = dir / "other-fonts";
  fs::create_directories(other_dir);
  FontCache other({other_dir.string()}, file);
  EXPECT_TRUE(other.find(kFamily, 400, "zh-Hans"));
  EXPECT_TRUE(other.fontconfig_loaded());
  fs::remove_all(dir);
}

TEST(FontChoices, ADamagedFileIsIgnoredAndReplaced) {
  const fs::path dir = fresh_dir("damaged");
  const std::string file = (dir / "font-choices").string();
  for (const std::string& junk :
       {std::string("paiban font choices 1\nanswer\tfamily|x\n"), std::string("\x01\x02garbage"),
        std::string("paiban font choices 1\nstamp\tfile /nonexistent/x 1 2.3 4\nanswer\t"
                    "family|noto serif cjk sc|400|zh-hans\t/etc/passwd\t0\tX\t400\n")}) {
    std::ofstream(file, std::ios::trunc) << junk;
    {
      FontCache fonts({}, file);
      auto face = fonts.find(kFamily, 400, "zh-Hans");
      ASSERT_TRUE(face);
      EXPECT_NE(fonts.info(*face).path, "/etc/passwd");
      EXPECT_TRUE(fonts.fontconfig_loaded());
    }
    EXPECT_EQ(read_all(file).rfind("paiban font choices 1\nstamp\t", 0), 0u) << "rewritten whole";
  }
  fs::remove_all(dir);
}

TEST(FontChoices, TheStampSeesFilesAndDirectoriesChange) {
  const fs::path dir = fresh_dir("stamp");
  const fs::path file = dir / "conf";
  std::ofstream(file) << "one";
  const FontconfigStamp stamp = {
      "file " + file.string() + " 3 1.2 3", "dir " + dir.string() + " 1.2 3",
      "env PAIBAN_TEST_UNSET_VARIABLE unset", "dir " + (dir / "later").string() + " missing"};
  const FontconfigStamp now = restamp(stamp);
  ASSERT_EQ(now.size(), stamp.size());
  EXPECT_EQ(now[2], stamp[2]);
  EXPECT_EQ(now[3], stamp[3]);   // still missing
  EXPECT_EQ(restamp(now), now);  // nothing changed since
  let_the_clock_move();
  std::ofstream(file, std::ios::app) << "two";
  EXPECT_NE(restamp(now)[0], now[0]);
  fs::create_directories(dir / "later");
  EXPECT_NE(restamp(now)[3], now[3]);
  fs::remove(file);
  EXPECT_EQ(restamp(now)[0], "file " + file.string() + " missing");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace paiban
