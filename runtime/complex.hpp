// complex: a boxed pair of doubles. Kept small: arithmetic (+ - * / **),
// == and !=, abs(), hash, repr, .real/.imag, conjugate() and complex(...)
// construction from numbers and strings, all as CPython 3.11.
#pragma once

#include <string>

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"

namespace gilt {

struct ComplexObject {
    Object hdr;
    double real;
    double imag;
};

inline ComplexObject* complex_obj(Value v) noexcept {
    return reinterpret_cast<ComplexObject*>(v.as_object());
}
// True for complex and complex subclasses.
inline bool is_complex(Value v) noexcept {
    return v.is_object() && v.as_object()->kind == ObjKind::Complex;
}

Value make_complex(ThreadState& ts, double real, double imag);
// a ** b on complex numbers (CPython's complex_pow: repeated squaring for
// small integral exponents, polar form otherwise), with its errors
// (ZeroDivisionError "0.0 to a negative or complex power", OverflowError
// "complex exponentiation").
Value complex_pow(ThreadState& ts, double ar, double ai, double br, double bi);
// repr(complex(real, imag)): "1j", "(1+2j)", "(-0-1j)", "(nan+infj)".
std::string complex_repr(double real, double imag);

void define_complex_type(Interpreter& interp, TypeObject* t);

}  // namespace gilt
