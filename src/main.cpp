// paiban: typesets an issue manifest into a print-ready PDF.
// A thin shell: the work is in the library (src/*), the commands in src/cli/.
#include "cli/commands.hpp"

int main(int argc, char** argv) { return paiban::cli::run(argc, argv); }
