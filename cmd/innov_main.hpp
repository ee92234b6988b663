// The whole program as a function, so tests can run it in-process.
#pragma once

// Parses argv, runs the command, prints to std::cout / std::cerr, returns the exit code
// (0 ok, 1 data, 2 usage, 4 environment). Never throws.
int innov_main(int argc, char** argv);
