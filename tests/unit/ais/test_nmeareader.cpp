#include "../catchstringmakers.h"

#include "ais/aislog.h"

#include <QString>

#include <cstdio>
#include <string>
#include <vector>

using namespace sightline::ais;
using namespace std::string_literals;

namespace {

// Real sentences from gpsd's sample.aivdm.
const std::string kType1 = "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A";
const std::string kType1b = "!AIVDM,1,1,,A,16SteH0P00Jt63hHaa6SagvJ087r,0*42";
const std::string kType5Part1 =
    "!AIVDM,2,1,1,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*1C";
const std::string kType5Part2 = "!AIVDM,2,2,1,A,88888888880,2*25";

std::string xorHex(const std::string &s)
{
    unsigned x = 0;
    for (char c : s)
        x ^= static_cast<unsigned char>(c);
    char hex[3];
    std::snprintf(hex, sizeof hex, "%02X", x & 0xff);
    return hex;
}

// "!body*hh" with the right checksum.
std::string sentence(const std::string &body)
{
    return "!" + body + "*" + xorHex(body);
}

// An NMEA 4.0 tag block "\fields*hh\" with the right checksum.
std::string tagBlock(const std::string &fields)
{
    return "\\" + fields + "*" + xorHex(fields) + "\\";
}

struct Seen
{
    AisMessage message;
    double time = 0;
    TimeSource source = TimeSource::None;
    char channel = 0;
    std::int64_t line = 0;
    std::string station;
};

struct Log
{
    std::vector<Seen> seen;
    AisLogSummary summary;

    std::int64_t rejected(Rejection r) const { return summary.reader.rejected[std::size_t(r)]; }
    const std::vector<NmeaReader::Example> &examples(Rejection r) const
    {
        return summary.reader.examples[std::size_t(r)];
    }
};

Log read(const std::string &text)
{
    Log log;
    readAisLogData(
        text.data(), text.size(),
        [&](const AisMessage &m, const RawMessage &raw) {
            log.seen.push_back(
                Seen{m, raw.time, raw.timeSource, raw.channel, raw.line, std::string(raw.station)});
        },
        log.summary);
    return log;
}

std::string lines(std::initializer_list<std::string> parts)
{
    std::string out;
    for (const std::string &p : parts)
        out += p + "\n";
    return out;
}

} // namespace

// ---- multi-sentence reassembly ---------------------------------------------------------------

TEST_CASE("a type 5 in two sentences is reassembled into one message", "[ais]")
{
    const Log log = read(lines({kType5Part1, kType5Part2}));
    REQUIRE(log.seen.size() == 1);
    const Seen &s = log.seen.front();
    CHECK(s.message.type == 5);
    CHECK(s.message.mmsi == 351759000u);
    CHECK(s.message.shipname == "EVER DIADEM");
    CHECK(s.message.destination == "NEW YORK");
    CHECK(s.line == 2); // the line that completed it
    CHECK(s.channel == 'A');
    CHECK(log.summary.reader.sentences == 2);
    CHECK(log.summary.reader.messages == 1);
    CHECK(log.summary.reader.rejectedTotal() == 0);
}

TEST_CASE("two-part messages interleaved on the two channels, same sequence id, both complete", "[ais]")
{
    // gpsd's two-sentence type 21, moved to sequence id 1 on channel B: only the
    // channel tells its sentences from the type 5's.
    const std::string aid1 = sentence("AIVDM,2,1,1,B,E1mg=5J1T4W0h97aRh6ba84<h2d;W:Te=eLvH50```q,0");
    const std::string aid2 = sentence("AIVDM,2,2,1,B,:D44QDlp0C1DU00,2");
    const Log log = read(lines({kType5Part1, aid1, kType5Part2, aid2}));
    CHECK(log.summary.reader.rejectedTotal() == 0);
    REQUIRE(log.seen.size() == 2);
    CHECK(log.seen[0].message.type == 5);
    CHECK(log.seen[0].message.shipname == "EVER DIADEM");
    CHECK(log.seen[0].channel == 'A');
    CHECK(log.seen[0].line == 3);
    CHECK(log.seen[1].message.type == 21);
    CHECK(log.seen[1].message.shipname == "CHINA ROSE MURPHY EXPRESS ALERT");
    CHECK(log.seen[1].channel == 'B');
    CHECK(log.seen[1].line == 4);
}

TEST_CASE("a second sentence arriving before its first is still reassembled", "[ais]")
{
    const Log inOrder = read(lines({kType5Part1, kType5Part2}));
    const Log reversed = read(lines({kType5Part2, kType5Part1}));
    CHECK(reversed.summary.reader.rejectedTotal() == 0);
    REQUIRE(inOrder.seen.size() == 1);
    REQUIRE(reversed.seen.size() == 1);
    const AisMessage &a = inOrder.seen[0].message, &b = reversed.seen[0].message;
    CHECK(b.mmsi == a.mmsi);
    CHECK(b.callsign == a.callsign);
    CHECK(b.shipname == a.shipname);
    CHECK(b.destination == a.destination); // spans both sentences
    CHECK(b.draught == a.draught);
    CHECK(b.dte == a.dte);
    CHECK(reversed.seen[0].line == 2);
}

TEST_CASE("a lost sentence is counted as a missing fragment at the line its message began", "[ais]")
{
    SECTION("the second sentence never comes")
    {
        const Log log = read(lines({kType1, kType5Part1, kType1b, kType1}));
        CHECK(log.seen.size() == 3);
        CHECK(log.rejected(Rejection::MissingFragment) == 1);
        CHECK(log.summary.reader.rejectedTotal() == 1);
        REQUIRE(log.examples(Rejection::MissingFragment).size() == 1);
        CHECK(log.examples(Rejection::MissingFragment)[0].line == 2);
        CHECK(log.examples(Rejection::MissingFragment)[0].detail.find("2-sentence") != std::string::npos);
    }
    SECTION("the first sentence never came")
    {
        const Log log = read(lines({kType1, kType1b, kType5Part2}));
        CHECK(log.seen.size() == 2);
        CHECK(log.rejected(Rejection::MissingFragment) == 1);
        REQUIRE(log.examples(Rejection::MissingFragment).size() == 1);
        CHECK(log.examples(Rejection::MissingFragment)[0].line == 3);
    }
}

TEST_CASE("a repeated first sentence restarts the message and counts the one it replaced", "[ais]")
{
    const Log log = read(lines({kType5Part1, kType5Part1, kType5Part2}));
    REQUIRE(log.seen.size() == 1);
    CHECK(log.seen[0].message.shipname == "EVER DIADEM");
    CHECK(log.seen[0].line == 3);
    CHECK(log.rejected(Rejection::MissingFragment) == 1);
    CHECK(log.summary.reader.rejectedTotal() == 1);
    REQUIRE(log.examples(Rejection::MissingFragment).size() == 1);
    CHECK(log.examples(Rejection::MissingFragment)[0].line == 1);
}

// ---- receive times ---------------------------------------------------------------------------

TEST_CASE("a tag block gives the receive time (c:, seconds or milliseconds) and the station (s:)", "[ais]")
{
    SECTION("seconds")
    {
        const Log log = read(tagBlock("s:r003669945,c:1241544035") + kType1 + "\n");
        REQUIRE(log.seen.size() == 1);
        CHECK(log.seen[0].source == TimeSource::TagBlock);
        CHECK(log.seen[0].time == 1241544035.0);
        CHECK(log.seen[0].station == "r003669945");
        CHECK(log.seen[0].message.mmsi == 371798000u);
    }
    SECTION("milliseconds")
    {
        const Log log = read(tagBlock("c:1692100800250,s:2573135") + kType1 + "\n");
        REQUIRE(log.seen.size() == 1);
        CHECK(log.seen[0].source == TimeSource::TagBlock);
        CHECK(log.seen[0].time == Approx(1692100800.25).margin(1e-6));
        CHECK(log.seen[0].station == "2573135");
    }
    SECTION("on the first sentence of a two-sentence message")
    {
        const Log log = read(tagBlock("g:1-2-73874,s:r003669945,c:1241544035") + kType5Part1 + "\n" +
                             tagBlock("g:2-2-73874") + kType5Part2 + "\n");
        REQUIRE(log.seen.size() == 1);
        CHECK(log.seen[0].source == TimeSource::TagBlock);
        CHECK(log.seen[0].time == 1241544035.0);
        CHECK(log.seen[0].station == "r003669945");
    }
    SECTION("a tag block without c: gives no time")
    {
        const Log log = read(tagBlock("s:r003669945") + kType1 + "\n");
        REQUIRE(log.seen.size() == 1);
        CHECK(log.seen[0].source == TimeSource::None);
        CHECK(log.seen[0].station == "r003669945");
    }
}

TEST_CASE("an ISO 8601 time before the sentence gives the receive time", "[ais]")
{
    // 2023-08-15T12:00:00Z is Unix 1692100800.
    const struct
    {
        std::string prefix;
        double time;
    } cases[] = {
        {"2023-08-15T12:00:00Z ", 1692100800.0},
        {"2023-08-15T12:00:00.250Z,", 1692100800.25},
        {"2023-08-15 12:00:07;", 1692100807.0},
    };
    for (const auto &c : cases) {
        INFO(c.prefix);
        const Log log = read(c.prefix + kType1 + "\n");
        REQUIRE(log.seen.size() == 1);
        CHECK(log.seen[0].source == TimeSource::LinePrefix);
        CHECK(log.seen[0].time == Approx(c.time).margin(1e-6));
    }
}

TEST_CASE("a Unix time after the checksum gives the receive time", "[ais]")
{
    const struct
    {
        std::string suffix;
        double time;
    } cases[] = {
        {",1692100800", 1692100800.0},
        {" 1692100800.5", 1692100800.5},
        {",1692100800250", 1692100800.25}, // milliseconds
    };
    for (const auto &c : cases) {
        INFO(c.suffix);
        const Log log = read(kType1 + c.suffix + "\n");
        REQUIRE(log.seen.size() == 1);
        CHECK(log.seen[0].source == TimeSource::TrailingUnix);
        CHECK(log.seen[0].time == Approx(c.time).margin(1e-6));
    }
    // The US Coast Guard's fields after the checksum are not a time.
    const Log uscg = read("!AIVDM,1,1,,B,;4R33:1uUK2F`q?mOt@@GoQ00000,0*5D,s28089,d-103,T39.44353985,x147521,"
                          "r08TPHI1,1242958962\n");
    REQUIRE(uscg.seen.size() == 1);
    CHECK(uscg.seen[0].source == TimeSource::None);
}

TEST_CASE("a Gatehouse $PGHP line stamps the next sentence only", "[ais]")
{
    // pyais's gatehouse.nmea: $PGHP (2008-05-09 00:00:00.010), a sentence, a comment, a
    // sentence, $PGHP (2009-05-09), two sentences, then two $PGHP lines with nothing after.
    AisLogSummary summary;
    std::vector<Seen> seen;
    QString error;
    const bool ok = readAisLog(
        QStringLiteral(SIGHTLINE_TEST_DATA_DIR "/ais/pyais/gatehouse.nmea"),
        [&](const AisMessage &m, const RawMessage &raw) {
            seen.push_back(
                Seen{m, raw.time, raw.timeSource, raw.channel, raw.line, std::string(raw.station)});
        },
        summary, &error);
    REQUIRE(ok);
    CHECK(summary.reader.rejectedTotal() == 0);
    REQUIRE(seen.size() == 4);
    CHECK(seen[0].line == 2);
    CHECK(seen[0].source == TimeSource::Gatehouse);
    CHECK(seen[0].time == Approx(1210291200.010).margin(1e-6));
    CHECK(seen[1].line == 6);
    CHECK(seen[1].source == TimeSource::None);
    CHECK(seen[2].line == 8);
    CHECK(seen[2].source == TimeSource::Gatehouse);
    CHECK(seen[2].time == Approx(1241827200.010).margin(1e-6));
    CHECK(seen[3].line == 9);
    CHECK(seen[3].source == TimeSource::None);
    CHECK(summary.withoutTime == 2);
}

TEST_CASE("a sentence with no time in the log has none: none is invented", "[ais]")
{
    const Log log = read(lines({kType1, kType1b}));
    REQUIRE(log.seen.size() == 2);
    for (const Seen &s : log.seen)
        CHECK(s.source == TimeSource::None);
    CHECK(log.summary.withoutTime == 2);
}

// ---- bad input -------------------------------------------------------------------------------

TEST_CASE("other NMEA, comments and blank lines are ignored, not rejected", "[ais]")
{
    const Log log = read(lines({"# a comment", "",
                                "$GPGGA,184353.07,1929.045,S,02410.506,E,1,04,2.6,100.00,M,-33.9,M,,0000*6D",
                                "!AIALR,000000.00,007,A,V,AIS: UTC Lost*75", kType1}));
    CHECK(log.seen.size() == 1);
    CHECK(log.summary.reader.rejectedTotal() == 0);
    CHECK(log.summary.reader.otherLines == 4);
}

TEST_CASE("malformed input is counted under its reason, with its line and a useful detail", "[ais]")
{
    struct Case
    {
        const char *what;
        std::string line;
        Rejection reason;
        std::vector<std::string> detail; // each must appear in the example's detail
    };
    const std::string payload = "15RTgt0PAso;90TKcjM8h6g208CQ";
    const Case cases[] = {
        {"empty payload (pyais's capture)", "!AIVDM,1,1,,B,,0*25", Rejection::Malformed, {"empty payload"}},
        {"wrong checksum", "!AIVDM,1,1,,A," + payload + ",0*4B", Rejection::Checksum, {"4B", "expected 4A"}},
        {"checksum not hex", "!AIVDM,1,1,,A," + payload + ",0*4G", Rejection::Malformed, {"'4G'", "not hex"}},
        {"no checksum", "!AIVDM,1,1,,A," + payload + ",0", Rejection::Malformed, {"no checksum"}},
        {"checksum cut short", "!AIVDM,1,1,,A," + payload + ",0*4", Rejection::Malformed, {"no checksum"}},
        {"fill bits 7", sentence("AIVDM,1,1,,A," + payload + ",7"), Rejection::BadPayload, {"fill bits '7'"}},
        {"fill bits not a number",
         sentence("AIVDM,1,1,,A," + payload + ",x"),
         Rejection::BadPayload,
         {"fill bits 'x'"}},
        {"fill bits leave a type 1 ten bits short (gpsd decodes down to 163)",
         sentence("AIVDM,1,1,,A," + payload.substr(0, payload.size() - 1) + ",4"),
         Rejection::TooShort,
         {"type 1", "158 bits", "163"}},
        {"fill bits leave one bit of a one-character payload",
         sentence("AIVDM,1,1,,A,1,5"),
         Rejection::TooShort,
         {"message has 1 bits", "needs 38"}},
        {"a type 24 part B cut to 162 bits",
         sentence("AIVDM,1,1,,A,H42O55lti4hhhilD3nink000?05,0"),
         Rejection::TooShort,
         {"type 24", "162 bits", "needs 168"}},
        {"the first sentence of a type 5 sent as the whole message",
         sentence("AIVDM,1,1,,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0"),
         Rejection::TooShort,
         {"type 5", "360 bits", "420"}},
        {"a type 18 cut to 20 characters",
         sentence("AIVDM,1,1,,A,B52K>;h00Fc>jpUlNV@i,0"),
         Rejection::TooShort,
         {"type 18", "120 bits", "168"}},
        {"'X' is outside the armour alphabet",
         sentence("AIVDM,1,1,,A,15RTgt0PAso;90TXcjM8h6g208CQ,0"),
         Rejection::BadPayload,
         {"six-bit"}},
        {"'x' is outside the armour alphabet",
         sentence("AIVDM,1,1,,A,15RTgt0PAso;90Txcj,0"),
         Rejection::BadPayload,
         {"six-bit"}},
        {"NUL and 0xFF inside a payload",
         sentence("AIVDM,1,1,,A,15RTgt0P\0\xff"s
                  "so;90TKcjM8h6g208CQ,0"),
         Rejection::BadPayload,
         {"six-bit"}},
        {"binary junk",
         "\0\x01\x02\xff\xfe\x7f"s
         "PK\x03\x04"s
         "\0\xff"s,
         Rejection::Malformed,
         {"not an NMEA sentence"}},
        {"text that is not NMEA", "IamNotAnAisMessage1111", Rejection::Malformed, {"not an NMEA sentence"}},
        {"too many fields",
         sentence("AIVDM,1,1,,A," + payload + ",0,0"),
         Rejection::Malformed,
         {"7 comma-separated fields", "more"}},
        {"too few fields",
         sentence("AIVDM,1,1,A," + payload + ",0"),
         Rejection::Malformed,
         {"7 comma-separated fields", "found 6"}},
        {"fragment number larger than the count",
         sentence("AIVDM,2,3,1,A," + payload + ",0"),
         Rejection::Malformed,
         {"fragment 3 of 2"}},
        {"fragment count 0",
         sentence("AIVDM,0,0,,A," + payload + ",0"),
         Rejection::Malformed,
         {"fragment 0 of 0"}},
        {"sequence id not a digit",
         sentence("AIVDM,2,1,X,A," + payload + ",0"),
         Rejection::Malformed,
         {"sequence id 'X'"}},
        {"message type 0",
         sentence("AIVDM,1,1,,A,05RTgt0PAso;90TKcjM8h6g208CQ,0"),
         Rejection::UnknownType,
         {"message type 0"}},
        {"message type 63",
         sentence("AIVDM,1,1,,A,w5RTgt0PAso;90TKcjM8h6g208CQ,0"),
         Rejection::UnknownType,
         {"message type 63"}},
        {"tag block with a wrong checksum",
         "\\c:1241544035*00\\" + kType1,
         Rejection::Checksum,
         {"tag block checksum 00", "expected"}},
        {"tag block not closed", "\\c:1241544035*" + kType1, Rejection::Malformed, {"tag block"}},
    };
    for (const Case &c : cases) {
        INFO(c.what);
        // Between two good sentences: the bad one is line 2, and its neighbours still decode.
        const Log log = read(kType1 + "\n" + c.line + "\n" + kType1b + "\n");
        CHECK(log.seen.size() == 2);
        CHECK(log.summary.reader.rejectedTotal() == 1);
        CHECK(log.rejected(c.reason) == 1);
        const auto &examples = log.examples(c.reason);
        REQUIRE(examples.size() == 1);
        CHECK(examples[0].line == 2);
        for (const std::string &part : c.detail) {
            INFO(examples[0].detail);
            CHECK(examples[0].detail.find(part) != std::string::npos);
        }
        // The person's report names the line.
        CHECK(log.summary.describe().contains(QStringLiteral(":2: ")));
    }
}

TEST_CASE("only the first few examples of each rejection are kept, all are counted", "[ais]")
{
    std::string text;
    for (int i = 0; i < 10; ++i)
        text += "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*00\n";
    const Log log = read(text);
    CHECK(log.rejected(Rejection::Checksum) == 10);
    REQUIRE(log.examples(Rejection::Checksum).size() == std::size_t(NmeaReader::kMaxExamples));
    CHECK(log.examples(Rejection::Checksum)[0].line == 1);
    CHECK(log.examples(Rejection::Checksum)[1].line == 2);
}
