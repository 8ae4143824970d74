# Methods on int and float objects called in loops over values of both types.
import math


def probe(v):
    out = [v.real, v.imag, v.conjugate(), v.as_integer_ratio(), v.is_integer(), math.isfinite(v), abs(v), math.fabs(v)]
    if isinstance(v, float):
        out += [v.hex(), float.fromhex(v.hex()) == v, math.frexp(v), math.modf(v)]
    else:
        out += [v.bit_length(), v.numerator, v.denominator, (v).__index__()]
    return out


for v in (0, 7, -12, 2 ** 70, 0.5, -3.75, 1e300, 5e-324, True):
    print(repr(v), probe(v))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.prod(range(1, 10)), math.comb(50, 25), math.perm(6, 3), math.isqrt(10 ** 30 + 1))
print(math.dist((0, 0), (3, 4)), math.hypot(3, 4, 12), math.log(2 ** 1000, 2), math.log10(1e-5), math.exp(1), math.nextafter(1.0, 2.0))
