// The cycle collector: trial deletion over the list of tracked containers
// (CPython's Modules/gcmodule.c, without generations).
//
// Invariants and why:
//  - Nothing here runs Python code until the unreachable set is known and
//    every object in it holds one extra reference (taken by `collect`).
//    That reference keeps the whole set alive while finalizers and clear
//    slots run, however those slots drop references among themselves, so
//    the snapshot never points at freed memory; dropping the extra
//    references at the end is what frees the garbage.
//  - GcHead::gc_refs is scratch space, valid only inside one collection.
//    After subtracting internal references it counts the references from
//    outside the tracked set; kReachable then marks objects proven alive.
//  - `collecting` makes the collector non-reentrant: allocations made by
//    finalizers or by deallocation during the clear phase never start a
//    nested collection.
//  - The pending exception is set aside while finalizers and clear slots
//    run (they may raise, or run code that must not see it) and restored.
#include "runtime/gc.hpp"

#include <climits>
#include <unordered_set>
#include <vector>

#include "runtime/abstract.hpp"
#include "runtime/errors.hpp"
#include "runtime/eval_breaker.hpp"
#include "runtime/exception.hpp"
#include "runtime/type.hpp"

namespace gilt {

namespace {

constexpr intptr_t kReachable = INTPTR_MIN;

inline bool is_tracked(Value v) noexcept {
    return v.is_object() && (v.as_object()->flags & kObjGcTracked);
}

void traverse(Object* o, VisitFn visit, void* ctx) {
    if (TraverseSlot t = o->type->traverse) t(o, visit, ctx);
}

// Step 2: a reference from a tracked object is not a reason to be alive.
void visit_decref(Value child, void*) {
    if (is_tracked(child)) --gc_head(child.as_object())->gc_refs;
}

// Step 3: everything a live object refers to is alive.
void visit_mark(Value child, void* ctx) {
    if (!is_tracked(child)) return;
    GcHead* h = gc_head(child.as_object());
    if (h->gc_refs == kReachable) return;
    h->gc_refs = kReachable;
    static_cast<std::vector<Object*>*>(ctx)->push_back(child.as_object());
}

// Marks everything reachable from the objects in `roots` (already marked).
void mark_from(std::vector<Object*>& stack) {
    while (!stack.empty()) {
        Object* o = stack.back();
        stack.pop_back();
        traverse(o, visit_mark, &stack);
    }
}

// Trial deletion: returns the tracked objects reachable only from cycles.
std::vector<Object*> find_unreachable(GcHead& list) {
    for (GcHead* h = list.next; h != &list; h = h->next) h->gc_refs = gc_object(h)->refcnt;
    for (GcHead* h = list.next; h != &list; h = h->next)
        traverse(gc_object(h), visit_decref, nullptr);
    std::vector<Object*> stack;
    // A negative count can only come from a traverse slot that visits more
    // references than it owns; keeping such objects alive is the safe choice.
    for (GcHead* h = list.next; h != &list; h = h->next) {
        if (h->gc_refs != 0) {
            h->gc_refs = kReachable;
            stack.push_back(gc_object(h));
        }
    }
    mark_from(stack);
    std::vector<Object*> garbage;
    for (GcHead* h = list.next; h != &list; h = h->next)
        if (h->gc_refs != kReachable) garbage.push_back(gc_object(h));
    return garbage;
}

// Runs __del__ of unreachable instances that have one and have not run it
// yet. Returns true if any ran.
bool run_finalizers(ThreadState& ts, const std::vector<Object*>& garbage) {
    bool ran = false;
    for (Object* o : garbage) {
        if (!(o->type->flags & kTypeHeap) || (o->flags & kObjDelCalled)) continue;
        Value del = type_lookup(o->type, ts.names().__del__);
        if (del.is_null()) continue;
        o->flags |= kObjDelCalled;
        ran = true;
        Ref keep = Ref::borrow(del);
        Ref r(call_bound_special(ts, del, Value::object(o), Args{}));
        if (!r) write_unraisable(ts, del);
    }
    return ran;
}

struct ResurrectionCtx {
    const std::unordered_set<Object*>* set;
    std::vector<Object*>* stack;
};

void visit_decref_in_set(Value child, void* ctx) {
    auto* c = static_cast<ResurrectionCtx*>(ctx);
    if (is_tracked(child) && c->set->count(child.as_object()))
        --gc_head(child.as_object())->gc_refs;
}

void visit_mark_in_set(Value child, void* ctx) {
    auto* c = static_cast<ResurrectionCtx*>(ctx);
    if (!is_tracked(child) || !c->set->count(child.as_object())) return;
    GcHead* h = gc_head(child.as_object());
    if (h->gc_refs == kReachable) return;
    h->gc_refs = kReachable;
    c->stack->push_back(child.as_object());
}

// After finalizers ran, objects they made reachable again (stored in a
// global, say) must not be cleared: redo trial deletion within the set,
// discounting the collector's own reference. Resurrected objects are
// dropped from `garbage` (and their extra reference released).
void remove_resurrected(std::vector<Object*>& garbage) {
    std::unordered_set<Object*> set(garbage.begin(), garbage.end());
    std::vector<Object*> stack;
    ResurrectionCtx ctx{&set, &stack};
    for (Object* o : garbage) gc_head(o)->gc_refs = static_cast<intptr_t>(o->refcnt) - 1;
    for (Object* o : garbage) traverse(o, visit_decref_in_set, &ctx);
    for (Object* o : garbage) {
        GcHead* h = gc_head(o);
        if (h->gc_refs != 0) {
            h->gc_refs = kReachable;
            stack.push_back(o);
        }
    }
    while (!stack.empty()) {
        Object* o = stack.back();
        stack.pop_back();
        traverse(o, visit_mark_in_set, &ctx);
    }
    std::vector<Object*> still;
    for (Object* o : garbage) {
        if (gc_head(o)->gc_refs == kReachable) {
            decref(o);
        } else {
            still.push_back(o);
        }
    }
    garbage.swap(still);
}

int64_t count_tracked(GcHead& list) {
    int64_t n = 0;
    for (GcHead* h = list.next; h != &list; h = h->next) ++n;
    return n;
}

}  // namespace

int64_t gc_collect(ThreadState& ts) {
    Interpreter::GcState& gc = *ts.interp().gc;
    if (gc.collecting) return 0;
    gc.collecting = true;
    std::vector<Object*> garbage = find_unreachable(gc.tracked);
    for (Object* o : garbage) incref(o);
    Value saved = fetch_exception(ts);
    if (run_finalizers(ts, garbage)) remove_resurrected(garbage);
    for (Object* o : garbage) {
        if (!o->type->clear) continue;
        o->flags |= kObjFinalized;
        o->type->clear(o);
    }
    int64_t found = static_cast<int64_t>(garbage.size());
    for (Object* o : garbage) decref(o);
    clear_exception(ts);  // anything raised while clearing is not the caller's
    restore_exception(ts, saved);
    gc.allocations = 0;
    gc.long_lived = count_tracked(gc.tracked);
    ++gc.collections;
    gc.collected += found;
    gc.collecting = false;
    return found;
}

void gc_schedule(Interpreter& interp) {
    Interpreter::GcState& gc = *interp.gc;
    if (gc.allocations < gc.long_lived / 4) return;
    gc.scheduled = true;
    interp.eval_breaker.fetch_or(kEvalBreakerGc, std::memory_order_relaxed);
}

void gc_maybe_collect(ThreadState& ts) {
    Interpreter& interp = ts.interp();
    Interpreter::GcState& gc = *interp.gc;
    interp.eval_breaker.fetch_and(~kEvalBreakerGc, std::memory_order_relaxed);
    gc.scheduled = false;
    if (gc.enabled && !gc.collecting && gc.allocations > gc.threshold) gc_collect(ts);
}

}  // namespace gilt
