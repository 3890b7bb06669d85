// render --watch: a change re-renders; a broken edit keeps the last good PDF.
#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <thread>

#include "e2e/run_command.hpp"

namespace paiban::test {
namespace {

std::string manifest_with(const std::string& paragraph) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<issue version=\"1\" date=\"2017-06-15\">\n  <title>监视</title>\n  "
         "<publisher>出版者</publisher>\n"
         "  <section title=\"栏目\"><article><heading>标题</heading><p>" +
         paragraph + "</p></article></section>\n</issue>\n";
}

bool wait_for(const std::function<bool()>& done, int seconds) {
  auto until = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  while (std::chrono::steady_clock::now() < until) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return done();
}

TEST(CommandLineWatch, RerendersOnChangeAndKeepsTheLastGoodPdf) {
  auto dir = temp_dir("watch");
  auto manifest = dir / "issue.xml";
  auto pdf = dir / "out.pdf";
  auto log = dir / "watch.log";
  std::ofstream(manifest) << manifest_with("第一版");
  // Three renders: the first, a broken edit, a fixed edit; then it exits.
  std::thread watcher([&] {
    run_command("( exec 2> " + shell_quote(log.string()) + "; timeout 60 " +
                paiban("render " + shell_quote(manifest.string()) + " -o " +
                       shell_quote(pdf.string()) + " --watch --watch-renders 3") +
                " )");
  });
  // Whatever happens below, the watcher is stopped and joined.
  struct Joiner {
    std::thread& thread;
    std::string manifest_path;
    ~Joiner() {
      if (thread.joinable()) {
        run_command("pkill -f " + shell_quote(manifest_path));
        thread.join();
      }
    }
  } joiner{watcher, manifest.string()};
  ASSERT_TRUE(wait_for([&] { return std::filesystem::exists(pdf); }, 30));
  std::string first = read_file(pdf);
  ASSERT_TRUE(wait_for([&] { return read_file(log).find("watching") != std::string::npos; }, 30));

  std::ofstream(manifest) << "<issue version=\"1\" date=\"2017-13-01\">";  // broken
  ASSERT_TRUE(wait_for(
      [&] { return read_file(log).find("kept the last good PDF") != std::string::npos; }, 30))
      << read_file(log);
  EXPECT_EQ(read_file(pdf), first);

  std::ofstream(manifest) << manifest_with("第二版，内容已经改变");
  watcher.join();
  EXPECT_NE(read_file(pdf), first);
  std::string text = run_command("pdftotext " + shell_quote(pdf.string()) + " -").output;
  EXPECT_NE(text.find("第二版"), std::string::npos) << text;
  EXPECT_NE(read_file(log).find("changed"), std::string::npos);
}

}  // namespace
}  // namespace paiban::test
