"""The report's plot: one bar per program and runtime, time on a log scale, as a self-contained SVG.

Written by hand (a few dozen elements) so the harness needs no plotting library.
"""
import math
from xml.sax.saxutils import escape

COLOURS = {"cpython": "#4c72b0", "hotwire": "#dd8452", "pypy": "#55a868"}
BAR, GAP, LEFT, TOP, WIDTH = 9, 10, 150, 40, 560


def svg(title, programs, series):
    """programs: names top to bottom; series: [(runtime name, label, {program: seconds or None})].

    Bars are horizontal; their length is log10(seconds) over the decades spanning all values.
    A missing or WRONG value has no bar and says so.
    """
    values = [v for _, _, by_program in series for v in by_program.values() if v]
    low = math.floor(math.log10(min(values))) if values else -3
    high = math.ceil(math.log10(max(values))) if values else 1
    high = max(high, low + 1)
    scale = WIDTH / (high - low)
    group = len(series) * BAR + GAP
    height = TOP + group * len(programs) + 40
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{LEFT + WIDTH + 120}" height="{height}" '
           f'font-family="sans-serif" font-size="11">',
           f'<text x="{LEFT}" y="18" font-size="13">{escape(title)}</text>']
    for decade in range(low, high + 1):
        x = LEFT + (decade - low) * scale
        out.append(f'<line x1="{x:.1f}" y1="{TOP - 6}" x2="{x:.1f}" y2="{height - 34}" stroke="#ccc"/>')
        out.append(f'<text x="{x:.1f}" y="{height - 22}" text-anchor="middle">{_seconds(decade)}</text>')
    for i, program in enumerate(programs):
        y = TOP + i * group
        out.append(f'<text x="{LEFT - 6}" y="{y + group / 2:.1f}" text-anchor="end">{escape(program)}</text>')
        for j, (name, label, by_program) in enumerate(series):
            top = y + j * BAR
            value = by_program.get(program)
            if value:
                length = max(1.0, (math.log10(value) - low) * scale)
                out.append(f'<rect x="{LEFT}" y="{top}" width="{length:.1f}" height="{BAR - 1}" '
                           f'fill="{COLOURS.get(name, "#888")}"><title>{escape(label)}: '
                           f'{value:.4g} s</title></rect>')
            else:
                out.append(f'<text x="{LEFT + 3}" y="{top + BAR - 1}" font-size="8">{escape(label)}: '
                           f'no value</text>')
    for j, (name, label, _) in enumerate(series):
        out.append(f'<rect x="{LEFT + WIDTH + 10}" y="{TOP + j * 16}" width="10" height="10" '
                   f'fill="{COLOURS.get(name, "#888")}"/>')
        out.append(f'<text x="{LEFT + WIDTH + 24}" y="{TOP + j * 16 + 9}">{escape(label)}</text>')
    out.append(f'<text x="{LEFT + WIDTH / 2}" y="{height - 6}" text-anchor="middle">seconds (log scale, '
               f'shorter is faster)</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _seconds(decade):
    value = 10.0 ** decade
    if value >= 1:
        return f"{value:g} s"
    if value >= 1e-3:
        return f"{value * 1e3:g} ms"
    return f"{value * 1e6:g} us"
