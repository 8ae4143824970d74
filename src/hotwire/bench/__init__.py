"""`hotwire bench`: hotwire, CPython and PyPy side by side on pyperformance and the seed programs.

The pipeline, one module per step:
  suite.py      which programs (the installed pyperformance's pure-Python benchmarks, script programs)
  runtimes.py   which runtimes, as command prefixes (CPython, `python -m hotwire`, pypy3)
  schedule.py   the order of runs (interleaved runtime by runtime) and the raw results
  measure.py    one child process: whole-process wall time and peak RSS, pyperf calibration and worker
  oneshot.py    a pyperformance benchmark run once as a program, printing a digest of its results
  seed_worker.py  a script program as a pyperf benchmark (steady state of scripts)
  report.py     speed-ups, output checks, geometric means, the Markdown report
  plot.py       the SVG bars;  compare.py  two results files side by side
  cli.py        the command line
See docs/benchmarks.md.
"""
