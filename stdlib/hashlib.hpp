// What the hash objects of _hashlib (hashlib.cpp, over OpenSSL's EVP) and
// _blake2 (blake2.cpp) share: how their input is read and how an update of
// a large input runs without the GIL.
//
// Each hash object carries its own mutex (stdlib/object_lock.hpp): an
// update of kHashGilMinSize bytes or more releases the GIL, so another
// thread may call update, digest or copy on the same object meanwhile.
#pragma once

#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>

#include "runtime/bytes.hpp"
#include "runtime/errors.hpp"
#include "runtime/gil.hpp"
#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"
#include "stdlib/object_lock.hpp"

namespace gilt {

// CPython's HASHLIB_GIL_MINSIZE: smaller inputs hash faster than a GIL
// hand-off takes.
inline constexpr std::size_t kHashGilMinSize = 2048;

// The bytes a hash constructor or update() reads from `v` (borrowed view,
// valid while `v` lives). A str is "Strings must be encoded before
// hashing", anything without bytes "object supporting the buffer API
// required" (TypeError both, as CPython's GET_BUFFER_VIEW_OR_ERROUT).
[[nodiscard]] bool hash_data_view(ThreadState& ts, Value v, std::string_view* out);

// Runs `feed(data)` with the object's mutex held; for a large input also
// with the GIL released. `source` is the object `data` views: a bytearray
// could be resized by another thread once the GIL is gone, so its bytes are
// copied first (a bytes is immutable and the caller holds it). False with
// MemoryError pending when that copy cannot be made.
template <class Feed>
[[nodiscard]] bool hash_feed(ThreadState& ts, Value source, std::string_view data,
                             std::mutex& mutex, Feed feed) {
    if (data.size() < kHashGilMinSize) {
        ObjectLock guard(ts, mutex);
        feed(data);
        return true;
    }
    std::string copy;
    if (!is_bytes(source)) {
        if (!check_alloc_size(ts, data.size())) return false;
        copy.assign(data);
        data = copy;
    }
    GilRelease released(ts);
    std::lock_guard guard(mutex);
    feed(data);
    return true;
}

// Lower-case hex of `data` (hexdigest).
Value hash_hex(ThreadState& ts, std::string_view data);

}  // namespace gilt
