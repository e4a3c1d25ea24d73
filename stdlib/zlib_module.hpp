// What zlib_module.cpp shares with other native modules.
#pragma once

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"
#include "runtime/type.hpp"

namespace gilt {

// crc32(data, value=0): zlib.crc32, which binascii.crc32 is too.
Value zlib_crc32(ThreadState& ts, Args args);

}  // namespace gilt
