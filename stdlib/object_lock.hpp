// The per-object mutex of native objects whose methods release the GIL
// while they work on the object's own state (the hash objects of _hashlib
// and _blake2, zlib's Compress and Decompress), as CPython's ENTER_HASHLIB
// and zlib's per-object lock do: with the GIL gone, another thread may call
// a method of the same object, and the mutex serialises them.
//
// The mutex is only ever taken with the GIL held when it is free
// (try_lock); otherwise the GIL is released first, so a thread waiting for
// a busy object never stops the other threads, and a thread that holds the
// mutex never needs the GIL to finish: no lock-order cycle.
#pragma once

#include <mutex>

#include "runtime/gil.hpp"
#include "runtime/thread_state.hpp"

namespace gilt {

class ObjectLock {
public:
    ObjectLock(ThreadState& ts, std::mutex& m) : m_mutex(m) {
        if (!m_mutex.try_lock()) {
            GilRelease released(ts);
            m_mutex.lock();
        }
    }
    ~ObjectLock() { m_mutex.unlock(); }
    ObjectLock(const ObjectLock&) = delete;
    ObjectLock& operator=(const ObjectLock&) = delete;

private:
    std::mutex& m_mutex;
};

}  // namespace gilt
