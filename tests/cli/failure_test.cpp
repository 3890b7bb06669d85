// One mapping from exceptions to messages and exit codes for every command.
#include "cli/failure.hpp"

#include <gtest/gtest.h>

#include <new>
#include <stdexcept>

#include "paiban/pdf.hpp"

namespace paiban::cli {
namespace {

template <typename E>
Failure failure_of(E error) {
  try {
    throw error;
  } catch (...) {
    return describe_failure(std::current_exception());
  }
}

TEST(CliFailure, InvalidInputKeepsItsLocationAndExits2) {
  Failure failure = failure_of(InputError({"issue.xml", 3, 7}, "unknown element <x>"));
  EXPECT_EQ(failure.code, kInvalidInput);
  EXPECT_EQ(failure.code, 2);
  EXPECT_EQ(to_string(failure.where), "issue.xml:3:7");
  EXPECT_EQ(failure.message, "unknown element <x>");
}

TEST(CliFailure, OutputNotWrittenExits3) {
  Failure failure = failure_of(OutputError("out.pdf: writing failed: disk full"));
  EXPECT_EQ(failure.code, kOutputNotWritten);
  EXPECT_EQ(failure.code, 3);
  EXPECT_EQ(failure.message, "out.pdf: writing failed: disk full");
}

TEST(CliFailure, AnythingElseIsAnInternalErrorWithItsOwnCode) {
  EXPECT_EQ(failure_of(std::logic_error("bug")).code, kInternalError);
  EXPECT_EQ(failure_of(std::logic_error("bug")).message, "bug");
  EXPECT_EQ(failure_of(std::bad_alloc()).message, "out of memory");
  EXPECT_EQ(failure_of(42).message, "unknown exception");
  EXPECT_EQ(kInternalError, 4);
  // Every code is distinct: a script can tell the cases apart.
  EXPECT_NE(kInternalError, kOutputNotWritten);
  EXPECT_NE(kInternalError, kInvalidInput);
}

TEST(CliFailure, GuardedReturnsTheBodysCodeOrTheFailuresCode) {
  EXPECT_EQ(guarded([] { return 0; }), kDone);
  testing::internal::CaptureStderr();
  int code = guarded([]() -> int { throw std::runtime_error("libharu said 0x1025"); });
  std::string printed = testing::internal::GetCapturedStderr();
  EXPECT_EQ(code, kInternalError);
  EXPECT_EQ(printed, "paiban: internal error: libharu said 0x1025\n");
  testing::internal::CaptureStderr();
  code = guarded([]() -> int { throw OutputError("x.pdf: cannot replace it"); });
  printed = testing::internal::GetCapturedStderr();
  EXPECT_EQ(code, kOutputNotWritten);
  EXPECT_EQ(printed, "paiban: error: x.pdf: cannot replace it\n");
}

}  // namespace
}  // namespace paiban::cli
