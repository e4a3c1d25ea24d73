// The `gilt` command. Everything it does is in interp/cli.cpp, on top of
// the embedding API.
#include "interp/cli.hpp"

int main(int argc, char** argv) { return gilt::cli_main(argc, argv); }
