# int <-> str conversions in all bases, the 4300-digit limit, int methods, and float conversions.
import sys


def conv(s, base):
    try:
        return int(s, base)
    except ValueError as e:
        return f"ValueError: {e}"


for _ in range(3):
    print([conv(s, b) for s, b in [("ff", 16), ("FF", 16), ("0xff", 0), ("0o17", 0), ("z", 36), ("10", 2), ("2", 2),
                                   ("", 10), (" 12 ", 10), ("1_000", 10), ("1__0", 10), ("-0b11", 0), ("09", 0)]])
    n = 12345678901234567890
    print(bin(n), oct(n), hex(n), n.bit_length(), n.bit_count(), n.to_bytes(9, "big"), int.from_bytes(b"\x01\x00", "little"))
    print((255).to_bytes(2, "little"), (-1).to_bytes(1, "big", signed=True), (10).as_integer_ratio(), (7).is_integer() if hasattr(int, "is_integer") else True)
    big = 10 ** 4299
    print(len(str(big)))
    try:
        str(10 ** 4300)
    except ValueError as e:
        print("ValueError:", str(e)[:60])
    old = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(5000)
    try:
        print(len(str(10 ** 4300)))
    finally:
        sys.set_int_max_str_digits(old)
    print(float("1e-400"), float("-inf"), int(1e20), int(-2.9), round(1e20), float(2 ** 1023) * 2 if False else float(2 ** 1023))
