// Helpers for the hardening tests: run the paiban binary with a time limit
// and measure its wall time and peak memory; write generated manifests.
#pragma once
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "e2e/run_command.hpp"

namespace paiban::hardening {

/// True in a build with AddressSanitizer (PAIBAN_SANITIZE): everything is
/// slower and bigger there, so time and memory bounds are scaled.
constexpr bool kSanitized =
#if defined(__SANITIZE_ADDRESS__)
    true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
    true;
#else
    false;
#endif
#else
    false;
#endif

/// Time bounds are multiplied by this in a sanitizer build.
constexpr double kTimeScale = kSanitized ? 6.0 : 1.0;

/// Long tests (minutes in a sanitizer build) run only when PAIBAN_SLOW_TESTS=1.
inline bool slow_tests_enabled() {
  const char* env = std::getenv("PAIBAN_SLOW_TESTS");
  return env && std::string(env) == "1";
}

struct BoundedRun {
  int exit_code = -1;      ///< -1 when killed by a signal (crash or time limit)
  int signal = 0;          ///< the signal that ended it, 0 if it exited
  bool timed_out = false;  ///< killed at the time limit
  double seconds = 0;      ///< wall time
  long peak_rss_mb = 0;    ///< the child's peak resident memory
  double cpu_seconds = 0;  ///< the child's user and system time
  std::string output;      ///< stdout and stderr, the first 1 MB
};

/// Runs `args` (args[0] is the program) with stdout and stderr to a file,
/// kills it after `timeout_seconds`, and reports its exit, time and memory.
inline BoundedRun run_bounded(const std::vector<std::string>& args, double timeout_seconds) {
  BoundedRun run;
  auto out_file = std::filesystem::temp_directory_path() /
                  ("paiban-hardening-out-" + std::to_string(::getpid()) + ".txt");
  auto start = std::chrono::steady_clock::now();
  pid_t child = ::fork();
  if (child == 0) {
    int fd = ::open(out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(fd, 1);
    ::dup2(fd, 2);
    int null = ::open("/dev/null", O_RDONLY);
    ::dup2(null, 0);
    std::vector<char*> argv;
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  int status = 0;
  rusage usage{};
  for (;;) {
    pid_t done = ::wait4(child, &status, WNOHANG, &usage);
    if (done == child) break;
    double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (elapsed > timeout_seconds && !run.timed_out) {
      run.timed_out = true;
      ::kill(child, SIGKILL);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  run.peak_rss_mb = usage.ru_maxrss / 1024;  // Linux: kilobytes
  run.cpu_seconds = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                    static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  if (WIFEXITED(status)) run.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) run.signal = WTERMSIG(status);
  std::ifstream in(out_file, std::ios::binary);
  run.output.resize(1 << 20);
  in.read(run.output.data(), static_cast<std::streamsize>(run.output.size()));
  run.output.resize(static_cast<size_t>(in.gcount()));
  std::filesystem::remove(out_file);
  return run;
}

/// `paiban ARGS...` through run_bounded.
inline BoundedRun paiban_bounded(std::vector<std::string> args, double timeout_seconds) {
  args.insert(args.begin(), PAIBAN_BINARY);
  return run_bounded(args, timeout_seconds);
}

/// A manifest's frame around `body` (sections, toc...), version 1, zh-Hans.
inline std::string manifest(const std::string& body, const std::string& issue_attributes = "") {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<issue version=\"1\" date=\"2020-01-02\"" +
         issue_attributes + ">\n<title>标题</title><publisher>出版者</publisher>\n" + body +
         "\n</issue>\n";
}

/// One section holding one article with `blocks`.
inline std::string one_article(const std::string& blocks) {
  return manifest("<section title=\"栏\"><article><heading>文章</heading>" + blocks +
                  "</article></section>");
}

inline void write_file(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

/// "exit 2 after 0.1 s, 12 MB: <output>" for failure messages.
inline std::string describe(const BoundedRun& run) {
  return "exit " + std::to_string(run.exit_code) +
         (run.signal ? " signal " + std::to_string(run.signal) : std::string()) +
         (run.timed_out ? " (timed out)" : "") + " after " + std::to_string(run.seconds) + " s, " +
         std::to_string(run.peak_rss_mb) + " MB:\n" + run.output.substr(0, 4000);
}

}  // namespace paiban::hardening
