#include "geo/coordinateformat.h"
#include "geo/geodesic.h"

#include <catch2/catch.hpp>

#include <QString>

#include <cmath>
#include <string>

using namespace sightline;
using Catch::Matchers::Contains;

namespace {

std::string str(const QString &s)
{
    return s.toStdString();
}

QString qs(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

} // namespace

TEST_CASE("Decimal degrees are written with hemispheres or as a signed pair", "[geo][coordinates]")
{
    CHECK(str(CoordinateFormat::toDecimalDegrees(130.3, 42.25)) == "42.25000°N 130.30000°E");
    CHECK(str(CoordinateFormat::toDecimalDegrees(151.2, -33.9)) == "33.90000°S 151.20000°E");
    CHECK(str(CoordinateFormat::toDecimalDegrees(-73.78, 40.64, 2)) == "40.64°N 73.78°W");
    // a hair south of the equator still reads as 0°N, never "0.00000°S"
    CHECK(str(CoordinateFormat::toDecimalDegrees(-0.000001, -0.000001)) == "0.00000°N 0.00000°E");

    CHECK(str(CoordinateFormat::toDecimalPair(130.3, 42.25)) == "42.250000, 130.300000");
    CHECK(str(CoordinateFormat::toDecimalPair(151.2, -33.9)) == "-33.900000, 151.200000");
    CHECK(str(CoordinateFormat::toDecimalPair(-0.0000001, -0.0000001)) == "0.000000, 0.000000");
    CHECK(str(CoordinateFormat::toDecimalPair(-73.78, 40.64, 3)) == "40.640, -73.780");

    CHECK(CoordinateFormat::toDecimalDegrees(NAN, 1.0).isEmpty());
}

TEST_CASE("Degrees, minutes and seconds", "[geo][coordinates]")
{
    CHECK(str(CoordinateFormat::toDms(130.3, 42.25)) == "42°15'00.0\"N 130°18'00.0\"E");
    CHECK(str(CoordinateFormat::toDms(-73.78, 40.64)) == "40°38'24.0\"N 73°46'48.0\"W");
    CHECK(str(CoordinateFormat::toDms(151.2, -33.9, 0)) == "33°54'00\"S 151°12'00\"E");
    CHECK(str(CoordinateFormat::toDms(130.3 + 1.0 / 3600.0 * 5.25, 42.25, 2)) ==
          "42°15'00.00\"N 130°18'05.25\"E");
    // 42.999999° is 42°59'59.9964": rounding to a tenth must carry into minutes and degrees
    CHECK(str(CoordinateFormat::toDms(-5.0, 42.999999)) == "43°00'00.0\"N 5°00'00.0\"W");
    CHECK(str(CoordinateFormat::toDms(0.0, 0.0)) == "0°00'00.0\"N 0°00'00.0\"E");
}

TEST_CASE("MGRS matches GeographicLib's GeoConvert", "[geo][coordinates][mgrs]")
{
    // Expected strings from GeographicLib 2.1.2: echo "LAT LON" | GeoConvert -m -p P
    // (GeoConvert's -p P gives P + 5 digits; spaces added as maps print them).
    struct Row
    {
        double lat, lon;
        int digits;
        const char *mgrs;
    };
    const Row rows[] = {
        {42.25, 130.3, 5, "52T FM 07241 78352"}, // Rajin
        {43.1, 131.9, 5, "52T GN 35997 76002"},  // Vladivostok
        {-33.9, 151.2, 5, "56H LH 33568 47473"}, // southern hemisphere
        {0.0, 0.0, 5, "31N AA 66021 00000"},
        {-0.00001, -0.00001, 5, "30M ZE 33977 99998"}, // just south-west of 0,0
        {42.25, 131.99999, 5, "52T GM 47488 81892"},   // zone 52's eastern edge
        {42.25, 132.00001, 5, "53T KG 52511 81892"},   // ... and just across it
        {60.5, 5.5, 5, "32V LN 07793 12209"},          // the Norway zone exception
        {20.0, -170.0, 0, "02Q PH"},                   // 100 km square only
        {42.25, 130.3, 1, "52T FM 0 7"},
        {89.0, 0.0, 5, "Z AF 00000 88973"}, // UPS north
        {85.0, -60.0, 5, "Y TE 18959 22271"},
        {-85.0, 10.0, 5, "B AT 96454 47018"}, // UPS south
    };
    for (const Row &r : rows) {
        INFO("lat " << r.lat << " lon " << r.lon << " digits " << r.digits);
        CHECK(str(CoordinateFormat::toMgrs(r.lon, r.lat, r.digits)) == r.mgrs);
    }
    CHECK(str(CoordinateFormat::toMgrs(130.3, 42.25)) == "52T FM 07241 78352"); // 1 m by default
}

TEST_CASE("MGRS to lon/lat gives the centre of the cell", "[geo][coordinates][mgrs]")
{
    // echo 52TFN1234567890 | GeoConvert -p 9 → 43.05540118617773 130.37956197948856
    for (const char *text :
         {"52TFN1234567890", "52T FN 12345 67890", "52tfn 12345 67890", " 52T FN 1234567890 "}) {
        INFO(text);
        const ParsedCoordinate p = CoordinateFormat::fromMgrs(qs(text));
        REQUIRE(p.ok);
        CHECK(p.lonLat.x() == Approx(130.37956197948856).margin(1e-11));
        CHECK(p.lonLat.y() == Approx(43.05540118617773).margin(1e-11));
        const ParsedCoordinate viaParse = CoordinateFormat::parse(qs(text));
        REQUIRE(viaParse.ok);
        CHECK(viaParse.lonLat == p.lonLat);
    }
    // echo 52TFM | GeoConvert -p 9 → 41.98773097808884 130.81082871584709
    const ParsedCoordinate square = CoordinateFormat::fromMgrs(QStringLiteral("52TFM"));
    REQUIRE(square.ok);
    CHECK(square.lonLat.x() == Approx(130.81082871584709).margin(1e-11));
    CHECK(square.lonLat.y() == Approx(41.98773097808884).margin(1e-11));
}

TEST_CASE("MGRS round trips land within the precision", "[geo][coordinates][mgrs]")
{
    struct Point
    {
        const char *name;
        double lon, lat;
    };
    const Point points[] = {
        {"Rajin", 130.3, 42.25},
        {"Vladivostok", 131.9, 43.1},
        {"Tumangang", 130.6278, 42.4233},
        {"Tikhoretsk", 40.1264, 45.8547},
        {"Sydney", 151.2, -33.9},
        {"Cape Horn", -67.2753, -55.9798},
        {"zone 52 east edge", 131.999999, 42.25},
        {"zone 53 west edge", 132.000001, 42.25},
        {"equator, south side", 0.5, -0.000001},
        {"antimeridian", 179.999, -16.5},
        {"UPS north", 45.0, 86.0},
        {"UPS south", -120.0, -81.0},
    };
    for (const Point &pt : points) {
        for (int digits = 0; digits <= 5; ++digits) {
            const QString mgrs = CoordinateFormat::toMgrs(pt.lon, pt.lat, digits);
            INFO(pt.name << " at " << digits << " digits: " << str(mgrs));
            REQUIRE_FALSE(mgrs.isEmpty());
            const ParsedCoordinate back = CoordinateFormat::parse(mgrs);
            REQUIRE(back.ok);
            // The reference names a square of side 10^(5-digits) m; its centre is
            // at most half a diagonal away (plus UTM scale error, under 0.1%).
            const double cell = std::pow(10.0, 5 - digits);
            const double offset = Geodesic::inverse(QPointF(pt.lon, pt.lat), back.lonLat).distanceMetres;
            CHECK(offset <= cell * std::sqrt(0.5) * 1.001);
            // and the centre of a 1 m cell formats to the same reference (a coarser
            // cell may straddle a zone edge, putting its centre in the next zone)
            if (digits == 5)
                CHECK(str(CoordinateFormat::toMgrs(back.lonLat.x(), back.lonLat.y(), digits)) == str(mgrs));
        }
    }
}

TEST_CASE("MGRS errors", "[geo][coordinates][mgrs]")
{
    QString error;
    CHECK(CoordinateFormat::toMgrs(130.3, 95.0, 5, &error).isEmpty());
    CHECK_THAT(str(error), Contains("latitude"));
    CHECK(CoordinateFormat::toMgrs(130.3, 42.25, 12, &error).isEmpty());
    CHECK_THAT(str(error), Contains("precision"));
    CHECK(CoordinateFormat::toMgrs(NAN, 42.25, 5, &error).isEmpty());
    CHECK_FALSE(error.isEmpty());

    for (const char *bad : {"52TFN123456789", "52TFN12345X7890", "99TFN1234567890", "52IFN12345", ""}) {
        const ParsedCoordinate p = CoordinateFormat::fromMgrs(qs(bad));
        INFO("'" << bad << "' → " << str(p.error));
        CHECK_FALSE(p.ok);
        CHECK_THAT(str(p.error), Contains("MGRS"));
    }
    // through parse too, with GeographicLib's reason passed on
    const ParsedCoordinate odd = CoordinateFormat::parse(QStringLiteral("52T FN 12345 6789"));
    CHECK_FALSE(odd.ok);
    CHECK_THAT(str(odd.error), Contains("invalid MGRS reference '52T FN 12345 6789'"));
    CHECK_THAT(str(odd.error), Contains("even number of digits"));
}

TEST_CASE("Parsing every form analysts type", "[geo][coordinates][parse]")
{
    const double lat151530 = 42.0 + 15.0 / 60.0 + 30.5 / 3600.0;
    struct Row
    {
        const char *text;
        double lon, lat;
    };
    const Row rows[] = {
        // decimal pairs: latitude first
        {"42.25, 130.3", 130.3, 42.25},
        {"42.25 130.3", 130.3, 42.25},
        {"42.25,130.3", 130.3, 42.25},
        {"42.25; 130.3", 130.3, 42.25},
        {"  42.25 ,  130.3  ", 130.3, 42.25},
        {"-33.9, 151.2", 151.2, -33.9},
        {"-33.9 151.2", 151.2, -33.9},
        {"-33.9 -70.5", -70.5, -33.9},
        {"\u221233.9, 151.2", 151.2, -33.9}, // typographic minus
        {"+42.25, +130.3", 130.3, 42.25},
        {"42 130", 130.0, 42.0},
        {".5, -.5", -0.5, 0.5},
        {"42.250000, 130.300000", 130.3, 42.25}, // toDecimalPair's own output
        // hemisphere letters
        {"42.25N 130.3E", 130.3, 42.25},
        {"42.25 N, 130.3 E", 130.3, 42.25},
        {"42.25N130.3E", 130.3, 42.25},
        {"42.25°N 130.3°E", 130.3, 42.25},
        {"42.25000°N 130.30000°E", 130.3, 42.25}, // toDecimalDegrees' own output
        {"33.9S 151.2E", 151.2, -33.9},
        {"40.64n 73.78w", -73.78, 40.64},
        {"130.3E 42.25N", 130.3, 42.25}, // longitude first is fine when lettered
        {"42.25N, 130.3", 130.3, 42.25},
        {"130.3, 42.25N", 130.3, 42.25},
        {"N42.25 E130.3", 130.3, 42.25},
        {"N42.25 130.3E", 130.3, 42.25},
        {"S 33.9, E 151.2", 151.2, -33.9},
        // degrees, minutes, seconds
        {"42°15'N 130°18'E", 130.3, 42.25},
        {"42°15'30.5\"N 130°18'E", 130.3, lat151530},
        {"42°15'30.5''N 130°18'E", 130.3, lat151530},   // two apostrophes for seconds
        {"42º15′30.5″N 130º18′E", 130.3, lat151530},    // ordinal sign and primes
        {"42°15’30.5”N, 130°18’E", 130.3, lat151530},   // word-processor quotes
        {"42d15'30.5\"N 130d18'E", 130.3, lat151530},   // GeographicLib's DMS
        {"42°15'00.0\"N 130°18'00.0\"E", 130.3, 42.25}, // toDms's own output
        {"42 15 00 N, 130 18 00 E", 130.3, 42.25},
        {"42 15 00N 130 18 00E", 130.3, 42.25},
        {"N42 15 00 E130 18 00", 130.3, 42.25},
        {"N 42°15' E 130°18'", 130.3, 42.25},
        {"42°15.5'N 130°18.25'E", 130.0 + 18.25 / 60.0, 42.0 + 15.5 / 60.0}, // degrees and decimal minutes
        {"42°15' 130°18'", 130.3, 42.25},
        {"-42°15', -130°18'", -130.3, -42.25},
        {"42 15 00 130 18 00", 130.3, 42.25},
        {"42 15 130 18", 130.3, 42.25},
        {"42 15.5 130 18", 130.3, 42.0 + 15.5 / 60.0},
        {"33°54'S 151°12'E", 151.2, -33.9},
        {"-0 30, 10", 10.0, -0.5}, // minus zero degrees still means south
        // limits are inclusive
        {"90, 180", 180.0, 90.0},
        {"90S 180W", -180.0, -90.0},
    };
    for (const Row &r : rows) {
        const ParsedCoordinate p = CoordinateFormat::parse(qs(r.text));
        INFO("'" << r.text << "' error: " << str(p.error));
        REQUIRE(p.ok);
        CHECK(p.error.isEmpty());
        CHECK(p.lonLat.x() == Approx(r.lon).margin(1e-12));
        CHECK(p.lonLat.y() == Approx(r.lat).margin(1e-12));
    }
}

TEST_CASE("What the formatter writes, the parser reads back", "[geo][coordinates][parse]")
{
    const QPointF points[] = {{130.3, 42.25}, {-73.78, 40.64}, {151.2, -33.9}, {-67.2753, -55.9798}, {0, 0}};
    for (const QPointF &p : points) {
        for (auto style : {CoordinateFormat::Style::DecimalHemisphere, CoordinateFormat::Style::DecimalPair,
                           CoordinateFormat::Style::Dms, CoordinateFormat::Style::Mgrs}) {
            const QString text = CoordinateFormat::format(p.x(), p.y(), style);
            const ParsedCoordinate back = CoordinateFormat::parse(text);
            INFO(str(text) << " error: " << str(back.error));
            REQUIRE(back.ok);
            // 5 decimals ≈ 1.1 m, a tenth of a second ≈ 3 m, MGRS 1 m cell
            CHECK(Geodesic::inverse(p, back.lonLat).distanceMetres < 2.0);
        }
    }
}

TEST_CASE("Malformed positions are rejected with a message naming the fault", "[geo][coordinates][parse]")
{
    struct Row
    {
        const char *text;
        const char *mentions;
    };
    const Row rows[] = {
        {"", "empty"},
        {"   ", "empty"},
        {"42.25", "single number"},
        {"-33.9", "single number"},
        {"95, 130", "latitude '95' is out of range"},
        {"91N 130E", "latitude '91N' is out of range"},
        {"130.3, 42.25", "latitude comes first"},
        {"42.25, 190", "longitude '190' is out of range"},
        {"42.25, -180.5", "longitude '-180.5' is out of range"},
        {"42°75'N 130°18'E", "minutes must be below 60 in '42°75'N'"},
        {"42°15'N 130°60'E", "minutes must be below 60 in '130°60'E'"},
        {"42 60 00 N, 130 18 00 E", "minutes must be below 60 in '42 60 00 N'"},
        {"42°15'75\"N 130°18'E", "seconds must be below 60 in '42°15'75\"N'"},
        {"42°15'59.99\"N 130°18'60\"E", "seconds must be below 60"},
        {"42N 43N", "two latitudes ('42N' and '43N')"},
        {"42.25N, 33.9S", "two latitudes"},
        {"130E 131W", "two longitudes"},
        {"hello world", "unexpected 'hello'"},
        {"42.25, 130.3x", "unexpected 'x'"},
        {"42.25 # 130.3", "unexpected '#'"},
        {"Rajin", "unexpected 'Rajin'"},
        {"42.25, 130.3, 5", "more than two"},
        {"42.2.5, 130", "malformed number '42.2.5'"},
        {"42.5°15'N 130°E", "degrees must be a whole number when minutes follow"},
        {"42°15.5'30\"N 130°E", "minutes must be a whole number when seconds follow"},
        {"-42.25S 130.3E", "minus sign"},
        {"42 15 00 10 N, 130 E", "too many numbers"},
        {"42'15°N, 130E", "out of order"},
        {"N E 42 130", "two hemisphere letters"},
        {", 42, 130", "misplaced ','"},
        {"42,, 130", "misplaced ','"},
        {"42, 130,", "nothing after the last ','"},
        {"°42, 130", "must follow a number"},
        {"42 130 N", "only one coordinate"},
        {"42.25 130.3 5", "more than two"},
        {"Bay", "unexpected 'Bay'"}, // not the polar MGRS square B AY
        {"42 15 30", "only one coordinate"},
        {"- 42, 130", "'-' is not a number"},
        {",", "misplaced"},
    };
    for (const Row &r : rows) {
        const ParsedCoordinate p = CoordinateFormat::parse(qs(r.text));
        INFO("'" << r.text << "' → " << str(p.error));
        CHECK_FALSE(p.ok);
        CHECK_THAT(str(p.error), Contains(r.mentions));
    }
}
