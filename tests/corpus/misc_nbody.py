# A small n-body simulation: float-heavy arithmetic in nested loops (results printed rounded).
import math

PI = math.pi
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24


def bodies():
    return [
        [[0.0, 0.0, 0.0], [0.0, 0.0, 0.0], SOLAR_MASS],
        [[4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01],
         [1.66007664274403694e-03 * DAYS_PER_YEAR, 7.69901118419740425e-03 * DAYS_PER_YEAR,
          -6.90460016972063023e-05 * DAYS_PER_YEAR], 9.54791938424326609e-04 * SOLAR_MASS],
        [[8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01],
         [-2.76742510726862411e-03 * DAYS_PER_YEAR, 4.99852801234917238e-03 * DAYS_PER_YEAR,
          2.30417297573763929e-05 * DAYS_PER_YEAR], 2.85885980666130812e-04 * SOLAR_MASS],
    ]


def advance(bs, dt, n):
    pairs = [(bs[i], bs[j]) for i in range(len(bs)) for j in range(i + 1, len(bs))]
    for _ in range(n):
        for ([x1, y1, z1], v1, m1), ([x2, y2, z2], v2, m2) in pairs:
            dx, dy, dz = x1 - x2, y1 - y2, z1 - z2
            mag = dt * ((dx * dx + dy * dy + dz * dz) ** (-1.5))
            b1m, b2m = m1 * mag, m2 * mag
            v1[0] -= dx * b2m
            v1[1] -= dy * b2m
            v1[2] -= dz * b2m
            v2[0] += dx * b1m
            v2[1] += dy * b1m
            v2[2] += dz * b1m
        for r, [vx, vy, vz], m in bs:
            r[0] += dt * vx
            r[1] += dt * vy
            r[2] += dt * vz


def energy(bs):
    e = 0.0
    for i, (r, v, m) in enumerate(bs):
        e += m * (v[0] * v[0] + v[1] * v[1] + v[2] * v[2]) / 2.0
        for r2, v2, m2 in bs[i + 1:]:
            d = math.sqrt(sum((a - b) ** 2 for a, b in zip(r, r2)))
            e -= m * m2 / d
    return e


for steps in (10, 100, 500):
    bs = bodies()
    before = energy(bs)
    advance(bs, 0.01, steps)
    print(steps, f"{before:.9f}", f"{energy(bs):.9f}", repr(bs[1][0][0]))
