#include "cli/batch/batch_command.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <optional>

#include "cli/batch/progress.hpp"
#include "cli/commands.hpp"
#include "cli/environment.hpp"
#include "cli/failure.hpp"
#include "paiban/batch.hpp"
#include "paiban/pdf.hpp"

namespace paiban::cli {

namespace {

const char* kBatchUsageText =
    "usage: paiban batch PATH... -o OUTDIR [-j N] [--force] [--report FILE.json]\n"
    "                    [--shard K/N] [--print] [--pdfa] [--pdfua] [--allow-outside]\n"
    "options:\n"
    "  -o, --output DIR    where the PDFs go: a manifest DIR/2017-06-15/issue.xml found\n"
    "                      under PATH=DIR is written to OUTDIR/2017-06-15.pdf\n"
    "  -j, --jobs N        threads (default: the number of cores)\n"
    "  --force             set every issue, even those up to date\n"
    "  --report FILE.json  write each issue's status, pages, time, warnings, errors\n"
    "  --shard K/N         only the K-th of N interleaved slices of the sorted list\n"
    "  --print             print-shop PDF/X-4 (as paiban render --print)\n"
    "  --pdfa              archival PDF/A-2u (as paiban render --pdfa)\n"
    "  --pdfua             insist on PDF/UA-1 (as paiban render --pdfua)\n"
    "  --allow-outside     figures and layout paths may leave each manifest's directory\n"
    "                      tree (as paiban render --allow-outside)\n";

int usage_error(const std::string& message) {
  std::cerr << "paiban: " << message << "\n" << kBatchUsageText;
  return kUsage;
}

struct Arguments {
  std::vector<std::string> paths;
  BatchOptions options;
  std::string report;
  Shard shard;
};

// Returns an exit code when the arguments are unusable.
std::optional<int> parse(const std::vector<std::string>& args, Arguments& parsed) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help" || a == "-h") {
      std::cout << kBatchUsageText;
      return kDone;
    }
    auto value = [&](std::string& into) {
      if (i + 1 >= args.size()) return false;
      into = args[++i];
      return true;
    };
    std::string jobs_text;
    if (a == "-o" || a == "--output") {
      if (!value(parsed.options.output_dir)) return usage_error(a + " needs a directory");
    } else if (a == "-j" || a == "--jobs" || (a.rfind("-j", 0) == 0 && a.size() > 2)) {
      if (a.size() > 2 && a[1] == 'j')
        jobs_text = a.substr(2);
      else if (!value(jobs_text))
        return usage_error(a + " needs a number of threads");
      int jobs = 0;
      auto [end, error] =
          std::from_chars(jobs_text.data(), jobs_text.data() + jobs_text.size(), jobs);
      if (error != std::errc() || end != jobs_text.data() + jobs_text.size() || jobs < 1)
        return usage_error("-j wants a positive number, not '" + jobs_text + "'");
      parsed.options.jobs = jobs;
    } else if (a == "--force") {
      parsed.options.force = true;
    } else if (a == "--report") {
      if (!value(parsed.report)) return usage_error("--report needs a file name");
    } else if (a == "--shard") {
      std::string text;
      if (!value(text)) return usage_error("--shard needs K/N");
      try {
        parsed.shard = parse_shard(text);
      } catch (const std::invalid_argument& e) {
        return usage_error(e.what());
      }
    } else if (a == "--print") {
      parsed.options.render.pdf.print = true;
    } else if (a == "--pdfa") {
      parsed.options.render.pdf.pdfa = true;
    } else if (a == "--pdfua") {
      parsed.options.render.pdf.pdfua = true;
    } else if (a == "--allow-outside") {
      parsed.options.render.allow_outside = true;
    } else if (!a.empty() && a[0] == '-') {
      return usage_error("unknown option " + a);
    } else {
      parsed.paths.push_back(a);
    }
  }
  if (parsed.paths.empty()) return usage_error("batch needs at least one PATH");
  if (parsed.options.output_dir.empty()) return usage_error("batch needs -o OUTDIR");
  if (int code = apply_environment(parsed.options.render)) return code;
  return std::nullopt;
}

/// Why nothing can be created in `dir` (by trying: permission bits do not
/// tell root about a read-only file system); empty when it can.
std::string unwritable_directory(const std::string& dir) {
  std::string probe = (std::filesystem::path(dir) / ".paiban-probe-XXXXXX").string();
  int fd = ::mkstemp(probe.data());
  if (fd < 0) return std::strerror(errno);
  ::close(fd);
  ::unlink(probe.c_str());
  return "";
}

}  // namespace

int batch_command(const std::vector<std::string>& args) {
  Arguments parsed;
  if (auto exit_code = parse(args, parsed)) return *exit_code;

  std::vector<BatchItem> items;
  if (int code = guarded([&] {
        items = discover_issues(parsed.paths);
        return int(kDone);
      }))
    return code;
  if (items.empty()) {
    std::cerr << "paiban: no issue.xml found under the PATHs given\n";
    return kInvalidInput;
  }
  std::vector<BatchItem> slice = select_shard(items, parsed.shard);
  if (parsed.shard.count > 1)
    std::cerr << "paiban batch: shard " << parsed.shard.index << "/" << parsed.shard.count << ": "
              << slice.size() << " of " << items.size() << " issues\n";

  try {
    std::filesystem::create_directories(parsed.options.output_dir);
  } catch (const std::exception& e) {
    return report_failure(
        {kOutputNotWritten, {}, "cannot create " + parsed.options.output_dir + ": " + e.what()});
  }
  // An OUTDIR that exists but cannot be written to (read-only, no
  // permission) is the batch's output failing, exit 3 like a full disk, not
  // every issue failing on its own.
  if (std::string why = unwritable_directory(parsed.options.output_dir); !why.empty())
    return report_failure(
        {kOutputNotWritten, {}, parsed.options.output_dir + ": cannot write in it: " + why});
  // Temporaries a killed batch left behind (SIGKILL, a power cut); a signal
  // that can be caught removes its own.
  remove_stale_temporaries(parsed.options.output_dir);
  remove_temporaries_on_signals();

  auto progress = batch::make_progress(std::cerr, batch::stderr_is_terminal());
  BatchSummary summary = run_batch(slice, parsed.options, command_fonts(), *progress);

  if (!parsed.report.empty()) {
    if (int code = guarded([&] {
          write_file_atomically(parsed.report,
                                batch_report_json(summary, parsed.options, parsed.shard));
          return int(kDone);
        }))
      return code;
  }
  // The gravest of the issues' failures: an internal error over output not
  // written over invalid input.
  int code = kDone;
  for (const IssueOutcome& issue : summary.issues)
    for (const IssueError& error : issue.errors)
      code = std::max<int>(code, !error.internal ? kInvalidInput
                                 : error.output  ? kOutputNotWritten
                                                 : kInternalError);
  return code;
}

}  // namespace paiban::cli
