"""Puts src/hotwire-autoload.pth at the root of site-packages, where `site` reads .pth files.

Everything else is declared in pyproject.toml. Setuptools installs no loose file into site-packages by
itself: a normal wheel gets the .pth from build_py (it lands at the wheel's root, which is
site-packages), and an editable wheel (`pip install -e .`, which scripts/test uses) from its editable
strategy, which writes the wheel's contents.
"""
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.command.editable_wheel import editable_wheel

AUTOLOAD_PTH = Path(__file__).resolve().parent / "src" / "hotwire-autoload.pth"


class BuildPyWithAutoload(build_py):
    def run(self):
        super().run()
        self.copy_file(str(AUTOLOAD_PTH), str(Path(self.build_lib) / AUTOLOAD_PTH.name))

    def get_outputs(self, *args, **kwargs):
        return [*super().get_outputs(*args, **kwargs), str(Path(self.build_lib) / AUTOLOAD_PTH.name)]


class _StrategyWithAutoload:
    """Wraps setuptools' editable strategy: the same wheel, plus the .pth at its root."""

    def __init__(self, strategy):
        self.strategy = strategy

    def __enter__(self):
        self.strategy.__enter__()
        return self

    def __exit__(self, *exc_info):
        return self.strategy.__exit__(*exc_info)

    def __call__(self, wheel, files, mapping):
        self.strategy(wheel, files, mapping)
        wheel.writestr(AUTOLOAD_PTH.name, AUTOLOAD_PTH.read_bytes())


class EditableWheelWithAutoload(editable_wheel):
    def _select_strategy(self, *args, **kwargs):
        return _StrategyWithAutoload(super()._select_strategy(*args, **kwargs))


setup(cmdclass={"build_py": BuildPyWithAutoload, "editable_wheel": EditableWheelWithAutoload})
