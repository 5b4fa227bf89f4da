#pragma once

#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace sightline {

/// Splits CSV records in place, without an allocation per row: each field is a view into the
/// file's bytes, or into `scratch` when quotes had to be undone ("a ""b""" → a "b"). A quoted
/// field may hold delimiters and line breaks.
class CsvRecordReader
{
public:
    CsvRecordReader(const char *begin, const char *end)
        : mPos(begin)
        , mEnd(end)
    {
        // A byte-order mark (spreadsheets write one) is not part of the first column's name.
        if (mEnd - mPos >= 3 && std::memcmp(mPos, "\xEF\xBB\xBF", 3) == 0)
            mPos += 3;
    }

    /// The delimiter of a header line: whichever of , ; tab | it has most of.
    static char sniffDelimiter(std::string_view line)
    {
        char best = ',';
        long most = -1;
        for (char c : {',', ';', '\t', '|'}) {
            long n = 0;
            for (char x : line)
                n += x == c;
            if (n > most) {
                most = n;
                best = c;
            }
        }
        return best;
    }
    /// The first line, up to its line break (for sniffing).
    std::string_view firstLine() const
    {
        const void *nl = std::memchr(mPos, '\n', std::size_t(mEnd - mPos));
        return {mPos, std::size_t((nl ? static_cast<const char *>(nl) : mEnd) - mPos)};
    }

    bool atEnd() const { return mPos >= mEnd; }
    const char *position() const { return mPos; }
    /// The line number the next record starts on (1-based).
    long long line() const { return mLine; }

    /// Reads the next record into `fields` (cleared first). Returns false at the end.
    bool next(char delimiter, std::vector<std::string_view> &fields)
    {
        fields.clear();
        if (mPos >= mEnd)
            return false;
        mScratch.clear();
        const char *lineEnd = static_cast<const char *>(std::memchr(mPos, '\n', std::size_t(mEnd - mPos)));
        if (!lineEnd)
            lineEnd = mEnd;
        // Most rows have no quote: split on the delimiter alone.
        if (!std::memchr(mPos, '"', std::size_t(lineEnd - mPos))) {
            const char *p = mPos;
            const char *stop = lineEnd;
            if (stop > p && stop[-1] == '\r')
                --stop;
            for (;;) {
                const char *d = static_cast<const char *>(std::memchr(p, delimiter, std::size_t(stop - p)));
                if (!d) {
                    fields.emplace_back(p, std::size_t(stop - p));
                    break;
                }
                fields.emplace_back(p, std::size_t(d - p));
                p = d + 1;
            }
            mPos = lineEnd < mEnd ? lineEnd + 1 : mEnd;
            ++mLine;
            return true;
        }
        return nextQuoted(delimiter, fields);
    }

private:
    bool nextQuoted(char delimiter, std::vector<std::string_view> &fields)
    {
        // Offsets into mScratch: views are made once the scratch has stopped growing.
        std::vector<std::pair<std::size_t, std::size_t>> spans;
        bool quoted = false;
        std::size_t start = 0;
        const char *p = mPos;
        for (; p < mEnd; ++p) {
            const char c = *p;
            if (quoted) {
                if (c == '"' && p + 1 < mEnd && p[1] == '"') {
                    mScratch += '"';
                    ++p;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n')
                        ++mLine;
                    mScratch += c;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == delimiter) {
                spans.emplace_back(start, mScratch.size() - start);
                start = mScratch.size();
            } else if (c == '\n') {
                break;
            } else if (c != '\r') {
                mScratch += c;
            }
        }
        spans.emplace_back(start, mScratch.size() - start);
        for (const auto &[offset, size] : spans)
            fields.emplace_back(mScratch.data() + offset, size);
        mPos = p < mEnd ? p + 1 : mEnd;
        ++mLine;
        return true;
    }

    const char *mPos;
    const char *mEnd;
    long long mLine = 1;
    std::string mScratch;
};

} // namespace sightline
