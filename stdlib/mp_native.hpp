// The native parts of multiprocessing, gathered into the `_multiprocessing`
// module by mp_module.cpp:
//   mp_semlock.cpp       SemLock (a POSIX named semaphore shared between
//                        processes) and sem_unlink;
//   mp_shared_array.cpp  SharedArray (a typed array in shared memory that a
//                        forked child sees and a spawned child re-maps);
//   mp_connection.cpp    the framed message I/O of Connection (send_frame,
//                        recv_frame, send_object, recv_object).
// Each file builds its type once per interpreter (kept in module_state).
#pragma once

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"
#include "runtime/type.hpp"

namespace gilt {

TypeObject* semlock_type(Interpreter& interp);
TypeObject* shared_array_type(Interpreter& interp);

// _multiprocessing.sem_unlink(name).
Value mp_sem_unlink(ThreadState& ts, Args args);

// _multiprocessing.send_frame(fd, data), send_frames(fd, list), recv_frame(fd, maxlength=-1),
// send_object(fd, obj), recv_object(fd): one message each way
// (mp_connection.cpp).
Value mp_send_frame(ThreadState& ts, Args args);
Value mp_send_frames(ThreadState& ts, Args args);
Value mp_recv_frame(ThreadState& ts, Args args);
Value mp_send_object(ThreadState& ts, Args args);
Value mp_recv_object(ThreadState& ts, Args args);

// An int argument converted like CPython's C `int` converter: ints and
// __index__ objects; OverflowError "Python int too large to convert to C
// int" outside its range. False with the exception pending.
[[nodiscard]] bool c_int_arg(ThreadState& ts, Value v, int* out);

}  // namespace gilt
