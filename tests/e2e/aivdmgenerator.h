#pragma once

#include <QByteArray>

#include <algorithm>
#include <initializer_list>
#include <map>
#include <vector>

// For the differential test against gpsdecode (test_ais_decode.cpp).
//
// Documented exception: a type 21 of 361–368 bits. The standard's name extension ends at
// 360 bits (14 characters); gpsd 3.22 takes up to 368 and writes the 15th and 16th
// characters past its 35-byte name buffer, over "accuracy" and "lon", where Sightline
// decodes the fields as sent. The generator stays within 360 bits for type 21.
//
// Random messages of every type 1–27, of valid and edge lengths, with the protocol's
// "not available" values and out-of-range values mixed in, six-bit armoured into
// !AIVDM sentences (multi-sentence when long) with checksums. Seeded: the same file each run.
class AivdmGenerator
{
public:
    explicit AivdmGenerator(quint64 seed)
        : mState(seed)
    {
    }

    QByteArray corpus(int perType)
    {
        QByteArray out;
        for (int round = 0; round < perType; ++round)
            for (int type = 1; type <= 27; ++type)
                out += messageOfType(type);
        return out;
    }

private:
    quint64 next()
    {
        // splitmix64
        quint64 z = (mState += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    int below(int n) { return int(next() % quint64(n)); }
    bool chance(int inN) { return below(inN) == 0; }

    void set(std::vector<bool> &bits, int at, int width, qint64 value)
    {
        for (int i = 0; i < width && at + i < int(bits.size()); ++i)
            bits[std::size_t(at + i)] = (value >> (width - 1 - i)) & 1;
    }

    // A length for `type`: mostly the nominal one, sometimes the bounds gpsd takes or just past them.
    int length(int type)
    {
        struct Bounds
        {
            int nominal, fewest, most;
        };
        static const std::map<int, Bounds> bounds = {
            {1, {168, 163, 168}},  {2, {168, 163, 168}},  {3, {168, 163, 168}},  {4, {168, 168, 168}},
            {5, {424, 420, 424}},  {6, {200, 88, 1008}},  {7, {72, 72, 168}},    {8, {200, 56, 1008}},
            {9, {168, 168, 168}},  {10, {72, 72, 72}},    {11, {168, 168, 168}}, {12, {200, 72, 1008}},
            {13, {72, 72, 168}},   {14, {160, 40, 1008}}, {15, {160, 88, 168}},  {16, {144, 96, 168}},
            {17, {200, 80, 816}},  {18, {168, 168, 168}}, {19, {312, 312, 312}}, {20, {120, 72, 186}},
            {21, {272, 272, 360}}, {22, {168, 168, 168}}, {23, {160, 160, 160}}, {24, {168, 160, 168}},
            {25, {100, 40, 168}},  {26, {120, 60, 1004}}, {27, {96, 96, 96}},
        };
        const Bounds b = bounds.at(type);
        switch (below(10)) {
        case 0:
            return b.fewest;
        case 1:
            return b.most;
        case 2:
            return b.fewest + below(b.most - b.fewest + 1);
        case 3:
            return b.fewest - 1 - below(4); // too short
        case 4:
            // Too long (27: its other length; 21: past the 368 bits gpsd takes, see above).
            return type == 27 ? 168 : type == 21 ? 369 + below(4) : b.most + 1 + below(4);
        default:
            return b.nominal;
        }
    }

    // The protocol's "not available" values, and values past them.
    void sentinels(std::vector<bool> &bits, int type)
    {
        auto maybe = [&](int at, int width, std::initializer_list<qint64> values) {
            if (chance(3))
                set(bits, at, width, values.begin()[below(int(values.size()))]);
        };
        switch (type) {
        case 1:
        case 2:
        case 3:
            maybe(42, 8, {-128, 127, -127, 0, 1, -1, 126, -126});
            maybe(50, 10, {1023, 1022, 0});
            maybe(61, 28, {181 * 600000, -180 * 600000, 0});
            maybe(89, 27, {91 * 600000, -90 * 600000});
            maybe(116, 12, {3600, 3599, 4095});
            maybe(128, 9, {511, 359, 360});
            maybe(137, 6, {60, 61, 62, 63});
            break;
        case 4:
        case 11:
            maybe(38, 14, {0});
            maybe(61, 5, {24});
            maybe(79, 28, {181 * 600000});
            maybe(107, 27, {91 * 600000});
            break;
        case 9:
            maybe(38, 12, {4095, 4094});
            maybe(50, 10, {1023, 1022});
            maybe(61, 28, {181 * 600000});
            maybe(116, 12, {3600});
            break;
        case 18:
        case 19:
            maybe(46, 10, {1023});
            maybe(57, 28, {181 * 600000});
            maybe(85, 27, {91 * 600000});
            maybe(112, 12, {3600});
            maybe(124, 9, {511});
            break;
        case 21:
            maybe(164, 28, {181 * 600000});
            maybe(192, 27, {91 * 600000});
            break;
        case 27:
            maybe(44, 18, {181 * 600, 30, -30, 90, -90});
            maybe(62, 17, {91 * 600, 30, -30});
            maybe(79, 6, {63});
            maybe(85, 9, {511});
            break;
        case 24:
            set(bits, 38, 2, chance(8) ? 2 + below(2) : below(2));
            break;
        default:
            break;
        }
    }

    static char armour(int v) { return char(v < 40 ? v + 48 : v + 56); }

    QByteArray sentences(const std::vector<bool> &bits)
    {
        const int n = int(bits.size());
        const int fill = (6 - n % 6) % 6;
        QByteArray payload;
        for (int at = 0; at < n; at += 6) {
            int v = 0;
            for (int i = 0; i < 6; ++i)
                v = (v << 1) | (at + i < n && bits[std::size_t(at + i)] ? 1 : 0);
            payload += armour(v);
        }
        const int count = int((payload.size() + 59) / 60);
        mSequence = (mSequence + 1) % 10;
        QByteArray out;
        for (int i = 0; i < count; ++i) {
            const QByteArray body = "AIVDM," + QByteArray::number(count) + ',' + QByteArray::number(i + 1) + ',' +
                                    (count > 1 ? QByteArray::number(mSequence) : QByteArray()) + ",A," +
                                    payload.mid(i * 60, 60) + ',' + QByteArray::number(i == count - 1 ? fill : 0);
            int sum = 0;
            for (char c : body)
                sum ^= c;
            out += '!' + body + '*' + QByteArray::number(sum, 16).toUpper().rightJustified(2, '0') + '\n';
        }
        return out;
    }

    std::vector<bool> randomBits(int type, int n, quint32 mmsi)
    {
        std::vector<bool> bits(std::size_t(std::max(n, 0)));
        for (auto &&b : bits)
            b = next() & 1;
        set(bits, 0, 6, type);
        set(bits, 8, 30, mmsi);
        return bits;
    }

    QByteArray messageOfType(int type)
    {
        // Auxiliary craft (98XXXYYYY) now and then, for type 24's mother ship.
        const quint32 mmsi = chance(6) ? 980000000u + quint32(below(10000000)) : quint32(1 + below(999999999));
        if (type == 24) {
            // Mostly part A then part B of the same vessel; sometimes a lone part, or B before A.
            std::vector<bool> a = randomBits(24, chance(5) ? length(24) : 160, mmsi);
            set(a, 38, 2, 0);
            std::vector<bool> b = randomBits(24, chance(5) ? length(24) : 168, mmsi);
            set(b, 38, 2, 1);
            if (chance(10))
                sentinels(b, 24);
            switch (below(6)) {
            case 0:
                return sentences(a);
            case 1:
                return sentences(b);
            case 2:
                return sentences(b) + sentences(a);
            default:
                return sentences(a) + sentences(b);
            }
        }
        std::vector<bool> bits = randomBits(type, length(type), mmsi);
        sentinels(bits, type);
        return sentences(bits);
    }

    quint64 mState;
    int mSequence = 0;
};
