// compile_source: parse, then compile; parse and scope errors become
// SyntaxError exceptions with CPython's attributes.
#include "interp/compiler/compile.hpp"

#include "interp/compiler/compiler.hpp"
#include "interp/frontend/parser.hpp"
#include "runtime/errors.hpp"
#include "runtime/exception.hpp"
#include "runtime/interpreter.hpp"

namespace gilt {

namespace {

std::string line_of(std::string_view source, int line) {
    int cur = 1;
    std::size_t start = 0;
    while (cur < line) {
        std::size_t nl = source.find('\n', start);
        if (nl == std::string_view::npos) return "";
        start = nl + 1;
        ++cur;
    }
    std::size_t end = source.find('\n', start);
    return std::string(source.substr(
        start, end == std::string_view::npos ? std::string_view::npos : end - start + 1));
}

Value raise_syntax_error(ThreadState& ts, const SyntaxErrorInfo& e, std::string_view filename,
                         std::string_view source) {
    TypeObject* type = ts.exc_types().SyntaxError;
    if (e.kind == "IndentationError")
        type = ts.exc_types().IndentationError;
    else if (e.kind == "TabError")
        type = ts.exc_types().TabError;
    std::string text = e.text.empty() && e.line > 0 ? line_of(source, e.line) : e.text;
    Value exc = make_syntax_error(ts, type, e.msg, std::string(filename), e.line, e.col, text,
                                  e.end_line, e.end_col);
    if (exc.is_null()) return exc;
    return raise_instance(ts, exc);
}

}  // namespace

Value compile_source(ThreadState& ts, std::string_view source, std::string_view filename,
                     CompileMode mode, bool* incomplete, uint32_t future_flags) {
    ast::ParseMode pm = mode == CompileMode::Exec   ? ast::ParseMode::Module
                        : mode == CompileMode::Eval ? ast::ParseMode::Expression
                                                    : ast::ParseMode::Interactive;
    ParseResult parsed = parse(source, filename, pm);
    if (incomplete) *incomplete = false;
    if (!parsed.ok()) {
        if (incomplete) *incomplete = parsed.error->incomplete;
        return raise_syntax_error(ts, *parsed.error, filename, source);
    }
    register_source(ts, std::string(filename), std::string(source));
    Compiler compiler(ts, std::string(filename), future_flags);
    Value code = compiler.compile(*parsed.module);
    if (code.is_null() && !ts.has_exception()) {
        SyntaxErrorInfo e = compiler.error() ? *compiler.error() : SyntaxErrorInfo{};
        if (e.msg.empty()) e.msg = "invalid syntax";
        return raise_syntax_error(ts, e, filename, source);
    }
    return code;
}

}  // namespace gilt
