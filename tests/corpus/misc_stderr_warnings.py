# warnings emitted from compiled functions: shown once per location on stderr, filters, catch_warnings.
import warnings


def old_api(x):
    warnings.warn(f"old_api is deprecated (x={x})", DeprecationWarning, stacklevel=2)
    return x * 2


def caller(values):
    return [old_api(v) for v in values]


def user_warning(v):
    if v > 2:
        warnings.warn("value above two", UserWarning)
    return v


warnings.simplefilter("default")
print(caller([1, 2, 3]))
print([user_warning(v) for v in range(5)])
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for v in range(4):
        user_warning(v)
        old_api(v)
print([(w.category.__name__, str(w.message), w.lineno) for w in caught])
warnings.simplefilter("error", UserWarning)
try:
    user_warning(9)
except UserWarning as e:
    print("raised as error:", e)
