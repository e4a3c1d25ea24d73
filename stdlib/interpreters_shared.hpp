// What crosses between interpreters: copies of shareable objects, queues,
// and the sub-interpreters themselves (the native half of
// concurrent.interpreters, module `_interpreters`).
//
// Objects never cross interpreters (their refcounts are not atomic and each
// interpreter has its own GIL), so what one interpreter hands another is a
// SharedValue: a plain C++ copy of a shareable object (None, bool, int,
// float, str, bytes, tuples of those, and queue references), made while the
// sender holds its GIL and turned back into objects by the receiver while it
// holds its own. Anything else is pickled by the Python layer first and
// travels as bytes. A SharedValue touches no interpreter, so it may be
// created, moved and destroyed on any thread with or without a GIL.
//
// The layout of the state (CPython keeps the same things runtime-wide; here
// they hang off a group, since gilt has no global interpreter state):
//
//   InterpreterGroup            one per interpreter tree: the interpreter a
//                               host made (id 0) and every one created from
//                               it or from its descendants
//     SubInterpreter*           one per interpreters.create(): an
//                               Interpreter with its own GIL, owned by a
//                               worker OS thread that runs calls into it
//     SharedQueue*              one per interpreters.create_queue()
//
// Every interpreter of a group finds the group through its module_state
// entry "_interpreters" (an InterpreterLink). The root's link closes every
// sub-interpreter of the group when the root is torn down.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "runtime/interpreter.hpp"
#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"

namespace gilt {

struct SharedValue {
    enum class Kind : std::uint8_t {
        None,
        False,
        True,
        Int,
        BigInt,
        Float,
        Str,
        Bytes,
        Tuple,
        Queue
    };
    Kind kind = Kind::None;
    std::int64_t integer = 0;        // Int; Queue: the queue's id
    double number = 0;               // Float
    std::string text;                // BigInt (hex digits), Str (UTF-8), Bytes
    std::vector<SharedValue> items;  // Tuple
};

// Is `v` shareable as itself (not by pickling)? Exact types only, as in
// CPython: a subclass of int is not shareable.
bool is_shareable(ThreadState& ts, Value v);
// Copies `v` into *out; false with NotShareableError (a TypeError) pending
// when it is not shareable.
[[nodiscard]] bool to_shared(ThreadState& ts, Value v, SharedValue* out);
// The object for `sv` in the interpreter of `ts` (a new reference, or null
// with an exception pending).
Value from_shared(ThreadState& ts, const SharedValue& sv);

// A queue of SharedValues with an optional bound, usable from any thread of
// any interpreter of its group. put/get release the caller's GIL while they
// wait. `m_mutex` guards the items; it is never held while taking a GIL.
class SharedQueue {
public:
    explicit SharedQueue(std::int64_t maxsize) : m_maxsize(maxsize) {}
    enum class Status { Ok, Empty, Full };
    // timeout < 0: wait as long as needed; 0: do not wait.
    Status put(ThreadState& ts, SharedValue item, double timeout);
    Status get(ThreadState& ts, SharedValue* out, double timeout);
    std::size_t size();
    std::int64_t maxsize() const noexcept { return m_maxsize; }

private:
    bool full_locked() const noexcept {
        return m_maxsize > 0 && m_items.size() >= static_cast<std::size_t>(m_maxsize);
    }
    const std::int64_t m_maxsize;
    std::mutex m_mutex;
    std::condition_variable m_not_empty;
    std::condition_variable m_not_full;
    std::deque<SharedValue> m_items;
};

class InterpreterGroup;

// One interpreter made by interpreters.create(). Its Interpreter is created,
// used and destroyed on its worker thread, which holds the interpreter's
// main ThreadState (a ThreadState belongs to the OS thread that made it).
// A call into the interpreter is a request the worker runs while the
// caller waits with its own GIL released; the two GILs are never held by
// one thread at once, so interpreters cannot deadlock on each other.
//
// States: Starting -> Idle <-> Running, then Idle -> Closing -> Closed.
// `m_mutex` guards the state, the request and the reply.
class SubInterpreter {
public:
    SubInterpreter(std::int64_t id, std::shared_ptr<InterpreterGroup> group,
                   InterpreterConfig config);
    ~SubInterpreter();
    SubInterpreter(const SubInterpreter&) = delete;
    SubInterpreter& operator=(const SubInterpreter&) = delete;

    // Starts the worker and waits (GIL released) until the interpreter
    // exists. False with RuntimeError pending if it could not start.
    [[nodiscard]] bool start(ThreadState& caller);

    enum class RunStatus { Ok, Busy, Closed };
    // Runs concurrent.interpreters._crossinterp.<function>(arg) in this
    // interpreter; its result is copied into *reply. The helper turns the
    // exceptions of the code it runs into values, so a reply is the normal
    // outcome; Busy when the interpreter is already running something.
    RunStatus run(ThreadState& caller, const std::string& function, SharedValue arg,
                  SharedValue* reply);
    bool is_running();
    // Finalizes the interpreter (its threading shutdown, atexit handlers)
    // and destroys it. False when it is running. `caller` may be null (the
    // group's tear-down, no GIL to release).
    bool close(ThreadState* caller);
    std::int64_t id() const noexcept { return m_id; }

private:
    enum class State { Starting, Idle, Running, Closing, Closed };
    void worker_main();
    void serve(ThreadState& ts);
    void run_request(ThreadState& ts);
    void finalize(std::unique_ptr<Interpreter> interp);

    const std::int64_t m_id;
    std::shared_ptr<InterpreterGroup> m_group;
    InterpreterConfig m_config;
    std::thread m_worker;

    std::mutex m_mutex;
    std::condition_variable m_cond;  // state changes and replies
    State m_state = State::Starting;
    bool m_start_failed = false;
    std::string m_function;  // the request
    SharedValue m_arg;
    bool m_replied = false;  // the reply
    SharedValue m_reply;
};

class InterpreterGroup {
public:
    // Creates a sub-interpreter configured like `creator`'s interpreter
    // (its sys.path, -X options and output sinks). New id, or -1 with an
    // exception pending.
    std::int64_t create(ThreadState& creator);
    std::shared_ptr<SubInterpreter> find(std::int64_t id);
    void forget(std::int64_t id);
    std::vector<std::int64_t> ids();
    // Closes every sub-interpreter that is not running (at the root's
    // tear-down, after its own threads ended).
    void close_all();

    std::int64_t create_queue(std::int64_t maxsize);
    std::shared_ptr<SharedQueue> find_queue(std::int64_t id);

private:
    std::mutex m_mutex;  // guards the maps and counters
    std::int64_t m_next_id = 1;
    std::map<std::int64_t, std::shared_ptr<SubInterpreter>> m_interps;
    std::int64_t m_next_queue = 1;
    std::map<std::int64_t, std::shared_ptr<SharedQueue>> m_queues;
};

// What an interpreter keeps in module_state["_interpreters"].
struct InterpreterLink {
    std::shared_ptr<InterpreterGroup> group;
    std::int64_t id = 0;  // 0: the root of the group
    ~InterpreterLink();
};

// The link of `ts`'s interpreter; an interpreter without one becomes the
// root of a new group.
InterpreterLink& interpreter_link(ThreadState& ts);

}  // namespace gilt
