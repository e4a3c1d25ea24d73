// Attaching host threads to a Host's interpreter (see host_threads.hpp).
#include "interp/host/host_threads.hpp"

#include <pthread.h>

#include <memory>
#include <vector>

#include "runtime/interpreter.hpp"

namespace gilt {

namespace {

struct Attachment {
    Interpreter* interp;
    std::unique_ptr<ThreadState> ts;
    int depth;
};

// This thread's attachments, one per interpreter it is calling into now.
thread_local std::vector<Attachment> t_attachments;

Attachment* find_attachment(Interpreter& interp) noexcept {
    for (Attachment& a : t_attachments) {
        if (a.interp == &interp) return &a;
    }
    return nullptr;
}

}  // namespace

ThreadState* attached_thread_state(Interpreter& interp) noexcept {
    Attachment* a = find_attachment(interp);
    return a != nullptr ? a->ts.get() : nullptr;
}

ThreadState* host_thread_enter(Interpreter& interp, const ThreadState& owner) {
    if (owner.ident == static_cast<uint64_t>(pthread_self())) return nullptr;
    if (Attachment* a = find_attachment(interp)) {
        ++a->depth;
        return a->ts.get();
    }
    // Made on this thread (it records its stack bounds), registered with the
    // interpreter before it waits for the GIL, as a thread the script starts.
    auto ts = std::make_unique<ThreadState>(interp, "Dummy-host");
    ts->host_entered = true;
    interp.gil.take(ts->gil_thread);
    ThreadState* raw = ts.get();
    t_attachments.push_back(Attachment{&interp, std::move(ts), 1});
    return raw;
}

void host_thread_leave(Interpreter& interp, ThreadState* ts) noexcept {
    if (ts == nullptr) return;
    Attachment* a = find_attachment(interp);
    if (a == nullptr || --a->depth > 0) return;
    std::unique_ptr<ThreadState> owned = std::move(a->ts);
    std::erase_if(t_attachments, [&](const Attachment& x) { return x.interp == &interp; });
    // With the GIL (the outermost enter took it and every inner level gave
    // it back): the thread state's references go, then the GIL.
    if (!interp.gil.is_held_by(owned->gil_thread)) interp.gil.take(owned->gil_thread);
    clear_ref(owned->exc);
    clear_ref(owned->exc_info);
    clear_ref(owned->async_exc);
    clear_ref(owned->thread_local_dicts);
    clear_ref(owned->context);
    // Not reported to -X gilstats as a finished thread: a host calling in a
    // million times would keep a million rows.
    interp.gil.drop(owned->gil_thread);
    owned.reset();
}

}  // namespace gilt
