#include "../catchstringmakers.h"

#include "render/animationwriter.h"
#include "render/apngencoder.h"
#include "render/gifencoder.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QPainter>
#include <QPainterPath>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cstdlib>
#include <iostream>
#include <set>

using namespace sightline;
using Format = AnimationWriter::Format;

namespace {

// ---- Frames ----------------------------------------------------------------------------------

/// A small map: sea, land, a red vessel square that moves with `i`, and a text label.
QImage mapFrame(int i, QSize size = QSize(161, 101))
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(QColor(0xcf, 0xe3, 0xf0));
    QPainter p(&image);
    p.fillRect(QRect(0, 62, size.width(), size.height() - 62), QColor(0xe6, 0xdc, 0xc3));
    p.fillRect(QRect(6 + 26 * i, 18 + 3 * i, 18, 18), QColor(0xc8, 0x28, 0x28));
    p.setPen(QColor(0x10, 0x10, 0x30));
    p.setFont(QFont(QStringLiteral("DejaVu Sans"), 9));
    p.drawText(QRect(4, 66, size.width() - 8, 30), Qt::AlignLeft | Qt::AlignVCenter,
               QStringLiteral("Frame %1 · 02:%2Z").arg(i + 1).arg(i * 15, 2, 10, QLatin1Char('0')));
    return image;
}

/// More than a thousand colours: a two-way gradient with a dark label over it.
QImage gradientFrame(QSize size = QSize(256, 96))
{
    QImage image(size, QImage::Format_RGB32);
    for (int y = 0; y < size.height(); ++y) {
        for (int x = 0; x < size.width(); ++x)
            image.setPixel(x, y,
                           qRgb(x * 255 / (size.width() - 1), 80 + y, 255 - x * 255 / (size.width() - 1)));
    }
    QPainter p(&image);
    p.setPen(Qt::black);
    p.setFont(QFont(QStringLiteral("DejaVu Sans"), 11, QFont::Bold));
    p.drawText(QRect(0, 0, size.width(), size.height()), Qt::AlignCenter, QStringLiteral("Rajin → Dunai"));
    return image;
}

QImage rgb(const QImage &image)
{
    return image.convertToFormat(QImage::Format_RGB888);
}

int colourCount(const QImage &image)
{
    const QImage c = image.convertToFormat(QImage::Format_RGB32);
    std::set<QRgb> colours;
    for (int y = 0; y < c.height(); ++y) {
        for (int x = 0; x < c.width(); ++x)
            colours.insert(c.pixel(x, y));
    }
    return int(colours.size());
}

struct PixelDifference
{
    int differing = 0;  ///< pixels not exactly equal
    int maxChannel = 0; ///< the largest difference in one channel
    double meanChannel = 0;
};

PixelDifference compare(const QImage &a, const QImage &b)
{
    REQUIRE(a.size() == b.size());
    const QImage x = a.convertToFormat(QImage::Format_RGB32), y = b.convertToFormat(QImage::Format_RGB32);
    PixelDifference d;
    double sum = 0;
    for (int row = 0; row < x.height(); ++row) {
        for (int col = 0; col < x.width(); ++col) {
            const QRgb p = x.pixel(col, row), q = y.pixel(col, row);
            const int dr = std::abs(qRed(p) - qRed(q)), dg = std::abs(qGreen(p) - qGreen(q)),
                      db = std::abs(qBlue(p) - qBlue(q));
            d.differing += (p != q);
            d.maxChannel = std::max({d.maxChannel, dr, dg, db});
            sum += dr + dg + db;
        }
    }
    d.meanChannel = sum / (3.0 * x.width() * x.height());
    return d;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

/// Writes `frames` (image, periods) to `path`; the test fails on any error.
void writeAnimation(const QString &path, Format format, const QList<std::pair<QImage, int>> &frames,
                    double fps)
{
    AnimationWriter writer(path, format, frames.front().first.size(), fps);
    QString error;
    REQUIRE(writer.open(&error));
    for (const auto &[image, periods] : frames) {
        INFO(writer.errorString().toStdString());
        REQUIRE(writer.addFrame(image, periods));
    }
    INFO(error.toStdString());
    REQUIRE(writer.finish(&error));
    CHECK(writer.frameCount() == frames.size());
}

QList<std::pair<QImage, int>> fiveFrames()
{
    return {{mapFrame(0), 1}, {mapFrame(1), 1}, {mapFrame(2), 3}, {mapFrame(3), 1}, {mapFrame(4), 1}};
}

/// Sets an environment variable for one scope.
class EnvironmentGuard
{
public:
    EnvironmentGuard(const char *name, const QByteArray &value)
        : mName(name)
        , mWasSet(qEnvironmentVariableIsSet(name))
        , mOld(qgetenv(name))
    {
        qputenv(name, value);
    }
    ~EnvironmentGuard()
    {
        if (mWasSet)
            qputenv(mName, mOld);
        else
            qunsetenv(mName);
    }

private:
    const char *mName;
    bool mWasSet;
    QByteArray mOld;
};

QString writeScript(const QTemporaryDir &dir, const QString &name, const QByteArray &body)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write("#!/bin/sh\n" + body);
    file.close();
    REQUIRE(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    return path;
}

// ---- A small APNG reader: chunks, CRCs, sequence, frames -------------------------------------

quint32 be32(const QByteArray &b, qsizetype at)
{
    const auto *u = reinterpret_cast<const uchar *>(b.constData() + at);
    return (quint32(u[0]) << 24) | (quint32(u[1]) << 16) | (quint32(u[2]) << 8) | u[3];
}

quint16 be16(const QByteArray &b, qsizetype at)
{
    const auto *u = reinterpret_cast<const uchar *>(b.constData() + at);
    return quint16((u[0] << 8) | u[1]);
}

/// Bit by bit, independent of the encoder's table.
quint32 referenceCrc(const QByteArray &bytes)
{
    quint32 crc = 0xFFFFFFFFu;
    for (const char ch : bytes) {
        crc ^= uchar(ch);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1)));
    }
    return ~crc;
}

QByteArray chunk(const QByteArray &type, const QByteArray &data)
{
    QByteArray out;
    for (int shift = 24; shift >= 0; shift -= 8)
        out.append(char(quint32(data.size()) >> shift));
    out.append(type + data);
    const quint32 crc = referenceCrc(type + data);
    for (int shift = 24; shift >= 0; shift -= 8)
        out.append(char(crc >> shift));
    return out;
}

const QByteArray kPngSignature("\x89PNG\r\n\x1a\n", 8);

struct ApngFrame
{
    quint32 width = 0, height = 0, x = 0, y = 0;
    quint16 delayNum = 0, delayDen = 0;
    int dispose = -1, blend = -1;
    QByteArray imageData;
    bool isDefaultImage = false; ///< its data came in IDAT
};

struct Apng
{
    QByteArray ihdr;
    quint32 numFrames = 0, numPlays = 0;
    QList<ApngFrame> frames;
    QStringList chunkTypes;
};

Apng parseApng(const QByteArray &file)
{
    REQUIRE(file.startsWith(kPngSignature));
    Apng apng;
    quint32 expectedSequence = 0;
    qsizetype at = 8;
    while (at < file.size()) {
        REQUIRE(at + 12 <= file.size());
        const quint32 length = be32(file, at);
        REQUIRE(at + 12 + qsizetype(length) <= file.size());
        const QByteArray type = file.mid(at + 4, 4);
        const QByteArray data = file.mid(at + 8, length);
        INFO("chunk " << type.toStdString() << " at byte " << at);
        CHECK(be32(file, at + 8 + length) == referenceCrc(type + data));
        apng.chunkTypes << QString::fromLatin1(type);
        if (type == "IHDR") {
            apng.ihdr = data;
        } else if (type == "acTL") {
            REQUIRE(data.size() == 8);
            CHECK(apng.frames.isEmpty());
            apng.numFrames = be32(data, 0);
            apng.numPlays = be32(data, 4);
        } else if (type == "fcTL") {
            REQUIRE(data.size() == 26);
            CHECK(be32(data, 0) == expectedSequence++);
            ApngFrame f;
            f.width = be32(data, 4);
            f.height = be32(data, 8);
            f.x = be32(data, 12);
            f.y = be32(data, 16);
            f.delayNum = be16(data, 20);
            f.delayDen = be16(data, 22);
            f.dispose = uchar(data.at(24));
            f.blend = uchar(data.at(25));
            apng.frames << f;
        } else if (type == "IDAT") {
            REQUIRE(apng.frames.size() == 1); // the default image is the first frame
            apng.frames.back().imageData += data;
            apng.frames.back().isDefaultImage = true;
        } else if (type == "fdAT") {
            REQUIRE(apng.frames.size() >= 2);
            CHECK(be32(data, 0) == expectedSequence++);
            apng.frames.back().imageData += data.mid(4);
        } else if (type == "IEND") {
            CHECK(at + 12 == file.size());
        }
        at += 12 + length;
    }
    return apng;
}

/// One APNG frame as a PNG of its own: IHDR with the frame's size, its data as IDAT.
QImage decodeFrame(const Apng &apng, const ApngFrame &frame)
{
    QByteArray ihdr = apng.ihdr;
    for (int i = 0; i < 4; ++i) {
        ihdr[i] = char(frame.width >> (24 - 8 * i));
        ihdr[4 + i] = char(frame.height >> (24 - 8 * i));
    }
    const QByteArray png =
        kPngSignature + chunk("IHDR", ihdr) + chunk("IDAT", frame.imageData) + chunk("IEND", QByteArray());
    return QImage::fromData(png, "PNG");
}

/// Reads every frame of a GIF with Qt's reader: the images and their delays in ms.
struct GifContents
{
    int imageCount = 0, loopCount = 0;
    QList<QImage> images;
    QList<int> delays;
};

GifContents readGif(const QString &path)
{
    QImageReader reader(path, "gif");
    GifContents gif;
    gif.imageCount = reader.imageCount();
    gif.loopCount = reader.loopCount();
    QImage image;
    while (reader.read(&image)) {
        gif.images << image;
        gif.delays << reader.nextImageDelay();
    }
    return gif;
}

} // namespace

// ---- The writer ------------------------------------------------------------------------------

TEST_CASE("The animation format follows the file suffix", "[animation]")
{
    const std::vector<std::pair<QString, std::optional<Format>>> rows = {
        {QStringLiteral("out.png"), Format::Apng},
        {QStringLiteral("/tmp/OUT.PNG"), Format::Apng},
        {QStringLiteral("a.b/out.apng"), Format::Apng},
        {QStringLiteral("out.gif"), Format::Gif},
        {QStringLiteral("out.Gif"), Format::Gif},
        {QStringLiteral("out.mp4"), Format::Mp4},
        {QStringLiteral("out.jpg"), std::nullopt},
        {QStringLiteral("out.png.txt"), std::nullopt},
        {QStringLiteral("out"), std::nullopt},
        {QStringLiteral("dir.gif/out"), std::nullopt},
        {QString(), std::nullopt},
    };
    for (const auto &[path, format] : rows) {
        INFO(path.toStdString());
        CHECK(AnimationWriter::formatForPath(path) == format);
    }
}

TEST_CASE("An animation to an unwritable path fails naming the path", "[animation]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    QFile plainFile(dir.filePath(QStringLiteral("file")));
    REQUIRE(plainFile.open(QIODevice::WriteOnly));
    plainFile.close();
    // A fake ffmpeg, so the MP4 row fails on the path and not on a missing program.
    const QString fake = writeScript(dir, QStringLiteral("ffmpeg"), "cat > /dev/null\n");
    EnvironmentGuard env("SIGHTLINE_FFMPEG", QFile::encodeName(fake));

    for (const QString &name : {QStringLiteral("missing/dir/out.png"), QStringLiteral("missing/out.gif"),
                                QStringLiteral("missing/out.mp4"), QStringLiteral("file/out.gif")}) {
        const QString path = dir.filePath(name);
        INFO(path.toStdString());
        AnimationWriter writer(path, *AnimationWriter::formatForPath(path), QSize(8, 8), 10);
        QString error;
        CHECK_FALSE(writer.open(&error));
        CHECK(error.contains(path));
        CHECK(writer.errorString() == error);
        CHECK_FALSE(writer.addFrame(mapFrame(0, QSize(8, 8))));
        QString finishError;
        CHECK_FALSE(writer.finish(&finishError));
        CHECK(finishError.contains(path));
        CHECK_FALSE(QFileInfo::exists(path));
    }
}

TEST_CASE("An unfinished animation leaves no file and keeps the old one", "[animation]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString fake = writeScript(dir, QStringLiteral("ffmpeg"), "cat > /dev/null\n");
    EnvironmentGuard env("SIGHTLINE_FFMPEG", QFile::encodeName(fake));
    const QStringList before = QDir(dir.path()).entryList(QDir::Files | QDir::Hidden);

    for (const QString &name : {QStringLiteral("a.png"), QStringLiteral("a.gif"), QStringLiteral("a.mp4")}) {
        INFO(name.toStdString());
        const QString fresh = dir.filePath(name);
        const QString old = dir.filePath(QStringLiteral("old-") + name);
        {
            QFile file(old);
            REQUIRE(file.open(QIODevice::WriteOnly));
            file.write("the previous export");
        }
        for (const QString &path : {fresh, old}) {
            AnimationWriter writer(path, *AnimationWriter::formatForPath(path), QSize(161, 101), 4);
            QString error;
            REQUIRE(writer.open(&error));
            REQUIRE(writer.addFrame(mapFrame(0)));
            REQUIRE(writer.addFrame(mapFrame(1), 2));
        } // destroyed unfinished
        CHECK_FALSE(QFileInfo::exists(fresh));
        CHECK(readAll(old) == "the previous export");
        QFile::remove(old);
        CHECK(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden) == before); // no temporary left
    }
}

TEST_CASE("A finished animation replaces the old file, a failed one does not", "[animation]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("anim.gif"));
    {
        QFile file(path);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write("the previous export");
    }
    AnimationWriter writer(path, Format::Gif, QSize(161, 101), 4);
    QString error;
    REQUIRE(writer.open(&error));
    REQUIRE(writer.addFrame(mapFrame(0)));
    SECTION("a frame of the wrong size fails, naming the file and both sizes")
    {
        CHECK_FALSE(writer.addFrame(mapFrame(1, QSize(160, 100))));
        CHECK(writer.errorString().contains(path));
        CHECK(writer.errorString().contains(
            QStringLiteral("frame 2 is 160×100 pixels; the animation is 161×101")));
        CHECK_FALSE(writer.addFrame(mapFrame(1)));
        CHECK_FALSE(writer.finish(&error));
        CHECK(error.contains(QStringLiteral("frame 2")));
        CHECK(readAll(path) == "the previous export");
    }
    SECTION("zero periods fail")
    {
        CHECK_FALSE(writer.addFrame(mapFrame(1), 0));
        CHECK(writer.errorString().contains(QStringLiteral("at least 1")));
        CHECK(readAll(path) == "the previous export");
    }
    SECTION("finishing renames it into place")
    {
        REQUIRE(writer.finish(&error));
        CHECK(readAll(path).startsWith("GIF89a"));
        CHECK(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size() == 1);
        CHECK_FALSE(writer.finish(&error)); // once only
    }
}

TEST_CASE("An animation with no frames is an error", "[animation]")
{
    QTemporaryDir dir;
    for (const QString &name : {QStringLiteral("empty.png"), QStringLiteral("empty.gif")}) {
        const QString path = dir.filePath(name);
        AnimationWriter writer(path, *AnimationWriter::formatForPath(path), QSize(10, 10), 4);
        QString error;
        REQUIRE(writer.open(&error));
        CHECK_FALSE(writer.finish(&error));
        CHECK(error.contains(path));
        CHECK(error.contains(QStringLiteral("no frames")));
        CHECK_FALSE(QFileInfo::exists(path));
    }
}

// ---- APNG ------------------------------------------------------------------------------------

TEST_CASE("APNG delays are exact fractions of a second", "[animation]")
{
    struct Row
    {
        int frames;
        double fps;
        quint16 num, den;
    };
    for (const Row &row : {Row{1, 4, 1, 4}, Row{3, 4, 3, 4}, Row{2, 4, 1, 2}, Row{1, 25, 1, 25},
                           Row{1, 29.97, 33, 1000}, Row{1, 0.5, 2000, 1000}, Row{1000, 1, 1000, 1},
                           Row{1, 0.01, 10000, 100}, Row{100000, 1, 65535, 1}}) {
        INFO(row.frames << " periods at " << row.fps << " fps");
        const ApngDelay delay = apngDelay(row.frames, row.fps);
        CHECK(delay.numerator == row.num);
        CHECK(delay.denominator == row.den);
    }
}

TEST_CASE("The PNG CRC is the one the specification gives", "[animation]")
{
    CHECK(pngCrc32("", 0) == 0);
    CHECK(pngCrc32("123456789", 9) == 0xCBF43926u); // the CRC-32 check value
    CHECK(pngCrc32("IEND", 4) == 0xAE426082u);      // every PNG ends with it
    const QByteArray text = "a longer run of bytes to feed in two parts";
    CHECK(pngCrc32(text.constData() + 10, text.size() - 10, pngCrc32(text.constData(), 10)) ==
          referenceCrc(text));
}

TEST_CASE("APNG frames and delays read back exactly", "[animation]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("anim.png"));
    const auto frames = fiveFrames();
    for (const auto &frame : frames)
        REQUIRE(colourCount(frame.first) > 3); // the label was drawn
    writeAnimation(path, Format::Apng, frames, 4);

    const Apng apng = parseApng(readAll(path));
    REQUIRE(apng.ihdr.size() == 13);
    CHECK(be32(apng.ihdr, 0) == 161);
    CHECK(be32(apng.ihdr, 4) == 101);
    CHECK(apng.ihdr.at(8) == 8); // bit depth
    CHECK(apng.ihdr.at(9) == 2); // RGB
    CHECK(apng.chunkTypes.mid(0, 3) ==
          QStringList{QStringLiteral("IHDR"), QStringLiteral("acTL"), QStringLiteral("fcTL")});
    CHECK(apng.chunkTypes.back() == QStringLiteral("IEND"));
    CHECK(apng.numFrames == 5);
    CHECK(apng.numPlays == 0);
    REQUIRE(apng.frames.size() == 5);
    CHECK(apng.frames.front().isDefaultImage);
    for (int i = 0; i < 5; ++i) {
        INFO("frame " << i + 1);
        const ApngFrame &f = apng.frames[i];
        CHECK(f.width == 161);
        CHECK(f.height == 101);
        CHECK(f.x == 0);
        CHECK(f.y == 0);
        CHECK(f.dispose == 0);
        CHECK(f.blend == 0);
        REQUIRE(f.delayDen > 0);
        CHECK(1000 * f.delayNum / f.delayDen == (i == 2 ? 750 : 250));
        const QImage decoded = decodeFrame(apng, f);
        REQUIRE_FALSE(decoded.isNull());
        CHECK(rgb(decoded) == rgb(frames[i].first));
    }

    // A viewer that knows nothing of APNG shows the first frame.
    const QImage plain(path);
    REQUIRE_FALSE(plain.isNull());
    CHECK(rgb(plain) == rgb(frames[0].first));
}

TEST_CASE("APNG takes frames in any format and is deterministic", "[animation]")
{
    QTemporaryDir dir;
    QImage argb = mapFrame(1).convertToFormat(QImage::Format_ARGB32_Premultiplied);
    QImage indexed = mapFrame(2).convertToFormat(QImage::Format_Indexed8);
    const QList<std::pair<QImage, int>> frames{{argb, 1}, {indexed, 2}, {gradientFrame(QSize(161, 101)), 1}};
    writeAnimation(dir.filePath(QStringLiteral("a.png")), Format::Apng, frames, 10);
    writeAnimation(dir.filePath(QStringLiteral("b.png")), Format::Apng, frames, 10);
    const QByteArray bytes = readAll(dir.filePath(QStringLiteral("a.png")));
    CHECK(bytes == readAll(dir.filePath(QStringLiteral("b.png"))));
    const Apng apng = parseApng(bytes);
    REQUIRE(apng.frames.size() == 3);
    for (int i = 0; i < 3; ++i)
        CHECK(rgb(decodeFrame(apng, apng.frames[i])) == rgb(frames[i].first));
}

TEST_CASE("APNG splits frames too large for one chunk", "[animation]")
{
    QRandomGenerator random(7);
    const auto noise = [&random] { // incompressible: over 1 MiB of image data a frame
        QImage image(800, 600, QImage::Format_RGB32);
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x)
                image.setPixel(x, y, random.generate() | 0xFF000000u);
        }
        return image;
    };
    const QList<std::pair<QImage, int>> frames{{noise(), 1}, {noise(), 1}};
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("noise.apng"));
    writeAnimation(path, Format::Apng, frames, 2);
    const Apng apng = parseApng(readAll(path));
    CHECK(apng.chunkTypes.count(QStringLiteral("IDAT")) >= 2);
    CHECK(apng.chunkTypes.count(QStringLiteral("fdAT")) >= 2);
    REQUIRE(apng.frames.size() == 2);
    for (int i = 0; i < 2; ++i)
        CHECK(rgb(decodeFrame(apng, apng.frames[i])) == rgb(frames[i].first));
}

// ---- GIF -------------------------------------------------------------------------------------

TEST_CASE("GIF frames, delays and loop read back", "[animation]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("anim.gif"));
    const auto frames = fiveFrames();
    writeAnimation(path, Format::Gif, frames, 4);

    const GifContents gif = readGif(path);
    CHECK(gif.imageCount == 5);
    CHECK(gif.loopCount == -1); // forever
    REQUIRE(gif.images.size() == 5);
    CHECK(gif.delays == QList<int>{250, 250, 750, 250, 250});
    for (int i = 0; i < 5; ++i) {
        INFO("frame " << i + 1 << ", " << colourCount(frames[i].first) << " colours");
        REQUIRE(colourCount(frames[i].first) <= 256); // few enough colours to be kept exactly
        const PixelDifference d = compare(gif.images[i], frames[i].first);
        CHECK(d.differing == 0);
    }

    SECTION("later frames carry only what changed")
    {
        QTemporaryDir other;
        const QString still = other.filePath(QStringLiteral("still.gif"));
        writeAnimation(still, Format::Gif, {{mapFrame(0), 1}, {mapFrame(0), 1}, {mapFrame(0), 1}}, 4);
        const qint64 oneFrame = [&] {
            const QString single = other.filePath(QStringLiteral("single.gif"));
            writeAnimation(single, Format::Gif, {{mapFrame(0), 1}}, 4);
            return QFileInfo(single).size();
        }();
        CHECK(QFileInfo(still).size() < oneFrame + 2 * 64); // a repeat costs a few bytes
        const GifContents read = readGif(still);
        REQUIRE(read.images.size() == 3);
        CHECK(compare(read.images[2], mapFrame(0)).differing == 0);
    }
}

TEST_CASE("GIF output is deterministic", "[animation]")
{
    QTemporaryDir dir;
    QList<std::pair<QImage, int>> frames = fiveFrames();
    frames.append({gradientFrame(QSize(161, 101)), 2});
    writeAnimation(dir.filePath(QStringLiteral("a.gif")), Format::Gif, frames, 4);
    writeAnimation(dir.filePath(QStringLiteral("b.gif")), Format::Gif, frames, 4);
    CHECK(readAll(dir.filePath(QStringLiteral("a.gif"))) == readAll(dir.filePath(QStringLiteral("b.gif"))));
}

TEST_CASE("A GIF frame of a thousand colours and more stays close", "[animation]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("gradient.gif"));
    const QImage gradient = gradientFrame();
    REQUIRE(colourCount(gradient) > 1000);
    writeAnimation(path, Format::Gif, {{gradient, 1}, {mapFrame(0, gradient.size()), 1}}, 10);

    const GifContents gif = readGif(path);
    REQUIRE(gif.images.size() == 2);
    const PixelDifference d = compare(gif.images[0], gradient);
    INFO("max " << d.maxChannel << ", mean " << d.meanChannel);
    CHECK(d.maxChannel <= 16);
    CHECK(d.meanChannel <= 3.0);
    // The label stays legible: about as many pixels are dark as were drawn dark.
    const auto darkPixels = [](const QImage &image) {
        int n = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x)
                n += qGray(image.pixel(x, y)) < 60;
        }
        return n;
    };
    const int drawn = darkPixels(gradient);
    REQUIRE(drawn > 100);
    CHECK(std::abs(darkPixels(gif.images[0]) - drawn) < drawn / 10);
    CHECK(compare(gif.images[1], mapFrame(0, gradient.size())).differing == 0);
}

TEST_CASE("GIF LZW round-trips awkward images", "[animation]")
{
    QRandomGenerator random(42);
    QImage noise(300, 200, QImage::Format_RGB32); // 256 colours at random: table resets, 12-bit codes
    for (int y = 0; y < noise.height(); ++y) {
        for (int x = 0; x < noise.width(); ++x) {
            const int i = int(random.bounded(256));
            noise.setPixel(x, y, qRgb(i, 255 - i, (i * 7) & 0xFF));
        }
    }
    QImage checker(33, 17, QImage::Format_RGB32); // two colours: the smallest code size
    for (int y = 0; y < checker.height(); ++y) {
        for (int x = 0; x < checker.width(); ++x)
            checker.setPixel(x, y, (x + y) % 2 ? qRgb(255, 255, 255) : qRgb(0, 0, 0));
    }
    QImage flat(1000, 700, QImage::Format_RGB32); // one colour: long runs
    flat.fill(QColor(12, 34, 56));
    QImage pixel(1, 1, QImage::Format_RGB32);
    pixel.fill(Qt::red);

    QTemporaryDir dir;
    int n = 0;
    for (const QImage &image : {noise, checker, flat, pixel}) {
        INFO(image.width() << "×" << image.height());
        const QString path = dir.filePath(QStringLiteral("%1.gif").arg(++n));
        writeAnimation(path, Format::Gif, {{image, 1}}, 1);
        const GifContents gif = readGif(path);
        REQUIRE(gif.images.size() == 1);
        CHECK(compare(gif.images[0], image).differing == 0);
    }
}

// ---- MP4 -------------------------------------------------------------------------------------

TEST_CASE("MP4 without ffmpeg says what to install", "[animation]")
{
    QTemporaryDir dir;
    EnvironmentGuard env("SIGHTLINE_FFMPEG", "/nonexistent/bin/ffmpeg");
    CHECK(AnimationWriter::ffmpegProgram().isEmpty());
    const QString path = dir.filePath(QStringLiteral("anim.mp4"));
    AnimationWriter writer(path, Format::Mp4, QSize(64, 64), 4);
    QString error;
    CHECK_FALSE(writer.open(&error));
    CHECK(error.contains(path));
    CHECK(error.contains(QStringLiteral("/nonexistent/bin/ffmpeg")));
    CHECK(error.contains(QStringLiteral("ffmpeg package")));
    CHECK(error.contains(QStringLiteral(".png")));
    CHECK(error.contains(QStringLiteral(".gif")));
    CHECK_FALSE(QFileInfo::exists(path));
}

TEST_CASE("MP4 frames go to ffmpeg as raw RGB, and its failures are reported", "[animation]")
{
    QTemporaryDir dir;
    const QString log = dir.filePath(QStringLiteral("log"));
    QByteArray body = "if [ \"$2\" = -encoders ]; then echo ' V....D mpeg4    MPEG-4 part 2'; exit 0; fi\n"
                      "printf '%s\\n' \"$@\" > '" +
                      QFile::encodeName(log) + ".args'\nwc -c > '" + QFile::encodeName(log) + ".bytes'\n";
    const QString path = dir.filePath(QStringLiteral("out/anim.mp4"));
    REQUIRE(QDir().mkpath(QFileInfo(path).path()));

    SECTION("success: renamed into place")
    {
        const QString fake = writeScript(dir, QStringLiteral("ffmpeg-ok"),
                                         body + "for last; do :; done\necho fake-video > \"$last\"\n");
        EnvironmentGuard env("SIGHTLINE_FFMPEG", QFile::encodeName(fake));
        REQUIRE(AnimationWriter::ffmpegProgram() == fake);
        writeAnimation(path, Format::Mp4, fiveFrames(), 4);
        CHECK(readAll(path) == "fake-video\n");
        CHECK(QDir(QFileInfo(path).path()).entryList(QDir::Files | QDir::Hidden) ==
              QStringList{QStringLiteral("anim.mp4")});
        // Seven periods of packed 161×101 RGB24 (QImage pads its rows to four bytes; the pipe must not).
        CHECK(readAll(log + QStringLiteral(".bytes")).trimmed().toLongLong() == 7 * 161 * 101 * 3);
        const QStringList args =
            QString::fromUtf8(readAll(log + QStringLiteral(".args"))).split(QLatin1Char('\n'));
        INFO(args.join(QLatin1Char(' ')).toStdString());
        CHECK(args.indexOf(QStringLiteral("161x101")) == args.indexOf(QStringLiteral("-s")) + 1);
        CHECK(args.indexOf(QStringLiteral("4")) == args.indexOf(QStringLiteral("-r")) + 1);
        CHECK(args.contains(QStringLiteral("pad=ceil(iw/2)*2:ceil(ih/2)*2"))); // odd size
        CHECK(args.indexOf(QStringLiteral("mpeg4")) ==
              args.indexOf(QStringLiteral("-c:v")) + 1); // no libx264
        CHECK(args.contains(QStringLiteral("yuv420p")));
        CHECK(args.at(args.size() - 2).endsWith(QStringLiteral(".mp4")));
    }
    SECTION("failure: exit code and error text, and no file")
    {
        const QString fake =
            writeScript(dir, QStringLiteral("ffmpeg-bad"),
                        body + "echo 'Error: something went wrong in the encoder' >&2\nexit 3\n");
        EnvironmentGuard env("SIGHTLINE_FFMPEG", QFile::encodeName(fake));
        AnimationWriter writer(path, Format::Mp4, QSize(161, 101), 4);
        QString error;
        REQUIRE(writer.open(&error));
        bool ok = writer.addFrame(mapFrame(0)) && writer.addFrame(mapFrame(1), 3);
        ok = writer.finish(&error) && ok;
        CHECK_FALSE(ok);
        const QString message = writer.errorString();
        CHECK(message.contains(path));
        CHECK(message.contains(QStringLiteral("exit code 3")));
        CHECK(message.contains(QStringLiteral("something went wrong in the encoder")));
        CHECK(QDir(QFileInfo(path).path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
    }
    SECTION("an ffmpeg that quits early stops the frames")
    {
        const QString fake =
            writeScript(dir, QStringLiteral("ffmpeg-quit"), "echo 'Error: no thank you' >&2\nexit 1\n");
        EnvironmentGuard env("SIGHTLINE_FFMPEG", QFile::encodeName(fake));
        AnimationWriter writer(path, Format::Mp4, QSize(640, 480), 4);
        QString error;
        REQUIRE(writer.open(&error));
        bool ok = true;
        for (int i = 0; i < 10 && ok; ++i)
            ok = writer.addFrame(mapFrame(i % 5, QSize(640, 480)));
        ok = writer.finish(&error) && ok;
        CHECK_FALSE(ok);
        CHECK(writer.errorString().contains(QStringLiteral("no thank you")));
        CHECK(QDir(QFileInfo(path).path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
    }
}

TEST_CASE("MP4 through the installed ffmpeg", "[animation]")
{
    const QString ffmpeg = AnimationWriter::ffmpegProgram();
    if (ffmpeg.isEmpty()) {
        WARN("ffmpeg is not installed: the MP4 test is skipped (apt install ffmpeg to run it)");
        return;
    }
    QString ffprobe = QFileInfo(ffmpeg).dir().filePath(QStringLiteral("ffprobe"));
    if (!QFileInfo(ffprobe).isExecutable())
        ffprobe = QStandardPaths::findExecutable(QStringLiteral("ffprobe"));
    REQUIRE_FALSE(ffprobe.isEmpty());

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("anim.mp4"));
    writeAnimation(path, Format::Mp4, fiveFrames(), 4); // odd size: padded

    QProcess probe;
    probe.start(ffprobe,
                {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-count_frames"),
                 QStringLiteral("-select_streams"), QStringLiteral("v:0"), QStringLiteral("-show_entries"),
                 QStringLiteral("stream=nb_read_frames,width,height,codec_name"), QStringLiteral("-of"),
                 QStringLiteral("default=noprint_wrappers=1"), path});
    REQUIRE(probe.waitForFinished(60000));
    const QString out = QString::fromUtf8(probe.readAllStandardOutput());
    INFO(out.toStdString() << QString::fromUtf8(probe.readAllStandardError()).toStdString());
    CHECK(out.contains(QStringLiteral("nb_read_frames=7"))); // 1 + 1 + 3 + 1 + 1 periods
    CHECK(out.contains(QStringLiteral("width=162")));
    CHECK(out.contains(QStringLiteral("height=102")));
}

// ---- A sample at full size (hidden: run with "[animation-sample]") ---------------------------

namespace {

/// A 1280×720 map-like scene at step `i`: land, sea, graticule, tracks that grow, vessels, labels.
QImage sampleScene(int i, QSize size)
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(QColor(0xaa, 0xd3, 0xdf));
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    QPainterPath land;
    land.moveTo(0, 0);
    for (int x = 0; x <= size.width(); x += 40)
        land.lineTo(x, 260 + 90 * std::sin(x / 170.0) + 30 * std::sin(x / 37.0));
    land.lineTo(size.width(), 0);
    land.closeSubpath();
    p.fillPath(land, QColor(0xf2, 0xef, 0xe9));
    p.setPen(QPen(QColor(0x9e, 0x9e, 0x9e), 1.5));
    p.drawPath(land);
    p.setPen(QPen(QColor(0, 0, 0, 40), 1));
    for (int x = 0; x < size.width(); x += 160)
        p.drawLine(x, 0, x, size.height());
    for (int y = 0; y < size.height(); y += 120)
        p.drawLine(0, y, size.width(), y);
    const QList<QColor> colours{QColor(0xd6, 0x27, 0x28), QColor(0x1f, 0x77, 0xb4), QColor(0x2c, 0xa0, 0x2c)};
    p.setFont(QFont(QStringLiteral("DejaVu Sans"), 10));
    for (int v = 0; v < 3; ++v) {
        QPainterPath track;
        QPointF at;
        for (int t = 0; t <= i; ++t) {
            at = QPointF(100 + 18 * t + 40 * v, 650 - 5 * t - 120 * v + 25 * std::sin((t + 7 * v) / 6.0));
            t == 0 ? track.moveTo(at) : track.lineTo(at);
        }
        p.setPen(QPen(colours[v], 2.5));
        p.setBrush(Qt::NoBrush);
        p.drawPath(track);
        p.setBrush(colours[v]);
        p.setPen(QPen(Qt::white, 1.5));
        p.drawEllipse(at, 6, 6);
        p.setPen(Qt::black);
        p.drawText(at + QPointF(10, -8), QStringList{QStringLiteral("ANGARA"), QStringLiteral("MARIA"),
                                                     QStringLiteral("UNKNOWN")}[v]);
    }
    p.fillRect(QRect(size.width() - 260, size.height() - 48, 240, 32), QColor(255, 255, 255, 220));
    p.setPen(Qt::black);
    p.setFont(QFont(QStringLiteral("DejaVu Sans"), 12, QFont::Bold));
    p.drawText(QRect(size.width() - 260, size.height() - 48, 240, 32), Qt::AlignCenter,
               QStringLiteral("2023-10-14 %1:%2Z")
                   .arg(i / 6, 2, 10, QLatin1Char('0'))
                   .arg(i % 6 * 10, 2, 10, QLatin1Char('0')));
    return image;
}

} // namespace

TEST_CASE("Sample animations at full size", "[.][animation-sample]")
{
    const QSize size(1280, 720);
    const QString dir = qEnvironmentVariable("SIGHTLINE_ANIMATION_SAMPLE_DIR", QDir::tempPath());
    QStringList names{QStringLiteral("anim.png"), QStringLiteral("anim.gif")};
    if (!AnimationWriter::ffmpegProgram().isEmpty())
        names << QStringLiteral("anim.mp4");
    for (const QString &name : names) {
        const QString path = QDir(dir).filePath(name);
        AnimationWriter writer(path, *AnimationWriter::formatForPath(path), size, 10);
        QString error;
        REQUIRE(writer.open(&error));
        qint64 encodeNs = 0;
        QElapsedTimer total;
        total.start();
        for (int i = 0; i < 60; ++i) {
            const QImage frame = sampleScene(i, size);
            QElapsedTimer t;
            t.start();
            REQUIRE(writer.addFrame(frame));
            encodeNs += t.nsecsElapsed();
        }
        QElapsedTimer t;
        t.start();
        REQUIRE(writer.finish(&error));
        encodeNs += t.nsecsElapsed();
        std::cout << name.toStdString() << ": " << QFileInfo(path).size() << " bytes, encoding "
                  << encodeNs / 1000000 << " ms (" << encodeNs / 60 / 1000000 << " ms a frame), "
                  << total.elapsed() << " ms with drawing; " << colourCount(sampleScene(30, size))
                  << " colours in frame 31\n";
    }
}
