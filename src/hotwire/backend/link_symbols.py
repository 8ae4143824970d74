"""Every process-specific address compiled code uses is an external symbol, bound when the code is loaded.

Machine code with addresses as immediates could only ever run in the process that compiled it. Here each
address (an object, the code object's instructions, a counter, a field of the interpreter state) is a
symbol `hw_<token>_<n>`, declared external in the LLVM module and bound when backend/object_loader.py
links the object code (a 64-bit absolute relocation: the large code model). Every symbol carries a
*recipe* (backend/symbol_recipes.py): how any process can compute the same address for itself. So the
object code LLVM produced is reused by later runs (runtime/code_cache.py): they bind the same names to
the addresses their recipes give. A symbol without a recipe (say, a method an attribute cache found)
works in this process and makes the unit uncacheable; `uncacheable` says why.
"""
from llvmlite import ir

from hotwire.backend.symbol_recipes import recipe_of

def external(module, name):
    """A constant pointer: the address the symbol `name` is bound to when the object code is linked."""
    if name in module.globals:
        return module.globals[name]
    glob = ir.GlobalVariable(module, ir.IntType(8), name)
    glob.type = ir.PointerType()   # an opaque pointer, like every pointer of the lowering
    glob.linkage = "external"
    return glob


class Symbols:
    """The symbols of one compiled unit: (name, address, recipe) in order of first use."""

    def __init__(self, module, code, token):
        self.module = module
        self.code = code
        self.prefix = "hw_%s_" % token
        self.entries = []
        self._by_address = {}
        self.uncacheable = None   # why this unit's machine code must not be reused, or None

    def address(self, address, recipe):
        """A constant pointer to `address` (a GlobalVariable bound to it at link time)."""
        key = (address, tuple(recipe) if recipe is not None else None)
        glob = self._by_address.get(key)
        if glob is None:
            name = self.prefix + str(len(self.entries))
            glob = external(self.module, name)
            self.entries.append((name, address, recipe))
            self._by_address[key] = glob
        return glob

    @staticmethod
    def offset(glob, offset):
        """The constant pointer `offset` bytes past a symbol's address."""
        return ir.FormattedConstant(ir.PointerType(), f'getelementptr (i8, ptr {glob.get_reference()}, '
                                                      f'i64 {offset})')

    def not_cacheable(self, reason):
        if self.uncacheable is None:
            self.uncacheable = reason

    def of_object(self, obj):
        recipe = recipe_of(self.code, obj)
        if recipe is None:
            self.not_cacheable(f"it refers to a {type(obj).__name__} object that another process "
                               f"cannot find by name")
        return self.address(id(obj), recipe)
