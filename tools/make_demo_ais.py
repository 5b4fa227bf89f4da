#!/usr/bin/env python3
"""SIMULATED AIS log for the Sightline demo case (nothing here was received from a real ship).

Angara and Maria shuttle between Rajin (DPRK) and Dunai (Primorye, Russia), mid-August
to mid-October 2023, as the reporting in ../shared/seeds describes: AIS on in Russian
waters, switched off on the way to Rajin and back ("going dark"), port stays at both
ends, transits at 9-11 knots. Other traffic (Class A and B) moves around Vladivostok and
Nakhodka. Output: NMEA 4.0 lines with tag blocks (s:SIMULATED station, c: receive
time), types 1/3 (positions), 5 (static, two sentences), 18 and 24 (Class B).

usage: make_demo_ais.py OUT.nmea [--seed 7]
Standard library only, so Debian's /usr/bin/python3 runs it.
"""
import argparse
import math
import random
from datetime import datetime, timezone

ARMOUR = [chr(v + 48 if v < 40 else v + 56) for v in range(64)]
TEXT = "@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_ !\"#$%&'()*+,-./0123456789:;<=>?"

# Approximate public coordinates (lon, lat); the demo layers say so too.
RAJIN = (130.300, 42.238)
RAJIN_OFFING = (130.42, 42.17)
DUNAI = (132.352, 42.882)
DUNAI_OFFING = (132.30, 42.80)
# Sea lanes between them (south of Vladivostok's islands).
LANE = [(130.70, 42.20), (131.30, 42.38), (131.85, 42.52), (132.15, 42.68)]
DARK_BOUNDARY_LON = 131.10  # west of this, on the way to Rajin, the transponders go quiet


class Bits:
    def __init__(self):
        self.v, self.n = 0, 0

    def u(self, width, x):
        self.v = (self.v << width) | (int(x) & ((1 << width) - 1))
        self.n += width
        return self

    def text(self, chars, s):
        s = (s.upper() + "@" * chars)[:chars]
        for c in s:
            self.u(6, TEXT.index(c) if c in TEXT else 0)
        return self

    def armour(self):
        pad = (-self.n) % 6
        v = self.v << pad
        n = self.n + pad
        chars = "".join(ARMOUR[(v >> (n - 6 * (i + 1))) & 63] for i in range(n // 6))
        return chars, pad


def checksum(s):
    x = 0
    for c in s:
        x ^= ord(c)
    return "%02X" % x


def lines_for(bits, t, seq):
    payload, fill = bits.armour()
    parts = [payload[i:i + 60] for i in range(0, len(payload), 60)]
    out = []
    for k, part in enumerate(parts):
        f = fill if k == len(parts) - 1 else 0
        sid = str(seq % 10) if len(parts) > 1 else ""
        body = f"AIVDM,{len(parts)},{k + 1},{sid},A,{part},{f}"
        tag = f"s:SIMULATED,c:{int(t)}"
        out.append(f"\\{tag}*{checksum(tag)}\\!{body}*{checksum(body)}")
    return out


def position_report(mmsi, lon, lat, sog, cog, heading, status, second, msgtype=1):
    b = Bits().u(6, msgtype).u(2, 0).u(30, mmsi).u(4, status).u(8, -128)
    b.u(10, round(sog * 10)).u(1, 1).u(28, round(lon * 600000)).u(27, round(lat * 600000))
    b.u(12, round(cog * 10) % 3600).u(9, heading).u(6, second).u(2, 0).u(3, 0).u(1, 0).u(19, 0)
    return b


def static_report(mmsi, imo, callsign, name, shiptype, dims, destination, draught):
    b = Bits().u(6, 5).u(2, 0).u(30, mmsi).u(2, 0).u(30, imo).text(7, callsign).text(20, name).u(8, shiptype)
    b.u(9, dims[0]).u(9, dims[1]).u(6, dims[2]).u(6, dims[3]).u(4, 1)
    b.u(4, 0).u(5, 0).u(5, 24).u(6, 60).u(8, round(draught * 10)).text(20, destination).u(1, 0).u(1, 0)
    return b


def class_b(mmsi, lon, lat, sog, cog, second):
    b = Bits().u(6, 18).u(2, 0).u(30, mmsi).u(8, 0).u(10, round(sog * 10)).u(1, 0)
    b.u(28, round(lon * 600000)).u(27, round(lat * 600000)).u(12, round(cog * 10) % 3600).u(9, 511)
    b.u(6, second).u(2, 0).u(1, 1).u(1, 0).u(1, 1).u(1, 1).u(1, 1).u(1, 0).u(1, 0).u(20, 0)
    return b


def class_b_name(mmsi, name):
    return Bits().u(6, 24).u(2, 0).u(30, mmsi).u(2, 0).text(20, name).u(8, 0)


def bearing(a, b):
    dx = (b[0] - a[0]) * math.cos(math.radians((a[1] + b[1]) / 2))
    dy = b[1] - a[1]
    return (math.degrees(math.atan2(dx, dy)) + 360) % 360


def distance_nm(a, b):
    dx = (b[0] - a[0]) * math.cos(math.radians((a[1] + b[1]) / 2))
    dy = b[1] - a[1]
    return math.hypot(dx, dy) * 60


class Voyage:
    """A ship's reports: along a route at a speed, or moored, with AIS on or off."""

    def __init__(self, mmsi, rng):
        self.mmsi, self.rng, self.events = mmsi, rng, []

    def moored(self, t0, t1, where, every_s, status=5):
        t = t0
        while t < t1:
            jitter = (self.rng.uniform(-1, 1) * 0.0002, self.rng.uniform(-1, 1) * 0.0002)
            self.events.append((t, where[0] + jitter[0], where[1] + jitter[1], 0.0, self.rng.uniform(0, 359), status, True))
            t += every_s * self.rng.uniform(0.8, 1.2)
        return t1

    def sail(self, t0, route, knots, every_s, dark=lambda lon, lat: False):
        t = t0
        for a, b in zip(route, route[1:]):
            legs = distance_nm(a, b) / knots * 3600
            course = bearing(a, b)
            steps = max(1, int(legs / every_s))
            for k in range(steps):
                f = k / steps
                lon, lat = a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f
                speed = knots + self.rng.uniform(-0.6, 0.6)
                self.events.append((t + legs * f, lon, lat, speed, course, 0, not dark(lon, lat)))
            t += legs
        return t


def simulate(seed):
    rng = random.Random(seed)
    start = datetime(2023, 8, 14, 6, 0, tzinfo=timezone.utc).timestamp()
    end = datetime(2023, 10, 16, 0, 0, tzinfo=timezone.utc).timestamp()
    ships = {
        # mmsi: (name, imo, call sign, type, dims, start delay h, knots, lane offset ° lat)
        273145020: ("ANGARA", 9179842, "UBFW7", 70, (80, 22, 9, 9), 0, 10.5, 0.0),
        273219530: ("MARIA", 9144665, "UBKM3", 70, (74, 20, 8, 8), 60, 9.5, -0.025),
    }
    voyages, statics = [], []
    for mmsi, (name, imo, cs, stype, dims, offset_h, knots, lane_dy) in ships.items():
        v = Voyage(mmsi, rng)
        t = start + offset_h * 3600
        t = v.moored(start, t, DUNAI, 600) if offset_h else t
        lane = [(lon, lat + lane_dy) for lon, lat in LANE]
        to_rajin = [DUNAI, DUNAI_OFFING] + lane[::-1] + [RAJIN_OFFING, RAJIN]
        dark = lambda lon, lat: lon < DARK_BOUNDARY_LON  # noqa: E731
        while t < end - 6 * 86400:
            t = v.moored(t, t + rng.uniform(2.0, 3.5) * 86400, DUNAI, 600)       # loading at Dunai, AIS on
            t = v.sail(t, to_rajin, knots, 120, dark)                           # goes dark west of 131.1E
            t = v.moored(t, t + rng.uniform(1.5, 3.0) * 86400, RAJIN, 600)
            v.events[-1:] = v.events[-1:]  # (stays dark in Rajin: the events below carry the flag)
            for i in range(len(v.events) - 1, -1, -1):                         # the Rajin stay is unheard
                if v.events[i][1] < DARK_BOUNDARY_LON:
                    e = v.events[i]
                    v.events[i] = e[:6] + (False,)
                else:
                    break
            t = v.sail(t, to_rajin[::-1], knots, 120, dark)                     # back, AIS on again east of 131.1E
        t = v.moored(t, end, DUNAI, 600)
        voyages.append(v)
        statics.append((mmsi, imo, cs, name, stype, dims, "DUNAI", 6.8))

    # Other traffic: cargo and tankers around Vladivostok and Nakhodka, and a few Class B boats.
    others = [
        (273318110, "ZOLOTOY ROG", 9305568, "UBAK2", 70, [(131.88, 43.10), (131.95, 42.95), (132.40, 42.70), (132.88, 42.80)], 11),
        (273447210, "PRIMORYE", 9234151, "UCCL5", 80, [(132.88, 42.80), (132.60, 42.55), (131.70, 42.45), (131.00, 42.30)], 12),
        (412440590, "HAI XING 7", 9412321, "BOPQ9", 70, [(131.0, 41.9), (131.6, 42.4), (131.97, 42.93), (131.93, 43.06), (131.88, 43.10)], 13),
        (440117000, "SUNRISE BUSAN", 9356117, "D7AB3", 70, [(132.9, 42.2), (132.85, 42.75)], 14),
    ]
    for mmsi, name, imo, cs, stype, route, knots in others:
        v = Voyage(mmsi, rng)
        t = start + rng.uniform(0, 2) * 86400
        while t < end - 3 * 86400:
            t = v.sail(t, route, knots, 300)
            t = v.moored(t, t + rng.uniform(1, 2) * 86400, route[-1], 1800)
            t = v.sail(t, route[::-1], knots, 300)
            t = v.moored(t, t + rng.uniform(1, 2) * 86400, route[0], 1800)
        voyages.append(v)
        statics.append((mmsi, imo, cs, name, stype, (120, 30, 12, 12), "VLADIVOSTOK", 8.5))
    class_b_boats = [(273900101, "SEMYON"), (273900202, "ALBATROS")]
    for mmsi, name in class_b_boats:
        v = Voyage(mmsi, rng)
        t = start + 86400
        # Small boats out of Vladivostok's western moorings into Amur Bay and back.
        home = (131.86 + rng.uniform(-0.02, 0.02), 43.08 + rng.uniform(-0.02, 0.02))
        while t < end - 86400:
            trip = [home, (rng.uniform(131.62, 131.80), rng.uniform(43.02, 43.22)), home]
            t = v.sail(t, trip, 7, 600)
            t = v.moored(t, t + rng.uniform(2, 5) * 86400, home, 3600, status=15)
        voyages.append(v)
        statics.append((mmsi, None, None, name, 37, None, None, None))
    return voyages, statics, start, end


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    voyages, statics, start, end = simulate(args.seed)
    rows = []
    class_b_mmsi = {s[0] for s in statics if s[1] is None}
    for v in voyages:
        for (t, lon, lat, sog, cog, status, on) in v.events:
            if not on or t < start or t >= end:
                continue
            second = int(t) % 60
            if v.mmsi in class_b_mmsi:
                bits = class_b(v.mmsi, lon, lat, sog, cog, second)
            else:
                heading = int(round(cog)) % 360 if sog > 0.5 else 511
                bits = position_report(v.mmsi, lon, lat, sog, cog, heading, status, second, 1 if sog > 0.5 else 3)
            rows.append((t, v.mmsi, bits))
    # Static reports every 6 hours while the transponder is heard.
    for mmsi, imo, cs, name, stype, dims, dest, draught in statics:
        heard = sorted(t for (t, m, _) in rows if m == mmsi)
        next_t = 0
        for t in heard:
            if t >= next_t:
                bits = (class_b_name(mmsi, name) if imo is None
                        else static_report(mmsi, imo, cs, name, stype, dims, dest, draught))
                rows.append((t + 1, mmsi, bits))
                next_t = t + 6 * 3600
    rows.sort(key=lambda r: r[0])
    with open(args.out, "w") as f:
        f.write("# SIMULATED AIS log for the Sightline demo - not real reception. Made by tools/make_demo_ais.py\n")
        f.write("# Angara and Maria shuttling Rajin-Dunai with AIS off west of 131.1E, Aug-Oct 2023; other traffic.\n")
        seq = 0
        for t, _, bits in rows:
            for line in lines_for(bits, t, seq):
                f.write(line + "\n")
            seq += 1
    print(f"{args.out}: {len(rows)} messages")


if __name__ == "__main__":
    main()
