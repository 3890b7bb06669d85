// libFuzzer target B: the layout-file parser (parse_layout_file), and then
// the engine under that layout.
//
// parse_layout_file reads a path, so each input is written to a file in a
// scratch directory (on /dev/shm when there is one) and parsed from there.
// A layout that parses is asked for every style the engine needs, then sets
// a small fixed issue (front page, contents, two articles, back matter) and
// writes it to memory: odd page sizes, margins and furniture must be refused
// or set, never crash or hang. InputError is the expected refusal; any other
// exception aborts so that libFuzzer records it.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <string>

#include "fuzz_setup.hpp"
#include "layout/required_styles.hpp"
#include "paiban/fonts.hpp"
#include "paiban/layout.hpp"
#include "paiban/manifest.hpp"
#include "paiban/paginate.hpp"
#include "paiban/pdf.hpp"

namespace {

namespace fs = std::filesystem;

constexpr size_t kMaxInput = 64 * 1024;

std::string scratch_file() {
  std::error_code error;
  fs::path base =
      fs::is_directory("/dev/shm", error) ? fs::path("/dev/shm") : fs::temp_directory_path();
  fs::path dir = base / ("paiban-fuzz-layout-" + std::to_string(getpid()));
  fs::create_directories(dir);
  return (dir / "layout.xml").string();
}

constexpr const char* kIssue = R"(<?xml version="1.0" encoding="UTF-8"?>
<issue version="1" lang="zh-Hans" date="2017-06-15" number="2017-23">
  <title>涉外政策速递</title>
  <subtitle>第 23 期</subtitle>
  <organization>iTrade 国际贸易俱乐部</organization>
  <publisher>深圳市天地纵横企业管理顾问有限公司</publisher>
  <toc depth="3"/>
  <section title="行业动态">
    <article id="a">
      <heading>原产地证服务从“零”开始</heading>
      <p>为进一步促进<strong>自由贸易</strong>试验区成果转化，检验检疫局积极探索（见附件《通知》）。Latin text, 2017 年。</p>
      <subheading>窗口“零”等待</subheading>
      <list columns="2" marker="number"><item>甲</item><item>乙</item></list>
      <quote><p>引文。</p></quote>
      <source>地方质检新闻</source>
    </article>
  </section>
  <backmatter>
    <heading>专项服务</heading>
    <fields><field label="电话号码">0755-83274529</field></fields>
  </backmatter>
</issue>
)";

}  // namespace

/// Before any input: fontconfig's configuration (see fuzz_setup.hpp).
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  paiban::fuzz::fonts_loaded();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string path = scratch_file();
  if (size > kMaxInput) return -1;
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    if (!out) {
      std::fprintf(stderr, "cannot write %s\n", path.c_str());
      std::abort();
    }
  }
  try {
    paiban::Layout layout = paiban::parse_layout_file(path);
    for (std::string_view name : paiban::required_styles) layout.style(std::string(name));
    static const paiban::Issue issue = paiban::parse_manifest(kIssue, "fuzz-issue.xml");
    static paiban::FontCache& fonts = paiban::FontCache::shared();
    paiban::Warnings warnings;
    paiban::Document document = paiban::paginate(issue, layout, fonts, warnings);
    std::string pdf = paiban::write_pdf(document, fonts, paiban::fuzz::pdf_options());
    if (pdf.compare(0, 5, "%PDF-") != 0) {
      std::fprintf(stderr, "write_pdf returned no PDF\n");
      std::abort();
    }
  } catch (const paiban::InputError&) {
    // A clear refusal.
  } catch (const std::exception& error) {
    std::fprintf(stderr, "internal error (not an InputError): %s\n", error.what());
    std::abort();
  }
  return 0;
}
