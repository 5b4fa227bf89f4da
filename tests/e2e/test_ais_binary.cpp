#include "aisdifferential.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <random>

// The binary messages (types 6, 8, 25 and 26) of `sightline ais decode` against gpsd's
// gpsdecode, field by field, scaled and unscaled: on the bundled captures and on generated
// messages of every DAC/FID gpsd decodes, at their standard lengths and at others.

using namespace aise2e;

namespace {

const QString kData = QStringLiteral(SIGHTLINE_TEST_DATA_DIR "/ais");
const QString kShared = QStringLiteral(SIGHTLINE_SHARED_DATA_DIR);

bool isBinary(const QJsonObject &o)
{
    const int type = o.value(QLatin1String("type")).toInt();
    return type == 6 || type == 8 || type == 25 || type == 26;
}

// gpsd 3.22 prints a few lines no JSON reader accepts: 8/1/19 lacks the comma before
// "nextsignal_text" and leaves the quotes of some signal texts unescaped, and the inland
// texts (DAC 200) are printed without escapes. The first two are repaired here; a line still
// not JSON is counted and left out.
QByteArray repairGpsdLine(QByteArray line)
{
    static const QRegularExpression missingComma(QStringLiteral("(\\d)\"nextsignal_text\""));
    QString text = QString::fromUtf8(line);
    text.replace(missingComma, QStringLiteral("\\1,\"nextsignal_text\""));
    for (const char *quoted : {"\"in-bound\"", "\"out-bound\"", "\"in- and out-bound\"", "\"I\"", "\"O\""}) {
        QString q = QString::fromLatin1(quoted);
        text.replace(q, QString(q).replace(QLatin1String("\""), QLatin1String("\\\"")));
    }
    return text.toUtf8();
}

struct Comparison
{
    qint64 messages = 0, fields = 0, excused = 0, gpsdInvalid = 0;
    QStringList problems;
};

// Fields where Sightline prints the message's value and gpsd 3.22 a value from elsewhere:
// a type 8's persons on board (gpsd reads the type 6 member, always 0) and a type 26's radio
// status (gpsd never fills it, 0).
bool excused(const QJsonObject &g, const QString &key)
{
    const int type = g.value(QLatin1String("type")).toInt();
    if (type == 26 && key == QLatin1String("radio"))
        return g.value(key).toInt() == 0;
    return type == 8 && key == QLatin1String("persons") && g.value(key).toInt() == 0;
}

// gpsd prints the inland texts (DAC 200) without JSON escapes: a reader drops or keeps its
// stray backslashes and quotes. Sightline's escaped text is the same text otherwise.
bool unescapedText(const QJsonValue &g, const QJsonValue &s)
{
    if (!g.isString() || !s.isString())
        return false;
    auto bare = [](QString t) { return t.remove(QLatin1Char('\\')).remove(QLatin1Char('"')); };
    return bare(g.toString()) == bare(s.toString());
}

// Decodes `path` with both tools (scaled or not) and compares every binary message, in order.
void compare(const QString &path, bool scaled, Comparison &c)
{
    QStringList args{QStringLiteral("ais"), QStringLiteral("decode"), path};
    if (!scaled)
        args << QStringLiteral("--unscaled");
    const Run s = runProgram(QStringLiteral(SIGHTLINE_EXECUTABLE), args);
    INFO(s.err.toStdString());
    REQUIRE(s.exitCode == 0);
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    QByteArray bytes = file.readAll();
    if (!bytes.isEmpty() && !bytes.endsWith('\n'))
        bytes += '\n';
    QStringList gArgs{QStringLiteral("-j")};
    if (!scaled)
        gArgs << QStringLiteral("-u");
    const Run g = runProgram(QStringLiteral("gpsdecode"), gArgs, bytes);
    REQUIRE(g.exitCode == 0);

    QList<QJsonObject> gpsd;
    QList<int> invalidAt; // index in gpsd's binary stream where an unreadable line stood
    for (const QByteArray &raw : g.out.split('\n')) {
        if (raw.trimmed().isEmpty() || !raw.contains("\"class\":\"AIS\""))
            continue;
        const QJsonDocument doc = QJsonDocument::fromJson(repairGpsdLine(raw));
        if (doc.isObject()) {
            if (isBinary(doc.object()))
                gpsd << doc.object();
        } else {
            ++c.gpsdInvalid;
            invalidAt << int(gpsd.size());
            gpsd << QJsonObject(); // a place holder keeps the streams in step
        }
    }
    QList<QJsonObject> ours;
    for (const QJsonObject &o : jsonLines(s.out))
        if (isBinary(o))
            ours << o;
    const QString name = QFileInfo(path).fileName();
    if (ours.size() != gpsd.size()) {
        c.problems << QStringLiteral("%1: gpsdecode has %2 binary messages, sightline %3")
                          .arg(name)
                          .arg(gpsd.size())
                          .arg(ours.size());
        return;
    }
    for (qsizetype i = 0; i < gpsd.size(); ++i) {
        if (gpsd[i].isEmpty())
            continue;
        ++c.messages;
        for (auto it = gpsd[i].begin(); it != gpsd[i].end(); ++it) {
            const QString key = it.key();
            if (key == QLatin1String("class") || key == QLatin1String("device"))
                continue;
            if (ours[i].value(key) == it.value())
                ++c.fields;
            else if (excused(gpsd[i], key) || unescapedText(it.value(), ours[i].value(key)))
                ++c.excused;
            else if (c.problems.size() < 30)
                c.problems << QStringLiteral("%1 message %2 (type %3 dac %4 fid %5): %6: gpsdecode %7, sightline %8")
                                  .arg(name)
                                  .arg(i)
                                  .arg(gpsd[i].value(QLatin1String("type")).toInt())
                                  .arg(gpsd[i].value(QLatin1String("dac")).toInt())
                                  .arg(gpsd[i].value(QLatin1String("fid")).toInt())
                                  .arg(key,
                                       QString::fromUtf8(QJsonDocument(QJsonArray{it.value()}).toJson(QJsonDocument::Compact)),
                                       QString::fromUtf8(QJsonDocument(QJsonArray{ours[i].value(key)}).toJson(QJsonDocument::Compact)));
        }
    }
}

// ---- generated messages ------------------------------------------------------------------

struct Bits
{
    QList<bool> v;
    void put(quint64 value, int n)
    {
        for (int i = n - 1; i >= 0; --i)
            v << bool((value >> i) & 1u);
    }
};

QByteArray checksummed(const QByteArray &body)
{
    unsigned sum = 0;
    for (const char ch : body)
        sum ^= static_cast<unsigned char>(ch);
    return '!' + body + '*' + QByteArray::number(sum, 16).toUpper().rightJustified(2, '0') + '\n';
}

// Armours `bits` into !AIVDM sentences of at most 60 characters each.
QByteArray sentences(const Bits &bits, int sequence)
{
    const int fill = (6 - int(bits.v.size()) % 6) % 6;
    QByteArray payload;
    for (qsizetype i = 0; i < bits.v.size(); i += 6) {
        int value = 0;
        for (int k = 0; k < 6; ++k)
            value = value << 1 | (i + k < bits.v.size() && bits.v[i + k] ? 1 : 0);
        payload += char(value < 40 ? value + 48 : value + 56);
    }
    const int parts = int((payload.size() + 59) / 60);
    QByteArray out;
    for (int p = 0; p < parts; ++p) {
        const QByteArray body = "AIVDM," + QByteArray::number(parts) + ',' + QByteArray::number(p + 1) + ',' +
                                (parts > 1 ? QByteArray::number(sequence % 10) : QByteArray()) + ",A," +
                                payload.mid(p * 60, 60) + ',' + QByteArray::number(p == parts - 1 ? fill : 0);
        out += checksummed(body);
    }
    return out;
}

struct Family
{
    int type, dac, fid;
    QList<int> lengths; // standard lengths first, then others gpsd must treat the same way we do
};

// Every DAC/FID gpsd 3.22 decodes, and a few it does not (raw data).
const QList<Family> kFamilies = {
    {6, 1, 12, {360, 200}},        {6, 1, 14, {376, 190, 1008}}, {6, 1, 15, {104}},
    {6, 1, 16, {224, 120}},        {6, 1, 18, {360}},            {6, 1, 20, {360}},
    {6, 1, 25, {168, 400, 1008}},  {6, 1, 28, {424, 200}},       {6, 1, 30, {200, 98, 97}},
    {6, 1, 32, {361, 1008}},       {6, 200, 21, {248, 250}},     {6, 200, 22, {232, 240}},
    {6, 200, 55, {168, 170}},      {6, 235, 10, {136, 140}},     {6, 250, 10, {136}},
    {6, 1, 11, {200}},             {6, 1, 40, {136}},            {6, 316, 1, {300}},
    {8, 1, 11, {352, 120}},        {8, 1, 13, {472}},            {8, 1, 15, {72}},
    {8, 1, 16, {72, 192, 100}},    {8, 1, 17, {300, 1008}},      {8, 1, 19, {360}},
    {8, 1, 27, {300, 1008}},       {8, 1, 29, {200, 60, 1008}},  {8, 1, 31, {360, 200}},
    {8, 200, 10, {168, 160}},      {8, 200, 23, {256, 250}},     {8, 200, 24, {168, 170}},
    {8, 200, 40, {168}},           {8, 1, 22, {500}},            {8, 366, 56, {200}},
    {25, 0, 0, {40, 60, 168}},     {26, 0, 0, {60, 100, 500, 1004}},
};

// `count` random messages of each family and length, seeded: random payload bits behind the
// header that selects the application.
QByteArray generate(int count, unsigned seed)
{
    std::mt19937_64 rng(seed);
    QByteArray out;
    int sequence = 0;
    for (const Family &f : kFamilies) {
        for (const int length : f.lengths) {
            for (int n = 0; n < count; ++n) {
                Bits b;
                b.put(quint64(f.type), 6);
                b.put(rng() & 3u, 2);
                b.put(rng() % 999999999u + 1, 30);
                if (f.type == 6) {
                    b.put(rng() & 3u, 2);
                    b.put(rng() % 999999999u + 1, 30);
                    b.put(rng() & 1u, 1);
                    b.put(0, 1);
                }
                if (f.type == 6 || f.type == 8) {
                    if (f.type == 8)
                        b.put(0, 2);
                    b.put(quint64(f.dac), 10);
                    b.put(quint64(f.fid), 6);
                }
                while (b.v.size() < length)
                    b.put(rng() & 1u, 1);
                b.v.resize(length);
                out += sentences(b, ++sequence);
            }
        }
    }
    return out;
}

QStringList capturesIn(const QString &dir)
{
    QStringList out;
    for (const QFileInfo &f : QDir(dir).entryInfoList(QDir::Files, QDir::Name))
        out << f.absoluteFilePath();
    return out;
}

} // namespace

TEST_CASE("ais decode prints generated binary messages of every DAC/FID as gpsdecode does", "[ais][e2e][binary]")
{
    if (!haveGpsdecode())
        return;
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("binary.nmea"));
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(generate(40, 18));
    file.close();
    for (const bool scaled : {true, false}) {
        CAPTURE(scaled);
        Comparison c;
        compare(path, scaled, c);
        CAPTURE(c.messages, c.fields, c.excused, c.gpsdInvalid);
        INFO(c.problems.join(QLatin1Char('\n')).toStdString());
        CHECK(c.problems.isEmpty());
        // gpsd refuses a few of the generated lengths (type 25/26 too short for their
        // flags); everything else is compared.
        CHECK(c.messages >= 2400);
        CHECK(c.fields >= 33000);
        // Only the inland texts gpsd leaves unescaped may make a line unreadable.
        CHECK(c.gpsdInvalid < c.messages / 20);
    }
}

TEST_CASE("ais decode prints the binary messages of the real captures as gpsdecode does", "[ais][e2e][binary]")
{
    if (!haveGpsdecode())
        return;
    QStringList paths = capturesIn(kData + QStringLiteral("/gpsd")) + capturesIn(kData + QStringLiteral("/pyais"));
    if (QFileInfo::exists(kShared + QStringLiteral("/ais/gpsd")))
        paths += capturesIn(kShared + QStringLiteral("/ais/gpsd"));
    for (const bool scaled : {true, false}) {
        CAPTURE(scaled);
        Comparison c;
        for (const QString &path : paths)
            compare(path, scaled, c);
        CAPTURE(c.messages, c.fields, c.excused, c.gpsdInvalid);
        INFO(c.problems.join(QLatin1Char('\n')).toStdString());
        CHECK(c.problems.isEmpty());
        CHECK(c.gpsdInvalid == 0);
        CHECK(c.messages >= 40);
    }
}
