#include "cli/watch.hpp"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>

#include "cli/commands.hpp"
#include "cli/environment.hpp"
#include "cli/failure.hpp"
#include "cli/diagnostic_printer.hpp"

namespace paiban::cli {
namespace {

namespace fs = std::filesystem;

struct Outcome {
  bool ok = false;
  std::vector<std::string> inputs;
  int code = kDone;  ///< the failure's exit code when not ok
};

Outcome render_once(const std::string& manifest, const std::string& output,
                    const RenderOptions& options) {
  auto start = std::chrono::steady_clock::now();
  try {
    RenderResult result = render_issue(manifest, command_fonts(), options);
    for (const Warning& w : result.warnings) report_warning(w);
    write_file_atomically(output, result.pdf);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - start);
    std::cerr << output << ": " << result.pages << " pages in " << ms.count() << " ms\n";
    return {true, result.inputs, kDone};
  } catch (...) {
    const int code = report_failure(describe_failure(std::current_exception()));
    std::cerr << output << ": kept the last good PDF\n";
    return {false, {}, code};
  }
}

// Editors save by writing a new file and renaming it over the old one, so
// the watch is on the directories, filtered by file name.
class DirectoryWatch {
 public:
  DirectoryWatch() : fd_(inotify_init1(IN_CLOEXEC)) {
    if (fd_ < 0) throw std::runtime_error("inotify is not available");
  }
  ~DirectoryWatch() { ::close(fd_); }

  void watch(const std::vector<std::string>& files) {
    for (const auto& file : files) {
      fs::path path = fs::absolute(file).lexically_normal();
      names_.insert(path.string());
      std::string dir = path.parent_path().string();
      if (dirs_.count(dir)) continue;
      int wd = inotify_add_watch(fd_, dir.c_str(),
                                 IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_ATTRIB);
      if (wd >= 0) dirs_[dir] = wd, dir_of_[wd] = dir;
    }
  }

  /// Blocks until a watched file changes; returns its path.
  std::string wait() {
    alignas(inotify_event) char buffer[8192];
    for (;;) {
      ssize_t n = ::read(fd_, buffer, sizeof buffer);
      if (n <= 0) continue;
      std::string changed;
      for (char* p = buffer; p < buffer + n;) {
        auto* event = reinterpret_cast<inotify_event*>(p);
        if (event->len > 0) {
          std::string path = (fs::path(dir_of_[event->wd]) / event->name).string();
          if (names_.count(path)) changed = path;
        }
        p += sizeof(inotify_event) + event->len;
      }
      if (changed.empty()) continue;
      // Let a burst of writes (save = truncate + write + rename) settle.
      pollfd pfd{fd_, POLLIN, 0};
      while (::poll(&pfd, 1, 100) > 0) ::read(fd_, buffer, sizeof buffer);
      return changed;
    }
  }

 private:
  int fd_;
  std::set<std::string> names_;
  std::map<std::string, int> dirs_;
  std::map<int, std::string> dir_of_;
};

}  // namespace

int watch_and_render(const std::string& manifest, const std::string& output,
                     const RenderOptions& options, int max_renders) {
  try {
    DirectoryWatch watch;
    watch.watch({manifest});
    int renders = 0;
    for (;;) {
      Outcome outcome = render_once(manifest, output, options);
      ++renders;
      if (outcome.ok) watch.watch(outcome.inputs);
      if (max_renders > 0 && renders >= max_renders) return outcome.ok ? kDone : outcome.code;
      std::cerr << "watching " << manifest << " (Ctrl-C to stop)\n";
      std::string changed = watch.wait();
      std::cerr << changed << " changed\n";
    }
  } catch (...) {  // the watch itself failed (inotify)
    return report_failure(describe_failure(std::current_exception()));
  }
}

}  // namespace paiban::cli
