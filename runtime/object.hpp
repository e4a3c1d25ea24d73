// The header every heap object starts with, and reference counting.
//
// Reference counts are plain (non-atomic) 32-bit integers. That is the point
// of the GIL: only the thread holding its interpreter's GIL touches objects,
// so a refcount change is one add, not a locked instruction. Objects never
// cross interpreters, and each interpreter has its own GIL.
//
// Ownership convention (CPython's): a function returning Value returns a NEW
// reference unless its comment says "borrowed"; arguments are borrowed. The
// null Value means an exception is pending on the ThreadState. `Ref` is the
// RAII owner for code that holds references across several fallible steps.
//
// Container objects (anything that can reference other objects) are allocated
// with a GcHead in front of them and linked into their interpreter's list of
// tracked objects, so the cycle collector (runtime/gc.hpp) can find them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>

#include "runtime/value.hpp"

namespace gilt {

struct TypeObject;

// The concrete layout of an object. Subclasses of builtin types keep the
// kind of their builtin base (a `class L(list)` instance is a ListObject).
enum class ObjKind : uint8_t {
    Native,  // layout known only to its type's slots (iterators, descriptors, ...)
    Int,     // bigint (small ints are tagged Values)
    Float,
    Complex,
    Str,
    Bytes,
    ByteArray,
    List,
    Tuple,
    Dict,
    Set,
    FrozenSet,
    Range,
    Slice,
    Type,
    Function,
    NativeFunction,
    BoundMethod,
    Code,
    Cell,
    Module,
    Exception,
    Generator,
    Coroutine,
    AsyncGenerator,
    Instance,  // a plain user class instance: the header and a __dict__
    Property,
    ClassMethod,
    StaticMethod,
};

enum ObjFlags : uint8_t {
    kObjGcTracked = 1u << 0,  // has a GcHead in front (a container; whether it is on a
                              // generation list right now: gc_is_tracked, runtime/gc.hpp)
    kObjInterned = 1u << 1,   // str: is the interned copy
    kObjFinalized = 1u << 2,  // gc: tp_clear already ran
    kObjBasicSize = 1u << 5,  // gc object allocated at its type's basicsize (its block may be
                              // recycled through the type's gc_freelist, see heap.cpp)
};

struct Object {
    uint32_t refcnt;
    ObjKind kind;
    uint8_t flags;
    uint16_t aux;  // per-kind spare bits (str: ascii flag, ...)
    TypeObject* type;
};

static_assert(sizeof(Object) == 16);

// Frees an object whose count reached zero: its type's dealloc slot.
void dealloc_object(Object* o) noexcept;

// The reference-count operations are forced inline: they are a few
// instructions each, and in a function as large as the eval loop the
// compiler otherwise gives up inlining them and pays a call per use.
[[gnu::always_inline]] inline void incref(Object* o) noexcept {
    ++o->refcnt;
}
[[gnu::always_inline]] inline void decref(Object* o) noexcept {
    if (--o->refcnt == 0) dealloc_object(o);
}
[[gnu::always_inline]] inline void incref(Value v) noexcept {
    if (v.is_object()) ++v.as_object()->refcnt;
}
[[gnu::always_inline]] inline void decref(Value v) noexcept {
    if (v.is_object()) decref(v.as_object());
}
// new_ref for a value known not to be null.
[[gnu::always_inline]] inline Value new_ref_nonnull(Value v) noexcept {
    if (v.is_object_nonnull()) ++v.as_object()->refcnt;
    return v;
}
// Returns v with one more reference (for `return new_ref(borrowed);`).
[[gnu::always_inline]] inline Value new_ref(Value v) noexcept {
    incref(v);
    return v;
}
template <class T>
inline T* new_ref(T* o) noexcept {
    incref(reinterpret_cast<Object*>(o));
    return o;
}
// Replace an owned slot, releasing the old value after the store (a decref can
// run arbitrary code, which must not see the slot half-updated).
inline void set_ref(Value& slot, Value v) noexcept {
    Value old = slot;
    slot = v;
    decref(old);
}
inline void clear_ref(Value& slot) noexcept {
    set_ref(slot, Value());
}

// Owning handle: releases its reference when it goes out of scope.
class Ref {
public:
    Ref() noexcept = default;
    // Takes ownership of a new reference (possibly null).
    explicit Ref(Value v) noexcept : m_v(v) {}
    static Ref borrow(Value v) noexcept { return Ref(new_ref(v)); }
    Ref(const Ref& o) noexcept : m_v(new_ref(o.m_v)) {}
    Ref(Ref&& o) noexcept : m_v(std::exchange(o.m_v, Value())) {}
    Ref& operator=(Ref o) noexcept {
        std::swap(m_v, o.m_v);
        return *this;
    }
    ~Ref() { decref(m_v); }

    Value get() const noexcept { return m_v; }
    Value operator*() const noexcept { return m_v; }
    explicit operator bool() const noexcept { return !m_v.is_null(); }
    bool is_null() const noexcept { return m_v.is_null(); }
    // Gives up ownership: the caller now owns the reference.
    [[nodiscard]] Value release() noexcept { return std::exchange(m_v, Value()); }
    void reset(Value v = Value()) noexcept { set_ref(m_v, v); }

private:
    Value m_v;
};

template <class T>
inline T* as(Value v) noexcept {
    return reinterpret_cast<T*>(v.as_object());
}
template <class T>
inline Value val(T* o) noexcept {
    return Value::object(reinterpret_cast<const Object*>(o));
}

}  // namespace gilt
