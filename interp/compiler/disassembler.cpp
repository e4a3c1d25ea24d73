// The disassembler (see disassembler.hpp). One line per instruction:
// line number (when it changes), word offset, name, argument, and what the
// argument means (a constant's repr, a name, a jump target).
#include "interp/compiler/disassembler.hpp"

#include <fmt/format.h>

#include "interp/compiler/opcodes.hpp"
#include "runtime/abstract.hpp"
#include "runtime/errors.hpp"
#include "runtime/str.hpp"

namespace gilt {

namespace {

std::string repr_of(ThreadState& ts, Value v) {
  Ref r(obj_repr(ts, v));
  if (!r) {
    clear_exception(ts);
    return "?";
  }
  return std::string(str_view(*r));
}

bool uses_name(Op op) {
  switch (op) {
    case Op::LOAD_GLOBAL: case Op::LOAD_GLOBAL__PUSH_NULL: case Op::STORE_GLOBAL: case Op::DELETE_GLOBAL: case Op::LOAD_NAME:
    case Op::STORE_NAME: case Op::DELETE_NAME: case Op::LOAD_ATTR: case Op::LOAD_METHOD:
    case Op::STORE_ATTR: case Op::STORE_ATTR_AUG: case Op::DELETE_ATTR: case Op::IMPORT_NAME: case Op::IMPORT_FROM:
      return true;
    default:
      return false;
  }
}

bool is_jump(Op op) {
  switch (op) {
    case Op::JUMP: case Op::JUMP_BACKWARD: case Op::POP_JUMP_IF_FALSE: case Op::POP_JUMP_IF_TRUE:
    case Op::POP_JUMP_IF_NONE: case Op::POP_JUMP_IF_NOT_NONE: case Op::JUMP_IF_FALSE_OR_POP:
    case Op::JUMP_IF_TRUE_OR_POP: case Op::FOR_ITER: case Op::FOR_ITER__STORE_FAST: case Op::SEND:
      return true;
    default:
      return false;
  }
}

std::string describe(ThreadState& ts, const CodeObject* co, Op op, uint32_t arg) {
  if (op == Op::LOAD_CONST || op == Op::RETURN_CONST) return repr_of(ts, co->consts[arg]);
  if (uses_name(op)) return std::string(str_view(co->names[arg]));
  if (op == Op::LOAD_FAST || op == Op::STORE_FAST || op == Op::DELETE_FAST || op == Op::LOAD_FAST__LOAD_FAST ||
      op == Op::STORE_FAST__LOAD_FAST || op == Op::STORE_FAST__STORE_FAST || op == Op::LOAD_FAST__LOAD_CONST)
    return std::string(str_view(co->varnames[arg]));
  if (op == Op::LOAD_DEREF || op == Op::STORE_DEREF || op == Op::LOAD_CLOSURE || op == Op::DELETE_DEREF ||
      op == Op::LOAD_CLASSDEREF) {
    return std::string(arg < co->cellvars.size() ? str_view(co->cellvars[arg])
                                                 : str_view(co->freevars[arg - co->cellvars.size()]));
  }
  if (is_jump(op)) return fmt::format("to {}", arg);
  if (op == Op::BINARY_OP || op == Op::BINARY_ADD || op == Op::BINARY_SUB || op == Op::BINARY_MUL ||
      op == Op::BINARY_TRUEDIV)
    return std::string(binop_symbol(static_cast<BinOp>(arg)));
  if (op == Op::INPLACE_OP || op == Op::INPLACE_ADD || op == Op::INPLACE_SUB || op == Op::INPLACE_MUL)
    return std::string(inplace_symbol(static_cast<BinOp>(arg)));
  if (op == Op::COMPARE_OP) return std::string(compare_symbol(static_cast<CompareOp>(arg)));
  return "";
}

void disassemble_into(ThreadState& ts, const CodeObject* co, std::string& out) {
  out += fmt::format("Disassembly of {}:\n", co->qualname.is_null() ? "?" : std::string(str_view(co->qualname)));
  int last_line = -1;
  for (uint32_t pc = 0; pc < co->code.size();) {
    uint32_t w = co->code[pc];
    Op op = op_of(w);
    uint32_t arg = arg_of(w);
    int line = co->line_at(pc);
    std::string lineno = line != last_line ? fmt::format("{:>4}", line) : "    ";
    last_line = line;
    std::string what = describe(ts, co, op, arg);
    out += fmt::format("{} {:>5} {:<22} {:>4}{}\n", lineno, pc, kOpNames[static_cast<int>(op)], arg,
                       what.empty() ? "" : " (" + what + ")");
    pc += 1 + kOpCacheWords[static_cast<int>(op)];
  }
  for (const ExceptionTableEntry& e : co->exception_table) {
    out += fmt::format("  handler {} to {} -> {} [depth {}]\n", e.start, e.end, e.target, e.depth);
  }
  for (Value c : co->consts) {
    if (c.is_object() && c.as_object()->kind == ObjKind::Code) {
      out += "\n";
      disassemble_into(ts, code_obj(c), out);
    }
  }
}

}  // namespace

std::string disassemble(ThreadState& ts, const CodeObject* code) {
  std::string out;
  disassemble_into(ts, code, out);
  return out;
}

}  // namespace gilt
