# operator module functions as first-class callables applied to mixed operand types.
import operator as op

BINARY = [op.add, op.sub, op.mul, op.truediv, op.floordiv, op.mod, op.pow, op.lshift, op.rshift, op.and_, op.or_, op.xor,
          op.lt, op.le, op.eq, op.ne, op.ge, op.gt, op.concat, op.contains, op.is_, op.is_not, op.getitem]


def table(a, b):
    out = []
    for f in BINARY:
        try:
            out.append(f(a, b))
        except Exception as e:
            out.append(type(e).__name__)
    return out


for a, b in ((7, 3), (7.5, 2), ([1, 2], [1]), ("ab", "b"), (True, 1), ((1, 2, 3), 1), (2 ** 70, 5)):
    print(a, b, table(a, b))
print(op.neg(5), op.pos(-2), op.inv(5), op.not_([]), op.truth(3), op.abs(-2.5), op.index(7), op.length_hint([1, 2]))
lst = [1, 2, 3]
op.setitem(lst, 0, 9)
op.delitem(lst, 1)
print(lst, op.iadd([1], [2]), op.imul("ab", 2), op.countOf([1, 1, 2], 1), op.indexOf("abc", "c"))
