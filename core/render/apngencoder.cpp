#include "render/apngencoder.h"

#include <QBuffer>
#include <QImage>
#include <QImageWriter>
#include <QIODevice>

#include <array>
#include <cmath>
#include <numeric>

namespace sightline {

namespace {

constexpr char kSignature[8] = {'\x89', 'P', 'N', 'G', '\r', '\n', '\x1a', '\n'};
// Image data is re-chunked at this size; any size is valid, this keeps chunk count low.
constexpr qsizetype kMaxChunkData = 1 << 20;
constexpr quint8 kColourTypeRgb = 2;

constexpr std::array<quint32, 256> kCrcTable = [] {
    std::array<quint32, 256> table{};
    for (quint32 n = 0; n < 256; ++n) {
        quint32 c = n;
        for (int k = 0; k < 8; ++k)
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[n] = c;
    }
    return table;
}();

void appendU32(QByteArray &out, quint32 v)
{
    const char bytes[4] = {char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
    out.append(bytes, 4);
}

void appendU16(QByteArray &out, quint16 v)
{
    const char bytes[2] = {char(v >> 8), char(v)};
    out.append(bytes, 2);
}

quint32 readU32(const char *p)
{
    const auto *u = reinterpret_cast<const uchar *>(p);
    return (quint32(u[0]) << 24) | (quint32(u[1]) << 16) | (quint32(u[2]) << 8) | quint32(u[3]);
}

} // namespace

quint32 pngCrc32(const char *data, qsizetype size, quint32 crc)
{
    crc ^= 0xFFFFFFFFu;
    const auto *p = reinterpret_cast<const uchar *>(data);
    for (qsizetype i = 0; i < size; ++i)
        crc = kCrcTable[(crc ^ p[i]) & 0xFF] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFu;
}

ApngDelay apngDelay(int frames, double framesPerSecond)
{
    const double rounded = std::round(framesPerSecond);
    if (std::abs(framesPerSecond - rounded) < 1e-9 && rounded >= 1 && rounded <= 65535) {
        const qint64 den = qint64(rounded);
        const qint64 g = std::gcd(qint64(frames), den);
        if (frames / g <= 65535)
            return {quint16(frames / g), quint16(den / g)};
    }
    const double seconds = frames / framesPerSecond;
    for (const int den : {1000, 100, 10, 1}) {
        const double num = std::round(seconds * den);
        if (num <= 65535)
            return {quint16(std::max(num, 0.0)), quint16(den)};
    }
    return {65535, 1};
}

ApngEncoder::ApngEncoder(QIODevice *device, QSize size, double framesPerSecond)
    : mDevice(device)
    , mSize(size)
    , mFramesPerSecond(framesPerSecond)
{
}

bool ApngEncoder::fail(const QString &message)
{
    mError = message;
    return false;
}

bool ApngEncoder::writeChunk(const char type[4], const QByteArray &data)
{
    mChunk.clear();
    appendU32(mChunk, quint32(data.size()));
    mChunk.append(type, 4);
    mChunk.append(data);
    appendU32(mChunk, pngCrc32(mChunk.constData() + 4, mChunk.size() - 4));
    if (mDevice->write(mChunk) != mChunk.size())
        return fail(mDevice->errorString());
    return true;
}

QByteArray ApngEncoder::actl(quint32 frames) const
{
    QByteArray data;
    appendU32(data, frames);
    appendU32(data, 0); // num_plays: loop forever
    return data;
}

bool ApngEncoder::begin()
{
    if (mSize.isEmpty())
        return fail(QStringLiteral("the image size %1×%2 is empty").arg(mSize.width()).arg(mSize.height()));
    if (mDevice->write(kSignature, sizeof kSignature) != qint64(sizeof kSignature))
        return fail(mDevice->errorString());
    QByteArray ihdr;
    appendU32(ihdr, quint32(mSize.width()));
    appendU32(ihdr, quint32(mSize.height()));
    ihdr.append(char(8));              // bits per channel
    ihdr.append(char(kColourTypeRgb)); // every frame is converted to RGB888
    ihdr.append(3, '\0');              // deflate, adaptive filtering, no interlace
    if (!writeChunk("IHDR", ihdr))
        return false;
    mActlOffset = mDevice->pos();
    return writeChunk("acTL", actl(0)); // the placeholder that end() patches
}

bool ApngEncoder::addFrame(const QImage &rgb, int frames)
{
    Q_ASSERT(rgb.format() == QImage::Format_RGB888 && rgb.size() == mSize);

    // Qt (libpng) does the filtering and deflate; only its image data is kept.
    mPng.clear();
    {
        QBuffer buffer(&mPng);
        buffer.open(QIODevice::WriteOnly);
        QImageWriter writer(&buffer, "png");
        if (!writer.write(rgb))
            return fail(QStringLiteral("PNG encoding of frame %1 failed: %2")
                            .arg(mFrames + 1)
                            .arg(writer.errorString()));
    }
    mImageData.clear();
    qsizetype pos = sizeof kSignature;
    bool headerChecked = false;
    while (pos + 12 <= mPng.size()) {
        const quint32 length = readU32(mPng.constData() + pos);
        const QByteArray type = mPng.mid(pos + 4, 4);
        if (pos + 12 + qsizetype(length) > mPng.size())
            break;
        const char *data = mPng.constData() + pos + 8;
        if (type == "IHDR") {
            // Every frame must share IHDR's colour type and depth, or decoders misread it.
            const auto *u = reinterpret_cast<const uchar *>(data);
            headerChecked = length == 13 && readU32(data) == quint32(mSize.width()) &&
                            readU32(data + 4) == quint32(mSize.height()) && u[8] == 8 &&
                            u[9] == kColourTypeRgb && u[12] == 0;
            if (!headerChecked)
                return fail(
                    QStringLiteral("Qt encoded frame %1 in an unexpected PNG layout").arg(mFrames + 1));
        } else if (type == "IDAT") {
            mImageData.append(data, length);
        }
        pos += 12 + length;
    }
    if (!headerChecked || mImageData.isEmpty())
        return fail(QStringLiteral("Qt's PNG encoding of frame %1 has no image data").arg(mFrames + 1));

    QByteArray fctl;
    appendU32(fctl, mSequence++);
    appendU32(fctl, quint32(mSize.width()));
    appendU32(fctl, quint32(mSize.height()));
    appendU32(fctl, 0); // x offset
    appendU32(fctl, 0); // y offset
    const ApngDelay delay = apngDelay(frames, mFramesPerSecond);
    appendU16(fctl, delay.numerator);
    appendU16(fctl, delay.denominator);
    fctl.append(char(0)); // dispose_op none
    fctl.append(char(0)); // blend_op source
    if (!writeChunk("fcTL", fctl) || !writeImageData(mImageData))
        return false;
    ++mFrames;
    return true;
}

bool ApngEncoder::writeImageData(const QByteArray &zlibStream)
{
    const bool first = mFrames == 0; // the first frame is the default image: plain IDAT
    QByteArray piece;
    for (qsizetype at = 0; at < zlibStream.size(); at += kMaxChunkData) {
        const qsizetype n = std::min(kMaxChunkData, zlibStream.size() - at);
        piece.clear();
        if (!first)
            appendU32(piece, mSequence++);
        piece.append(zlibStream.constData() + at, n);
        if (!writeChunk(first ? "IDAT" : "fdAT", piece))
            return false;
    }
    return true;
}

bool ApngEncoder::end()
{
    if (mFrames == 0)
        return fail(QStringLiteral("no frames were added"));
    if (!writeChunk("IEND", QByteArray()))
        return false;
    const qint64 endPos = mDevice->pos();
    if (!mDevice->seek(mActlOffset) || !writeChunk("acTL", actl(quint32(mFrames))) || !mDevice->seek(endPos))
        return fail(mDevice->errorString());
    return true;
}

} // namespace sightline
