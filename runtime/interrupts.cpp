// Host interrupts (see interrupts.hpp).
#include "runtime/interrupts.hpp"

#include <memory>
#include <vector>

#include "runtime/errors.hpp"
#include "runtime/eval_breaker.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/module_state.hpp"
#include "runtime/sandbox.hpp"
#include "runtime/signals.hpp"

namespace gilt {

namespace {

// The exception types interrupts were asked to raise, owned by the
// interpreter (its module state), so no pending interrupt names a freed one.
struct InterruptTypes {
    std::vector<Value> types;
    ~InterruptTypes() {
        for (Value& t : types) clear_ref(t);
    }
};

}  // namespace

void keep_interrupt_type(ThreadState& ts, Value type) {
    auto& kept = module_state<InterruptTypes>(ts.interp(), "gilt.interrupt_types").types;
    for (Value t : kept) {
        if (t == type) return;
    }
    kept.push_back(new_ref(type));
}

void request_host_interrupt(Interpreter& interp, std::uint64_t type_bits) noexcept {
    interp.host_interrupt.type_bits.store(type_bits, std::memory_order_relaxed);
    interp.host_interrupt.pending.store(true, std::memory_order_release);
    interp.eval_breaker.fetch_or(kEvalBreakerInterrupt, std::memory_order_release);
}

bool polls_interrupts(const ThreadState& ts) noexcept {
    return ts.host_entered || &ts == &ts.interp().main_thread();
}

bool interrupt_pending(const ThreadState& ts) noexcept {
    if (signal_pending()) return true;
    if (!ts.host_entered) return false;
    Interpreter& interp = ts.interp();
    if (interp.host_interrupt.pending.load(std::memory_order_relaxed)) return true;
    return interp.sandbox != nullptr && interp.sandbox->deadline_passed();
}

bool take_host_interrupt(ThreadState& ts) {
    if (!ts.host_entered) return true;  // the host's thread takes it
    Interpreter& interp = ts.interp();
    // Cleared before the flag is taken: an interrupt requested meanwhile
    // sets both again and is seen at the next check point.
    interp.eval_breaker.fetch_and(~kEvalBreakerInterrupt, std::memory_order_acquire);
    if (!interp.host_interrupt.pending.exchange(false, std::memory_order_acquire)) return true;
    std::uint64_t bits = interp.host_interrupt.type_bits.load(std::memory_order_relaxed);
    Value type = bits != 0 ? Value::from_bits(bits) : val(ts.exc_types().KeyboardInterrupt);
    raise_object(ts, type);
    return false;
}

bool run_pending_interrupts(ThreadState& ts) {
    if (!run_pending_signals(ts)) return false;
    if (!take_host_interrupt(ts)) return false;
    return !ts.host_entered || sandbox_check_deadline(ts);
}

}  // namespace gilt
