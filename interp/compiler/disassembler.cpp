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

std::string describe(ThreadState& ts, const CodeObject* co, Op op, uint32_t arg) {
    switch (operand_of(op)) {
        case Operand::Const:
            return repr_of(ts, co->consts[arg]);
        case Operand::Name:
            return std::string(str_view(co->names[arg]));
        case Operand::Local:
            return std::string(str_view(co->varnames[arg]));
        case Operand::Cell:
            return std::string(arg < co->cellvars.size()
                                   ? str_view(co->cellvars[arg])
                                   : str_view(co->freevars[arg - co->cellvars.size()]));
        case Operand::Jump:
            return fmt::format("to {}", arg);
        case Operand::BinOp:
            return std::string(binop_symbol(static_cast<BinOp>(arg)));
        case Operand::InplaceOp:
            return std::string(inplace_symbol(static_cast<BinOp>(arg)));
        case Operand::Compare:
            return std::string(compare_symbol(static_cast<CompareOp>(arg)));
        default:
            return "";
    }
}

void disassemble_into(ThreadState& ts, const CodeObject* co, std::string& out) {
    out += fmt::format("Disassembly of {}:\n",
                       co->qualname.is_null() ? "?" : std::string(str_view(co->qualname)));
    int last_line = -1;
    for (uint32_t pc = 0; pc < co->code.size();) {
        uint32_t w = co->code[pc];
        Op op = op_of(w);
        uint32_t arg = arg_of(w);
        int line = co->line_at(pc);
        std::string lineno = line != last_line ? fmt::format("{:>4}", line) : "    ";
        last_line = line;
        std::string what = describe(ts, co, op, arg);
        out += fmt::format("{} {:>5} {:<22} {:>4}{}\n", lineno, pc, kOpNames[static_cast<int>(op)],
                           arg, what.empty() ? "" : " (" + what + ")");
        pc += 1 + kOpCacheWords[static_cast<int>(op)];
    }
    for (const ExceptionTableEntry& e : co->exception_table) {
        out +=
            fmt::format("  handler {} to {} -> {} [depth {}]\n", e.start, e.end, e.target, e.depth);
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
