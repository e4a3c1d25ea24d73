// The Host's side of the sandbox (runtime/sandbox.hpp): Options::sandbox
// turned into the runtime's SandboxConfig at start-up.
#pragma once

#include <gilt/gilt.hpp>

#include "runtime/thread_state.hpp"

namespace gilt {

// Makes the Host's new interpreter a sandbox. false with an exception
// pending.
[[nodiscard]] bool install_sandbox(ThreadState& ts, const SandboxOptions& options);

}  // namespace gilt
