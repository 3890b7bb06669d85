// Files a manifest refers to: figures and layout paths stay inside the
// manifest's directory tree unless --allow-outside; DTDs and external
// entities are never resolved; damaged images, unreadable files and a
// truncated font give an error naming the file. Through the paiban binary.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include "hardening_support.hpp"

namespace paiban::hardening {
namespace {

namespace fs = std::filesystem;

const std::string kData = test::source_path("tests/hardening/data");

/// A directory with issue.xml (and whatever a test adds), removed afterwards.
class HardeningFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = test::temp_dir(std::string("files-") +
                           ::testing::UnitTest::GetInstance()->current_test_info()->name());
    dir_ = root_ / "archive" / "2020-01-02";
    fs::create_directories(dir_);
  }
  void TearDown() override {
    ::chmod(root_.c_str(), 0755);
    fs::remove_all(root_);
  }
  std::string manifest_path() const { return (dir_ / "issue.xml").string(); }
  std::string out() const { return (root_ / "out.pdf").string(); }
  void write_manifest(const std::string& blocks, const std::string& attributes = "") {
    write_file(dir_ / "issue.xml",
               manifest("<section title=\"栏\"><article><heading>文章</heading>" + blocks +
                            "</article></section>",
                        attributes));
  }
  BoundedRun render(std::vector<std::string> extra = {}) const {
    std::vector<std::string> args = {"render", manifest_path(), "-o", out()};
    args.insert(args.end(), extra.begin(), extra.end());
    return paiban_bounded(args, 60 * kTimeScale);
  }
  /// Refused: exit 2, the message (with its location), no PDF, no crash.
  void expect_refused(const BoundedRun& run, const std::string& message) const {
    EXPECT_EQ(run.exit_code, 2) << describe(run);
    EXPECT_EQ(run.signal, 0) << describe(run);
    EXPECT_NE(run.output.find(message), std::string::npos) << "wanted: " << message << "\n"
                                                           << describe(run);
    EXPECT_FALSE(fs::exists(out())) << "a refused render wrote " << out();
  }
  void expect_rendered(const BoundedRun& run) const {
    EXPECT_EQ(run.exit_code, 0) << describe(run);
    EXPECT_EQ(test::read_file(out()).substr(0, 5), "%PDF-");
    fs::remove(out());
  }
  fs::path root_, dir_;
};

// --- figures ---------------------------------------------------------------

TEST_F(HardeningFiles, AnAbsoluteFigurePathIsRefusedUnlessAllowed) {
  fs::copy_file(kData + "/photo.png", root_ / "elsewhere.png");
  std::string absolute = (root_ / "elsewhere.png").string();
  write_manifest("<figure src=\"" + absolute + "\"/>");
  // <section title="栏"><article><heading>文章</heading><figure src=...: line 4, column 50.
  expect_refused(render(), manifest_path() +
                               ":4:58: error: figure src must be relative to the "
                               "manifest's directory: " +
                               absolute);
  expect_rendered(render({"--allow-outside"}));
}

TEST_F(HardeningFiles, AFigureLeavingTheDirectoryIsRefusedUnlessAllowed) {
  fs::copy_file(kData + "/photo.png", root_ / "archive" / "shared.png");
  write_manifest("<figure src=\"img/../../shared.png\"/>");
  expect_refused(render(), manifest_path() +
                               ":4:58: error: figure src leaves the manifest's "
                               "directory: img/../../shared.png");
  expect_rendered(render({"--allow-outside"}));
}

TEST_F(HardeningFiles, AFigureLeavingThroughASymbolicLinkIsRefusedUnlessAllowed) {
  fs::create_directories(root_ / "secret");
  fs::copy_file(kData + "/photo.png", root_ / "secret" / "photo.png");
  fs::create_directory_symlink(root_ / "secret", dir_ / "pics");
  fs::create_symlink(root_ / "secret" / "photo.png", dir_ / "link.png");
  for (const char* src : {"pics/photo.png", "link.png"}) {
    write_manifest("<figure src=\"" + std::string(src) + "\"/>");
    expect_refused(render(), manifest_path() +
                                 ":4:58: error: figure src leaves the manifest's directory "
                                 "through a symbolic link: " +
                                 src);
    expect_rendered(render({"--allow-outside"}));
  }
}

// A figure that is no file is refused at once and never opened: a FIFO would
// block the render for ever, /dev/zero would never end.
TEST_F(HardeningFiles, FiguresThatAreNotFilesAreRefusedWithoutOpeningThem) {
  ASSERT_EQ(::mkfifo((dir_ / "pipe.png").c_str(), 0600), 0);
  fs::create_symlink("/dev/zero", dir_ / "zero.png");
  fs::create_symlink("nothing.png", dir_ / "dangling.png");
  fs::create_directory(dir_ / "folder.png");
  struct Case {
    std::string src, message;
  };
  for (const Case& c : std::vector<Case>{
           {"pipe.png", "figure is not a regular file (a device or pipe): "},
           {"zero.png", "figure src leaves the manifest's directory through a symbolic link: "},
           {"dangling.png", "figure is a symbolic link that leads nowhere: "},
           {"folder.png", "figure is a directory, not a file: "}}) {
    write_manifest("<figure src=\"" + c.src + "\"/>");
    expect_refused(render(), manifest_path() + ":4:58: error: " + c.message);
  }
  // Allowed outside, /dev/zero is still no file.
  write_manifest("<figure src=\"zero.png\"/>");
  expect_refused(render({"--allow-outside"}),
                 manifest_path() + ":4:58: error: figure is not a regular file (a device or pipe): ");
}

TEST_F(HardeningFiles, ASymbolicLinkInsideTheTreeIsFine) {
  fs::create_directories(dir_ / "originals");
  fs::copy_file(kData + "/photo.jpg", dir_ / "originals" / "photo.jpg");
  fs::create_symlink("originals/photo.jpg", dir_ / "photo.jpg");
  write_manifest("<figure src=\"photo.jpg\"/>");
  expect_rendered(render());
}

// --- layouts ---------------------------------------------------------------

TEST_F(HardeningFiles, ALayoutPathOutsideTheTreeIsRefusedUnlessAllowed) {
  fs::copy_file(test::source_path("layouts/default.xml"), root_ / "house.xml");
  fs::create_directories(root_ / "styles");
  fs::copy_file(test::source_path("layouts/default.xml"), root_ / "styles" / "house.xml");
  fs::create_directory_symlink(root_ / "styles", dir_ / "styles");
  struct Case {
    std::string layout, message;
  };
  std::vector<Case> cases = {
      {(root_ / "house.xml").string(),
       "layout must be relative to the manifest's directory: " + (root_ / "house.xml").string()},
      {"../../house.xml", "layout leaves the manifest's directory: ../../house.xml"},
      {"styles/house.xml",
       "layout leaves the manifest's directory through a symbolic link: styles/house.xml"},
  };
  for (const Case& c : cases) {
    write_manifest("<p>正文。</p>", " layout=\"" + c.layout + "\"");
    // <issue version="1" date="2020-01-02" layout=...: the attribute is at line 2, column 38.
    expect_refused(render(), manifest_path() + ":2:38: error: " + c.message);
    expect_rendered(render({"--allow-outside"}));
  }
}

TEST_F(HardeningFiles, BatchRefusesEscapesAndAllowsThemWithTheOption) {
  fs::copy_file(kData + "/photo.png", root_ / "archive" / "shared.png");
  write_manifest("<figure src=\"../shared.png\"/>");
  std::string outdir = (root_ / "pdfs").string();
  auto run = paiban_bounded({"batch", (root_ / "archive").string(), "-o", outdir, "-j", "1"},
                            60 * kTimeScale);
  EXPECT_EQ(run.exit_code, 2) << describe(run);
  EXPECT_NE(run.output.find(manifest_path() + ":4:58: figure src leaves the manifest's directory"),
            std::string::npos)
      << describe(run);
  EXPECT_FALSE(fs::exists(root_ / "pdfs" / "2020-01-02.pdf"));
  run = paiban_bounded(
      {"batch", (root_ / "archive").string(), "-o", outdir, "-j", "1", "--allow-outside"},
      60 * kTimeScale);
  EXPECT_EQ(run.exit_code, 0) << describe(run);
  EXPECT_TRUE(fs::exists(root_ / "pdfs" / "2020-01-02.pdf")) << describe(run);
}

// --- DTDs and entities --------------------------------------------------------

// Each DOCTYPE names a FIFO with no writer: opening it to read would block
// for ever, so a quick refusal shows that nothing was resolved.
TEST_F(HardeningFiles, DoctypesAndExternalEntitiesAreNeverResolved) {
  std::string fifo = (root_ / "entity.fifo").string();
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0644), 0);
  const std::string head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  const std::string issue =
      "<issue version=\"1\" date=\"2020-01-02\"><title>&x;</title><publisher>p</publisher>"
      "<section title=\"s\"><article><heading>h</heading></article></section></issue>\n";
  std::vector<std::string> documents = {
      head + "<!DOCTYPE issue SYSTEM \"" + fifo + "\">\n" + issue,
      head + "<!DOCTYPE issue [<!ENTITY x SYSTEM \"file://" + fifo + "\">]>\n" + issue,
      head + "<!DOCTYPE issue [<!ENTITY % p SYSTEM \"" + fifo + "\"> %p;]>\n" + issue,
      head + "<!DOCTYPE issue PUBLIC \"-//paiban//x\" \"http://127.0.0.1:9/x.dtd\">\n" + issue,
  };
  for (const std::string& document : documents) {
    write_file(dir_ / "issue.xml", document);
    auto run = render();
    expect_refused(
        run,
        manifest_path() + ":2:1: error: a DOCTYPE is not allowed (no DTDs or entity declarations)");
    EXPECT_LT(run.seconds, 10 * kTimeScale);
  }
  // The same in a layout file.
  write_file(dir_ / "house.xml",
             head + "<!DOCTYPE layout SYSTEM \"" + fifo + "\">\n" +
                 test::read_file(test::source_path("layouts/default.xml")).substr(head.size()));
  write_manifest("<p>正文。</p>", " layout=\"house.xml\"");
  expect_refused(render(), (dir_ / "house.xml").string() + ":2:1: error: a DOCTYPE is not allowed");
}

TEST_F(HardeningFiles, XIncludeIsAForeignElementAndNeverFollowed) {
  write_file(root_ / "secret.txt", "TOP-SECRET-CONTENT");
  write_manifest("<p>正文。<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"" +
                 (root_ / "secret.txt").string() + "\" parse=\"text\"/></p>");
  auto run = render();
  ASSERT_EQ(run.exit_code, 0) << describe(run);
  auto text = test::run_command("pdftotext " + test::shell_quote(out()) + " -");
  EXPECT_EQ(text.output.find("TOP-SECRET"), std::string::npos);
  EXPECT_NE(text.output.find("正文"), std::string::npos);
}

// --- damaged images -----------------------------------------------------------

std::string flip(std::string bytes, size_t at) {
  bytes[at] = static_cast<char>(bytes[at] ^ 0x5A);
  return bytes;
}

TEST_F(HardeningFiles, DamagedImagesAreRefusedNamingTheFile) {
  const std::string png = test::read_file(kData + "/photo.png");
  const std::string jpeg = test::read_file(kData + "/photo.jpg");
  struct Case {
    std::string name, bytes;
  };
  // photo.png: signature, IHDR (bytes 8..32), one IDAT from byte 33, IEND.
  std::vector<Case> cases = {
      {"cut-in-idat.png", png.substr(0, png.size() / 2)},
      {"idat-flipped.png", flip(png, png.size() / 2)},  // CRC error in IDAT
      {"ihdr-flipped.png", flip(png, 20)},              // the height; CRC error
      {"no-iend.png", png.substr(0, png.size() - 12)},  // ends after IDAT
      {"signature-only.png", png.substr(0, 8)},
      {"cut-in-scan.jpg", jpeg.substr(0, jpeg.size() * 2 / 3)},
      {"scan-flipped.jpg",
       flip(flip(flip(jpeg, jpeg.size() - 400), jpeg.size() - 300), jpeg.size() - 200)},
      {"soi-only.jpg", jpeg.substr(0, 3)},
  };
  for (const Case& c : cases) {
    write_file(dir_ / c.name, c.bytes);
    write_manifest("<figure src=\"" + c.name + "\"/>");
    auto run = render();
    EXPECT_EQ(run.exit_code, 2) << c.name << ": " << describe(run);
    EXPECT_EQ(run.signal, 0) << c.name << ": " << describe(run);
    EXPECT_NE(run.output.find(manifest_path() + ":4:"), std::string::npos)
        << c.name << ": " << describe(run);
    EXPECT_NE(run.output.find(c.name), std::string::npos) << c.name << ": " << describe(run);
    EXPECT_FALSE(fs::exists(out())) << c.name;
  }
}

// PNGs that libpng reads with a warning: refused at the figure (libharu
// 2.3 failed on each, and on interlaced.png, found by fuzz/image_fuzzer.cpp,
// which paiban now decodes itself).
TEST_F(HardeningFiles, PngsTheWriterCannotLoadAreRefusedNamingTheFile) {
  struct Case {
    std::string file, reason;
  };
  std::vector<Case> cases = {
      {"ancillary-crc.png", "tEXt: CRC error"},
      {"extra-image-data.png", "IDAT: Too much image data"},
  };
  for (const Case& c : cases) {
    fs::copy_file(kData + "/" + c.file, dir_ / c.file);
    write_manifest("<figure src=\"" + c.file + "\"/>");
    expect_refused(render(), manifest_path() + ":4:50: error: image " + (dir_ / c.file).string() +
                                 " cannot be used: " + c.reason);
  }
}

// A PNG of a few bytes may declare 20000 x 20000 pixels (1.2 GB once the
// writer holds it): refused from its header, before any decoding.
TEST_F(HardeningFiles, AFigureDeclaringTooManyPixelsIsRefused) {
  auto crc32 = [](const std::string& bytes) {
    uint32_t crc = 0xFFFFFFFFu;
    for (unsigned char b : bytes) {
      crc ^= b;
      for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
  };
  auto be32 = [](uint32_t v) {
    return std::string{char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
  };
  auto chunk = [&](const std::string& type, const std::string& data) {
    return be32(static_cast<uint32_t>(data.size())) + type + data + be32(crc32(type + data));
  };
  const std::string ihdr = be32(20000) + be32(20000) + std::string{8, 2, 0, 0, 0};
  const std::string png = std::string("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", ihdr) +
                          chunk("IDAT", std::string(16, '\0')) + chunk("IEND", "");
  write_file(dir_ / "huge.png", png);
  write_manifest("<figure src=\"huge.png\"/>");
  expect_refused(render(), manifest_path() + ":4:50: error: image " + (dir_ / "huge.png").string() +
                               " cannot be used: it is 20000 x 20000 pixels; figures may have at "
                               "most 100 million");
}

TEST_F(HardeningFiles, WholeImagesRender) {
  fs::copy_file(kData + "/photo.png", dir_ / "photo.png");
  fs::copy_file(kData + "/photo.jpg", dir_ / "photo.jpg");
  fs::copy_file(kData + "/interlaced.png", dir_ / "interlaced.png");
  write_manifest(
      "<figure src=\"photo.png\"/><figure src=\"photo.jpg\" width=\"0.5\"/>"
      "<figure src=\"interlaced.png\" width=\"0.2\"/>");
  expect_rendered(render());
}

// Print mode takes an RGB figure: through ICC in PDF/X-4, converted to CMYK
// in PDF/X-1a.
TEST_F(HardeningFiles, PrintModeTakesRgbFigures) {
  fs::copy_file(kData + "/photo.png", dir_ / "photo.png");
  write_manifest("<figure src=\"photo.png\"/>");
  expect_rendered(render({"--print"}));
  fs::remove(out());
  expect_rendered(render({"--print", "--pdfx-1a"}));
}

// --- unreadable files ---------------------------------------------------------

TEST_F(HardeningFiles, MissingAndDirectoryManifestsAreNamed) {
  auto run = paiban_bounded({"render", (dir_ / "nothing.xml").string(), "-o", out()}, 30);
  expect_refused(run, (dir_ / "nothing.xml").string() +
                          ": error: cannot read the manifest: No "
                          "such file or directory");
  run = paiban_bounded({"render", dir_.string(), "-o", out()}, 30);
  expect_refused(run, dir_.string() + ": error: is a directory, not a manifest");
}

/// Runs paiban as an unprivileged user when we are root (root reads any
/// file), so that a file without read permission cannot be read.
BoundedRun render_unprivileged(const std::string& manifest, const std::string& out) {
  std::vector<std::string> args = {PAIBAN_BINARY, "render", manifest, "-o", out};
  if (::geteuid() == 0)
    args.insert(args.begin(),
                {"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"});
  return run_bounded(args, 60 * kTimeScale);
}

TEST_F(HardeningFiles, UnreadableFilesAreNamed) {
  if (::geteuid() == 0 && !fs::exists("/usr/bin/setpriv")) GTEST_SKIP() << "no setpriv";
  for (const fs::path& d : {root_, root_ / "archive", dir_}) ::chmod(d.c_str(), 0777);
  fs::copy_file(kData + "/photo.png", dir_ / "photo.png");
  fs::copy_file(test::source_path("layouts/default.xml"), dir_ / "house.xml");
  write_manifest("<figure src=\"photo.png\"/>", " layout=\"house.xml\"");
  ::chmod(manifest_path().c_str(), 0644);
  ::chmod((dir_ / "photo.png").c_str(), 0644);
  ::chmod((dir_ / "house.xml").c_str(), 0644);
  auto run = render_unprivileged(manifest_path(), out());
  ASSERT_EQ(run.exit_code, 0) << "readable, it renders: " << describe(run);
  fs::remove(out());

  ::chmod((dir_ / "photo.png").c_str(), 0);
  expect_refused(render_unprivileged(manifest_path(), out()),
                 manifest_path() + ":4:58: error: cannot read the figure file " +
                     (dir_ / "photo.png").string() + ": Permission denied");
  ::chmod((dir_ / "photo.png").c_str(), 0644);

  ::chmod((dir_ / "house.xml").c_str(), 0);
  expect_refused(
      render_unprivileged(manifest_path(), out()),
      (dir_ / "house.xml").string() + ": error: cannot read the layout: Permission denied");
  ::chmod((dir_ / "house.xml").c_str(), 0644);

  ::chmod(manifest_path().c_str(), 0);
  expect_refused(render_unprivileged(manifest_path(), out()),
                 manifest_path() + ": error: cannot read the manifest: Permission denied");
}

// --- fonts ----------------------------------------------------------------------

// A font that fontconfig indexed whole and that was cut short afterwards (a
// damaged copy): the render stops with a message naming the font file.
TEST_F(HardeningFiles, ATruncatedFontIsNamed) {
  const std::string dejavu = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf";
  if (!fs::exists(dejavu)) GTEST_SKIP() << "needs fonts-dejavu-core";
  // A copy under its own family name, so that fontconfig finds this file:
  // the name table's records rewritten in place (Mac ASCII and UTF-16BE).
  std::string font = test::read_file(dejavu);
  auto utf16be = [](const std::string& ascii) {
    std::string out;
    for (char c : ascii) out += std::string(1, '\0') + c;
    return out;
  };
  const std::string from = "DejaVu Sans Mono", to = "PaibanTrunc Mono";  // same length
  for (auto [a, b] : {std::pair(from, to), std::pair(utf16be(from), utf16be(to))})
    for (size_t at = font.find(a); at != std::string::npos; at = font.find(a, at + 1))
      font.replace(at, a.size(), b);
  fs::path fonts = root_ / "fonts";
  fs::create_directories(fonts);
  write_file(fonts / "PaibanTrunc.ttf", font);
  std::string layout = test::read_file(test::source_path("layouts/default.xml"));
  layout.replace(layout.find("<family>Noto Serif CJK SC</family>"),
                 std::string("<family>Noto Serif CJK SC</family>").size(),
                 "<family>PaibanTrunc Mono</family>");
  write_file(dir_ / "house.xml", layout);
  write_manifest("<p>Latin text.</p>", " layout=\"house.xml\"");
  ::setenv("PAIBAN_FONT_PATH", fonts.c_str(), 1);
  auto run = render();
  ASSERT_EQ(run.exit_code, 0) << "whole, the font is used: " << describe(run);
  auto fonts_used = test::run_command("pdffonts " + test::shell_quote(out()));
  ASSERT_NE(fonts_used.output.find("DejaVuSansMono"), std::string::npos) << fonts_used.output;
  fs::remove(out());

  // Cut in place: the directory does not change, so fontconfig's cache still
  // lists the file.
  fs::resize_file(fonts / "PaibanTrunc.ttf", font.size() / 2);
  run = render();
  ::unsetenv("PAIBAN_FONT_PATH");
  EXPECT_NE(run.exit_code, 0) << describe(run);
  EXPECT_EQ(run.signal, 0) << describe(run);
  EXPECT_NE(run.output.find((fonts / "PaibanTrunc.ttf").string()), std::string::npos)
      << describe(run);
  EXPECT_FALSE(fs::exists(out()));
}

}  // namespace
}  // namespace paiban::hardening
