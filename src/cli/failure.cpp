#include "cli/failure.hpp"

#include <iostream>
#include <new>

#include "cli/diagnostic_printer.hpp"
#include "paiban/pdf.hpp"

namespace paiban::cli {

Failure describe_failure(std::exception_ptr error) {
  try {
    std::rethrow_exception(error);
  } catch (const InputError& e) {
    return {kInvalidInput, e.where(), e.message()};
  } catch (const OutputError& e) {
    return {kOutputNotWritten, {}, e.what()};
  } catch (const std::bad_alloc&) {
    return {kInternalError, {}, "out of memory"};
  } catch (const std::exception& e) {
    return {kInternalError, {}, e.what()};
  } catch (...) {
    return {kInternalError, {}, "unknown exception"};
  }
}

int report_failure(const Failure& failure) {
  switch (failure.code) {
    case kInvalidInput:
      report_error(InputError(failure.where, failure.message));
      break;
    case kOutputNotWritten:
      std::cerr << "paiban: error: " << failure.message << "\n";
      break;
    default:
      std::cerr << "paiban: internal error: " << failure.message << "\n";
      break;
  }
  return failure.code;
}

}  // namespace paiban::cli
