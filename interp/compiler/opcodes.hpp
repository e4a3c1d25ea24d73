// The instruction set, as one table (Wren's wren_opcodes.h idea).
//
// X(NAME, stack effect, cache words) feeds the Opcode enum, the dispatch
// table of the eval loop, the disassembler's names and the compiler's
// stack-depth count. An effect of kVar means it depends on the argument
// and is computed by stack_effect() below. A cache word, when present, is
// the index of the instruction's InlineCache (runtime/code.hpp).
//
// The machine is a stack machine with CPython 3.11's calling layout: a call
// site pushes the callable, then `self` or NULL (LOAD_METHOD pushes the
// unbound method and the receiver; PUSH_NULL marks a plain call), then the
// arguments; CALL n consumes all of it and pushes the result.
#pragma once

#include <cstdint>

namespace gilt {

inline constexpr int kVar = 1000;

#define GILT_OPCODES(X)               \
  X(NOP, 0, 0)                        \
  X(POP_TOP, -1, 0)                   \
  X(PUSH_NULL, 1, 0)                  \
  X(COPY, 1, 0)                       \
  X(DUP_TOP_TWO, 2, 0)                \
  X(SWAP, 0, 0)                       \
  X(LOAD_CONST, 1, 0)                 \
  X(LOAD_FAST, 1, 0)                  \
  X(LOAD_FAST__LOAD_FAST, 1, 0)       \
  X(STORE_FAST__LOAD_FAST, -1, 0)     \
  X(STORE_FAST__STORE_FAST, -1, 0)    \
  X(LOAD_FAST__LOAD_CONST, 1, 0)      \
  X(LOAD_FAST__LOAD_ATTR, 1, 0)       \
  X(LOAD_FAST__LOAD_FAST__BINARY_ADD, 1, 0) \
  X(LOAD_FAST__LOAD_FAST__BINARY_SUB, 1, 0) \
  X(LOAD_FAST__LOAD_FAST__BINARY_MUL, 1, 0) \
  X(LOAD_FAST__LOAD_FAST__BINARY_TRUEDIV, 1, 0) \
  X(LOAD_FAST__LOAD_CONST__BINARY_ADD, 1, 0) \
  X(LOAD_FAST__LOAD_CONST__BINARY_SUB, 1, 0) \
  X(LOAD_FAST__LOAD_CONST__BINARY_MUL, 1, 0) \
  X(LOAD_FAST__LOAD_FAST__INPLACE_ADD, 1, 0) \
  X(LOAD_FAST__LOAD_FAST__INPLACE_SUB, 1, 0) \
  X(LOAD_FAST__LOAD_CONST__INPLACE_ADD, 1, 0) \
  X(LOAD_FAST__LOAD_CONST__INPLACE_SUB, 1, 0) \
  X(LOAD_FAST__LOAD_METHOD, 1, 0)     \
  X(STORE_FAST, -1, 0)                \
  X(DELETE_FAST, 0, 0)                \
  X(LOAD_DEREF, 1, 0)                 \
  X(LOAD_CLASSDEREF, 1, 0)            \
  X(STORE_DEREF, -1, 0)               \
  X(DELETE_DEREF, 0, 0)               \
  X(LOAD_CLOSURE, 1, 0)               \
  X(LOAD_GLOBAL, 1, 1)                \
  X(LOAD_GLOBAL__PUSH_NULL, 2, 1)     \
  X(STORE_GLOBAL, -1, 0)              \
  X(DELETE_GLOBAL, 0, 0)              \
  X(LOAD_NAME, 1, 1)                  \
  X(STORE_NAME, -1, 1)                \
  X(DELETE_NAME, 0, 0)                \
  X(LOAD_ATTR, 0, 1)                  \
  X(LOAD_METHOD, 1, 1)                \
  X(STORE_ATTR, -2, 1)                \
  X(STORE_ATTR_AUG, -2, 1)            \
  X(DELETE_ATTR, -1, 0)               \
  X(BINARY_OP, -1, 0)                 \
  X(INPLACE_OP, -1, 0)                \
  X(BINARY_ADD, -1, 0)                \
  X(BINARY_SUB, -1, 0)                \
  X(BINARY_MUL, -1, 0)                \
  X(BINARY_TRUEDIV, -1, 0)            \
  X(INPLACE_ADD, -1, 0)               \
  X(INPLACE_SUB, -1, 0)               \
  X(INPLACE_MUL, -1, 0)               \
  X(COMPARE_OP, -1, 0)                \
  X(COMPARE_OP__POP_JUMP_IF_FALSE, -1, 0) \
  X(COMPARE_OP__POP_JUMP_IF_TRUE, -1, 0) \
  X(IS_OP, -1, 0)                     \
  X(CONTAINS_OP, -1, 0)               \
  X(UNARY_NEGATIVE, 0, 0)             \
  X(UNARY_POSITIVE, 0, 0)             \
  X(UNARY_INVERT, 0, 0)               \
  X(UNARY_NOT, 0, 0)                  \
  X(BINARY_SUBSCR, -1, 0)             \
  X(BINARY_SLICE, -2, 0)              \
  X(STORE_SUBSCR, -3, 0)              \
  X(STORE_SUBSCR_AUG, -3, 0)          \
  X(DELETE_SUBSCR, -2, 0)             \
  X(BUILD_SLICE, kVar, 0)             \
  X(BUILD_TUPLE, kVar, 0)             \
  X(BUILD_LIST, kVar, 0)              \
  X(BUILD_SET, kVar, 0)               \
  X(BUILD_MAP, kVar, 0)               \
  X(BUILD_STRING, kVar, 0)            \
  X(LIST_APPEND, -1, 0)               \
  X(SET_ADD, -1, 0)                   \
  X(MAP_ADD, -2, 0)                   \
  X(LIST_EXTEND, -1, 0)               \
  X(SET_UPDATE, -1, 0)                \
  X(DICT_UPDATE, -1, 0)               \
  X(DICT_MERGE, -1, 0)                \
  X(LIST_TO_TUPLE, 0, 0)              \
  X(FORMAT_VALUE, kVar, 0)            \
  X(UNPACK_SEQUENCE, kVar, 0)         \
  X(UNPACK_EX, kVar, 0)               \
  X(MATCH_SEQUENCE, 1, 0)             \
  X(MATCH_MAPPING, 1, 0)              \
  X(GET_LEN, 1, 0)                    \
  X(MATCH_KEYS, 1, 0)                 \
  X(MATCH_CLASS, -2, 0)               \
  X(COPY_DICT_WITHOUT_KEYS, 0, 0)     \
  X(JUMP, 0, 0)                       \
  X(JUMP_BACKWARD, 0, 0)              \
  X(POP_JUMP_IF_FALSE, -1, 0)         \
  X(POP_JUMP_IF_TRUE, -1, 0)          \
  X(POP_JUMP_IF_NONE, -1, 0)          \
  X(POP_JUMP_IF_NOT_NONE, -1, 0)      \
  X(JUMP_IF_FALSE_OR_POP, kVar, 0)    \
  X(JUMP_IF_TRUE_OR_POP, kVar, 0)     \
  X(GET_ITER, 0, 0)                   \
  X(FOR_ITER, 1, 0)                   \
  X(FOR_ITER__STORE_FAST, 0, 0)       \
  X(RETURN_VALUE, -1, 0)              \
  X(YIELD_VALUE, 0, 0)                \
  X(GET_YIELD_FROM_ITER, 0, 0)        \
  X(SEND, 0, 0)                       \
  X(GET_AWAITABLE, 0, 0)              \
  X(GET_AITER, 0, 0)                  \
  X(GET_ANEXT, 1, 0)                  \
  X(END_ASYNC_FOR, -2, 0)             \
  X(MAKE_FUNCTION, kVar, 0)           \
  X(MAKE_CLASS, kVar, 0)              \
  X(CALL, kVar, 0)                    \
  X(CALL_KW, kVar, 0)                 \
  X(CALL_EX, kVar, 0)                 \
  X(IMPORT_NAME, -1, 0)               \
  X(IMPORT_FROM, 1, 0)                \
  X(IMPORT_STAR, -1, 0)               \
  X(RAISE_VARARGS, kVar, 0)           \
  X(RERAISE, -1, 0)                   \
  X(PUSH_EXC_INFO, 1, 0)              \
  X(POP_EXCEPT, -1, 0)                \
  X(CHECK_EXC_MATCH, 0, 0)            \
  X(BEFORE_WITH, 2, 0)                \
  X(BEFORE_ASYNC_WITH, 2, 0)          \
  X(WITH_EXCEPT_START, 1, 0)          \
  X(LOAD_ASSERTION_ERROR, 1, 0)       \
  X(PRINT_EXPR, -1, 0)                \
  X(SETUP_ANNOTATIONS, 0, 0)          \
  X(LOAD_LOCALS, 1, 0)                \
  X(RETURN_CONST, 0, 0)

enum class Op : uint8_t {
#define GILT_OP_ENUM(name, effect, cache) name,
  GILT_OPCODES(GILT_OP_ENUM)
#undef GILT_OP_ENUM
};

inline constexpr int kOpCount = 0
#define GILT_OP_COUNT(name, effect, cache) +1
    GILT_OPCODES(GILT_OP_COUNT)
#undef GILT_OP_COUNT
    ;

inline constexpr const char* kOpNames[] = {
#define GILT_OP_NAME(name, effect, cache) #name,
    GILT_OPCODES(GILT_OP_NAME)
#undef GILT_OP_NAME
};

inline constexpr int kOpEffects[] = {
#define GILT_OP_EFFECT(name, effect, cache) effect,
    GILT_OPCODES(GILT_OP_EFFECT)
#undef GILT_OP_EFFECT
};

inline constexpr int kOpCacheWords[] = {
#define GILT_OP_CACHE(name, effect, cache) cache,
    GILT_OPCODES(GILT_OP_CACHE)
#undef GILT_OP_CACHE
};

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
  kFormatNone = 0, kFormatStr = 1, kFormatRepr = 2, kFormatAscii = 3,
  kFormatConvMask = 3, kFormatHasSpec = 4,
};

inline constexpr uint32_t encode(Op op, uint32_t arg) { return static_cast<uint32_t>(op) | (arg << 8); }
inline constexpr Op op_of(uint32_t word) { return static_cast<Op>(word & 0xFF); }
inline constexpr uint32_t arg_of(uint32_t word) { return word >> 8; }
inline constexpr uint32_t kMaxArg = (1u << 24) - 1;

// Net stack effect of an instruction (for variable ones, as a function of
// its argument). `jump`: the effect along the branch for conditional jumps.
int stack_effect(Op op, uint32_t arg, bool jump);

}  // namespace gilt
