/* The CPython side of bench/hostcall_bench.cpp: a C function called from a
 * Python loop through the C API, the way a typed gilt host function is.
 * add(a, b) takes two ints and returns their sum (METH_FASTCALL, argument
 * count and types checked, as a binding generator would emit it).
 * Built and timed by bench/hostcall_cpython.py. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject* add(PyObject* self, PyObject* const* args, Py_ssize_t nargs) {
    (void)self;
    if (nargs != 2) {
        PyErr_Format(PyExc_TypeError, "add expected 2 arguments, got %zd", nargs);
        return NULL;
    }
    long a = PyLong_AsLong(args[0]);
    if (a == -1 && PyErr_Occurred()) return NULL;
    long b = PyLong_AsLong(args[1]);
    if (b == -1 && PyErr_Occurred()) return NULL;
    return PyLong_FromLong(a + b);
}

static PyMethodDef methods[] = {
    {"add", (PyCFunction)(void (*)(void))add, METH_FASTCALL, "a + b"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "hostcall_ext", NULL, -1, methods};

PyMODINIT_FUNC PyInit_hostcall_ext(void) {
    return PyModule_Create(&module);
}
