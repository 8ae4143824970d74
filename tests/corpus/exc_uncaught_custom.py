# Uncaught custom exception with __str__, notes (add_note), and a multi-line message.


class ValidationError(Exception):
    def __init__(self, field, value):
        super().__init__(field, value)
        self.field = field
        self.value = value

    def __str__(self):
        return f"field {self.field!r} rejected value {self.value!r}\n  (second line of message)"


def validate(record):
    for field, value in record.items():
        if isinstance(value, int) and value < 0:
            err = ValidationError(field, value)
            err.add_note(f"while validating record with {len(record)} fields")
            raise err
    return True


def process(records):
    return [validate(r) for r in records]


def main():
    print(process([{"a": 1}, {"b": 2}, {"c": 3}]))
    print(process([{"a": 1}, {"b": 2, "c": -3}]))


main()
# hotwire: expect-exit 1
