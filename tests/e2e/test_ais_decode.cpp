#include "../unit/catchstringmakers.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <array>
#include <cmath>

// `sightline ais decode` end to end: against gpsd's gpsdecode on real and generated
// captures, as CSV, and on bad input.

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QString err;
};

Run runProgram(const QString &program, const QStringList &args, const QByteArray &input = {})
{
    QProcess p;
    p.start(program, args);
    Run r;
    if (!p.waitForStarted(30000)) {
        r.err = QStringLiteral("%1 did not start: %2").arg(program, p.errorString());
        return r;
    }
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(300000))
        p.kill();
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

Run runSightline(const QStringList &args)
{
    return runProgram(QStringLiteral(SIGHTLINE_EXECUTABLE), args);
}

const QString kData = QStringLiteral(SIGHTLINE_TEST_DATA_DIR "/ais");
const QString kShared = QStringLiteral(SIGHTLINE_SHARED_DATA_DIR);

QList<QJsonObject> jsonLines(const QByteArray &bytes)
{
    QList<QJsonObject> out;
    for (const QByteArray &line : bytes.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        INFO(line.toStdString());
        REQUIRE(error.error == QJsonParseError::NoError);
        out << doc.object();
    }
    return out;
}

// ---- the differential test against gpsdecode ---------------------------------------------------

const QSet<int> kDecodedTypes = {1, 2, 3, 4, 5, 9, 11, 18, 19, 21, 24, 27};

struct Differential
{
    qint64 messages = 0; ///< gpsd records matched with one of Sightline's
    qint64 fields = 0;   ///< fields compared
    qint64 excused = 0;  ///< fields where gpsd 3.22 departs from AIVDM.adoc (see below)
    qint64 gpsdOnly = 0; ///< gpsd records of lines Sightline rejected
    qint64 rejected = 0; ///< Sightline's own count of rejected records
    QStringList problems;

    void problem(const QString &text)
    {
        if (problems.size() < 40)
            problems << text;
    }
};

QString show(const QJsonValue &v)
{
    if (v.isUndefined())
        return QStringLiteral("(absent)");
    if (v.isString())
        return QLatin1Char('"') + v.toString() + QLatin1Char('"');
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return QString::number(v.toDouble(), 'g', 12);
}

// gpsd prints the protocol's "not available" codes where Sightline leaves the field out:
// heading 511, speed 102.3 or "nan" (type 9: 1023 knots; type 27: 63), course 360 (type 27:
// 511), lon 181, lat 91, alt 4095. gpsd also prints values AIVDM.adoc has no meaning for
// (heading 360–510, course 360.1–409.5, |lon| > 180, |lat| > 90: seen in real captures);
// Sightline stores those as absent too, by design (AisMessage), so they are excused here.
// Nothing else may be missing.
bool notAvailable(int type, const QString &key, const QJsonValue &v)
{
    if (v.isString())
        return key == QLatin1String("speed") && v.toString() == QLatin1String("nan");
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    if (key == QLatin1String("heading"))
        return d >= 360;
    if (key == QLatin1String("speed"))
        return type == 9 ? d >= 1023 : type == 27 ? d >= 63 : d >= 102.3 - 1e-9;
    if (key == QLatin1String("course"))
        return d >= 360 - 1e-9;
    if (key == QLatin1String("lon"))
        return std::abs(d) > 180;
    if (key == QLatin1String("lat"))
        return std::abs(d) > 90;
    if (key == QLatin1String("alt"))
        return d >= 4095;
    return false;
}

// Where gpsd 3.22's text for a code is not AIVDM.adoc's, Sightline keeps the standard's:
// ship type 59 "Noncombatant ship according to RR Resolution No. 18" (gpsd drops
// "Noncombatant"); ship types above 99, which the standard says to treat as 0 (gpsd prints
// "INVALID SHIP TYPE"); EPFD 9–14 "Reserved" and 15 "Internal GNSS" (gpsd: "INVALID EPFD");
// navigation status 14 "AIS-SART is active" (gpsd: "Reserved").
bool gpsdTextDeparts(const QString &key, const QJsonObject &g, const QJsonObject &s, const QJsonValue &gv)
{
    const QString text = gv.toString();
    if (key == QLatin1String("shiptype_text")) {
        const int code = g.value(QLatin1String("shiptype")).toInt();
        return (code == 59 && text == QLatin1String("Ship according to RR Resolution No. 18")) ||
               (code > 99 && text == QLatin1String("INVALID SHIP TYPE"));
    }
    if (key == QLatin1String("epfd_text"))
        return g.value(QLatin1String("epfd")).toInt() >= 9 && text == QLatin1String("INVALID EPFD");
    if (key == QLatin1String("status_text") || key == QLatin1String("status"))
        return s.value(QLatin1String("status")).toInt() == 14 && text == QLatin1String("Reserved");
    return false;
}

bool sameNumber(const QJsonValue &a, const QJsonValue &b, double tolerance)
{
    return a.isDouble() && b.isDouble() && std::abs(a.toDouble() - b.toDouble()) <= tolerance + 1e-9;
}

// Whether Sightline's value `sv` of field `key` agrees with gpsd's `gv`.
bool agrees(int type, const QString &key, const QJsonValue &gv, const QJsonValue &sv)
{
    if (key == QLatin1String("lon") || key == QLatin1String("lat")) {
        if (type != 27)
            return sameNumber(gv, sv, 1e-6);
        // gpsd 3.22 rounds long-range positions to 0.1°. Sightline's must lie on the
        // message's 1/10-minute grid and round to gpsd's value (either way on a tie).
        if (!gv.isDouble() || !sv.isDouble())
            return false;
        const double onGrid = std::round(sv.toDouble() * 600.0) / 600.0;
        return std::abs(onGrid - sv.toDouble()) < 1e-4 && std::abs(onGrid - gv.toDouble()) <= 0.05 + 1e-9 &&
               std::abs(gv.toDouble() * 10 - std::round(gv.toDouble() * 10)) < 1e-6;
    }
    if (key == QLatin1String("speed") || key == QLatin1String("course"))
        return sameNumber(gv, sv, 0.05);
    if (key == QLatin1String("turn") && gv.isDouble()) {
        // gpsd 3.22 prints the rate of turn squared and loses its sign; AIVDM.adoc gives
        // left turns negative values, as Sightline prints them.
        return sv.isDouble() && std::abs(sv.toDouble()) == gv.toDouble();
    }
    if (gv.isDouble())
        return sameNumber(gv, sv, 0);
    return gv == sv;
}

// Compares one of gpsd's records with Sightline's; every field gpsd has is checked.
void compareRecord(const QJsonObject &g, const QJsonObject &s, const QString &where, Differential &d)
{
    const int type = g.value(QLatin1String("type")).toInt();
    ++d.messages;
    for (auto it = g.begin(); it != g.end(); ++it) {
        const QString key = it.key();
        if (key == QLatin1String("class") || key == QLatin1String("device"))
            continue;
        const QJsonValue gv = it.value();
        // gpsd 3.22 prints the text of a type 27's navigation status in "status", where
        // Sightline (as gpsd does for types 1–3) has the code there and the text in "status_text".
        const QJsonValue sv = type == 27 && key == QLatin1String("status")
                                  ? s.value(QLatin1String("status_text"))
                                  : s.value(key);
        if (sv.isUndefined() && notAvailable(type, key, gv))
            continue;
        if (!sv.isUndefined() && agrees(type, key, gv, sv)) {
            ++d.fields;
        } else if (!sv.isUndefined() && gpsdTextDeparts(key, g, s, gv)) {
            ++d.excused;
        } else {
            d.problem(QStringLiteral("%1 (type %2, MMSI %3): %4: gpsdecode %5, sightline %6")
                          .arg(where)
                          .arg(type)
                          .arg(g.value(QLatin1String("mmsi")).toInteger())
                          .arg(key, show(gv), show(sv)));
        }
    }
}

// What gpsdecode prints for Sightline's messages: the same records, except that gpsd
// holds a type 24 part A (in a ring of eight, MAX_TYPE24_INTERLEAVE) and prints nothing
// until part B of the same MMSI arrives; then it prints one record with both.
QList<QJsonObject> asGpsdPrints(const QList<QJsonObject> &sightline)
{
    struct PartA
    {
        qint64 mmsi = 0;
        QJsonValue shipname;
    };
    std::array<PartA, 8> ring;
    std::size_t next = 0;
    QList<QJsonObject> out;
    for (const QJsonObject &m : sightline) {
        if (m.value(QLatin1String("type")).toInt() != 24) {
            out << m;
            continue;
        }
        const qint64 mmsi = m.value(QLatin1String("mmsi")).toInteger();
        if (m.value(QLatin1String("partno")).toInt() == 0) {
            ring[next] = PartA{mmsi, m.value(QLatin1String("shipname"))};
            next = (next + 1) % ring.size();
            continue;
        }
        for (PartA &a : ring) {
            if (a.mmsi == mmsi) {
                QJsonObject both = m;
                both.insert(QLatin1String("shipname"), a.shipname);
                out << both;
                a.mmsi = 0;
                break;
            }
        }
    }
    return out;
}

QString identity(const QJsonObject &o)
{
    return QStringLiteral("%1/%2")
        .arg(o.value(QLatin1String("type")).toInt())
        .arg(o.value(QLatin1String("mmsi")).toInteger());
}

// Decodes `path` with both tools and compares every message, in order.
Differential compareWithGpsdecode(const QString &path)
{
    Differential d;
    const Run s = runSightline({QStringLiteral("ais"), QStringLiteral("decode"), path});
    INFO(s.err.toStdString());
    REQUIRE(s.exitCode == 0);
    const QRegularExpressionMatch rejected =
        QRegularExpression(QStringLiteral("(\\d+) rejected")).match(s.err);
    REQUIRE(rejected.hasMatch());
    d.rejected = rejected.captured(1).toLongLong();

    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    QByteArray bytes = file.readAll();
    // gpsdecode 3.22 drops a last line that has no line break; Sightline reads it.
    if (!bytes.isEmpty() && !bytes.endsWith('\n'))
        bytes += '\n';
    const Run g = runProgram(QStringLiteral("gpsdecode"), {QStringLiteral("-j")}, bytes);
    REQUIRE(g.exitCode == 0);

    QList<QJsonObject> gpsd;
    for (const QJsonObject &o : jsonLines(g.out))
        if (o.value(QLatin1String("class")).toString() == QLatin1String("AIS") &&
            kDecodedTypes.contains(o.value(QLatin1String("type")).toInt()))
            gpsd << o;
    const QList<QJsonObject> ours = asGpsdPrints(jsonLines(s.out));

    // Zip the two streams. gpsd is more lenient than Sightline with a few broken lines (no
    // checksum, a tag block with a bad checksum, a type 1 of 163 bits): it may have records
    // Sightline rejected, never more than Sightline's count of rejections. Such a record is
    // skipped when one of the next few gpsd records is the same message as Sightline's
    // (same type and MMSI, and if one agrees in every field, that one: a vessel's
    // truncated report may come just before its whole one).
    constexpr qsizetype kLookahead = 8;
    const QString name = QFileInfo(path).fileName();
    qsizetype i = 0;
    for (qsizetype j = 0; j < ours.size(); ++j) {
        const QString want = identity(ours[j]);
        qsizetype match = -1;
        for (qsizetype k = i; k < gpsd.size() && k < i + kLookahead; ++k) {
            if (identity(gpsd[k]) != want)
                continue;
            Differential trial;
            compareRecord(gpsd[k], ours[j], QString(), trial);
            if (match < 0 || trial.problems.isEmpty())
                match = k;
            if (trial.problems.isEmpty())
                break;
        }
        if (match < 0) {
            d.problem(QStringLiteral("%1: sightline's message %2 (type/MMSI %3) is not among gpsdecode's")
                          .arg(name)
                          .arg(j)
                          .arg(want));
            continue;
        }
        d.gpsdOnly += match - i;
        compareRecord(gpsd[match], ours[j], QStringLiteral("%1: message %2").arg(name).arg(j), d);
        i = match + 1;
    }
    d.gpsdOnly += gpsd.size() - i;
    if (d.gpsdOnly > d.rejected)
        d.problem(
            QStringLiteral("%1: gpsdecode has %2 messages sightline has not, but sightline rejected only %3")
                .arg(name)
                .arg(d.gpsdOnly)
                .arg(d.rejected));
    return d;
}

struct Totals
{
    qint64 files = 0, messages = 0, fields = 0, excused = 0;
};

void compareFiles(const QStringList &paths, Totals &totals)
{
    for (const QString &path : paths) {
        CAPTURE(path);
        const Differential d = compareWithGpsdecode(path);
        INFO(d.problems.join(QLatin1Char('\n')).toStdString());
        CHECK(d.problems.isEmpty());
        ++totals.files;
        totals.messages += d.messages;
        totals.fields += d.fields;
        totals.excused += d.excused;
    }
}

QStringList filesIn(const QString &dir)
{
    QStringList out;
    for (const QFileInfo &f : QDir(dir).entryInfoList(QDir::Files, QDir::Name))
        out << f.absoluteFilePath();
    return out;
}

bool haveGpsdecode()
{
    if (!QStandardPaths::findExecutable(QStringLiteral("gpsdecode")).isEmpty())
        return true;
    WARN("gpsdecode (Debian package gpsd-clients) is not installed: the comparison with gpsd is skipped");
    return false;
}

} // namespace

TEST_CASE("ais decode agrees with gpsdecode on every field of the bundled real captures", "[ais][e2e]")
{
    if (!haveGpsdecode())
        return;
    Totals totals;
    compareFiles(filesIn(kData + QStringLiteral("/gpsd")) + filesIn(kData + QStringLiteral("/pyais")),
                 totals);
    CAPTURE(totals.files, totals.messages, totals.fields, totals.excused);
    CHECK(totals.files >= 5);
    REQUIRE(totals.messages >= 900);
    REQUIRE(totals.fields >= 14000);
}

TEST_CASE("ais decode agrees with gpsdecode on every capture in ../shared/data/ais", "[ais][e2e]")
{
    const QString gpsdDir = kShared + QStringLiteral("/ais/gpsd"),
                  pyaisDir = kShared + QStringLiteral("/ais/pyais");
    if (!QFileInfo::exists(gpsdDir) || !QFileInfo::exists(pyaisDir)) {
        WARN("../shared/data/ais is absent (as in a user's clone): the shared captures are skipped");
        return;
    }
    if (!haveGpsdecode())
        return;
    Totals totals;
    compareFiles(filesIn(gpsdDir) + filesIn(pyaisDir), totals);
    CAPTURE(totals.files, totals.messages, totals.fields, totals.excused);
    CHECK(totals.files >= 15);
    REQUIRE(totals.messages >= 2000);
    REQUIRE(totals.fields >= 30000);
}

TEST_CASE("ais decode agrees with gpsdecode on a generated corpus of 20000 lines", "[ais][e2e]")
{
    const QString generator = kShared + QStringLiteral("/../peers/gen_aivdm.py");
    if (!QFileInfo::exists(generator)) {
        WARN(
            "../shared/peers/gen_aivdm.py is absent (as in a user's clone): the generated corpus is skipped");
        return;
    }
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (python.isEmpty()) {
        WARN("python3 is not installed: the generated corpus is skipped");
        return;
    }
    if (!haveGpsdecode())
        return;
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString corpus = dir.filePath(QStringLiteral("generated.nmea"));
    const Run gen = runProgram(python, {generator, corpus, QStringLiteral("--lines"), QStringLiteral("20000"),
                                        QStringLiteral("--seed"), QStringLiteral("11")});
    INFO(gen.err.toStdString());
    REQUIRE(gen.exitCode == 0);

    const Differential d = compareWithGpsdecode(corpus);
    CAPTURE(d.messages, d.fields, d.excused);
    INFO(d.problems.join(QLatin1Char('\n')).toStdString());
    CHECK(d.problems.isEmpty());
    // Generated sentences are all valid: both tools must take every one.
    CHECK(d.rejected == 0);
    CHECK(d.gpsdOnly == 0);
    REQUIRE(d.messages >= 17000);
    REQUIRE(d.fields >= 250000);
}

// ---- CSV -----------------------------------------------------------------------------------

namespace {

// Splits one CSV row, honouring quotes.
QStringList csvFields(const QString &row)
{
    QStringList out{QString()};
    bool quoted = false;
    for (qsizetype i = 0; i < row.size(); ++i) {
        const QChar c = row[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < row.size() && row[i + 1] == QLatin1Char('"'))
                out.last() += row[++i];
            else if (c == QLatin1Char('"'))
                quoted = false;
            else
                out.last() += c;
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            out << QString();
        } else {
            out.last() += c;
        }
    }
    return out;
}

} // namespace

TEST_CASE("ais decode --format csv writes a header and one row per decoded message", "[ais][e2e]")
{
    const QString sample = kData + QStringLiteral("/gpsd/sample.aivdm");
    const Run json = runSightline({QStringLiteral("ais"), QStringLiteral("decode"), sample});
    const Run csv = runSightline({QStringLiteral("ais"), QStringLiteral("decode"), sample,
                                  QStringLiteral("--format"), QStringLiteral("csv")});
    INFO(csv.err.toStdString());
    REQUIRE(json.exitCode == 0);
    REQUIRE(csv.exitCode == 0);
    const QList<QJsonObject> messages = jsonLines(json.out);
    QStringList rows = QString::fromUtf8(csv.out).split(QLatin1Char('\n'));
    REQUIRE(rows.size() >= 2);
    CHECK(rows.takeLast().isEmpty()); // the output ends with a line break
    const QStringList header = csvFields(rows.takeFirst());
    CHECK(header.mid(0, 6) ==
          QStringList({QStringLiteral("rxtime"), QStringLiteral("type"), QStringLiteral("repeat"),
                       QStringLiteral("mmsi"), QStringLiteral("lon"), QStringLiteral("lat")}));
    CHECK(header.contains(QStringLiteral("shipname")));
    REQUIRE(messages.size() >= 30);
    REQUIRE(rows.size() == messages.size());
    const qsizetype typeColumn = header.indexOf(QStringLiteral("type")),
                    mmsiColumn = header.indexOf(QStringLiteral("mmsi"));
    const qsizetype nameColumn = header.indexOf(QStringLiteral("shipname"));
    for (qsizetype i = 0; i < rows.size(); ++i) {
        CAPTURE(i, rows[i]);
        const QStringList row = csvFields(rows[i]);
        REQUIRE(row.size() == header.size());
        CHECK(row[typeColumn].toInt() == messages[i].value(QLatin1String("type")).toInt());
        CHECK(row[mmsiColumn].toLongLong() == messages[i].value(QLatin1String("mmsi")).toInteger());
        if (messages[i].contains(QLatin1String("shipname")))
            CHECK(row[nameColumn] == messages[i].value(QLatin1String("shipname")).toString());
    }
}

// ---- bad input -------------------------------------------------------------------------------

TEST_CASE("ais decode names a missing file, exits 2 and still decodes the others", "[ais][e2e][bad-input]")
{
    const QString missing = QStringLiteral("/nowhere/capture.nmea");
    const QString sample = kData + QStringLiteral("/pyais/gatehouse.nmea");
    const Run r = runSightline({QStringLiteral("ais"), QStringLiteral("decode"), missing, sample});
    INFO(r.err.toStdString());
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(missing));
    CHECK(r.err.contains(QStringLiteral("no such file")));
    CHECK(jsonLines(r.out).size() == 4);
}

TEST_CASE("ais decode reports a file of binary junk line by line and exits 0", "[ais][e2e][bad-input]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("junk.bin"));
    QByteArray junk;
    // 50 lines, each beginning with NUL and 0xFF, then bytes from a fixed sequence that
    // avoids the line break and the characters that start NMEA, tag blocks and comments.
    quint32 state = 12345;
    for (int line = 0; line < 50; ++line) {
        junk += QByteArray("\x00\xff", 2);
        for (int i = 0; i < 40; ++i) {
            state = state * 1103515245u + 12345u;
            char c = char(state >> 24);
            if (c == '\n' || c == '!' || c == '\\' || c == '$' || c == '#')
                c = '\x7f';
            junk += c;
        }
        junk += '\n';
    }
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(junk);
    f.close();

    const Run r = runSightline({QStringLiteral("ais"), QStringLiteral("decode"), path});
    INFO(r.err.toStdString());
    CHECK(r.exitCode == 0);
    CHECK(r.out.isEmpty());
    CHECK(r.err.contains(QStringLiteral("50 lines")));
    CHECK(r.err.contains(QStringLiteral("malformed: 50")));
    CHECK(r.err.contains(path + QStringLiteral(":1: not an NMEA sentence")));
    CHECK(r.err.contains(path + QStringLiteral(":2: not an NMEA sentence")));
}

TEST_CASE("ais decode reports a bad checksum with its file and line", "[ais][e2e][bad-input]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("checksum.nmea"));
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write("!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A\n"
            "!AIVDM,1,1,,A,16SteH0P00Jt63hHaa6SagvJ087r,0*43\n"
            "!AIVDM,1,1,,B,25Cjtd0Oj;Jp7ilG7=UkKBoB0<06,0*60\n");
    f.close();
    const Run r = runSightline({QStringLiteral("ais"), QStringLiteral("decode"), path});
    INFO(r.err.toStdString());
    CHECK(r.exitCode == 0);
    CHECK(jsonLines(r.out).size() == 2);
    CHECK(r.err.contains(QStringLiteral("checksum: 1")));
    CHECK(r.err.contains(path + QStringLiteral(":2: checksum 43, expected 42")));
}
