#pragma once

#include "ais/aisformat.h"
#include "ais/aismessage.h"
#include "ais/bitbuffer.h"

#include <condition_variable>
#include <cstdio>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace sightline::ais {

/// Writes decoded messages as JSON lines or CSV to a stream, formatting on a
/// second thread so that decoding and formatting run side by side on two
/// cores. Messages come out in the order they went in.
class AisStreamWriter
{
public:
    enum class Format
    {
        JsonLines,
        Csv
    };

    /// `scaled` false writes the protocol's integers, as gpsdecode -u.
    AisStreamWriter(std::FILE *out, Format format, bool scaled = true);
    ~AisStreamWriter();
    AisStreamWriter(const AisStreamWriter &) = delete;
    AisStreamWriter &operator=(const AisStreamWriter &) = delete;

    /// Queues one message (copied, with its bits when the format reads them).
    void add(const AisMessage &message, const Heard &heard, const BitBuffer &bits);
    /// Writes everything queued, flushes the stream and stops the thread.
    void finish();

private:
    struct Batch
    {
        std::vector<AisMessage> messages;
        std::vector<Heard> heard;
        std::vector<BitBuffer> bits; ///< filled only for types that needsBitsToFormat
        std::size_t count = 0;
    };
    static constexpr std::size_t kBatchSize = 2048;
    static constexpr std::size_t kBatchesInFlight = 4;

    void run();
    std::unique_ptr<Batch> takeFreeBatch();

    std::FILE *mOut;
    Format mFormat;
    bool mScaled;
    std::unique_ptr<Batch> mCurrent;
    std::mutex mMutex;
    std::condition_variable mChanged;
    std::deque<std::unique_ptr<Batch>> mFull;
    std::vector<std::unique_ptr<Batch>> mFree;
    bool mDone = false;
    std::thread mThread;
};

} // namespace sightline::ais
