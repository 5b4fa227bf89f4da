#!/usr/bin/env python3
"""Writes resources/demo/sightings/case_sightings_ILLUSTRATIVE.geojson: example
sightings of the case for the demo project, in the interchange format of
`sightline sightings import` (the property names of sightingToJson).

What each sighting says comes from the reporting in ../shared/seeds (RUSI via The
Washington Post of 16 Oct 2023, The New York Times, CSIS of 6 Oct 2023); where the
reporting gives no date, the date is chosen to agree with the demo's SIMULATED AIS
(tools/make_demo_ais.py, seed 7) and the notes say so. Positions are approximate:
no open imagery of Rajin, Dunai, Tumangang or Tikhoretsk is bundled.
"""
import json
import os

ANGARA, MARIA = 273145020, 273219530
WAPO = "RUSI analysis reported by The Washington Post, 16 Oct 2023"
NYT = "RUSI analysis reported by The New York Times, Oct 2023"
CSIS = "CSIS Beyond Parallel report, 6 Oct 2023"


def sighting(kind, geometry, observed, source, provider, notes, tags, reliability="B", credibility=2,
             count=0, mmsi=0, vessel=""):
    return {
        "type": "Feature",
        "geometry": geometry,
        "properties": {
            "kind": kind, "observed_at": observed, "imagery_source": source, "imagery_provider": provider,
            "imagery_acquired": observed, "imagery_resolution_m": 0, "count": count, "vessel_mmsi": mmsi,
            "vessel_name": vessel, "source_reliability": reliability, "information_credibility": credibility,
            "analyst": "Sightline demo", "notes": notes, "tags": ", ".join(tags),
        },
    }


def point(lon, lat):
    return {"type": "Point", "coordinates": [lon, lat]}


def polygon(ring):
    return {"type": "Polygon", "coordinates": [ring + [ring[0]]]}


def rail_car_marks():
    # 73 cars on three sidings of the Tumangang yard, as an analyst would click them.
    marks = []
    for row, (lat, cars) in enumerate([(42.3952, 25), (42.3978, 24), (42.4004, 24)]):
        for i in range(cars):
            marks.append([round(130.6150 + i * 0.00066 + row * 0.0003, 6), lat])
    assert len(marks) == 73
    return {"type": "MultiPoint", "coordinates": marks}


def main():
    features = [
        sighting("vessel", point(130.2965, 42.2415), "2023-10-05T02:30:00Z", "Commercial satellite image", "Planet Labs via RUSI",
                 "ANGARA alongside the north quay at Rajin, loading containers; AIS dark. The reporting shows both ships at "
                 "different Rajin docks without dates (" + WAPO + "); ILLUSTRATIVE date agreeing with the demo's SIMULATED AIS.",
                 ["Rajin", "dark", "loading", "demo"], mmsi=ANGARA, vessel="ANGARA"),
        sighting("vessel", point(130.3035, 42.2365), "2023-10-05T02:30:00Z", "Commercial satellite image", "Planet Labs via RUSI",
                 "MARIA at the second Rajin dock, the other ship loading at a different quay (" + WAPO + "); ILLUSTRATIVE date.",
                 ["Rajin", "dark", "loading", "demo"], mmsi=MARIA, vessel="MARIA"),
        sighting("containers", polygon([[130.2915, 42.2400], [130.2960, 42.2392], [130.2968, 42.2410], [130.2922, 42.2418]]),
                 "2023-10-05T02:30:00Z", "Commercial satellite image", "Planet Labs via RUSI",
                 "Container stacks on the quay beside ANGARA, same size and colour as those later seen at Dunai and Tikhoretsk "
                 "(" + NYT + "); outline approximate.", ["Rajin", "containers", "demo"]),
        sighting("vessel", point(132.3525, 42.8815), "2023-10-14T01:50:00Z", "Commercial satellite image", "Planet Labs via RUSI",
                 "MARIA at Dunai offloading cargo on Saturday 14 Oct 2023, the latest delivery from Rajin (" + WAPO + ").",
                 ["Dunai", "offloading", "demo"], reliability="B", credibility=2, mmsi=MARIA, vessel="MARIA"),
        sighting("containers", polygon([[132.3440, 42.8800], [132.3500, 42.8792], [132.3510, 42.8822], [132.3452, 42.8830]]),
                 "2023-10-14T01:50:00Z", "Commercial satellite image", "Planet Labs via RUSI",
                 "Containers from Rajin on the Dunai quay being loaded onto trains; shipments bound for Dunai photographed on "
                 "14 Oct (" + NYT + "); outline approximate.", ["Dunai", "containers", "rail", "demo"]),
        sighting("rail cars", rail_car_marks(), "2023-10-05T00:00:00Z", "Commercial satellite image", "CSIS Beyond Parallel",
                 "73 freight rail cars at the Tumangang rail facility on the DPRK–Russia border, far above the traffic seen in the "
                 "previous five years (" + CSIS + "). Marks placed schematically on the yard's sidings; image date approximate "
                 "(the report of 6 Oct).", ["Tumangang", "rail", "count", "demo"], count=73),
        sighting("pits", polygon([[40.1950, 45.8960], [40.2240, 45.8960], [40.2240, 45.9120], [40.1950, 45.9120]]),
                 "2023-09-30T00:00:00Z", "Commercial satellite image", "via RUSI",
                 "Ammunition depot near Tikhoretsk: from a modest number of storage pits to more than 100 newly dug by the end "
                 "of September (" + NYT + "); area approximate.", ["Tikhoretsk", "pits", "demo"], credibility=2),
        sighting("containers", {"type": "LineString", "coordinates": [[40.1990, 45.8985], [40.2080, 45.8990], [40.2170, 45.8996]]},
                 "2023-10-10T00:00:00Z", "Commercial satellite image", "Planet Labs via RUSI",
                 "Containers lined up next to the pits as rail cars arrived, colour and size matching the Dunai shipments "
                 "(" + WAPO + "); date within 'recent weeks' of the report, ILLUSTRATIVE.", ["Tikhoretsk", "containers", "rail", "demo"],
                 credibility=3),
    ]
    out = os.path.join(os.path.dirname(__file__), "..", "resources", "demo", "sightings", "case_sightings_ILLUSTRATIVE.geojson")
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"type": "FeatureCollection", "name": "case_sightings_ILLUSTRATIVE", "features": features}, f,
                  indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"wrote {len(features)} sightings to {os.path.normpath(out)}")


if __name__ == "__main__":
    main()
