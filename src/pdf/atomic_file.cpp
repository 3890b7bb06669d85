// write_file_atomically: readers see the old file or the new one, never half.
// Its temporaries are removed on failure, on SIGINT/SIGTERM/SIGHUP, and, when
// a process was killed outright, by the next batch (remove_stale_temporaries).
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <stdexcept>
#include <string>

#include "common/utf8.hpp"
#include "paiban/pdf.hpp"

namespace paiban {
namespace {

std::string reason(int error) {
  if (error == ENOSPC || error == EDQUOT) return "disk full";
  if (error == EFBIG) return "the file size limit is reached (ulimit -f)";
  return std::strerror(error);
}

constexpr std::string_view kMarker = ".paiban-";
constexpr std::size_t kMaxNameShown = 180;  // of NAME in the temporary's name

/// This host, as 8 hex digits of its name: a temporary of another host
/// sharing the directory (NFS) is never judged by a process id of ours.
std::string host_tag() {
  char name[256] = {};
  ::gethostname(name, sizeof name - 1);
  std::uint32_t hash = 2166136261u;  // FNV-1a
  for (const char* p = name; *p; ++p) hash = (hash ^ static_cast<unsigned char>(*p)) * 16777619u;
  char out[9];
  std::snprintf(out, sizeof out, "%08x", hash);
  return out;
}

// The temporaries being written, for the signal handler: fixed slots of
// plain bytes (a handler may not allocate or lock).
constexpr std::size_t kSlots = 64;
constexpr std::size_t kPathBytes = 4096;
struct Slot {
  std::atomic<bool> used{false};
  char path[kPathBytes];
};
std::array<Slot, kSlots> g_slots;
std::mutex g_slots_mutex;

/// Claims a slot for `path` (none when the path is too long or all are
/// taken: that temporary is then only removed on ordinary failures).
int register_temporary(const std::string& path) {
  if (path.size() >= kPathBytes) return -1;
  std::lock_guard<std::mutex> lock(g_slots_mutex);
  for (std::size_t i = 0; i < kSlots; ++i) {
    if (g_slots[i].used.load()) continue;
    std::memcpy(g_slots[i].path, path.c_str(), path.size() + 1);
    g_slots[i].used.store(true);
    return static_cast<int>(i);
  }
  return -1;
}

void release_temporary(int slot) {
  if (slot < 0) return;
  std::lock_guard<std::mutex> lock(g_slots_mutex);
  g_slots[static_cast<std::size_t>(slot)].used.store(false);
}

extern "C" void remove_temporaries_and_die(int signal) {
  for (Slot& slot : g_slots)
    if (slot.used.load()) ::unlink(slot.path);
  // Die of the signal as if it had not been caught: the exit status says so.
  ::signal(signal, SIG_DFL);
  ::raise(signal);
}

/// The leading part of `name` of at most `limit` bytes, not cutting a UTF-8
/// character in two.
std::string cut(const std::string& name, std::size_t limit) {
  if (name.size() <= limit) return name;
  return name.substr(0, utf8_character_start(name, limit));
}

}  // namespace

void remove_temporaries_on_signals() {
  for (int signal : {SIGINT, SIGTERM, SIGHUP}) {
    struct sigaction action {};
    action.sa_handler = remove_temporaries_and_die;
    sigemptyset(&action.sa_mask);
    ::sigaction(signal, &action, nullptr);
  }
}

int remove_stale_temporaries(const std::string& dir) {
  namespace fs = std::filesystem;
  const std::string host = host_tag();
  const auto now = fs::file_time_type::clock::now();
  int removed = 0;
  std::error_code error;
  for (fs::recursive_directory_iterator it(dir, error), end; !error && it != end;
       it.increment(error)) {
    const std::string name = it->path().filename().string();
    // ".NAME.paiban-HHHHHHHH-PID-XXXXXX"
    const std::size_t marker = name.rfind(kMarker);
    if (name.empty() || name[0] != '.' || marker == std::string::npos ||
        !it->is_regular_file(error))
      continue;
    const std::string rest = name.substr(marker + kMarker.size());
    const std::size_t dash = rest.find('-'), dash2 = rest.find('-', dash + 1);
    if (dash != 8 || dash2 == std::string::npos || rest.size() != dash2 + 7) continue;
    const std::string pid_text = rest.substr(dash + 1, dash2 - dash - 1);
    if (pid_text.empty() || pid_text.find_first_not_of("0123456789") != std::string::npos ||
        pid_text.size() > 9)
      continue;
    const pid_t pid = static_cast<pid_t>(std::stol(pid_text));
    const bool ours = rest.substr(0, 8) == host;
    const bool ended = ours && pid != ::getpid() && ::kill(pid, 0) != 0 && errno == ESRCH;
    const auto written = fs::last_write_time(it->path(), error);
    const bool old = !error && now - written > std::chrono::hours(1);
    if ((ended || old) && fs::remove(it->path(), error)) ++removed;
  }
  return removed;
}

namespace {

/// Writes `bytes` to what `path` is, opened as it is: a FIFO or a character
/// device (a terminal, /dev/null) cannot be replaced, only written to.
void write_through(const std::string& path, std::string_view bytes) {
  int fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) throw OutputError(path + ": cannot open it for writing: " + reason(errno));
  size_t written = 0;
  while (written < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      int error = errno;
      ::close(fd);
      throw OutputError(path + ": writing failed: " + reason(error));
    }
    written += static_cast<size_t>(n);
  }
  if (::close(fd) != 0) throw OutputError(path + ": closing failed: " + reason(errno));
}

/// Where the bytes for `path` go: a symbolic link is followed (the file it
/// names is replaced, the link stays a link), to its end even when that
/// does not exist yet.
std::string final_target(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code error;
  std::string target = path;
  for (int hops = 0; hops < 40; ++hops) {
    if (!fs::is_symlink(fs::symlink_status(target, error))) return target;
    fs::path next = fs::read_symlink(target, error);
    if (error) return target;
    target = (next.is_absolute() ? next : fs::path(target).parent_path() / next).string();
  }
  throw OutputError(path + ": too many levels of symbolic links");
}

}  // namespace

void write_file_atomically(const std::string& requested, std::string_view bytes) {
  const std::string path = final_target(requested);
  struct stat target {};
  if (::stat(path.c_str(), &target) == 0) {
    if (S_ISFIFO(target.st_mode) || S_ISCHR(target.st_mode)) return write_through(path, bytes);
    if (S_ISDIR(target.st_mode))
      throw OutputError(requested + ": cannot replace it: it is a directory");
    if (!S_ISREG(target.st_mode))
      throw OutputError(requested +
                        ": is a special file (a socket or block device), not "
                        "replaced");
  }
  // The temporary file lives beside the target: rename() is atomic only
  // within one file system.
  const auto slash = path.find_last_of('/');
  const std::string dir = slash == std::string::npos ? "." : path.substr(0, slash + 1);
  const std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  std::string temp = (slash == std::string::npos ? "" : dir) + "." + cut(base, kMaxNameShown) +
                     std::string(kMarker) + host_tag() + "-" + std::to_string(::getpid()) +
                     "-XXXXXX";

  // Signals wait while the temporary is created and registered: one caught
  // in between would leave it behind.
  sigset_t block, previous;
  sigemptyset(&block);
  for (int signal : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&block, signal);
  ::pthread_sigmask(SIG_BLOCK, &block, &previous);
  int fd = ::mkstemp(temp.data());
  const int mkstemp_error = errno;
  const int slot = fd >= 0 ? register_temporary(temp) : -1;
  ::pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  if (fd < 0)
    throw OutputError(path +
                      ": cannot create a temporary file beside it: " + reason(mkstemp_error));
  auto forget = [&] {
    ::unlink(temp.c_str());
    release_temporary(slot);
  };
  auto fail = [&](const char* step, int error) {
    ::close(fd);
    forget();
    throw OutputError(path + ": " + step + " failed: " + reason(error));
  };
  // mkstemp makes 0600 files: keep the old file's mode, else make it readable
  // by others like any output (umask is not read: it is process-wide state).
  struct stat old {};
  const mode_t mode = ::stat(path.c_str(), &old) == 0 ? (old.st_mode & 07777) : 0644;
  if (::fchmod(fd, mode) != 0) fail("setting permissions", errno);
  size_t written = 0;
  while (written < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail("writing", errno);
    }
    written += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0) fail("flushing to disk", errno);
  if (::close(fd) != 0) {
    int error = errno;
    forget();
    throw OutputError(path + ": closing failed: " + reason(error));
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    int error = errno;
    forget();
    throw OutputError(path + ": cannot replace it: " + reason(error));
  }
  release_temporary(slot);
  // Make the rename itself durable.
  int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
}

}  // namespace paiban
