"""Inline caches for attribute access: the checks of CPython's specialised LOAD_ATTR / STORE_ATTR
instructions, done in compiled code, with the generic C-API call for everything else.

`PyObject_GetAttr` walks the type's MRO (through the type cache) and then the instance dict on every
access. Tier 0 has usually found something better, recorded in the instruction's inline cache
(frontend/attr_feedback.py): for an instance attribute, the type's version tag and the slot of the
object's inline values (or, for a `__slots__` member, its offset in the object); for a method, the
type's version tag (and the version of its shared keys, so that no instance attribute shadows the
method) and the method itself. The fast path checks the same things
the interpreter's specialised instruction checks, in the same order, and falls back to the generic
call when any check fails, so the program sees the interpreter's behaviour either way.

Version tags and the cached method's address are this process's, so they are not immediates: each is a
symbol with an "attr_cache" recipe (backend/symbol_recipes.py). Here it is bound to what tier 0 found;
a process that loads the unit from the code cache binds it to what *its* tier 0 found for the same
instruction, and does not load the unit if that instruction's layout (kind, index) differs.
"""
import ctypes

from llvmlite import ir

from hotwire.backend.capi import I32, I64, PTR
from hotwire.backend.layout312 import (DICT_OR_VALUES_OFFSET, SIZEOF_DICT_KEY_ENTRY, SIZEOF_DICT_UNICODE_ENTRY,
                                       off)


class AttrCaches:
    def cached_attr(self, op, kinds):
        """True when `op` has tier-0 feedback of one of `kinds` and attribute caches are on."""
        return op.feedback is not None and op.feedback.kind.startswith(kinds) and self.use_attr_caches

    def _continue_if(self, cond, otherwise):
        """Go on in a new block when `cond` holds, else branch to `otherwise`."""
        cont = self.fn.append_basic_block("attr_hit")
        self.b.cbranch(cond, cont, otherwise)
        self.b.position_at_end(cont)

    def _cache_symbol(self, fb, field, address):
        """`address`, bound in another process to what its own inline cache at fb.offset holds."""
        return self.symbols.address(address, ("attr_cache", fb.offset, field, fb.kind, fb.index))

    def _recorded_version(self, fb, field):
        """fb's type_version or keys_version, loaded from a cell the unit owns (constant once linked)."""
        cell = ctypes.c_uint32(getattr(fb, field))
        self.keepalive.append(cell)
        load = self.b.load(self._cache_symbol(fb, field, ctypes.addressof(cell)), typ=I32)
        load.set_metadata("invariant.load", self.module.add_metadata([]))
        return load

    def _check_type_version(self, owner, fb, miss):
        tp = self.type_of(owner)
        tag = self.load_field(tp, "PyTypeObject.tp_version_tag", I32)
        self._continue_if(self.b.icmp_unsigned("==", tag, self._recorded_version(fb, "type_version")), miss)
        return tp

    def _inline_values(self, owner, miss):
        """The object's inline values array (its dict was never materialised), else `miss`."""
        b = self.b
        raw = b.load(b.gep(owner, [ir.Constant(I64, DICT_OR_VALUES_OFFSET)], source_etype=ir.IntType(8)), typ=I64)
        self._continue_if(b.icmp_unsigned("!=", b.and_(raw, ir.Constant(I64, 1)), ir.Constant(I64, 0)), miss)
        return b.inttoptr(b.add(raw, ir.Constant(I64, 1)), PTR)

    def _note(self, op):
        note = f"{op.symbol}: {op.feedback.kind.replace('_', ' ')} inline cache from tier 0"
        if note not in self.irfn.notes:
            self.irfn.notes.append(note)

    def _with_fallback(self, fast, slow, name):
        """Run `fast(miss)`, which emits the checks (branching to `miss`) and returns its values;
        `slow()` emits the generic path. Returns the values merged by phis."""
        b = self.b
        miss = self.fn.append_basic_block(name + "_miss")
        done = self.fn.append_basic_block(name + "_done")
        fast_values = fast(miss)
        fast_end = b.block
        b.branch(done)
        b.position_at_end(miss)
        slow_values = slow()
        slow_end = b.block
        b.branch(done)
        b.position_at_end(done)
        merged = []
        for f, s in zip(fast_values, slow_values):
            phi = b.phi(f.type)
            phi.add_incoming(f, fast_end)
            phi.add_incoming(s, slow_end)
            merged.append(phi)
        return merged

    def _attribute_slot(self, owner, fb, miss, name=None):
        """Where the attribute lives in the object: an inline value, a __slots__ member, or (with_hint,
        `name` the attribute's name) the value of the instance dict's entry at the hinted index."""
        self._check_type_version(owner, fb, miss)
        if fb.kind == "slot":
            return self.b.gep(owner, [ir.Constant(I64, fb.index)], source_etype=ir.IntType(8))
        if fb.kind == "with_hint":
            return self._hinted_entry_value(owner, fb.index, name, miss)
        return self.b.gep(self._inline_values(owner, miss), [ir.Constant(I64, fb.index)], source_etype=PTR)

    def _hinted_entry_value(self, owner, hint, name, miss):
        """LOAD_ATTR_WITH_HINT's checks: the object has a dict (not inline values), its keys have an
        entry `hint` and that entry's key is `name` itself; then where the entry's value is."""
        b = self.b
        raw = b.load(b.gep(owner, [ir.Constant(I64, DICT_OR_VALUES_OFFSET)], source_etype=ir.IntType(8)), typ=I64)
        is_dict = b.and_(b.icmp_unsigned("==", b.and_(raw, ir.Constant(I64, 1)), ir.Constant(I64, 0)),
                         b.icmp_unsigned("!=", raw, ir.Constant(I64, 0)))
        self._continue_if(is_dict, miss)
        keys = self.load_field(b.inttoptr(raw, PTR), "PyDictObject.ma_keys", PTR)
        entries_used = self.load_field(keys, "PyDictKeysObject.dk_nentries", I64)
        self._continue_if(b.icmp_unsigned("<", ir.Constant(I64, hint), entries_used), miss)
        index_bytes = b.shl(ir.Constant(I64, 1),
                            b.zext(self.load_field(keys, "PyDictKeysObject.dk_log2_index_bytes", ir.IntType(8)), I64))
        entries = b.gep(self.field_ptr(keys, "PyDictKeysObject.dk_indices"), [index_bytes], source_etype=ir.IntType(8))
        general = b.icmp_unsigned("==", self.load_field(keys, "PyDictKeysObject.dk_kind", ir.IntType(8)),
                                  ir.Constant(ir.IntType(8), 0))   # DICT_KEYS_GENERAL: (hash, key, value)
        size = b.select(general, ir.Constant(I64, SIZEOF_DICT_KEY_ENTRY), ir.Constant(I64, SIZEOF_DICT_UNICODE_ENTRY))
        entry = b.gep(entries, [b.mul(size, ir.Constant(I64, hint))], source_etype=ir.IntType(8))
        key_at = b.select(general, ir.Constant(I64, off("PyDictKeyEntry.me_key")),
                          ir.Constant(I64, off("PyDictUnicodeEntry.me_key")))
        value_at = b.select(general, ir.Constant(I64, off("PyDictKeyEntry.me_value")),
                            ir.Constant(I64, off("PyDictUnicodeEntry.me_value")))
        key = b.load(b.gep(entry, [key_at], source_etype=ir.IntType(8)), typ=PTR)
        self._continue_if(b.icmp_unsigned("==", key, self.const_ptr(name)), miss)
        return b.gep(entry, [value_at], source_etype=ir.IntType(8))

    def cached_get_attr(self, op, slow):
        fb = op.feedback
        owner_op = op.operands[0]
        self._note(op)

        def fast(miss):
            owner = self.v(owner_op)
            value = self.b.load(self._attribute_slot(owner, fb, miss, op.symbol), typ=PTR)
            self._continue_if(self.b.icmp_unsigned("!=", value, ir.Constant(PTR, None)), miss)
            self.incref(value)
            self.release(owner_op)
            return [value]
        return self._with_fallback(fast, lambda: [slow()], "get_attr")[0]

    def cached_set_attr(self, op, slow):
        """An inline value only where the slot already holds one (a new value would also go into the
        insertion order); a __slots__ member whether set or not, as STORE_ATTR_SLOT does."""
        fb = op.feedback
        owner_op, value_op = op.operands
        self._note(op)

        def fast(miss):
            b = self.b
            owner = self.v(owner_op)
            slot = self._attribute_slot(owner, fb, miss)
            old = b.load(slot, typ=PTR)
            filled_only = fb.kind == "instance_value"
            if filled_only:
                self._continue_if(b.icmp_unsigned("!=", old, ir.Constant(PTR, None)), miss)
            b.store(self.v(value_op), slot)
            (self.decref if filled_only else self.xdecref)(old)
            self.release(owner_op)
            return []

        def generic():
            slow()
            return []
        self._with_fallback(fast, generic, "set_attr")

    def cached_load_method(self, op, slow):
        """The (method, self) pair, or what `slow()` returns."""
        fb = op.feedback
        owner_op = op.operands[0]
        self._note(op)

        def fast(miss):
            b = self.b
            owner = self.v(owner_op)
            tp = self._check_type_version(owner, fb, miss)
            if fb.kind == "method_with_values":
                self._inline_values(owner, miss)
                keys = self.load_field(tp, "PyHeapTypeObject.ht_cached_keys", PTR)
                version = self.load_field(keys, "PyDictKeysObject.dk_version", I32)
                self._continue_if(b.icmp_unsigned("==", version, self._recorded_version(fb, "keys_version")),
                                  miss)
            # The version check proves the type, whose dict holds the method, is alive and unchanged.
            method = self._cache_symbol(fb, "descr", fb.descr)
            self.incref(method)
            return [method, owner]
        return self._with_fallback(fast, slow, "load_method")
