# Uncaught exception with an explicit cause: "The above exception was the direct cause..." traceback.


class ConfigError(Exception):
    pass


def read_setting(settings, name):
    try:
        return settings[name]
    except KeyError as e:
        raise ConfigError(f"missing setting {name!r}") from e


def configure(settings):
    out = {}
    for name in ("host", "port"):
        out[name] = read_setting(settings, name)
    return out


def main():
    print(configure({"host": "h", "port": 1}))
    print(configure({"host": "h", "port": 2}))
    print(configure({"host": "h"}))


main()
# hotwire: expect-exit 1
