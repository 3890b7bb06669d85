// Stage benchmarks (Google Benchmark) on the issue of 2017-06-15: each stage
// of the pipeline alone, then the whole job, then the batch's freshness check.
// Fonts come from FontCache::shared(), warmed before timing, as in a batch.
//
//   build-batch/paiban_bench [--benchmark_filter=Shape]
//   PAIBAN_BENCH_ISSUE=path/to/issue.xml build-batch/paiban_bench
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <map>
#include <set>
#include <string>

#include "cli/batch/freshness.hpp"
#include "paiban/layout.hpp"
#include "paiban/linebreak.hpp"
#include "paiban/manifest.hpp"
#include "paiban/paginate.hpp"
#include "paiban/pdf.hpp"
#include "paiban/render.hpp"
#include "paiban/shape.hpp"
#include "pdf/font_subset.hpp"

namespace paiban {
namespace {

std::string issue_path() {
  if (const char* path = std::getenv("PAIBAN_BENCH_ISSUE")) return path;
  return std::string(PAIBAN_SOURCE_DIR) + "/issues/2017-06-15/issue.xml";
}

// Parsed once: the inputs the later stages start from.
struct Inputs {
  Issue issue = parse_manifest_file(issue_path());
  Layout layout = load_layout(issue.layout, issue_path(), issue.layout_where);
  const Block& longest_paragraph() const {
    const Block* best = nullptr;
    size_t best_size = 0;
    for (const Section& section : issue.sections)
      for (const Article& article : section.articles)
        for (const Block& block : article.blocks)
          if (block.kind == BlockKind::paragraph && plain_text(block.text).size() > best_size) {
            best = &block;
            best_size = plain_text(block.text).size();
          }
    return *best;
  }
};

const Inputs& inputs() {
  static Inputs once;
  return once;
}

BreakOptions body_break_options(const Layout& layout) {
  const TextStyle& body = layout.engine.body;
  BreakOptions options;
  options.measure = layout.page.width - layout.page.inner - layout.page.outer;
  options.first_indent = body.first_indent_em * body.size;
  options.align = body.align;
  options.level = layout.line_break_level;
  return options;
}

void BM_ParseManifest(benchmark::State& state) {
  std::string path = issue_path();
  for (auto _ : state) benchmark::DoNotOptimize(parse_manifest_file(path));
}
BENCHMARK(BM_ParseManifest)->Unit(benchmark::kMicrosecond);

void BM_LoadLayout(benchmark::State& state) {
  const Inputs& in = inputs();
  for (auto _ : state)
    benchmark::DoNotOptimize(load_layout(in.issue.layout, issue_path(), in.issue.layout_where));
}
BENCHMARK(BM_LoadLayout)->Unit(benchmark::kMicrosecond);

void BM_ShapeParagraph(benchmark::State& state) {
  const Inputs& in = inputs();
  const Block& paragraph = in.longest_paragraph();
  const TextStyle& body = in.layout.engine.body;
  Warnings warnings;
  for (auto _ : state) {
    warnings.clear();
    benchmark::DoNotOptimize(shape_paragraph(paragraph.text, body, in.layout, in.issue.lang,
                                             FontCache::shared(), warnings));
  }
  state.SetLabel(std::to_string(plain_text(paragraph.text).size()) + " bytes of text");
}
BENCHMARK(BM_ShapeParagraph)->Unit(benchmark::kMicrosecond);

void BM_BreakLines(benchmark::State& state) {
  const Inputs& in = inputs();
  Warnings warnings;
  ShapedParagraph shaped = shape_paragraph(in.longest_paragraph().text, in.layout.engine.body,
                                           in.layout, in.issue.lang, FontCache::shared(), warnings);
  BreakOptions options = body_break_options(in.layout);
  size_t lines = 0;
  for (auto _ : state) {
    warnings.clear();
    auto set = break_paragraph(shaped, options, warnings);
    lines = set.size();
    benchmark::DoNotOptimize(set);
  }
  state.SetLabel(std::to_string(lines) + " lines");
}
BENCHMARK(BM_BreakLines)->Unit(benchmark::kMicrosecond);

void BM_Paginate(benchmark::State& state) {
  const Inputs& in = inputs();
  size_t pages = 0;
  for (auto _ : state) {
    Warnings warnings;
    Document document = paginate(in.issue, in.layout, FontCache::shared(), warnings);
    pages = document.pages.size();
    benchmark::DoNotOptimize(document);
  }
  state.SetLabel(std::to_string(pages) + " pages (shape + break + pages, all passes)");
}
BENCHMARK(BM_Paginate)->Unit(benchmark::kMillisecond);

void BM_WritePdf(benchmark::State& state) {
  const Inputs& in = inputs();
  Warnings warnings;
  Document document = paginate(in.issue, in.layout, FontCache::shared(), warnings);
  size_t bytes = 0;
  for (auto _ : state) {
    std::string pdf = write_pdf(document, FontCache::shared(), PdfOptions{});
    bytes = pdf.size();
    benchmark::DoNotOptimize(pdf);
  }
  state.SetLabel(std::to_string(bytes / 1024) + " KB (subset fonts, compressed)");
}
BENCHMARK(BM_WritePdf)->Unit(benchmark::kMillisecond);

// hb-subset alone: every face of the issue cut to the glyphs its pages use,
// as the writer does (cached subset source, desubroutinised CFF).
void BM_SubsetFaces(benchmark::State& state) {
  const Inputs& in = inputs();
  Warnings warnings;
  Document document = paginate(in.issue, in.layout, FontCache::shared(), warnings);
  std::map<FaceId, std::set<uint32_t>> glyphs;
  for (const Page& page : document.pages)
    for (const PageGlyph& g : page.glyphs) glyphs[g.face].insert(g.glyph);
  size_t bytes = 0;
  for (auto _ : state) {
    bytes = 0;
    for (const auto& [face, set] : glyphs)
      bytes += pdf::subset_face(FontCache::shared(), face, set).program.size();
  }
  state.SetLabel(std::to_string(glyphs.size()) + " faces, " + std::to_string(bytes / 1024) +
                 " KB of font programs before Flate");
}
BENCHMARK(BM_SubsetFaces)->Unit(benchmark::kMillisecond);

void BM_RenderIssue(benchmark::State& state) {
  std::string path = issue_path();
  for (auto _ : state)
    benchmark::DoNotOptimize(render_issue(path, FontCache::shared(), RenderOptions{}));
  state.SetLabel("the whole job, warm font cache");
}
BENCHMARK(BM_RenderIssue)->Unit(benchmark::kMillisecond);

// What `paiban batch` spends on an issue it then skips (before hashing the PDF):
// loading the job and fingerprinting it.
void BM_BatchFreshnessStamp(benchmark::State& state) {
  batch::Freshness freshness(RenderOptions{}, FontCache::shared());
  std::string path = issue_path();
  FileDigests digests;  // one per batch, as `paiban batch` keeps it
  for (auto _ : state)
    benchmark::DoNotOptimize(freshness.stamp(load_job(path, RenderOptions{}, &digests)));
}
BENCHMARK(BM_BatchFreshnessStamp)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace paiban
