"""The CPython C-API functions compiled code calls, declared once with their LLVM signatures.

Type letters: p = pointer (PyObject* and friends), i = int (i32), l = Py_ssize_t/long (i64),
d = double, v = void. The object code calls them by name, so the generated IR reads like C that calls
the API; backend/object_loader.py finds their addresses in the running interpreter when it links.
"""
from llvmlite import ir

PTR = ir.PointerType()
I1 = ir.IntType(1)
I8 = ir.IntType(8)
I16 = ir.IntType(16)
I32 = ir.IntType(32)
I64 = ir.IntType(64)
F64 = ir.DoubleType()
VOID_T = ir.VoidType()
_LETTERS = {"p": PTR, "i": I32, "l": I64, "d": F64, "v": VOID_T}

SIGNATURES = {
    # numbers
    **{f"PyNumber_{n}": "ppp" for n in (
        "Add", "And", "FloorDivide", "Lshift", "MatrixMultiply", "Multiply", "Remainder", "Or",
        "Rshift", "Subtract", "TrueDivide", "Xor", "InPlaceAdd", "InPlaceAnd", "InPlaceFloorDivide",
        "InPlaceLshift", "InPlaceMatrixMultiply", "InPlaceMultiply", "InPlaceRemainder", "InPlaceOr",
        "InPlaceRshift", "InPlaceSubtract", "InPlaceTrueDivide", "InPlaceXor")},
    "PyNumber_Power": "pppp", "PyNumber_InPlacePower": "pppp",
    "PyNumber_Negative": "pp", "PyNumber_Invert": "pp", "PyNumber_Positive": "pp",
    "PyFloat_FromDouble": "pd", "PyLong_FromLongLong": "pl",
    "PyLong_AsLongLongAndOverflow": "lpp", "PyLong_AsLong": "lp",
    # objects
    "PyObject_RichCompare": "pppi", "PyObject_IsTrue": "ip", "PySequence_Contains": "ipp",
    "PyObject_GetAttr": "ppp", "PyObject_SetAttr": "ippp", "_PyObject_GetMethod": "ippp",
    "PyObject_GetItem": "ppp", "PyObject_SetItem": "ippp", "PyObject_DelItem": "ipp",
    "PyObject_GetIter": "pp", "PySequence_Check": "ip", "PySequence_Tuple": "pp", "PyObject_Str": "pp", "PyObject_Repr": "pp", "PyObject_ASCII": "pp",
    "PyObject_Format": "ppp", "PyObject_Vectorcall": "ppplp",
    "PyObject_Call": "pppp", "_Py_Dealloc": "vp",
    # containers
    "PyUnicode_New": "pli", "PyTuple_New": "pl", "PyList_New": "pl", "PyList_Append": "ipp", "_PyList_Extend": "ppp",
    "PyList_AsTuple": "pp", "PySet_New": "pp", "PySet_Add": "ipp", "_PySet_Update": "ipp",
    "PyDict_New": "p", "PyDict_SetItem": "ippp", "PyDict_DelItem": "ipp", "PyDict_Update": "ipp",
    "PyDict_GetItemWithError": "ppp", "PySlice_New": "pppp", "_PyUnicode_JoinArray": "pppl",
    # functions and cells
    "PyFunction_New": "ppp", "PyFunction_SetVectorcall": "vpp", "PyUnstable_Code_GetExtra": "iplp", "PyUnstable_Code_SetExtra": "iplp", "PyCell_New": "pp",
    "_PyFunction_Vectorcall": "ppplp",
    # errors, frames, threads
    "PyErr_Occurred": "p", "Py_FatalError": "vp", "PyErr_ExceptionMatches": "ip", "PyErr_Clear": "v",
    "_PyEval_EvalFrameDefault": "pppi", "_PyThreadState_GetCurrent": "p",
    "Py_MakePendingCalls": "i", "PyEval_SaveThread": "p", "PyEval_RestoreThread": "vp",
}


def function_type(name):
    sig = SIGNATURES[name]
    return ir.FunctionType(_LETTERS[sig[0]], [_LETTERS[c] for c in sig[1:]])
