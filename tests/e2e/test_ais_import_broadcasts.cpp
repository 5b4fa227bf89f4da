#include <catch2/catch.hpp>

#include "sightlineprocess.h"

#include "ais/aislog.h"
#include "ais/aismessage.h"

#include <QRegularExpression>
#include <QTemporaryDir>

#include <set>

using namespace sightline;

namespace {
// gpsd's regression capture: real base stations (4), aids to navigation (21) and safety text (12, 14),
// with no receive times (so positions and messages are timed from the base stations).
const QString kSample = QStringLiteral(SIGHTLINE_TEST_DATA_DIR "/ais/gpsd/sample.aivdm");

struct Expected
{
    std::set<std::uint32_t> baseStations;
    std::set<std::uint32_t> aids;
    int safetyMessages = 0;
};

// What the file holds, counted from the decoder directly rather than through the import.
Expected countInFile(const QString &path)
{
    Expected e;
    ais::AisLogSummary summary;
    QString error;
    REQUIRE(ais::readAisLog(
        path,
        [&](const ais::AisMessage &m, const ais::RawMessage &) {
            if (m.type == 4)
                e.baseStations.insert(m.mmsi);
            else if (m.type == 21)
                e.aids.insert(m.mmsi);
            else if (m.type == 12 || m.type == 14)
                ++e.safetyMessages;
        },
        summary, &error));
    return e;
}

int countOf(const QString &out, const QString &key)
{
    const QRegularExpressionMatch m =
        QRegularExpression(QStringLiteral("^%1\\t(\\d+)$").arg(QRegularExpression::escape(key)),
                           QRegularExpression::MultilineOption)
            .match(out);
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}
} // namespace

TEST_CASE("ais import keeps a real log's receivers, aids and safety messages; project info lists them",
          "[ais][e2e]")
{
    const Expected expected = countInFile(kSample);
    REQUIRE(!expected.baseStations.empty());
    REQUIRE(!expected.aids.empty());
    REQUIRE(expected.safetyMessages > 0);

    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("sample.gpkg"));
    const test::Run r =
        test::runSightline({QStringLiteral("ais"), QStringLiteral("import"), kSample, QStringLiteral("--project"),
                            project, QStringLiteral("--time-fallback"), QStringLiteral("base-station")});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    const QRegularExpressionMatch kept =
        QRegularExpression(QStringLiteral("(\\d+) receivers \\(base stations\\), (\\d+) aids to navigation, "
                                          "(\\d+) safety messages from"))
            .match(r.out);
    REQUIRE(kept.hasMatch());
    CHECK(kept.captured(1).toInt() == int(expected.baseStations.size()));
    CHECK(kept.captured(2).toInt() == int(expected.aids.size()));
    // Repeats of one text from one sender within a minute are one message.
    CHECK(kept.captured(3).toInt() > 0);
    CHECK(kept.captured(3).toInt() <= expected.safetyMessages);

    const test::Run info = test::runSightline({QStringLiteral("project"), QStringLiteral("info"), project});
    INFO(info.err.toStdString());
    REQUIRE(info.exitCode == 0);
    CHECK(countOf(info.out, QStringLiteral("receivers")) == int(expected.baseStations.size()));
    CHECK(countOf(info.out, QStringLiteral("aids to navigation")) == int(expected.aids.size()));
    CHECK(countOf(info.out, QStringLiteral("safety messages")) == kept.captured(3).toInt());
    // One line each, with the MMSI; and the layers the workbench opens for them.
    for (const std::uint32_t mmsi : expected.baseStations)
        CHECK(info.out.contains(QStringLiteral("receiver\t%1\t").arg(mmsi)));
    for (const std::uint32_t mmsi : expected.aids)
        CHECK(info.out.contains(QStringLiteral("aid to navigation\t%1\t").arg(mmsi)));
    CHECK(info.out.contains(QStringLiteral("layer\tReceivers\t")));
    CHECK(info.out.contains(QStringLiteral("layer\tAids to navigation\t")));
}

TEST_CASE("ais import of a log whose positions have no time adds nothing, so it can be imported again with "
          "a time fallback",
          "[ais][e2e]")
{
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("sample.gpkg"));
    const QStringList import = {QStringLiteral("ais"), QStringLiteral("import"), kSample, QStringLiteral("--project"),
                                project};
    // The log holds base stations and aids, but every position lacks a receive time.
    const test::Run first = test::runSightline(import);
    CHECK(first.exitCode == 1);
    CHECK(first.err.contains(QStringLiteral("no position was kept")));
    CHECK(first.err.contains(QStringLiteral("--time-fallback base-station")));
    // Not recorded as imported: the fallback the message names is taken.
    const test::Run again = test::runSightline(import + QStringList{QStringLiteral("--time-fallback"),
                                                                    QStringLiteral("base-station")});
    INFO(again.err.toStdString());
    CHECK(again.exitCode == 0);
    CHECK_FALSE(again.out.contains(QStringLiteral("imported before")));
    CHECK_FALSE(again.err.contains(QStringLiteral("imported before")));
    CHECK(QRegularExpression(QStringLiteral("\\+[1-9]\\d* positions")).match(again.out).hasMatch());
}
