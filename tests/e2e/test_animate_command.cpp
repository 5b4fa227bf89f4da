#include <catch2/catch.hpp>

#include "render/animationframes.h"
#include "render/animationwriter.h"
#include "caseproject.h"
#include "sightlineprocess.h"

#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QPainter>
#include <QTemporaryDir>
#include <QtEndian>

using namespace sightline;
using namespace sightline::test;

namespace {

/// The ports and the case's simulated AIS, made once.
const QString &caseProject()
{
    static QTemporaryDir dir;
    static const QString project = makeCaseProject(
        dir.filePath(QStringLiteral("case.gpkg")),
        {{QStringLiteral("basemap_fareast_landsea.tif"), QStringLiteral("vector/ports_APPROXIMATE.geojson")},
         QStringLiteral("129.9,41.9,132.8,43.2"),
         false,
         {}});
    return project;
}

Run animate(const QStringList &args)
{
    return runSightline(QStringList{QStringLiteral("animate"), QStringLiteral("--project"), caseProject()} +
                        args);
}

/// The frames of an animated PNG, each rebuilt as a PNG of its own and decoded, with its delay.
struct ApngFrame
{
    QImage image;
    int delayMs = 0;
};
QList<ApngFrame> readApng(const QString &path, int *declaredFrames)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QByteArray data = file.readAll();
    REQUIRE(data.startsWith("\x89PNG\r\n\x1a\n"));
    QByteArray ihdr;
    QList<ApngFrame> frames;
    QList<QByteArray> pixels;
    auto chunk = [](const QByteArray &type, const QByteArray &body) {
        QByteArray out(4, 0);
        qToBigEndian<quint32>(quint32(body.size()), out.data());
        const QByteArray typed = type + body;
        // CRC-32 as PNG defines it.
        quint32 crc = 0xffffffffu;
        for (char c : typed) {
            crc ^= quint8(c);
            for (int k = 0; k < 8; ++k)
                crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
        }
        QByteArray tail(4, 0);
        qToBigEndian<quint32>(crc ^ 0xffffffffu, tail.data());
        return out + typed + tail;
    };
    auto flush = [&] {
        if (pixels.isEmpty())
            return;
        QByteArray png = QByteArray("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", ihdr);
        for (const QByteArray &p : pixels)
            png += chunk("IDAT", p);
        png += chunk("IEND", {});
        frames.back().image = QImage::fromData(png, "PNG");
        pixels.clear();
    };
    for (qsizetype pos = 8; pos + 12 <= data.size();) {
        const quint32 length = qFromBigEndian<quint32>(data.constData() + pos);
        const QByteArray type = data.mid(pos + 4, 4), body = data.mid(pos + 8, length);
        pos += 12 + length;
        if (type == "IHDR") {
            ihdr = body;
        } else if (type == "acTL") {
            *declaredFrames = int(qFromBigEndian<quint32>(body.constData()));
        } else if (type == "fcTL") {
            flush();
            const int num = qFromBigEndian<quint16>(body.constData() + 20);
            const int den = qFromBigEndian<quint16>(body.constData() + 22);
            frames.append({QImage(), num * 1000 / (den ? den : 100)});
        } else if (type == "IDAT" && !frames.isEmpty()) {
            pixels << body;
        } else if (type == "fdAT") {
            pixels << body.mid(4);
        }
    }
    flush();
    return frames;
}

/// Does `frame` carry the time stamp `text` (the box drawn as the frames draw it)?
bool hasTimeStamp(const QImage &frame, const QString &text)
{
    const double dpi = 96; // the animate command renders at 96 dpi
    // Inside the rounded corners, which blend with whatever map is under them.
    const QRect box = animationTimeStampRect(frame.size(), dpi).toAlignedRect().adjusted(6, 1, -6, -1);
    QImage expected(frame.size(), QImage::Format_RGB32);
    expected.fill(Qt::white);
    QPainter painter(&expected);
    paintAnimationTimeStamp(painter, frame.size(), dpi, text);
    painter.end();
    return frame.convertToFormat(QImage::Format_RGB32).copy(box) == expected.copy(box);
}

} // namespace

TEST_CASE("animate writes an animated PNG: one frame per step, each stamped with its time", "[e2e][animate]")
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("case.png"));
    const Run r = animate({QStringLiteral("--time"), QStringLiteral("2023-10-01T00:00Z/2023-10-03T12:00Z"),
                           QStringLiteral("--step"), QStringLiteral("PT12H"), QStringLiteral("--size"),
                           QStringLiteral("480x320"), QStringLiteral("--title"), QStringLiteral("Case"),
                           QStringLiteral("-o"), out});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    CHECK(r.err.contains(QStringLiteral("6 frames")));
    int declared = 0;
    const QList<ApngFrame> frames = readApng(out, &declared);
    CHECK(declared == 6);
    REQUIRE(frames.size() == 6);
    for (const ApngFrame &f : frames) {
        REQUIRE(f.image.size() == QSize(480, 320));
        CHECK(f.delayMs == 250); // 4 frames a second
    }
    CHECK(hasTimeStamp(frames.first().image, QStringLiteral("2023-10-01 00:00 UTC")));
    CHECK(hasTimeStamp(frames.last().image, QStringLiteral("2023-10-03 12:00 UTC")));
    CHECK_FALSE(hasTimeStamp(frames.last().image, QStringLiteral("2023-10-03 00:00 UTC")));
    // The map moves: the frames are not all the same picture.
    CHECK(frames.first().image != frames.last().image);
    // Readers without APNG show the first frame.
    CHECK(QImage(out).convertToFormat(QImage::Format_RGB32) ==
          frames.first().image.convertToFormat(QImage::Format_RGB32));
}

TEST_CASE("animate --skip-unchanged makes no frame where nothing happened, the last one stays up longer",
          "[e2e][animate]")
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("quiet.png"));
    // A year before the simulated traffic: nothing happens after the first frame.
    const Run r =
        animate({QStringLiteral("--time"), QStringLiteral("2022-01-01T00:00Z/2022-01-02T00:00Z"),
                 QStringLiteral("--step"), QStringLiteral("PT6H"), QStringLiteral("--size"),
                 QStringLiteral("320x200"), QStringLiteral("--skip-unchanged"), QStringLiteral("-o"), out});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    CHECK(r.err.contains(QStringLiteral("4 with nothing new skipped")));
    int declared = 0;
    const QList<ApngFrame> frames = readApng(out, &declared);
    REQUIRE(frames.size() == 1);
    CHECK(frames.first().delayMs == 5 * 250);
    CHECK(hasTimeStamp(frames.first().image, QStringLiteral("2022-01-01 00:00 UTC")));
}

TEST_CASE("animate writes a GIF without ffmpeg, and says what MP4 needs when ffmpeg is missing",
          "[e2e][animate]")
{
    QTemporaryDir dir;
    const QString gif = dir.filePath(QStringLiteral("case.gif"));
    Run r = animate({QStringLiteral("--time"), QStringLiteral("2023-10-01/2023-10-02"),
                     QStringLiteral("--step"), QStringLiteral("PT12H"), QStringLiteral("--size"),
                     QStringLiteral("320x200"), QStringLiteral("-o"), gif});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    QImageReader reader(gif);
    CHECK(reader.supportsAnimation());
    CHECK(reader.imageCount() == 4); // 1 Oct 00:00, 12:00, 2 Oct 00:00, 12:00

    const QString mp4 = dir.filePath(QStringLiteral("case.mp4"));
    r = animate({QStringLiteral("--time"), QStringLiteral("2023-10-01/2023-10-02"), QStringLiteral("--step"),
                 QStringLiteral("PT12H"), QStringLiteral("--size"), QStringLiteral("320x200"),
                 QStringLiteral("-o"), mp4});
    if (AnimationWriter::ffmpegProgram().isEmpty()) {
        CHECK(r.exitCode == 2);
        CHECK(r.err.contains(QStringLiteral("ffmpeg")));
        CHECK_FALSE(QFile::exists(mp4));
    } else {
        CHECK(r.exitCode == 0);
        CHECK(QFileInfo(mp4).size() > 0);
    }
}

TEST_CASE("animate and render --time refuse bad ranges and steps with messages that name them",
          "[e2e][animate]")
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("x.png"));
    Run r = animate({QStringLiteral("--time"), QStringLiteral("2023-10-05/2023-10-01"),
                     QStringLiteral("--step"), QStringLiteral("PT1H"), QStringLiteral("-o"), out});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(QStringLiteral("ends before it starts")));
    r = animate({QStringLiteral("--time"), QStringLiteral("2023-10-01/2023-10-02"), QStringLiteral("--step"),
                 QStringLiteral("soon"), QStringLiteral("-o"), out});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(QStringLiteral("'soon'")));
    r = animate({QStringLiteral("--time"), QStringLiteral("2023-10-01/2023-10-02"), QStringLiteral("--step"),
                 QStringLiteral("PT1H"), QStringLiteral("-o"), dir.filePath(QStringLiteral("x.avi"))});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(QStringLiteral("x.avi")));
    r = animate({QStringLiteral("--time"), QStringLiteral("2023-01-01/2023-12-31"), QStringLiteral("--step"),
                 QStringLiteral("PT1M"), QStringLiteral("-o"), out});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(QStringLiteral("longer --step")));
    CHECK_FALSE(QFile::exists(out));

    r = runSightline({QStringLiteral("render"), QStringLiteral("--project"), caseProject(),
                      QStringLiteral("--time"), QStringLiteral("yesterday"), QStringLiteral("-o"), out});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(QStringLiteral("yesterday")));
}

TEST_CASE("render --time shows only the tracks of the range, --at marks the vessels", "[e2e][animate]")
{
    QTemporaryDir dir;
    auto render = [&](const QStringList &extra, const QString &name) {
        const QString out = dir.filePath(name);
        const Run r =
            runSightline(QStringList{QStringLiteral("render"), QStringLiteral("--project"), caseProject(),
                                     QStringLiteral("--size"), QStringLiteral("480x320")} +
                         extra + QStringList{QStringLiteral("-o"), out});
        INFO(r.err.toStdString());
        REQUIRE(r.exitCode == 0);
        return QImage(out).convertToFormat(QImage::Format_RGB32);
    };
    const QImage all = render({}, QStringLiteral("all.png"));
    const QImage none = render({QStringLiteral("--time"), QStringLiteral("2022-01-01/2022-01-02")},
                               QStringLiteral("none.png"));
    const QImage october = render({QStringLiteral("--time"), QStringLiteral("2023-10-01/2023-10-15")},
                                  QStringLiteral("oct.png"));
    const QImage cursor = render({QStringLiteral("--time"), QStringLiteral("2023-10-01/2023-10-15"),
                                  QStringLiteral("--at"), QStringLiteral("2023-10-14T02:00Z")},
                                 QStringLiteral("at.png"));
    auto differing = [](const QImage &a, const QImage &b) {
        int n = 0;
        for (int y = 0; y < a.height(); ++y)
            for (int x = 0; x < a.width(); ++x)
                n += a.pixel(x, y) != b.pixel(x, y) ? 1 : 0;
        return n;
    };
    CHECK(differing(all, none) > 500);      // a year before the traffic: no tracks at all
    CHECK(differing(all, october) > 100);   // half a month of it: fewer
    CHECK(differing(october, none) > 100);  // but some
    CHECK(differing(october, cursor) > 50); // the vessels marked where they were
}
