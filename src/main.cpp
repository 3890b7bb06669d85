// paiban command line: a thin shell over the library (see src/cli/).
#include <cstdio>
int main() { std::puts("paiban: not yet"); return 3; }
