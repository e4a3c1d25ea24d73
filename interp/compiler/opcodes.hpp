// The instruction set. The table itself, one commented row per opcode with
// its stack effect, cache words and operand kind, grouped by the file that
// implements it, is opcodes.inc; this header turns it into the Op enum and
// the per-opcode arrays the eval loop, compiler and disassembler read.
//
// The machine is a stack machine with CPython 3.11's calling layout: a call
// site pushes the callable, then `self` or NULL (LOAD_METHOD pushes the
// unbound method and the receiver; PUSH_NULL marks a plain call), then the
// arguments; CALL n consumes all of it and pushes the result.
#pragma once

#include <cstdint>

#include "runtime/code.hpp"

namespace gilt {

inline constexpr int kVar = 1000;

// What an instruction's argument means (the operand column of opcodes.inc).
enum class Operand : uint8_t {
    None,
    Const,
    Local,
    Name,
    Cell,
    Jump,
    Count,
    BinOp,
    InplaceOp,
    Compare,
    Depth,
    Flags
};

enum class Op : uint8_t {
#define GILT_OP(name, effect, cache, operand) name,
#include "interp/compiler/opcodes.inc"
#undef GILT_OP
};

inline constexpr int kOpCount = 0
#define GILT_OP(name, effect, cache, operand) +1
#include "interp/compiler/opcodes.inc"
#undef GILT_OP
    ;

inline constexpr const char* kOpNames[] = {
#define GILT_OP(name, effect, cache, operand) #name,
#include "interp/compiler/opcodes.inc"
#undef GILT_OP
};

inline constexpr int kOpEffects[] = {
#define GILT_OP(name, effect, cache, operand) effect,
#include "interp/compiler/opcodes.inc"
#undef GILT_OP
};

inline constexpr int kOpCacheWords[] = {
#define GILT_OP(name, effect, cache, operand) cache,
#include "interp/compiler/opcodes.inc"
#undef GILT_OP
};

// InlineCache slots (runtime/code.hpp) an instruction with a cache word
// owns: one, or kAttrCacheWays for the polymorphic attribute sites.
constexpr uint32_t cache_entries(Op op) noexcept {
    if (!kOpCacheWords[static_cast<int>(op)]) return 0;
    bool attr = op == Op::LOAD_ATTR || op == Op::LOAD_METHOD || op == Op::STORE_ATTR ||
                op == Op::STORE_ATTR_AUG;
    return attr ? kAttrCacheWays : 1;
}

inline constexpr Operand kOpOperands[] = {
#define GILT_OP(name, effect, cache, operand) Operand::operand,
#include "interp/compiler/opcodes.inc"
#undef GILT_OP
};

inline constexpr Operand operand_of(Op op) {
    return kOpOperands[static_cast<int>(op)];
}

// CALL's argument: the argument count in the low 16 bits, and this bit for
// a call with no self-or-NULL slot ([callable, arg]: a decorator applied).
inline constexpr uint32_t kCallNoSelfSlot = 1u << 16;

// Flags of MAKE_FUNCTION's argument: which optional parts are on the stack
// (below the code object, in this order).
enum MakeFunctionFlags : uint32_t {
    kMakeDefaults = 1u << 0,
    kMakeKwDefaults = 1u << 1,
    kMakeAnnotations = 1u << 2,
    kMakeClosure = 1u << 3,
};

// FORMAT_VALUE: low 2 bits conversion, bit 2 "a spec is on the stack".
enum FormatValueFlags : uint32_t {
    kFormatNone = 0,
    kFormatStr = 1,
    kFormatRepr = 2,
    kFormatAscii = 3,
    kFormatConvMask = 3,
    kFormatHasSpec = 4,
};

inline constexpr uint32_t encode(Op op, uint32_t arg) {
    return static_cast<uint32_t>(op) | (arg << 8);
}
inline constexpr Op op_of(uint32_t word) {
    return static_cast<Op>(word & 0xFF);
}
inline constexpr uint32_t arg_of(uint32_t word) {
    return word >> 8;
}
inline constexpr uint32_t kMaxArg = (1u << 24) - 1;

// Net stack effect of an instruction (for variable ones, as a function of
// its argument). `jump`: the effect along the branch for conditional jumps.
int stack_effect(Op op, uint32_t arg, bool jump);

}  // namespace gilt
