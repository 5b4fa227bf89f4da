#include "render/gifencoder.h"

#include <QIODevice>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>

namespace sightline {

namespace {

constexpr int kMaxColours = 256;
constexpr int kMaxCodes = 4095; // like giflib, the table is reset before code 4095 is ever used
constexpr int kKMeansPasses = 2;

// ---- Quantisation ----------------------------------------------------------------------------

/// The colours of `region` when there are at most 256 of them, in the order first seen.
bool exactPalette(const QImage &rgb, const QRect &region, GifPalette &out)
{
    constexpr quint32 kEmpty = 0xFFFFFFFFu;
    constexpr int kSlotBits = 10; // 1024 slots for at most 256 keys keeps probes short
    constexpr quint32 kMask = (1u << kSlotBits) - 1;
    std::array<quint32, 1u << kSlotBits> keys;
    std::array<uchar, 1u << kSlotBits> values{};
    keys.fill(kEmpty);

    out.colours.clear();
    out.indices.resize(size_t(region.width()) * size_t(region.height()));
    uchar *index = out.indices.data();
    quint32 lastKey = kEmpty;
    uchar lastIndex = 0;
    for (int y = region.top(); y <= region.bottom(); ++y) {
        const uchar *p = rgb.constScanLine(y) + 3 * region.left();
        for (int x = 0; x < region.width(); ++x, p += 3) {
            const quint32 key = (quint32(p[0]) << 16) | (quint32(p[1]) << 8) | p[2];
            if (key != lastKey) { // maps are runs of one colour: most pixels stop here
                quint32 slot = (key * 2654435761u) >> (32 - kSlotBits);
                while (keys[slot] != kEmpty && keys[slot] != key)
                    slot = (slot + 1) & kMask;
                if (keys[slot] == kEmpty) {
                    if (out.colours.size() == kMaxColours)
                        return false;
                    keys[slot] = key;
                    values[slot] = uchar(out.colours.size());
                    out.colours.push_back(qRgb(p[0], p[1], p[2]));
                }
                lastKey = key;
                lastIndex = values[slot];
            }
            *index++ = lastIndex;
        }
    }
    return true;
}

int binOf(const uchar *p)
{
    return ((p[0] >> 3) << 10) | ((p[1] >> 3) << 5) | (p[2] >> 3);
}

/// A non-empty histogram bin: its mean colour and how much it counts.
struct Entry
{
    std::array<double, 3> c;
    double weight;
    int bin;
};

/// A range of entries that will become one palette colour, with its sums for the variance.
struct Box
{
    qsizetype begin, end;
    double weight = 0;
    std::array<double, 3> sum{}, sumSq{};

    double sse() const
    {
        double e = 0;
        for (int k = 0; k < 3; ++k)
            e += sumSq[k] - sum[k] * sum[k] / weight;
        return e;
    }
};

Box makeBox(const std::vector<Entry> &entries, qsizetype begin, qsizetype end)
{
    Box box{begin, end};
    for (qsizetype i = begin; i < end; ++i) {
        const Entry &e = entries[size_t(i)];
        box.weight += e.weight;
        for (int k = 0; k < 3; ++k) {
            box.sum[k] += e.weight * e.c[k];
            box.sumSq[k] += e.weight * e.c[k] * e.c[k];
        }
    }
    return box;
}

/// Splits `box` where the two halves' summed squared error is least, along its widest channel.
std::pair<Box, Box> splitBox(std::vector<Entry> &entries, const Box &box)
{
    int axis = 0;
    double best = -1;
    for (int k = 0; k < 3; ++k) {
        const double variance = box.sumSq[k] - box.sum[k] * box.sum[k] / box.weight;
        if (variance > best) {
            best = variance;
            axis = k;
        }
    }
    const auto first = entries.begin() + box.begin, last = entries.begin() + box.end;
    std::sort(first, last, [axis](const Entry &a, const Entry &b) {
        return a.c[size_t(axis)] != b.c[size_t(axis)] ? a.c[size_t(axis)] < b.c[size_t(axis)] : a.bin < b.bin;
    });

    Box left{box.begin, box.begin};
    qsizetype bestCut = box.begin + 1;
    double bestError = std::numeric_limits<double>::max();
    for (qsizetype cut = box.begin + 1; cut < box.end; ++cut) {
        const Entry &e = entries[size_t(cut - 1)];
        left.weight += e.weight;
        for (int k = 0; k < 3; ++k) {
            left.sum[k] += e.weight * e.c[k];
            left.sumSq[k] += e.weight * e.c[k] * e.c[k];
        }
        Box right{cut, box.end, box.weight - left.weight};
        for (int k = 0; k < 3; ++k) {
            right.sum[k] = box.sum[k] - left.sum[k];
            right.sumSq[k] = box.sumSq[k] - left.sumSq[k];
        }
        const double error = left.sse() + right.sse();
        if (error < bestError) {
            bestError = error;
            bestCut = cut;
        }
    }
    // Recomputed rather than differenced, so rounding never leaves a box with negative error.
    return {makeBox(entries, box.begin, bestCut), makeBox(entries, bestCut, box.end)};
}

int nearest(const std::vector<std::array<double, 3>> &palette, const std::array<double, 3> &c)
{
    int best = 0;
    double bestDistance = std::numeric_limits<double>::max();
    for (size_t i = 0; i < palette.size(); ++i) {
        const double dr = palette[i][0] - c[0], dg = palette[i][1] - c[1], db = palette[i][2] - c[2];
        const double d = dr * dr + dg * dg + db * db;
        if (d < bestDistance) {
            bestDistance = d;
            best = int(i);
        }
    }
    return best;
}

void medianCutPalette(const QImage &rgb, const QRect &region, GifPalette &out)
{
    constexpr int kBins = 1 << 15;
    std::vector<quint32> counts(kBins, 0);
    std::vector<std::array<quint64, 3>> sums(kBins, {0, 0, 0});
    for (int y = region.top(); y <= region.bottom(); ++y) {
        const uchar *p = rgb.constScanLine(y) + 3 * region.left();
        for (int x = 0; x < region.width(); ++x, p += 3) {
            const int bin = binOf(p);
            ++counts[size_t(bin)];
            for (int k = 0; k < 3; ++k)
                sums[size_t(bin)][size_t(k)] += p[k];
        }
    }
    // Bins weigh the square root of their pixel count, so that small areas of distinct colour
    // (labels, tracks, anti-aliased edges) are not swamped by large flat ones.
    std::vector<Entry> entries;
    for (int bin = 0; bin < kBins; ++bin) {
        if (const double n = counts[size_t(bin)]) {
            const auto &s = sums[size_t(bin)];
            entries.push_back({{double(s[0]) / n, double(s[1]) / n, double(s[2]) / n}, std::sqrt(n), bin});
        }
    }

    std::vector<Box> boxes{makeBox(entries, 0, qsizetype(entries.size()))};
    while (boxes.size() < size_t(kMaxColours)) {
        int worst = -1;
        double worstError = 0;
        for (size_t i = 0; i < boxes.size(); ++i) {
            const double error = boxes[i].end - boxes[i].begin > 1 ? boxes[i].sse() : 0;
            if (error > worstError) {
                worstError = error;
                worst = int(i);
            }
        }
        if (worst < 0)
            break;
        auto [a, b] = splitBox(entries, boxes[size_t(worst)]);
        boxes[size_t(worst)] = a;
        boxes.push_back(b);
    }

    std::vector<std::array<double, 3>> palette;
    for (const Box &box : boxes)
        palette.push_back({box.sum[0] / box.weight, box.sum[1] / box.weight, box.sum[2] / box.weight});

    // Lloyd passes move each colour to the mean of what it actually stands for.
    std::vector<int> assignment(entries.size());
    for (int pass = 0; pass < kKMeansPasses; ++pass) {
        std::vector<std::array<double, 4>> acc(palette.size(), {0, 0, 0, 0});
        for (size_t i = 0; i < entries.size(); ++i) {
            const int j = nearest(palette, entries[i].c);
            assignment[i] = j;
            for (int k = 0; k < 3; ++k)
                acc[size_t(j)][size_t(k)] += entries[i].weight * entries[i].c[size_t(k)];
            acc[size_t(j)][3] += entries[i].weight;
        }
        for (size_t j = 0; j < palette.size(); ++j) {
            if (acc[j][3] > 0)
                palette[j] = {acc[j][0] / acc[j][3], acc[j][1] / acc[j][3], acc[j][2] / acc[j][3]};
        }
    }

    out.colours.clear();
    for (auto &c : palette) {
        for (double &v : c)
            v = std::clamp(std::round(v), 0.0, 255.0);
        out.colours.push_back(qRgb(int(c[0]), int(c[1]), int(c[2])));
    }
    // Reuses the counts table as the bin → colour index map.
    for (const Entry &e : entries)
        counts[size_t(e.bin)] = quint32(nearest(palette, e.c));

    out.indices.resize(size_t(region.width()) * size_t(region.height()));
    uchar *index = out.indices.data();
    for (int y = region.top(); y <= region.bottom(); ++y) {
        const uchar *p = rgb.constScanLine(y) + 3 * region.left();
        for (int x = 0; x < region.width(); ++x, p += 3)
            *index++ = uchar(counts[size_t(binOf(p))]);
    }
}

// ---- LZW -------------------------------------------------------------------------------------

/// Packs codes least significant bit first into data sub-blocks of at most 255 bytes.
class CodeWriter
{
public:
    explicit CodeWriter(QByteArray &out)
        : mOut(out)
    {
    }
    void put(int code, int bits)
    {
        mBits |= quint32(code) << mCount;
        mCount += bits;
        while (mCount >= 8) {
            byte(char(mBits & 0xFF));
            mBits >>= 8;
            mCount -= 8;
        }
    }
    void finish()
    {
        if (mCount > 0)
            byte(char(mBits & 0xFF));
        flushBlock();
        mOut.append('\0'); // block terminator
    }

private:
    void byte(char b)
    {
        mBlock[mBlockSize++] = b;
        if (mBlockSize == 255)
            flushBlock();
    }
    void flushBlock()
    {
        if (mBlockSize == 0)
            return;
        mOut.append(char(mBlockSize));
        mOut.append(mBlock.data(), mBlockSize);
        mBlockSize = 0;
    }

    QByteArray &mOut;
    quint32 mBits = 0;
    int mCount = 0;
    std::array<char, 255> mBlock{};
    int mBlockSize = 0;
};

/// (prefix code, next index) → code, open addressing; cheap to clear, which happens every ~4000 codes.
class CodeTable
{
public:
    CodeTable() { clear(); }
    void clear() { mKeys.fill(-1); }
    int find(qint32 key, quint32 *slotOut) const
    {
        quint32 slot = (quint32(key) * 2654435761u) >> (32 - kBits);
        while (mKeys[slot] != -1) {
            if (mKeys[slot] == key)
                return mCodes[slot];
            slot = (slot + 1) & (kSize - 1);
        }
        *slotOut = slot;
        return -1;
    }
    void insert(quint32 slot, qint32 key, int code)
    {
        mKeys[slot] = key;
        mCodes[slot] = quint16(code);
    }

private:
    static constexpr int kBits = 13; // 8192 slots for at most 4096 codes
    static constexpr quint32 kSize = 1u << kBits;
    std::array<qint32, kSize> mKeys;
    std::array<quint16, kSize> mCodes{};
};

} // namespace

GifPalette quantiseForGif(const QImage &rgb, const QRect &region)
{
    Q_ASSERT(rgb.format() == QImage::Format_RGB888 && rgb.rect().contains(region));
    GifPalette palette;
    if (!exactPalette(rgb, region, palette))
        medianCutPalette(rgb, region, palette);
    return palette;
}

QByteArray gifLzwEncode(const uchar *indices, qsizetype count, int minimumCodeSize)
{
    QByteArray out;
    out.append(char(minimumCodeSize));
    CodeWriter writer(out);
    const int clearCode = 1 << minimumCodeSize;
    const int endCode = clearCode + 1;
    auto table = std::make_unique<CodeTable>();
    int codeSize = minimumCodeSize + 1;
    int next = endCode + 1;

    writer.put(clearCode, codeSize);
    if (count > 0) {
        int prefix = indices[0];
        for (qsizetype i = 1; i < count; ++i) {
            const int c = indices[i];
            const qint32 key = (prefix << 8) | c;
            quint32 slot = 0;
            if (const int code = table->find(key, &slot); code >= 0) {
                prefix = code;
                continue;
            }
            writer.put(prefix, codeSize);
            // The decoder adds its entry one code later; it widens codes once `next` needs the bit.
            if (next >= (1 << codeSize) && codeSize < 12)
                ++codeSize;
            if (next == kMaxCodes) {
                writer.put(clearCode, codeSize);
                table->clear();
                codeSize = minimumCodeSize + 1;
                next = endCode + 1;
            } else {
                table->insert(slot, key, next++);
            }
            prefix = c;
        }
        writer.put(prefix, codeSize);
        if (next >= (1 << codeSize) && codeSize < 12)
            ++codeSize;
    }
    writer.put(endCode, codeSize);
    writer.finish();
    return out;
}

// ---- The file --------------------------------------------------------------------------------

namespace {

void appendU16(QByteArray &out, int v)
{
    out.append(char(v & 0xFF));
    out.append(char((v >> 8) & 0xFF));
}

} // namespace

GifEncoder::GifEncoder(QIODevice *device, QSize size, double framesPerSecond)
    : mDevice(device)
    , mSize(size)
    , mFramesPerSecond(framesPerSecond)
{
}

bool GifEncoder::fail(const QString &message)
{
    mError = message;
    return false;
}

bool GifEncoder::write(const QByteArray &bytes)
{
    if (mDevice->write(bytes) != bytes.size())
        return fail(mDevice->errorString());
    return true;
}

bool GifEncoder::begin()
{
    if (mSize.isEmpty() || mSize.width() > 65535 || mSize.height() > 65535)
        return fail(QStringLiteral("GIF cannot hold an image of %1×%2 pixels")
                        .arg(mSize.width())
                        .arg(mSize.height()));
    QByteArray header("GIF89a");
    appendU16(header, mSize.width());
    appendU16(header, mSize.height());
    header.append(char(0x70)); // no global colour table (each frame has its own); 8-bit colour
    header.append(2, '\0');    // background index, aspect ratio
    // NETSCAPE2.0 application extension: loop forever.
    header.append("\x21\xFF\x0BNETSCAPE2.0\x03\x01", 16);
    appendU16(header, 0);
    header.append('\0');
    return write(header);
}

QRect GifEncoder::changedRect(const QImage &rgb) const
{
    if (mPrevious.isNull())
        return rgb.rect();
    const qsizetype rowBytes = qsizetype(rgb.width()) * 3;
    int top = -1, bottom = -1;
    for (int y = 0; y < rgb.height(); ++y) {
        if (std::memcmp(rgb.constScanLine(y), mPrevious.constScanLine(y), size_t(rowBytes)) != 0) {
            if (top < 0)
                top = y;
            bottom = y;
        }
    }
    if (top < 0) // nothing changed: a one-pixel frame still carries the delay
        return QRect(0, 0, 1, 1);
    int left = rgb.width(), right = -1;
    for (int y = top; y <= bottom; ++y) {
        const uchar *a = rgb.constScanLine(y), *b = mPrevious.constScanLine(y);
        for (int x = 0; x < left; ++x) {
            if (std::memcmp(a + 3 * x, b + 3 * x, 3) != 0) {
                left = x;
                break;
            }
        }
        for (int x = rgb.width() - 1; x > right; --x) {
            if (std::memcmp(a + 3 * x, b + 3 * x, 3) != 0) {
                right = x;
                break;
            }
        }
    }
    return QRect(QPoint(left, top), QPoint(right, bottom));
}

bool GifEncoder::addFrame(const QImage &rgb, int frames)
{
    Q_ASSERT(rgb.format() == QImage::Format_RGB888 && rgb.size() == mSize);
    const QRect region = changedRect(rgb);
    const GifPalette palette = quantiseForGif(rgb, region);
    int tableBits = 1;
    while ((size_t(1) << tableBits) < palette.colours.size())
        ++tableBits;

    // Delays in centiseconds from the running total, so rounding never accumulates.
    const auto centiseconds = [this](qint64 periods) {
        return qint64(std::llround(double(periods) * 100.0 / mFramesPerSecond));
    };
    const qint64 delay =
        std::clamp<qint64>(centiseconds(mPeriods + frames) - centiseconds(mPeriods), 1, 65535);
    mPeriods += frames;

    mOut.clear();
    mOut.append("\x21\xF9\x04", 3); // graphic control extension
    mOut.append(char(1 << 2));      // disposal: keep this frame; the next one draws over it
    appendU16(mOut, int(delay));
    mOut.append(2, '\0'); // no transparent colour, block terminator
    mOut.append(char(0x2C));
    appendU16(mOut, region.left());
    appendU16(mOut, region.top());
    appendU16(mOut, region.width());
    appendU16(mOut, region.height());
    mOut.append(char(0x80 | (tableBits - 1))); // local colour table, not interlaced
    for (int i = 0; i < (1 << tableBits); ++i) {
        const QRgb c = size_t(i) < palette.colours.size() ? palette.colours[size_t(i)] : 0;
        mOut.append(char(qRed(c)));
        mOut.append(char(qGreen(c)));
        mOut.append(char(qBlue(c)));
    }
    mOut.append(
        gifLzwEncode(palette.indices.data(), qsizetype(palette.indices.size()), std::max(2, tableBits)));
    if (!write(mOut))
        return false;
    mPrevious = rgb;
    ++mFrames;
    return true;
}

bool GifEncoder::end()
{
    if (mFrames == 0)
        return fail(QStringLiteral("no frames were added"));
    return write(QByteArray(1, '\x3B'));
}

} // namespace sightline
