#include "cli/commands.hpp"

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "cli/batch/batch_command.hpp"
#include "cli/diagnostic_printer.hpp"
#include "cli/environment.hpp"
#include "cli/fonts_command.hpp"
#include "cli/output_file.hpp"
#include "cli/trace.hpp"
#include "cli/watch.hpp"
#include "common/background_threads.hpp"
#include "paiban/pdf.hpp"
#include "paiban/render.hpp"

namespace paiban::cli {
namespace {

/// The threads a render sets paragraphs and subsets faces on, started now:
/// a thread takes milliseconds to begin running, which fontconfig's start-up
/// (the first thing a render does) hides.
void start_background_threads(const RenderOptions& options) {
  if (options.pdf.threads > 1) BackgroundThreads::shared().reserve(options.pdf.threads - 1);
}

const char* kUsageText =
    "usage: paiban render MANIFEST [-o OUT.pdf] [--print [--pdfx-1a]] [--pdfa] [--pdfua]\n"
    "                     [--saddle-stitch] [--preflight | --preflight-json FILE] [--werror]\n"
    "                     [--watch] [--allow-outside]\n"
    "       paiban check MANIFEST [--print [--pdfx-1a]] [--pdfa] [--pdfua] [--werror]\n"
    "                     [--allow-outside]\n"
    "       paiban batch PATH... -o OUTDIR [-j N] [--force] [--report FILE.json] [--shard K/N] "
    "[--print] [--pdfa] [--pdfua]\n"
    "       paiban fonts [--layout L] [--lang zh-Hans|zh-Hant|ja|...] [TEXT]\n"
    "       paiban trace MANIFEST [-o FILE]\n"
    "       paiban --help | --version\n"
    "\n"
    "commands:\n"
    "  render   typeset an issue manifest into a PDF (default OUT: the manifest's\n"
    "           directory name + .pdf in the current directory)\n"
    "  check    everything render would refuse (fonts, figures, print colour, limits,\n"
    "           warnings with --werror), with nothing written\n"
    "  batch    render every issue.xml under the PATHs into OUTDIR in parallel, skipping\n"
    "           PDFs already up to date (paiban batch --help for its options)\n"
    "  fonts    show the faces a layout's font roles resolve to, their coverage and\n"
    "           fallbacks; with TEXT, which face draws each character\n"
    "  trace    the placed text lines as plain text, one per line: page, line on the\n"
    "           page, x and y of the baseline (pt), fonts and sizes, the text\n"
    "           (default: standard output; the goldens in tests/golden are traces)\n"
    "\n"
    "options:\n"
    "  -o, --output FILE   where to write the PDF (written atomically; - for standard\n"
    "                      output; never one of the render's inputs)\n"
    "  --print             print-shop PDF/X-4: bleed, trim and crop marks, output intent\n"
    "  --pdfx-1a           with --print: PDF/X-1a:2003 instead of PDF/X-4\n"
    "  --pdfa              archival PDF/A-2u (sRGB output intent on screen; with --print\n"
    "                      PDF/X-4 and PDF/A-2u share the CMYK output intent)\n"
    "  --pdfua             insist on PDF/UA-1: a figure without alt text is an error\n"
    "                      (without it, PDF/UA-1 is claimed whenever it holds)\n"
    "  --saddle-stitch     pad the page count to a multiple of 4 with blank pages\n"
    "  --preflight         print a preflight summary (trim, bleed, pages, fonts, colours,\n"
    "                      output intent) on stdout\n"
    "  --preflight-json F  write that summary as JSON to F\n"
    "  --watch             render again whenever the manifest, its layout or a figure\n"
    "                      changes; a broken edit keeps the last good PDF\n"
    "  --werror            treat warnings (missing glyphs, overfull lines) as errors\n"
    "  --allow-outside     let figures and a layout path be absolute or outside the\n"
    "                      manifest's directory tree (refused by default)\n"
    "\n"
    "exit codes: 0 done, 1 usage, 2 invalid input, 3 output not written (disk full...),\n"
    "            4 internal error (a bug in paiban or a library, or out of memory)\n";

int usage_error(const std::string& message) {
  std::cerr << "paiban: " << message << "\n" << kUsageText;
  return kUsage;
}

}  // namespace

int apply_environment(RenderOptions& options) {
  const Environment& env = environment();
  options.layout_path = env.layout_path;
  if (env.source_date_epoch) {
    try {
      options.pdf.source_date_epoch = std::stoll(*env.source_date_epoch);
    } catch (const std::exception&) {
      std::cerr << "paiban: SOURCE_DATE_EPOCH is not a number\n";
      return kUsage;
    }
  }
  return kDone;
}

namespace {

std::string default_output(const std::string& manifest) {
  std::filesystem::path path(manifest);
  std::string stem = path.parent_path().filename().string();
  if (stem.empty() || stem == "." || stem == "..") stem = path.stem().string();
  return stem + ".pdf";
}

// The options render and check share: what the PDF must be and what is
// refused. Returns false when `flag` is not one of them.
bool read_shared_flag(const std::string& flag, RenderOptions& options) {
  if (flag == "--print")
    options.pdf.print = true;
  else if (flag == "--pdfx-1a")
    options.pdf.standard = PdfStandard::x1a;
  else if (flag == "--pdfa")
    options.pdf.pdfa = true;
  else if (flag == "--pdfua")
    options.pdf.pdfua = true;
  else if (flag == "--werror")
    options.warnings_as_errors = true;
  else if (flag == "--allow-outside")
    options.allow_outside = true;
  else
    return false;
  return true;
}

int render_command(const std::vector<std::string>& args) {
  std::string manifest, output;
  RenderOptions options;
  bool watch = false;
  std::string preflight_file;
  int max_renders = 0;  // --watch-renders N: stop after N renders (for tests)
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-o" || a == "--output") {
      if (i + 1 >= args.size()) return usage_error(a + " needs a file name");
      output = args[++i];
    } else if (read_shared_flag(a, options)) {
    } else if (a == "--saddle-stitch") {
      options.saddle_stitch = true;
    } else if (a == "--preflight") {
      options.preflight = Preflight::text;
    } else if (a == "--preflight-json") {
      if (i + 1 >= args.size()) return usage_error(a + " needs a file name");
      options.preflight = Preflight::json;
      preflight_file = args[++i];
    } else if (a == "--watch") {
      watch = true;
    } else if (a == "--watch-renders") {
      if (i + 1 >= args.size()) return usage_error(a + " needs a number");
      max_renders = std::atoi(args[++i].c_str());
    } else if (!a.empty() && a[0] == '-') {
      return usage_error("unknown option " + a);
    } else if (manifest.empty()) {
      manifest = a;
    } else {
      return usage_error("more than one manifest given");
    }
  }
  if (manifest.empty()) return usage_error("render needs a MANIFEST");
  if (output.empty()) output = default_output(manifest);
  if (int code = apply_environment(options)) return code;
  if (watch) return watch_and_render(manifest, output, options, max_renders);
  if (is_standard_output(output) && options.preflight == Preflight::text)
    return usage_error("-o - and --preflight both write to standard output");
  remove_temporaries_on_signals();
  start_background_threads(options);
  return guarded([&] {
    refuse_output_over_input(output, {manifest});
    RenderResult result = render_issue(manifest, command_fonts(), options);
    for (const Warning& w : result.warnings) report_warning(w);
    refuse_output_over_input(output, result.inputs);
    if (!preflight_file.empty()) refuse_output_over_input(preflight_file, result.inputs);
    write_output(output, result.pdf);
    if (!preflight_file.empty())
      write_file_atomically(preflight_file, result.preflight);
    else if (!result.preflight.empty())
      std::cout << result.preflight;
    std::cerr << output_name(output) << ": " << result.pages << " pages, " << result.pdf.size()
              << " bytes\n";
    return int(kDone);
  });
}

// check: render's options that change what is refused, nothing written.
int check_command(const std::vector<std::string>& args) {
  std::string manifest;
  RenderOptions options;
  for (const std::string& a : args) {
    if (read_shared_flag(a, options)) {
    } else if (!a.empty() && a[0] == '-') {
      return usage_error("unknown option " + a);
    } else if (manifest.empty()) {
      manifest = a;
    } else {
      return usage_error("check needs exactly one MANIFEST");
    }
  }
  if (manifest.empty()) return usage_error("check needs exactly one MANIFEST");
  if (int code = apply_environment(options)) return code;
  start_background_threads(options);
  return guarded([&] {
    RenderResult result = check_issue(manifest, command_fonts(), options);
    for (const Warning& w : result.warnings) report_warning(w);
    std::cerr << manifest << ": ok (" << result.pages << " pages, nothing written)\n";
    return int(kDone);
  });
}

}  // namespace

int run(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return usage_error("no command given");
  const std::string command = args[0];
  args.erase(args.begin());
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << kUsageText;
    return kDone;
  }
  if (command == "--version") {
    std::cout << version_string() << "\n" << library_versions();
    return kDone;
  }
  if (command == "render") return render_command(args);
  if (command == "check") return check_command(args);
  if (command == "batch") return batch_command(args);
  if (command == "fonts") return fonts_command(args);
  if (command == "trace") return trace_command(args);
  return usage_error("unknown command '" + command + "'");
}

}  // namespace paiban::cli
