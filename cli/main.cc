// chronik: German temporal expressions, normalized to TIMEX3, and the timelines they make.
#include <cstdio>

#include "options.h"
#include "run.h"

int main(int argc, char** argv) {
  chronik::cli::Options options;
  std::string error;
  if (!chronik::cli::parse_options(argc, argv, &options, &error)) {
    std::fprintf(stderr, "chronik: %s (try 'chronik --help')\n", error.c_str());
    return chronik::cli::kExitUsage;
  }
  return chronik::cli::run(options);
}
