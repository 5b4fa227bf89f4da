#include "../unit/catchstringmakers.h"
#include "aisdifferential.h"
#include "aivdmgenerator.h"

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

using namespace aise2e;

Run runSightline(const QStringList &args)
{
    return runProgram(QStringLiteral(SIGHTLINE_EXECUTABLE), args);
}

const QString kData = QStringLiteral(SIGHTLINE_TEST_DATA_DIR "/ais");
const QString kShared = QStringLiteral(SIGHTLINE_SHARED_DATA_DIR);

// ---- the differential test against gpsdecode ---------------------------------------------------

// The documented exceptions, where Sightline and gpsdecode 3.22 are allowed to differ:
// - lines gpsd decodes that Sightline rejects: a tag block whose checksum is wrong (pyais's
//   sample.ais has "*A"); gpsd does not check it. Counted as "gpsd-only" records, never more
//   than Sightline's rejections.
// - a type 21 of 361–368 bits, past the standard's 360 (see aivdmgenerator.h): gpsd writes
//   the name past its buffer, over accuracy and lon. None in the captures; not generated.
// - the binary messages (6, 8, 25, 26), compared field by field in test_ais_binary.cpp
//   instead, on the same captures and on generated payloads of every DAC/FID gpsd decodes,
//   where the places gpsd 3.22 prints broken JSON or a member it never fills are listed.
const QSet<int> kComparedInTestAisBinary = {6, 8, 25, 26};

struct Differential
{
    qint64 gpsdMessages = 0; ///< gpsd records of the compared types
    qint64 messages = 0;     ///< gpsd records matched with one of Sightline's
    qint64 fields = 0;       ///< fields compared
    qint64 equal = 0;        ///< fields equal
    qint64 gpsdOnly = 0;     ///< gpsd records of lines Sightline rejected
    qint64 rejected = 0;     ///< Sightline's own count of rejected records
    QSet<int> types;         ///< message types compared
    QStringList problems;

    void problem(const QString &text)
    {
        if (problems.size() < 40)
            problems << text;
    }
    void add(const Differential &o)
    {
        gpsdMessages += o.gpsdMessages;
        messages += o.messages;
        fields += o.fields;
        equal += o.equal;
        gpsdOnly += o.gpsdOnly;
        rejected += o.rejected;
        types += o.types;
        for (const QString &p : o.problems)
            problem(p);
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

// Compares one of gpsd's records with Sightline's; every field gpsd has must be there
// with the same value (numbers as gpsd prints them, so equal as parsed), and Sightline
// may add only its provenance ("rxtime", "source", "channel").
void compareRecord(const QJsonObject &g, const QJsonObject &s, const QString &where, Differential &d)
{
    const int type = g.value(QLatin1String("type")).toInt();
    ++d.messages;
    d.types.insert(type);
    for (auto it = g.begin(); it != g.end(); ++it) {
        const QString key = it.key();
        if (key == QLatin1String("device"))
            continue;
        ++d.fields;
        const QJsonValue gv = it.value(), sv = s.value(key);
        if (gv == sv) {
            ++d.equal;
            continue;
        }
        d.problem(QStringLiteral("%1 (type %2, MMSI %3): %4: gpsdecode %5, sightline %6")
                      .arg(where)
                      .arg(type)
                      .arg(g.value(QLatin1String("mmsi")).toInteger())
                      .arg(key, show(gv), show(sv)));
    }
    static const QSet<QString> provenance = {QStringLiteral("rxtime"), QStringLiteral("source"),
                                             QStringLiteral("channel")};
    for (auto it = s.begin(); it != s.end(); ++it)
        if (!g.contains(it.key()) && !provenance.contains(it.key()))
            d.problem(QStringLiteral("%1 (type %2): sightline has \"%3\", gpsdecode has not")
                          .arg(where)
                          .arg(type)
                          .arg(it.key()));
}

QString identity(const QJsonObject &o)
{
    return QStringLiteral("%1/%2")
        .arg(o.value(QLatin1String("type")).toInt())
        .arg(o.value(QLatin1String("mmsi")).toInteger());
}

bool compared(const QJsonObject &o)
{
    return o.value(QLatin1String("class")).toString() == QLatin1String("AIS") &&
           !kComparedInTestAisBinary.contains(o.value(QLatin1String("type")).toInt());
}

// Decodes `path` with both tools, scaled or not, and compares every message, in order.
Differential compareWithGpsdecode(const QString &path, bool scaled)
{
    Differential d;
    QStringList args = {QStringLiteral("ais"), QStringLiteral("decode"), path};
    if (!scaled)
        args << QStringLiteral("-u");
    const Run s = runSightline(args);
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
    QStringList gpsdArgs = {QStringLiteral("-j")};
    if (!scaled)
        gpsdArgs << QStringLiteral("-u");
    const Run g = runProgram(QStringLiteral("gpsdecode"), gpsdArgs, bytes);
    REQUIRE(g.exitCode == 0);

    QList<QJsonObject> gpsd, ours;
    for (const QJsonObject &o : jsonLines(g.out))
        if (compared(o))
            gpsd << o;
    for (const QJsonObject &o : jsonLines(s.out))
        if (compared(o))
            ours << o;
    d.gpsdMessages = gpsd.size();

    // Zip the two streams. gpsd is more lenient than Sightline with a few broken lines (no
    // checksum, a tag block with a bad checksum): it may have records Sightline rejected,
    // never more than Sightline's count of rejections. Such a record is skipped when one of
    // the next few gpsd records is the same message as Sightline's (same type and MMSI, and
    // if one agrees in every field, that one).
    constexpr qsizetype kLookahead = 8;
    const QString name = QFileInfo(path).fileName() + (scaled ? QString() : QStringLiteral(" -u"));
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

// Both forms, scaled and unscaled.
Differential compareBoth(const QString &path)
{
    Differential d = compareWithGpsdecode(path, true);
    d.add(compareWithGpsdecode(path, false));
    return d;
}

void report(const char *what, const Differential &d)
{
    WARN(what << ": " << d.messages << " of " << d.gpsdMessages << " gpsdecode records matched, " << d.equal
              << " of " << d.fields << " fields equal, " << d.gpsdOnly << " gpsd-only records of lines sightline "
              << "rejected (" << d.rejected << " rejections)");
}

void compareFiles(const QStringList &paths, Differential &totals)
{
    for (const QString &path : paths) {
        CAPTURE(path);
        const Differential d = compareBoth(path);
        INFO(d.problems.join(QLatin1Char('\n')).toStdString());
        CHECK(d.problems.isEmpty());
        totals.add(d);
    }
}

QStringList filesIn(const QString &dir)
{
    QStringList out;
    for (const QFileInfo &f : QDir(dir).entryInfoList(QDir::Files, QDir::Name))
        out << f.absoluteFilePath();
    return out;
}

} // namespace

TEST_CASE("ais decode agrees with gpsdecode on every field of the bundled real captures", "[ais][e2e]")
{
    if (!haveGpsdecode())
        return;
    Differential totals;
    compareFiles(filesIn(kData + QStringLiteral("/gpsd")) + filesIn(kData + QStringLiteral("/pyais")),
                 totals);
    report("bundled captures", totals);
    CHECK(totals.problems.isEmpty());
    CHECK(totals.messages + totals.gpsdOnly == totals.gpsdMessages);
    REQUIRE(totals.messages >= 1800);
    REQUIRE(totals.fields >= 28000);
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
    Differential totals;
    compareFiles(filesIn(gpsdDir) + filesIn(pyaisDir), totals);
    report("shared captures", totals);
    REQUIRE(totals.messages >= 4000);
    REQUIRE(totals.fields >= 60000);
}

// ---- generated messages of every type ----------------------------------------------------------

TEST_CASE("ais decode agrees with gpsdecode on generated messages of every type, scaled and unscaled",
          "[ais][e2e]")
{
    if (!haveGpsdecode())
        return;
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString corpus = dir.filePath(QStringLiteral("every-type.nmea"));
    QFile f(corpus);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(AivdmGenerator(18).corpus(400));
    f.close();

    const Differential d = compareBoth(corpus);
    report("generated messages", d);
    INFO(d.problems.join(QLatin1Char('\n')).toStdString());
    CHECK(d.problems.isEmpty());
    // What gpsd decodes, Sightline decodes: lines of wrong lengths are rejected by both.
    CHECK(d.gpsdOnly == 0);
    CHECK(d.messages == d.gpsdMessages);
    CHECK(d.equal == d.fields);
    QSet<int> everyType;
    for (int type = 1; type <= 27; ++type)
        if (!kComparedInTestAisBinary.contains(type))
            everyType.insert(type);
    CHECK(d.types == everyType);
    REQUIRE(d.messages >= 2 * 7000);
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

    const Differential d = compareBoth(corpus);
    report("gen_aivdm.py corpus", d);
    INFO(d.problems.join(QLatin1Char('\n')).toStdString());
    CHECK(d.problems.isEmpty());
    // Generated sentences are all valid: both tools must take every one.
    CHECK(d.rejected == 0);
    CHECK(d.gpsdOnly == 0);
    REQUIRE(d.messages >= 2 * 17000);
    REQUIRE(d.fields >= 2 * 250000);
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
