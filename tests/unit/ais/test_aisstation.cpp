#include "../catchstringmakers.h"

#include "ais/aisdecoder.h"
#include "ais/aisformat.h"
#include "ais/aislog.h"
#include "ais/aistype24merge.h"

#include <string>
#include <vector>

// The message types written from their bits (station management: 7, 10, 13, 15, 16, 17,
// 20, 22, 23), gpsd's representation of the position reports' sentinels, and the merge
// of type 24's two parts. The expected lines are what gpsdecode 3.22 prints for the same
// sentences (gpsdecode -j and -j -u), its "device" member left out.

using namespace sightline::ais;

namespace {

// Every message of `nmea`, as `ais decode` writes it (scaled or not), without the line break.
std::vector<std::string> jsonOf(const std::string &nmea, bool scaled, AisLogSummary *summaryOut = nullptr)
{
    std::vector<std::string> out;
    AisLogSummary summary;
    readAisLogData(
        nmea.data(), nmea.size(),
        [&](const AisMessage &m, const RawMessage &raw) {
            std::string line;
            appendJson(line, m, {}, raw.bits, scaled);
            line.pop_back();
            out.push_back(line);
        },
        summary);
    if (summaryOut)
        *summaryOut = summary;
    return out;
}

struct Sample
{
    const char *sentence;
    const char *scaled;
    const char *unscaled;
};

} // namespace

TEST_CASE("station-management messages are written as gpsdecode prints them, scaled and unscaled", "[ais]")
{
    const Sample samples[] = {
        {"!AIVDM,1,1,,A,702R5`hwCjq8,0*6B",
         R"({"class":"AIS","type":7,"repeat":0,"mmsi":2655651,"scaled":true,"mmsi1":265538450,"mmsi2":0,"mmsi3":0,"mmsi4":0})",
         R"({"class":"AIS","type":7,"repeat":0,"mmsi":2655651,"scaled":false,"mmsi1":265538450,"mmsi2":0,"mmsi3":0,"mmsi4":0})"},
        {"!AIVDM,1,1,,B,:5MlU41GMK6@,0*6C",
         R"({"class":"AIS","type":10,"repeat":0,"mmsi":366814480,"scaled":true,"dest_mmsi":366832740})",
         R"({"class":"AIS","type":10,"repeat":0,"mmsi":366814480,"scaled":false,"dest_mmsi":366832740})"},
        {"!AIVDM,1,1,,A,=39UOj0jFs9R,0*65",
         R"({"class":"AIS","type":13,"repeat":0,"mmsi":211378120,"scaled":true,"mmsi1":211217560,"mmsi2":0,"mmsi3":0,"mmsi4":0})",
         R"({"class":"AIS","type":13,"repeat":0,"mmsi":211378120,"scaled":false,"mmsi1":211217560,"mmsi2":0,"mmsi3":0,"mmsi4":0})"},
        {"!AIVDM,1,1,,A,?5OP=l00052HD00,2*5B",
         R"({"class":"AIS","type":15,"repeat":0,"mmsi":368578000,"scaled":true,"mmsi1":5158,"type1_1":5,"offset1_1":0,"type1_2":0,"offset1_2":0,"mmsi2":0,"type2_1":0,"offset2_1":0})",
         R"({"class":"AIS","type":15,"repeat":0,"mmsi":368578000,"scaled":false,"mmsi1":5158,"type1_1":5,"offset1_1":0,"type1_2":0,"offset1_2":0,"mmsi2":0,"type2_1":0,"offset2_1":0})"},
        {"!AIVDM,1,1,,A,@01uEO@mMk7P<P00,0*18",
         R"({"class":"AIS","type":16,"repeat":0,"mmsi":2053501,"scaled":true,"mmsi1":224251000,"offset1":200,"increment1":0,"mmsi2":0,"offset2":0,"increment2":0})",
         R"({"class":"AIS","type":16,"repeat":0,"mmsi":2053501,"scaled":false,"mmsi1":224251000,"offset1":200,"increment1":0,"mmsi2":0,"offset2":0,"increment2":0})"},
        {"!AIVDM,1,1,1,A,A;wUJKU>io;WlWuwH`W1PpnuN<isf;5iHtOM1S6q?vsvNrNGOqLcr5mfD6t,2*51",
         R"({"class":"AIS","type":17,"repeat":0,"mmsi":804870766,"scaled":true,"lon":134.4,"lat":-44.7,"data":"272:7f7f6289c1838dbd78cc7bb8b17163c7dd0631b93feefe7ba7977f972be85d6e506f"})",
         R"({"class":"AIS","type":17,"repeat":0,"mmsi":804870766,"scaled":false,"lon":80669,"lat":-26818,"data":"272:7f7f6289c1838dbd78cc7bb8b17163c7dd0631b93feefe7ba7977f972be85d6e506f"})"},
        {"!AIVDM,1,1,,A,Dh3OvjB8IN>4,0*1D",
         R"({"class":"AIS","type":20,"repeat":3,"mmsi":3669705,"scaled":true,"offset1":2182,"number1":5,"timeout1":7,"increment1":225,"offset2":0,"number2":0,"timeout2":0,"increment2":0,"offset3":0,"number3":0,"timeout3":0,"increment3":0,"offset4":0,"number4":0,"timeout4":0,"increment4":0})",
         R"({"class":"AIS","type":20,"repeat":3,"mmsi":3669705,"scaled":false,"offset1":2182,"number1":5,"timeout1":7,"increment1":225,"offset2":0,"number2":0,"timeout2":0,"increment2":0,"offset3":0,"number3":0,"timeout3":0,"increment3":0,"offset4":0,"number4":0,"timeout4":0,"increment4":0})"},
        {"!AIVDM,1,1,,A,F030ot22N2P6aoQbhe4736L20000,0*1A",
         R"({"class":"AIS","type":22,"repeat":0,"mmsi":3160048,"scaled":true,"channel_a":2087,"channel_b":2088,"txrx":0,"power":false,"ne_lon":"-73.500000","ne_lat":"45.550000","sw_lon":"-80.166667","sw_lat":"42.333333","addressed":false,"band_a":false,"band_b":false,"zonesize":4})",
         R"({"class":"AIS","type":22,"repeat":0,"mmsi":3160048,"scaled":false,"channel_a":2087,"channel_b":2088,"txrx":0,"power":false,"ne_lon":-44100,"ne_lat":27330,"sw_lon":-48100,"sw_lat":25400,"addressed":false,"band_a":false,"band_b":false,"zonesize":4})"},
        {"!AIVDM,1,1,,B,G02:Kn01R`sn@291nj600000900,2*12",
         R"({"class":"AIS","type":23,"repeat":0,"mmsi":2268120,"scaled":true,"ne_lon":"2.630000","ne_lat":"51.070000","sw_lon":"1.826667","sw_lat":"50.680000","stationtype":6,"stationtype_text":"Regional use and inland waterways","shiptype":0,"shiptype_text":"Not available","interval":9,"quiet":0})",
         R"({"class":"AIS","type":23,"repeat":0,"mmsi":2268120,"scaled":false,"ne_lon":1578,"ne_lat":30642,"sw_lon":1096,"sw_lat":30408,"stationtype":6,"stationtype_text":"Regional use and inland waterways","shiptype":0,"shiptype_text":"Not available","interval":9,"quiet":0})"},
    };
    for (const Sample &s : samples) {
        CAPTURE(s.sentence);
        const std::string nmea = std::string(s.sentence) + "\n";
        const std::vector<std::string> scaled = jsonOf(nmea, true), unscaled = jsonOf(nmea, false);
        REQUIRE(scaled.size() == 1);
        REQUIRE(unscaled.size() == 1);
        CHECK(scaled[0] == s.scaled);
        CHECK(unscaled[0] == s.unscaled);
    }
}

TEST_CASE("position reports keep gpsd's sentinels and its rate of turn, scaled and unscaled", "[ais]")
{
    // No heading (511), no turn information (-128), from AIVDM.adoc's examples.
    const std::string noHeading = "!AIVDM,1,1,,A,16SteH0P00Jt63hHaa6SagvJ087r,0*42\n";
    CHECK(jsonOf(noHeading, true)[0] ==
          R"({"class":"AIS","type":1,"repeat":0,"mmsi":440348000,"scaled":true,"status":0,"status_text":"Under way using engine","turn":"nan","speed":0.0,"accuracy":false,"lon":-70.758200,"lat":43.080150,"course":93.4,"heading":511,"second":13,"maneuver":0,"raim":false,"radio":33274})");
    CHECK(jsonOf(noHeading, false)[0] ==
          R"({"class":"AIS","type":1,"repeat":0,"mmsi":440348000,"scaled":false,"status":0,"status_text":"Under way using engine","turn":-128,"speed":0,"accuracy":false,"lon":-42454920,"lat":25848090,"course":934,"heading":511,"second":13,"maneuver":0,"raim":false,"radio":33274})");
    // A left turn: gpsd 3.22 prints the square of raw / 4.733, without its sign.
    const std::string leftTurn = "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A\n";
    const std::string json = jsonOf(leftTurn, true)[0];
    CHECK(json.find(R"("turn":"fastleft")") != std::string::npos);
    // A type 4 without a time: year 0, hour 24, minute 60, second 60; lon 181, lat 91 kept.
    const std::string base = "!AIVDM,1,1,,A,402Fha0000Htt<tSF0l4Q@000d20,0*65\n";
    const std::string b = jsonOf(base, true)[0];
    CHECK(b.find(R"("timestamp":"0000-00-00T24:60:60Z")") != std::string::npos);
}

TEST_CASE("a type 1 of 163 bits is decoded with the missing bits zero, and counted as a warning", "[ais]")
{
    // gpsd's own regression capture has this one: five bits of the radio field are missing.
    AisLogSummary summary;
    const std::vector<std::string> out =
        jsonOf("!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,5*4F\n", true, &summary);
    REQUIRE(out.size() == 1);
    CHECK(summary.shortPositionReports == 1);
    CHECK(summary.describe().contains(QStringLiteral("shorter than 168 bits")));
    CHECK(out[0].find(R"("radio":)") != std::string::npos);
}

TEST_CASE("type 24 parts merge as gpsd merges them: part A held, part B printed with its name", "[ais]")
{
    // Part A then part B of the same vessel (gpsd's sample.aivdm), as separate messages.
    AisLogSummary summary;
    std::vector<AisMessage> messages;
    const std::string nmea = "!AIVDM,1,1,,A,H42O55i18tMET00000000000000,2*6D\n"
                             "!AIVDM,1,1,,A,H42O55lti4hhhilD3nink000?050,0*40\n";
    readAisLogData(
        nmea.data(), nmea.size(), [&](const AisMessage &m, const RawMessage &) { messages.push_back(m); },
        summary);
    REQUIRE(messages.size() == 2);
    Type24Merger merger;
    AisMessage a = messages[0], b = messages[1], repeatedB = messages[1], lone = messages[1];
    CHECK_FALSE(merger.take(a)); // held
    REQUIRE(merger.take(b));
    CHECK(b.merged24);
    CHECK(b.shipname == a.shipname);
    CHECK_FALSE(merger.take(repeatedB)); // the slot was freed: a repeated part B is not printed again
    lone.mmsi = 123456789;
    CHECK_FALSE(merger.take(lone)); // no part A of this vessel
    std::string json;
    appendJson(json, b);
    CHECK(json.find("\"partno\"") == std::string::npos);
    CHECK(json.find("\"shipname\":\"" + a.shipname + "\",\"shiptype\"") != std::string::npos);
}

TEST_CASE("every message type 1-27 decodes; lengths outside gpsd's bounds are rejected", "[ais]")
{
    struct Case
    {
        int type;
        int bits;
        DecodeStatus status;
    };
    const Case cases[] = {
        {1, 162, DecodeStatus::TooShort}, {1, 163, DecodeStatus::Ok},       {7, 71, DecodeStatus::TooShort},
        {7, 72, DecodeStatus::Ok},        {7, 169, DecodeStatus::TooLong},  {10, 72, DecodeStatus::Ok},
        {15, 87, DecodeStatus::TooShort}, {16, 168, DecodeStatus::Ok},      {16, 169, DecodeStatus::TooLong},
        {17, 80, DecodeStatus::Ok},       {17, 817, DecodeStatus::TooLong}, {20, 186, DecodeStatus::Ok},
        {20, 187, DecodeStatus::TooLong}, {21, 369, DecodeStatus::TooLong}, {22, 167, DecodeStatus::TooShort},
        {23, 160, DecodeStatus::Ok},      {27, 96, DecodeStatus::Ok},       {27, 120, DecodeStatus::TooLong},
        {27, 168, DecodeStatus::Ok},      {12, 1009, DecodeStatus::TooLong},
    };
    for (const Case &c : cases) {
        CAPTURE(c.type, c.bits);
        // All ones after the type: six-bit 'w' is 63.
        std::string payload((c.bits + 5) / 6, 'w');
        const int value = c.type << 0;
        const char first = char(value < 40 ? value + 48 : value + 56);
        payload[0] = first;
        BitBuffer bits;
        REQUIRE(bits.assign(payload.data(), payload.size(), int(payload.size()) * 6 - c.bits));
        AisMessage m;
        CHECK(decode(bits, m) == c.status);
        CHECK(m.type == c.type);
    }
}

TEST_CASE("a type 21's name extension follows a full 20 characters even when they end in spaces", "[ais]")
{
    // gpsdecode 3.22 prints "IP.H:F\"Q;Q2\\WXJQBO, '-]" for this aid: the fixed part ends in a space.
    const std::string nmea = "!AIVDM,1,1,,A,Eh06BgW4`G4M3A8u`q>;d58Q7n@A9EAu5BfqHLrT`DFUGIsG@1sD,2*1D\n";
    const std::vector<std::string> out = jsonOf(nmea, true);
    REQUIRE(out.size() == 1);
    CHECK(out[0].find(R"("name":"IP.H:F\"Q;Q2\\WXJQBO, '-]")") != std::string::npos);
}
