// write_file_atomically: readers see the old file or the new one, never half.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

#include "paiban/pdf.hpp"

namespace paiban {
namespace {

std::string reason(int error) {
  if (error == ENOSPC || error == EDQUOT) return "disk full";
  if (error == EFBIG) return "the file size limit is reached (ulimit -f)";
  return std::strerror(error);
}

}  // namespace

void write_file_atomically(const std::string& path, std::string_view bytes) {
  // The temporary file lives beside the target: rename() is atomic only
  // within one file system.
  const auto slash = path.find_last_of('/');
  const std::string dir = slash == std::string::npos ? "." : path.substr(0, slash + 1);
  const std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  std::string temp = (slash == std::string::npos ? "" : dir) + "." + base + ".XXXXXX";

  int fd = ::mkstemp(temp.data());
  if (fd < 0)
    throw OutputError(path + ": cannot create a temporary file beside it: " + reason(errno));
  auto fail = [&](const char* step, int error) {
    ::close(fd);
    ::unlink(temp.c_str());
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
    ::unlink(temp.c_str());
    throw OutputError(path + ": closing failed: " + reason(error));
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    int error = errno;
    ::unlink(temp.c_str());
    throw OutputError(path + ": cannot replace it: " + reason(error));
  }
  // Make the rename itself durable.
  int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
}

}  // namespace paiban
