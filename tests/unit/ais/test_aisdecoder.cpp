#include "../catchstringmakers.h"

#include "ais/aisdecoder.h"
#include "ais/aisformat.h"
#include "ais/aislog.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <variant>
#include <vector>

using namespace sightline::ais;

namespace {

constexpr double kAbsent = AisMessage::kAbsent;

std::vector<AisMessage> decodeText(const std::string &text, AisLogSummary &summary)
{
    std::vector<AisMessage> out;
    readAisLogData(
        text.data(), text.size(), [&](const AisMessage &m, const RawMessage &) { out.push_back(m); },
        summary);
    return out;
}

// A field's expected value: a number (flags as 0/1, NaN for "absent") or a text.
using Value = std::variant<double, std::string>;
struct Expected
{
    Expected(std::string f, double v)
        : field(std::move(f))
        , value(v)
    {
    }
    Expected(std::string f, std::string text)
        : field(std::move(f))
        , value(std::move(text))
    {
    }
    std::string field;
    Value value;
};

#define SL_NUMBER(key, member)                                                                               \
    {                                                                                                        \
        key, [](const AisMessage &m) { return Value(double(m.member)); }                                     \
    }
#define SL_TEXT(key, member)                                                                                 \
    {                                                                                                        \
        key, [](const AisMessage &m) { return Value(m.member); }                                             \
    }

// A message's fields by gpsd's JSON names (Sightline's member names where gpsd has none).
Value field(const AisMessage &message, const std::string &name)
{
    static const std::map<std::string, std::function<Value(const AisMessage &)>> fields = {
        SL_NUMBER("repeat", repeat),
        SL_NUMBER("status", status),
        SL_NUMBER("turn", turn),
        SL_NUMBER("speed", speed),
        SL_NUMBER("accuracy", accuracy),
        SL_NUMBER("lon", lon),
        SL_NUMBER("lat", lat),
        SL_NUMBER("course", course),
        SL_NUMBER("heading", heading),
        SL_NUMBER("second", second),
        SL_NUMBER("maneuver", maneuver),
        SL_NUMBER("raim", raim),
        SL_NUMBER("radio", radio),
        SL_NUMBER("year", year),
        SL_NUMBER("month", month),
        SL_NUMBER("day", day),
        SL_NUMBER("hour", hour),
        SL_NUMBER("minute", minute),
        SL_NUMBER("utc_second", utcSecond),
        SL_NUMBER("epfd", epfd),
        SL_NUMBER("ais_version", aisVersion),
        SL_NUMBER("imo", imo),
        SL_TEXT("callsign", callsign),
        SL_TEXT("shipname", shipname),
        SL_NUMBER("shiptype", shiptype),
        SL_NUMBER("to_bow", toBow),
        SL_NUMBER("to_stern", toStern),
        SL_NUMBER("to_port", toPort),
        SL_NUMBER("to_starboard", toStarboard),
        SL_NUMBER("eta_month", etaMonth),
        SL_NUMBER("eta_day", etaDay),
        SL_NUMBER("eta_hour", etaHour),
        SL_NUMBER("eta_minute", etaMinute),
        SL_NUMBER("draught", draught),
        SL_TEXT("destination", destination),
        SL_NUMBER("dte", dte),
        SL_NUMBER("alt", alt),
        SL_NUMBER("reserved", reserved),
        SL_NUMBER("regional", regional),
        SL_NUMBER("cs", cs),
        SL_NUMBER("display", display),
        SL_NUMBER("dsc", dsc),
        SL_NUMBER("band", band),
        SL_NUMBER("msg22", msg22),
        SL_NUMBER("assigned", assigned),
        SL_NUMBER("aid_type", aidType),
        SL_NUMBER("off_position", offPosition),
        SL_NUMBER("virtual_aid", virtualAid),
        SL_NUMBER("partno", partno),
        SL_TEXT("vendorid", vendorid),
        SL_NUMBER("model", model),
        SL_NUMBER("serial", serial),
        SL_NUMBER("mothership_mmsi", mothershipMmsi),
        SL_NUMBER("gnss", gnss),
    };
    const auto it = fields.find(name);
    REQUIRE(it != fields.end());
    return it->second(message);
}

#undef SL_NUMBER
#undef SL_TEXT

struct Row
{
    const char *what;
    std::string nmea;
    int type;
    std::uint32_t mmsi;
    std::vector<Expected> expected;
};

// Real sentences with known decodes: the reference decodes in the comments of gpsd's
// sample.aivdm (noaadata, Maritec), confirmed bit for bit by gpsdecode 3.22 where the
// comment is silent or unscaled.
const std::vector<Row> &knownMessages()
{
    static const std::vector<Row> rows = {
        {"type 1, fast left turn (sample.aivdm, Kurt Schwehr)",
         "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A",
         1,
         371798000,
         {{"repeat", 0},
          {"status", 0},
          {"turn", -127},
          {"speed", 12.3},
          {"accuracy", 1},
          {"lon", -123.395383333},
          {"lat", 48.38163333333},
          {"course", 224},
          {"heading", 215},
          {"second", 33},
          {"maneuver", 0},
          {"raim", 0},
          // sync state 0, slot time-out 2, slot offset 1249
          {"radio", (2 << 14) + 1249}}},
        {"type 1, no heading and no turn information",
         "!AIVDM,1,1,,A,16SteH0P00Jt63hHaa6SagvJ087r,0*42",
         1,
         440348000,
         {{"turn", -128},
          {"speed", 0},
          {"accuracy", 0},
          {"lon", -70.7582},
          {"lat", 43.08015},
          {"course", 93.4},
          {"heading", -1},
          {"second", 13},
          {"radio", (2 << 14) + 506}}},
        {"type 2, fast right turn",
         "!AIVDM,1,1,,B,25Cjtd0Oj;Jp7ilG7=UkKBoB0<06,0*60",
         2,
         356302000,
         {{"turn", 127},
          {"speed", 13.9},
          {"lon", -71.62614333333333},
          {"lat", 40.39235833333333},
          {"course", 87.7},
          {"heading", 91},
          {"second", 41},
          {"radio", (3 << 14) + 6}}},
        {"type 3, moored",
         "!AIVDM,1,1,,A,38Id705000rRVJhE7cl9n;160000,0*40",
         3,
         563808000,
         {{"status", 5},
          {"turn", 0},
          {"speed", 0},
          {"accuracy", 1},
          {"lon", -76.32753333333333},
          {"lat", 36.91},
          {"course", 252},
          {"heading", 352},
          {"second", 35},
          {"radio", 0}}},
        {"type 4, base station",
         "!AIVDM,1,1,,A,403OviQuMGCqWrRO9>E6fE700@GO,0*4D",
         4,
         3669702,
         {{"year", 2007},
          {"month", 5},
          {"day", 14},
          {"hour", 19},
          {"minute", 57},
          {"utc_second", 39},
          {"accuracy", 1},
          {"lon", -76.35236166666667},
          {"lat", 36.88376666666667},
          {"epfd", 7},
          {"raim", 0},
          {"radio", (4 << 14) + 1503}}},
        {"type 4 with time and position not available",
         "!AIVDM,1,1,,A,402Fha0000Htt<tSF0l4Q@000d20,0*65",
         4,
         2470052,
         {{"year", 0},
          {"month", 0},
          {"day", 0},
          {"hour", 24},
          {"minute", 60},
          {"utc_second", 60},
          {"lon", kAbsent},
          {"lat", kAbsent},
          {"epfd", 0},
          {"radio", 180352}}},
        {"type 5 in two sentences",
         "!AIVDM,2,1,1,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*1C\n"
         "!AIVDM,2,2,1,A,88888888880,2*25",
         5,
         351759000,
         {{"ais_version", 0},
          {"imo", 9134270},
          {"callsign", "3FOF8"},
          {"shipname", "EVER DIADEM"},
          {"shiptype", 70},
          {"to_bow", 225},
          {"to_stern", 70},
          {"to_port", 1},
          {"to_starboard", 31},
          {"epfd", 1},
          {"eta_month", 5},
          {"eta_day", 15},
          // The comment says 16; bits 283–287 hold 14, as gpsdecode reads them too.
          {"eta_hour", 14},
          {"eta_minute", 0},
          {"draught", 12.2},
          {"destination", "NEW YORK"},
          {"dte", 0}}},
        {"type 9, SAR aircraft",
         "!AIVDM,1,1,,A,91b77=h3h00nHt0Q3r@@07000<0b,0*69",
         9,
         111265591,
         {{"alt", 15},
          {"speed", 0},
          {"accuracy", 0},
          {"lon", 7128960 / 600000.0},
          {"lat", 34667073 / 600000.0},
          {"course", 0},
          {"second", 28},
          {"regional", 0},
          {"dte", 0},
          {"assigned", 0},
          {"raim", 0},
          // The comment's 24597 is this 20-bit field without its last bit.
          {"radio", 49194}}},
        {"type 9 moving",
         "!AIVDM,1,1,,B,91b55wi;hbOS@OdQAC062Ch2089h,0*30",
         9,
         111232511,
         {{"alt", 303},
          {"speed", 42},
          {"lon", (0xFC683F6 - 0x10000000) / 600000.0},
          {"lat", 0x2145300 / 600000.0},
          {"course", 154.5},
          {"second", 15},
          {"dte", 1},
          {"radio", 33392}}},
        {"type 11 with the US Coast Guard's fields after the checksum",
         "!AIVDM,1,1,,B,;4R33:1uUK2F`q?mOt@@GoQ00000,0*5D,s28089,d-103,T39.44353985,x147521,r08TPHI1,"
         "1242958962",
         11,
         304137000,
         {{"year", 2009},
          {"month", 5},
          {"day", 22},
          {"hour", 2},
          {"minute", 22},
          {"utc_second", 40},
          {"accuracy", 1},
          {"lon", -94.40768333333333},
          {"lat", 28.40911666666667},
          {"epfd", 1},
          {"radio", 0}}},
        {"type 18, class B",
         "!AIVDM,1,1,,A,B52K>;h00Fc>jpUlNV@ikwpUoP06,0*4C",
         18,
         338087471,
         {{"reserved", 0},
          {"speed", 0.1},
          {"accuracy", 0},
          {"lon", -74.07213166666667},
          {"lat", 40.68454},
          {"course", 79.6},
          {"heading", -1},
          {"second", 49},
          {"regional", 0},
          {"cs", 1},
          {"display", 0},
          {"dsc", 1},
          {"band", 1},
          {"msg22", 1},
          {"assigned", 0},
          {"raim", 1},
          // communication state selector 1, state 393222
          {"radio", (1 << 19) + 393222}}},
        {"type 18 without message 22 support",
         "!AIVDM,1,1,,B,B5O6hr00<veEKmUaMFdEow`UWP06,0*4F",
         18,
         368161000,
         {{"speed", 5.1},
          {"accuracy", 1},
          {"lon", -72.2338483333},
          {"lat", 39.480925},
          {"course", 34.9},
          {"heading", -1},
          {"second", 17},
          {"cs", 1},
          {"display", 0},
          {"dsc", 1},
          {"band", 1},
          {"msg22", 0},
          {"raim", 1}}},
        {"type 19, extended class B",
         "!AIVDM,1,1,,B,C5N3SRgPEnJGEBT>NhWAwwo862PaLELTBJ:V00000000S0D:R220,0*0B",
         19,
         367059850,
         {{"reserved", 248},
          {"speed", 8.7},
          {"accuracy", 0},
          {"lon", -88.8103916667},
          {"lat", 29.543695},
          {"course", 335.9},
          {"heading", -1},
          {"second", 46},
          {"regional", 4},
          {"shipname", "CAPT.J.RIMES"},
          {"shiptype", 70},
          {"to_bow", 5},
          {"to_stern", 21},
          {"to_port", 4},
          {"to_starboard", 4},
          {"epfd", 1},
          {"raim", 0},
          {"dte", 0},
          {"assigned", 0}}},
        {"type 21 with a name extension, in two sentences",
         "!AIVDM,2,1,5,B,E1mg=5J1T4W0h97aRh6ba84<h2d;W:Te=eLvH50```q,0*46\n"
         "!AIVDM,2,2,5,B,:D44QDlp0C1DU00,2*36",
         21,
         123456789,
         {{"aid_type", 20},
          {"shipname", "CHINA ROSE MURPHY EXPRESS ALERT"},
          {"accuracy", 0},
          {"lon", -122.698591667},
          {"lat", 47.9206183333},
          {"to_bow", 5},
          {"to_stern", 5},
          {"to_port", 5},
          {"to_starboard", 5},
          {"epfd", 1},
          {"second", 50},
          {"off_position", 0},
          {"regional", 165},
          {"raim", 0},
          {"virtual_aid", 0},
          {"assigned", 0}}},
        {"type 21 whose name has garbage after its '@' terminator (368 bits)",
         "!AIVDM,2,1,8,B,E03l90w4Q1h3h1:WdPOwwwwwwwwlQdn`:e55020@@@gP0000000000000000,0*47\\x0d\\x0a\n"
         "!AIVDM,2,2,8,B,00,4*19\\x0d\\x0a",
         21,
         4000003,
         {{"aid_type", 30},
          {"shipname", "IBC G BUOY"},
          {"accuracy", 1},
          {"lon", 75943336 / 600000.0},
          {"lat", 22448680 / 600000.0},
          {"to_bow", 2},
          {"to_starboard", 2},
          {"epfd", 1},
          {"second", 31}}},
        {"type 24 part A",
         "!AIVDM,1,1,,A,H42O55i18tMET00000000000000,2*6D",
         24,
         271041815,
         {{"partno", 0}, {"shipname", "PROGUY"}}},
        {"type 24 part B",
         "!AIVDM,1,1,,A,H42O55lti4hhhilD3nink000?050,0*40",
         24,
         271041815,
         {{"partno", 1},
          {"shiptype", 60},
          {"vendorid", "1D00014"},
          {"model", 12},
          {"serial", 199796},
          {"callsign", "TC6163"},
          {"to_bow", 0},
          {"to_stern", 15},
          {"to_port", 0},
          {"to_starboard", 5},
          {"mothership_mmsi", 0}}},
        {"type 27 of 96 bits",
         "!AIVDM,1,1,,A,KCQ9r=hrFUnH7P00,0*41",
         27,
         236091959,
         {{"repeat", 1},
          {"accuracy", 0},
          {"raim", 0},
          {"status", 3},
          {"lon", -92521 / 600.0},
          {"lat", 52239 / 600.0},
          {"speed", 0},
          {"course", 0},
          {"gnss", 0}}},
        {"type 27 sent in a full 168-bit slot: the first 96 bits count",
         "!AIVDM,1,1,,B,KC5E2b@U19PFdLbMuc5=ROv62<7m,0*16",
         27,
         206914217,
         {{"status", 2}, {"lon", 82214 / 600.0}, {"lat", 2904 / 600.0}, {"speed", 57}, {"course", 167}}},
        {"type 27 from a live capture (ais-18-27.log)",
         "!AIVDM,1,1,,A,K3KLehP0rPTJ10Qr,0*2A",
         27,
         230108610,
         {{"status", 0},
          {"lon", 14978 / 600.0},
          {"lat", 36098 / 600.0},
          {"speed", 1},
          {"course", 30},
          {"gnss", 1}}},
    };
    return rows;
}

} // namespace

TEST_CASE("every supported message type decodes from a real sentence to its known values", "[ais]")
{
    std::set<int> types;
    for (const Row &row : knownMessages()) {
        INFO(row.what);
        types.insert(row.type);
        AisLogSummary summary;
        const std::vector<AisMessage> messages = decodeText(row.nmea, summary);
        CHECK(summary.reader.rejectedTotal() == 0);
        REQUIRE(messages.size() == 1);
        const AisMessage &m = messages.front();
        CHECK(m.type == row.type);
        CHECK(m.mmsi == row.mmsi);
        for (const Expected &e : row.expected) {
            INFO(e.field);
            const Value got = field(m, e.field);
            if (const auto *text = std::get_if<std::string>(&e.value)) {
                CHECK(std::get<std::string>(got) == *text);
            } else if (std::isnan(std::get<double>(e.value))) {
                CHECK(std::isnan(std::get<double>(got)));
            } else {
                CHECK(std::get<double>(got) == Approx(std::get<double>(e.value)).margin(1e-6).epsilon(0));
            }
        }
    }
    CHECK(types == std::set<int>{1, 2, 3, 4, 5, 9, 11, 18, 19, 21, 24, 27});
}

TEST_CASE("decode() tells apart too short, unknown and recognised-but-not-decoded messages", "[ais]")
{
    struct Case
    {
        const char *payload;
        int fill;
        DecodeStatus status;
        int type;
    };
    const Case cases[] = {
        {"15RTgt0PAso;90TKcjM8h6g208CQ", 0, DecodeStatus::Ok, 1},
        {"15RTgt0PAso;90TKcjM8h6g208CQ", 5, DecodeStatus::TooShort, 1}, // 163 of 168 bits
        {"55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8", 0, DecodeStatus::TooShort,
         5}, // 360 bits
        {"05RTgt0PAso;90TKcjM8h6g208CQ", 0, DecodeStatus::UnknownType, 0},
        {"w5RTgt0PAso;90TKcjM8h6g208CQ", 0, DecodeStatus::UnknownType, 63},
        {"6B?n;be:cbapalgc;i6?Ow4", 2, DecodeStatus::NotDecoded, 6},
        {"H3KLehdt00000000?6ekkjm000000", 0, DecodeStatus::NotDecoded, 24}, // part number 3 is reserved
        {"1", 0, DecodeStatus::TooShort, 1},
    };
    for (const Case &c : cases) {
        INFO(c.payload << " fill " << c.fill);
        BitBuffer bits;
        REQUIRE(bits.assign(c.payload, std::strlen(c.payload), c.fill));
        AisMessage m;
        CHECK(decode(bits, m) == c.status);
        CHECK(m.type == c.type);
    }
}

TEST_CASE("six-bit text ends at the first '@' and loses trailing spaces", "[ais]")
{
    // Armoured "12034" is the six-bit text "AB@CD": what follows '@' is padding or garbage.
    BitBuffer bits;
    REQUIRE(bits.assign("12034", 5, 0));
    CHECK(bits.text(0, 5) == "AB");
    // "AB   " and "A B": trailing spaces go, inner ones stay.
    REQUIRE(bits.assign("12PPP", 5, 0));
    CHECK(bits.text(0, 5) == "AB");
    REQUIRE(bits.assign("1P2", 3, 0));
    CHECK(bits.text(0, 3) == "A B");
}

TEST_CASE("the texts beside codes are gpsd's, with the standard's categories", "[ais]")
{
    CHECK(std::string(shipTypeText(0)) == "Not available");
    CHECK(std::string(shipTypeText(37)) == "Pleasure Craft");
    CHECK(std::string(shipTypeText(41)) == "High speed craft (HSC) - Hazardous category A");
    CHECK(std::string(shipTypeText(60)) == "Passenger - all ships of this type");
    CHECK(std::string(shipTypeText(70)) == "Cargo - all ships of this type");
    CHECK(std::string(shipTypeText(79)) == "Cargo - No additional information");
    CHECK(std::string(shipTypeText(84)) == "Tanker - Hazardous category D");
    CHECK(std::string(shipTypeText(99)) == "Other Type - no additional information");
    CHECK(std::string(navigationStatusText(5)) == "Moored");
    CHECK(std::string(epfdText(7)) == "Surveyed");
    CHECK(std::string(epfdText(15)) == "Internal GNSS");
    CHECK(std::string(aidTypeText(20)) == "Cardinal Mark N");
}

TEST_CASE("JSON leaves out absent values and writes gpsd's not-available timestamp", "[ais]")
{
    AisLogSummary summary;
    const std::string base = "!AIVDM,1,1,,A,402Fha0000Htt<tSF0l4Q@000d20,0*65\n";
    const std::string position = "!AIVDM,1,1,,A,16SteH0P00Jt63hHaa6SagvJ087r,0*42\n";
    const std::vector<AisMessage> messages = decodeText(base + position, summary);
    REQUIRE(messages.size() == 2);
    std::string json;
    appendJson(json, messages[0]);
    CHECK(json.find("\"timestamp\":\"0000-00-00T24:60:60Z\"") != std::string::npos);
    CHECK(json.find("\"lon\"") == std::string::npos);
    CHECK(json.find("\"rxtime\"") == std::string::npos);
    json.clear();
    Heard heard;
    heard.rxTime = 1692100800.25;
    appendJson(json, messages[1], heard);
    CHECK(json.find("\"heading\"") == std::string::npos);
    CHECK(json.find("\"turn\":\"nan\"") != std::string::npos);
    CHECK(json.find("\"lon\":-70.7582000") != std::string::npos);
    CHECK(json.find("\"rxtime\":\"2023-08-15T12:00:00.250Z\"") != std::string::npos);
    CHECK(json.back() == '\n');
}

TEST_CASE("a reused bit buffer keeps nothing of the message before", "[ais]")
{
    // A long message of ones, then a two-fragment message of zeros in the same buffer, as
    // the reader reuses one for every message: no bit of the first may show through.
    const std::string ones(300, 'w');
    BitBuffer bits;
    for (int first = 1; first <= 40; ++first) {
        for (int second = 1; second <= 40; ++second) {
            INFO(first << " + " << second << " characters");
            REQUIRE(bits.assign(ones.data(), ones.size(), 0));
            const std::string a(std::size_t(first), '0'), b(std::size_t(second), '0');
            REQUIRE(bits.assign(a.data(), a.size(), 0));
            REQUIRE(bits.append(b.data(), b.size(), 2));
            REQUIRE(bits.size() == 6 * (first + second) - 2);
            int set = 0;
            for (int i = 0; i < bits.size(); i += 16)
                set += std::popcount(bits.u(i, std::min(16, bits.size() - i)));
            CHECK(set == 0);
        }
    }
}
