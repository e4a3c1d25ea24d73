// The tagged word every Python value travels in.
//
// A Value is one 64-bit word. Most values the interpreter touches in a hot loop
// are small integers, None and booleans, so those never allocate and never
// touch a reference count:
//
//   bits ...xxxx1   small int: the value is (int64_t)bits >> 1 (63-bit range)
//   bits ...xx010   immediate constant: None, False, True, NotImplemented, Ellipsis
//                   (the payload is bits >> 3)
//   bits ...xx000   pointer to a heap Object (8-byte aligned); 0 is the null Value
//
// The null Value is not a Python object. It means "no value": a runtime
// function that returns null has left an exception pending on the ThreadState
// (CPython's NULL-return convention), and an unbound local is null.
//
// Integers outside the small range are heap bigints (runtime/int.hpp); every
// arithmetic path normalises back to a small int when the result fits, so a
// bigint object always holds a value outside [kSmallMin, kSmallMax].
#pragma once

#include <cstdint>

namespace gilt {

struct Object;

class Value {
public:
    static constexpr int64_t kSmallMin = -(int64_t(1) << 62);
    static constexpr int64_t kSmallMax = (int64_t(1) << 62) - 1;

    constexpr Value() noexcept : m_bits(0) {}

    static constexpr Value null() noexcept { return Value(); }
    static constexpr bool fits_small(int64_t v) noexcept {
        return v >= kSmallMin && v <= kSmallMax;
    }
    // Precondition: fits_small(v). Use make_int() (runtime/int.hpp) for any int64.
    static constexpr Value small_int(int64_t v) noexcept {
        return Value((static_cast<uint64_t>(v) << 1) | 1u);
    }
    static Value object(const Object* o) noexcept { return Value(reinterpret_cast<uint64_t>(o)); }
    static constexpr Value none() noexcept { return Value(immediate(kNone)); }
    static constexpr Value boolean(bool b) noexcept { return Value(immediate(b ? kTrue : kFalse)); }
    static constexpr Value true_() noexcept { return Value(immediate(kTrue)); }
    static constexpr Value false_() noexcept { return Value(immediate(kFalse)); }
    static constexpr Value not_implemented() noexcept { return Value(immediate(kNotImplemented)); }
    static constexpr Value ellipsis() noexcept { return Value(immediate(kEllipsis)); }
    static constexpr Value from_bits(uint64_t bits) noexcept { return Value(bits); }

    constexpr bool is_null() const noexcept { return m_bits == 0; }
    constexpr explicit operator bool() const noexcept { return m_bits != 0; }
    constexpr bool is_small_int() const noexcept { return (m_bits & 1u) != 0; }
    constexpr bool is_object() const noexcept { return (m_bits & 7u) == 0 && m_bits != 0; }
    // is_object() for a value known not to be null (a local already checked,
    // a constant): one test instead of two on the hottest paths.
    constexpr bool is_object_nonnull() const noexcept { return (m_bits & 7u) == 0; }
    constexpr bool is_immediate() const noexcept { return (m_bits & 7u) == 2u; }
    constexpr bool is_none() const noexcept { return m_bits == immediate(kNone); }
    constexpr bool is_bool() const noexcept {
        return m_bits == immediate(kTrue) || m_bits == immediate(kFalse);
    }
    constexpr bool is_true() const noexcept { return m_bits == immediate(kTrue); }
    constexpr bool is_false() const noexcept { return m_bits == immediate(kFalse); }
    constexpr bool is_not_implemented() const noexcept {
        return m_bits == immediate(kNotImplemented);
    }
    constexpr bool is_ellipsis() const noexcept { return m_bits == immediate(kEllipsis); }

    constexpr int64_t as_small_int() const noexcept { return static_cast<int64_t>(m_bits) >> 1; }
    Object* as_object() const noexcept { return reinterpret_cast<Object*>(m_bits); }
    constexpr uint64_t bits() const noexcept { return m_bits; }
    // Payload of an immediate: 0 None, 1 False, 2 True, 3 NotImplemented, 4 Ellipsis.
    constexpr uint64_t immediate_payload() const noexcept { return m_bits >> 3; }

    // Identity (Python's `is`).
    friend constexpr bool operator==(Value a, Value b) noexcept { return a.m_bits == b.m_bits; }
    friend constexpr bool operator!=(Value a, Value b) noexcept { return a.m_bits != b.m_bits; }

    static constexpr uint64_t kNone = 0, kFalse = 1, kTrue = 2, kNotImplemented = 3, kEllipsis = 4;

private:
    explicit constexpr Value(uint64_t bits) noexcept : m_bits(bits) {}
    static constexpr uint64_t immediate(uint64_t payload) noexcept { return (payload << 3) | 2u; }

    uint64_t m_bits;
};

static_assert(sizeof(Value) == 8);

}  // namespace gilt
