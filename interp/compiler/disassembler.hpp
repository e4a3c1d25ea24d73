// A readable listing of a code object's instructions (and of the code
// objects among its constants), for tests and debugging.
#pragma once

#include <string>

#include "runtime/code.hpp"
#include "runtime/thread_state.hpp"

namespace gilt {

std::string disassemble(ThreadState& ts, const CodeObject* code);

}  // namespace gilt
