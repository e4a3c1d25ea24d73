// The `gilt` command. Everything it does is in interp/host/cli.cpp, on top of
// the embedding API.
#include "interp/host/cli.hpp"

int main(int argc, char** argv) {
    return gilt::cli_main(argc, argv);
}
