// Runs a parsed chronik command: reads documents, calls the engine, writes the results.
#ifndef CHRONIK_CLI_RUN_H_
#define CHRONIK_CLI_RUN_H_

#include "options.h"

namespace chronik::cli {

// Returns the process exit code: kExitOk, kExitFailedDocuments or kExitUsage.
int run(const Options& options);

}  // namespace chronik::cli

#endif  // CHRONIK_CLI_RUN_H_
