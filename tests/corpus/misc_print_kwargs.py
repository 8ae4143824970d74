# print with sep/end/file=sys.stderr/flush; interleaved stdout and stderr streams are compared separately.
import sys


def emit(i, v):
    print("value", i, v, sep="|", end=";\n")
    print("err", i, repr(v), file=sys.stderr)
    print(*[v] * 3, sep=", ", flush=True)
    sys.stdout.write(f"write {i}\n")
    sys.stderr.write("stderr write\n")


for i, v in enumerate((1, "two", 3.0, None, [4])):
    emit(i, v)
print()
print("", end="")
print("a", "b", sep="")
print(end="no newline at the end")
