# isinstance/issubclass with tuples, ABCs, virtual subclasses, __instancecheck__ and typing unions.
import collections.abc as abc
import numbers


class Meta(type):
    def __instancecheck__(cls, obj):
        return obj == "magic"

    def __subclasscheck__(cls, sub):
        return sub is int


class Magic(metaclass=Meta):
    pass


class Registered:
    pass


abc.Sequence.register(Registered)


def checks(v):
    return [isinstance(v, int), isinstance(v, (str, bytes)), isinstance(v, numbers.Number), isinstance(v, abc.Iterable),
            isinstance(v, abc.Sequence), isinstance(v, abc.Mapping), isinstance(v, Magic), isinstance(v, int | str),
            isinstance(v, abc.Hashable), type(v).__name__]


for v in (1, True, 2.5, "s", b"b", [1], (1,), {}, set(), None, "magic", Registered(), 1j):
    print(repr(v) if not isinstance(v, Registered) else "Registered()", checks(v))
print(issubclass(bool, int), issubclass(int, (str, float)), issubclass(int, Magic), issubclass(str, Magic),
      issubclass(Registered, abc.Sequence), issubclass(list, abc.MutableSequence), issubclass(dict, abc.Sequence))
try:
    isinstance(1, "int")
except TypeError as e:
    print("TypeError:", e)
